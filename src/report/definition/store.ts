// Where a year's definition comes from: its own stored row, else the latest earlier year's (the
// coordinator starts next year from this year's), else the one shipped in the country profile.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { appendAudit, type AuditEntry } from '../../audit/record.ts';
import type { Database } from '../../db/schema.ts';
import { AppError, invalid } from '../../errors.ts';
import { profileDir } from '../../profile/load.ts';
import type { IndicatorCatalogue, Profile } from '../../profile/schema.ts';
import { catalogueFor } from '../../indicators/store.ts';
import { checkDefinition } from './check.ts';
import { ReportDefinition } from './schema.ts';
import type { DefinitionProblem } from '../problems.ts';

export interface DefinitionInForce {
  year: number;
  /** `stored`: the year's own; `inherited`: the latest earlier year's (`fromYear`); `profile`: shipped. */
  source: 'stored' | 'inherited' | 'profile';
  fromYear: number | null;
  definition: ReportDefinition;
}

const shipped = new Map<string, ReportDefinition>();

/** The profile's definition (`profiles/<code>/report-definition.json`), validated once. */
export async function profileDefinition(profile: Profile): Promise<ReportDefinition> {
  const code = profile.settings.code.toLowerCase();
  const cached = shipped.get(code);
  if (cached) return cached;
  const file = join(profileDir(code), 'report-definition.json');
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    throw new AppError('not_found', `The country profile has no report definition (${file}: ${(e as Error).message})`);
  }
  const def = parseDefinition(raw, profile);
  shipped.set(code, def);
  return def;
}

/** zod, then the checks against the profile; every problem named by its path. */
export function parseDefinition(raw: unknown, profile: Profile, catalogue?: IndicatorCatalogue): ReportDefinition {
  const parsed = ReportDefinition.safeParse(raw);
  if (!parsed.success) throw invalid('The report definition is not valid', parsed.error.issues.map((i): DefinitionProblem => ({ path: i.path.join('.'), code: 'shape', params: { detail: i.message }, message: i.message })));
  const errors = checkDefinition(parsed.data, profile, catalogue);
  if (errors.length) throw invalid('The report definition is not valid', errors);
  return parsed.data;
}

export async function definitionFor(db: Kysely<Database>, profile: Profile, year: number): Promise<DefinitionInForce> {
  const row = await db.selectFrom('report_definitions').select(['year', 'definition']).where('year', '<=', year).orderBy('year', 'desc').limit(1).executeTakeFirst();
  if (row) return { year, source: row.year === year ? 'stored' : 'inherited', fromYear: row.year, definition: row.definition as ReportDefinition };
  return { year, source: 'profile', fromYear: null, definition: await profileDefinition(profile) };
}

/** Stores a year's definition (checked whole) and audits it. */
export async function saveDefinition(trx: Kysely<Database>, profile: Profile, year: number, raw: unknown, who: { userId: string | null }, audit: Omit<AuditEntry, 'action' | 'outcome'>) {
  const def = parseDefinition(raw, profile, await catalogueFor(trx, profile, year));
  const published = await trx.selectFrom('report_editions').select('edition').where('year', '=', year).where('superseded_at', 'is', null).executeTakeFirst();
  await trx
    .insertInto('report_definitions')
    .values({ year, definition: JSON.stringify(def), updated_by: who.userId })
    .onConflict((oc) => oc.column('year').doUpdateSet({ definition: JSON.stringify(def), updated_by: who.userId, updated_at: new Date() }))
    .execute();
  await appendAudit(trx, { ...audit, action: 'report.definition', outcome: 'ok', targetType: 'report', details: { year, figures: def.figures.length, sections: def.sections.length, afterPublication: Boolean(published) } });
  return def;
}
