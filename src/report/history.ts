// Historical aggregates: figures of years before the records, imported from earlier reports.
// Series and cumulative totals read them (src/report/definition/evaluate.ts).
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { appendAudit, type AuditEntry } from '../audit/record.ts';
import type { Database } from '../db/schema.ts';
import { invalid, type FieldError } from '../errors.ts';

const FigureId = z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/, 'a figure id such as victims.identified');

export const HistoricalAggregate = z.strictObject({
  id: FigureId,
  year: z.number().int().min(1990).max(2100),
  value: z.number().min(0),
  breakdown: z.record(z.string().min(1).max(60), z.number().int().min(0)).optional(),
  source: z.string().trim().min(1).max(500),
});
export type HistoricalAggregate = z.infer<typeof HistoricalAggregate>;
export const HistoricalImport = z.strictObject({ aggregates: z.array(HistoricalAggregate).min(1).max(10_000) });

/**
 * Stores imported aggregates, all or nothing: a breakdown must sum to its value, and each
 * (figure, year) appears once per file. Re-importing a (figure, year) replaces it.
 */
export async function importAggregates(trx: Kysely<Database>, rows: HistoricalAggregate[], who: { userId: string | null }, audit: Omit<AuditEntry, 'action' | 'outcome'>) {
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    const key = `${r.id}@${r.year}`;
    if (seen.has(key)) problems.push({ path: `aggregates.${i}`, message: `${r.id} for ${r.year} appears twice` });
    seen.add(key);
    if (r.breakdown) {
      const sum = Object.values(r.breakdown).reduce((s, n) => s + n, 0);
      if (sum !== r.value) problems.push({ path: `aggregates.${i}.breakdown`, message: `${r.id} ${r.year}: the parts sum to ${sum}, not ${r.value}` });
    }
  });
  if (problems.length) throw invalid('The historical aggregates are not consistent', problems);
  for (const r of rows) {
    await trx
      .insertInto('historical_aggregates')
      .values({ figure_id: r.id, year: r.year, value: r.value, breakdown: r.breakdown ? JSON.stringify(r.breakdown) : null, source: r.source, imported_by: who.userId })
      .onConflict((oc) => oc.columns(['figure_id', 'year']).doUpdateSet((eb) => ({ value: eb.ref('excluded.value'), breakdown: eb.ref('excluded.breakdown'), source: eb.ref('excluded.source'), imported_by: eb.ref('excluded.imported_by'), imported_at: new Date() })))
      .execute();
  }
  await appendAudit(trx, { ...audit, action: 'report.history.import', outcome: 'ok', details: { rows: rows.length, figures: [...new Set(rows.map((r) => r.id))] } });
  return { rows: rows.length };
}
