// Where a year's indicator catalogue comes from: its own stored row, else the latest earlier year's
// (the coordinator starts next year from this year's), else the profile's indicators.json.
import type { Kysely } from 'kysely';
import { appendAudit, type AuditEntry } from '../audit/record.ts';
import type { Database } from '../db/schema.ts';
import { conflict, invalid, type FieldError } from '../errors.ts';
import { IndicatorCatalogue, type Profile } from '../profile/schema.ts';
import { checkCatalogue } from './check.ts';
import type { CatalogueOut } from './schema.ts';

type Db = Kysely<Database>;
type Audit = Omit<AuditEntry, 'action' | 'outcome'>;

/** The year a period ("2024" or "2024-Q2") belongs to. */
export const yearOfPeriod = (period: string) => Number(period.slice(0, 4));

/** The catalogue in force for a year, with where it comes from. */
export async function catalogueInForce(db: Db, profile: Profile, year: number): Promise<CatalogueOut> {
  const row = await db
    .selectFrom('indicator_catalogues')
    .leftJoin('users', 'users.id', 'indicator_catalogues.updated_by')
    .select(['indicator_catalogues.year', 'indicator_catalogues.catalogue', 'indicator_catalogues.updated_at', 'users.username'])
    .where('indicator_catalogues.profile', '=', profile.settings.code)
    .where('indicator_catalogues.year', '<=', year)
    .orderBy('indicator_catalogues.year', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return { year, source: 'profile', fromYear: null, updatedAt: null, updatedBy: null, catalogue: profile.indicators };
  // Stored catalogues were checked when saved; parsing again fills the defaults of fields added since.
  return { year, source: row.year === year ? 'stored' : 'inherited', fromYear: row.year, updatedAt: row.updated_at.toISOString(), updatedBy: row.username, catalogue: IndicatorCatalogue.parse(row.catalogue) };
}

/** The catalogue for a year: stored for that year, else the latest earlier stored, else the profile's. */
export async function catalogueFor(db: Db, profile: Profile, year: number): Promise<IndicatorCatalogue> {
  return (await catalogueInForce(db, profile, year)).catalogue;
}

/** New id → the ids it continues (`renamedFrom`), from a year's catalogue: last year's values are found under them. */
export const renamesIn = (c: IndicatorCatalogue): Map<string, string[]> => new Map(c.indicators.filter((i) => i.renamedFrom.length > 0).map((i) => [i.id, [...i.renamedFrom]]));

/** zod, then the checks against the profile; every problem named by its path. */
export function parseCatalogue(raw: unknown, profile: Profile): IndicatorCatalogue {
  const parsed = IndicatorCatalogue.safeParse(raw);
  if (!parsed.success) throw invalid('The indicator catalogue is not valid', parsed.error.issues.map((i): FieldError => ({ path: i.path.join('.'), message: i.message })));
  const errors = checkCatalogue(parsed.data, profile);
  if (errors.length) throw invalid('The indicator catalogue is not valid', errors);
  return parsed.data;
}

/** Indicators (and attributes) with figures in the year's submissions: they may be retired, never removed. */
async function inUse(db: Db, year: number) {
  const rows = await db
    .selectFrom('submission_values')
    .innerJoin('submissions', 'submissions.id', 'submission_values.submission_id')
    .select(['submission_values.indicator_id', 'submission_values.attribute'])
    .where((eb) => eb.or([eb('submissions.period', '=', String(year)), eb('submissions.period', 'like', `${year}-Q_`)]))
    .groupBy(['submission_values.indicator_id', 'submission_values.attribute'])
    .execute();
  return rows;
}

async function store(trx: Db, profile: Profile, year: number, c: IndicatorCatalogue, userId: string | null) {
  const catalogue = JSON.stringify(c);
  await trx
    .insertInto('indicator_catalogues')
    .values({ profile: profile.settings.code, year, catalogue, updated_by: userId })
    .onConflict((oc) => oc.columns(['profile', 'year']).doUpdateSet({ catalogue, updated_by: userId, updated_at: new Date() }))
    .execute();
}

/** Stores a year's catalogue (checked whole) and audits what changed against the one in force before. */
export async function saveCatalogue(trx: Db, profile: Profile, year: number, raw: unknown, who: { userId: string | null }, audit: Audit): Promise<IndicatorCatalogue> {
  const c = parseCatalogue(raw, profile);
  const ids = new Map(c.indicators.map((i) => [i.id, i]));
  const missing = (await inUse(trx, year)).filter((r) => {
    const ind = ids.get(r.indicator_id);
    return !ind || (r.attribute !== '' && !ind.attributes.some((a) => a.id === r.attribute));
  });
  if (missing.length) {
    throw invalid('Indicators with figures for this year cannot be removed', missing.map((r) => ({
      path: 'indicators',
      message: r.attribute ? `"${r.indicator_id}" has "${r.attribute}" figures for ${year}: keep the attribute` : `"${r.indicator_id}" has figures for ${year}: retire it instead of removing it`,
    })));
  }
  const before = await catalogueFor(trx, profile, year);
  const was = new Map(before.indicators.map((i) => [i.id, i]));
  await store(trx, profile, year, c, who.userId);
  await appendAudit(trx, {
    ...audit,
    action: 'indicators.catalogue',
    outcome: 'ok',
    targetType: 'indicator_catalogue',
    details: {
      year,
      indicators: c.indicators.length,
      added: c.indicators.filter((i) => !was.has(i.id)).map((i) => i.id),
      removed: before.indicators.filter((i) => !ids.has(i.id)).map((i) => i.id),
      retired: c.indicators.filter((i) => i.retired && !was.get(i.id)?.retired).map((i) => i.id),
      changed: c.indicators.filter((i) => was.has(i.id) && JSON.stringify(was.get(i.id)) !== JSON.stringify(i)).map((i) => i.id),
    },
  });
  return c;
}

/** Starts a year's own catalogue from the one in force for the year before; refused if the year has its own already. */
export async function startCatalogue(trx: Db, profile: Profile, year: number, who: { userId: string | null }, audit: Audit): Promise<IndicatorCatalogue> {
  const own = await trx.selectFrom('indicator_catalogues').select('id').where('profile', '=', profile.settings.code).where('year', '=', year).executeTakeFirst();
  if (own) throw conflict(`${year} has its own catalogue already`, [{ path: 'year', message: 'already started' }]);
  const from = await catalogueInForce(trx, profile, year - 1);
  await store(trx, profile, year, from.catalogue, who.userId);
  await appendAudit(trx, { ...audit, action: 'indicators.start', outcome: 'ok', targetType: 'indicator_catalogue', details: { year, from: from.fromYear ?? 'profile', indicators: from.catalogue.indicators.length } });
  return from.catalogue;
}
