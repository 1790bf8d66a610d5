// Historical series: imported aggregates for years before the records, records after.
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { appendAudit, type AuditEntry } from '../audit/record.ts';
import type { Database } from '../db/schema.ts';
import { invalid, type FieldError } from '../errors.ts';
import { prosecutionFigures } from '../prosecution/statistics.ts';
import { calendarYear, type Figure } from './figure.ts';

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

export interface SeriesPoint {
  year: number;
  value: number;
  breakdown: Record<string, number>;
  source: 'records' | 'imported';
}

/**
 * One figure year by year: the imported aggregate where there is one, else the records' figure.
 * Starts at the earliest imported year or the earliest year with records, whichever comes first.
 */
export async function series(db: Kysely<Database>, figureId: string, to: number, fromRecords: (year: number) => Promise<Figure | undefined>, firstRecordYear: number | null = null): Promise<SeriesPoint[]> {
  const imported = await db.selectFrom('historical_aggregates').selectAll().where('figure_id', '=', figureId).where('year', '<=', to).orderBy('year').execute();
  const byYear = new Map(imported.map((r) => [r.year, r]));
  const from = Math.min(imported[0]?.year ?? to, firstRecordYear ?? to, to);
  const out: SeriesPoint[] = [];
  for (let y = from; y <= to; y++) {
    const row = byYear.get(y);
    if (row) out.push({ year: y, value: Number(row.value), breakdown: row.breakdown ?? {}, source: 'imported' });
    else {
      const f = await fromRecords(y);
      out.push({ year: y, value: f?.value ?? 0, breakdown: { ...(f?.breakdown ?? {}) }, source: 'records' });
    }
  }
  return out;
}

/** The first year a date column has a value in, or null. */
async function firstYear(db: Kysely<Database>, table: 'persons' | 'crime_facts' | 'procedural_steps', column: string, where?: ReturnType<typeof sql>) {
  const r = await sql<{ y: number | null }>`select min(extract(year from ${sql.ref(column)}))::int as y from ${sql.table(table)} ${where ? sql`where ${where}` : sql``}`.execute(db);
  return r.rows[0]?.y ?? null;
}

/** Victims identified per year, by sex, from the first imported year to Y. */
export async function victimsSeries(db: Kysely<Database>, to: number) {
  const first = await firstYear(db, 'persons', 'identified_on');
  return series(db, 'victims.identified', to, async (year) => {
    const p = calendarYear(year);
    const rows = await db
      .selectFrom('persons')
      .select(['gender', sql<number>`count(*)`.as('n')])
      .where(sql<boolean>`identified_on between ${p.from}::date and ${p.to}::date`)
      .groupBy('gender')
      .execute();
    const breakdown = Object.fromEntries(rows.map((r) => [r.gender, Number(r.n)]));
    return { id: 'victims.identified', value: rows.reduce((s, r) => s + Number(r.n), 0), breakdown };
  }, first);
}

/** A cumulative figure over a series: "victims identified 2005–2023, by sex". */
export function cumulative(prefix: string, points: SeriesPoint[], suffix: string): Figure | null {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return null;
  const breakdown: Record<string, number> = {};
  let value = 0;
  for (const p of points) {
    value += p.value;
    for (const [k, n] of Object.entries(p.breakdown)) breakdown[k] = (breakdown[k] ?? 0) + n;
  }
  const parts = Object.values(breakdown).reduce((s, n) => s + n, 0);
  return { id: `${prefix}_${first.year}_${last.year}${suffix}`, value, breakdown, unknown: value - parts, parts: 'partition' };
}

/** A registry figure year by year: imported where there is one, else from the registry's records. */
const registrySeries = (db: Kysely<Database>, figureId: string, to: number, first: number | null) =>
  series(db, figureId, to, async (year) => (await prosecutionFigures(db, year)).find((f) => f.id === figureId), first);

/** The series the report's charts and cumulative figures need, each from its first imported year to Y. */
export async function reportSeries(db: Kysely<Database>, to: number) {
  return {
    victims: await victimsSeries(db, to),
    defendants: await registrySeries(db, 'defendants.charged', to, await firstYear(db, 'procedural_steps', 'on_date', sql`stage = 'charged'`)),
    crimes: await registrySeries(db, 'crimes.by_article', to, await firstYear(db, 'crime_facts', 'registered_on')),
  };
}
export type ReportSeries = Awaited<ReturnType<typeof reportSeries>>;
