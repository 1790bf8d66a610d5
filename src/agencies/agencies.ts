import type { Kysely, Selectable } from 'kysely';
import { appendAudit, fieldChanges, type AuditEntry } from '../audit/record.ts';
import type { Database } from '../db/schema.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import type { Profile } from '../profile/schema.ts';
import type { Agency, CreateAgencyInput, UpdateAgencyInput } from './schema.ts';
import type { AgenciesTable } from './table.ts';

export function toAgency(row: Selectable<AgenciesTable>): Agency {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind as Agency['kind'],
    level: row.level as Agency['level'],
    regionCode: row.region_code,
    active: row.active,
  };
}

export async function listAgencies(db: Kysely<Database>) {
  const rows = await db.selectFrom('agencies').selectAll().orderBy('level').orderBy('code').execute();
  return rows.map(toAgency);
}

export async function agencyByCode(db: Kysely<Database>, code: string) {
  const row = await db.selectFrom('agencies').selectAll().where('code', '=', code).executeTakeFirst();
  return row ? toAgency(row) : undefined;
}

function assertRegion(profile: Profile, regionCode: string | null | undefined) {
  if (regionCode && !profile.regions.regions.some((r) => r.code === regionCode)) {
    throw invalid('Unknown region', [{ path: 'regionCode', message: `no region "${regionCode}" in the country profile` }]);
  }
}

type AuditBase = Omit<AuditEntry, 'action' | 'outcome'>;

export async function createAgency(trx: Kysely<Database>, profile: Profile, input: CreateAgencyInput, audit: AuditBase) {
  assertRegion(profile, input.regionCode);
  if (await agencyByCode(trx, input.code)) throw conflict('That agency code is taken', [{ path: 'code', message: 'already exists' }]);
  const row = await trx
    .insertInto('agencies')
    .values({ code: input.code, name: JSON.stringify(input.name), kind: input.kind, level: input.level, region_code: input.regionCode ?? null })
    .returningAll()
    .executeTakeFirstOrThrow();
  const agency = toAgency(row);
  await appendAudit(trx, { ...audit, action: 'agencies.create', outcome: 'ok', targetType: 'agency', targetId: agency.id, details: { changes: fieldChanges({}, agency) } });
  return agency;
}

export async function updateAgency(trx: Kysely<Database>, profile: Profile, id: string, input: UpdateAgencyInput, audit: AuditBase) {
  const before = await trx.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
  if (!before) throw notFound('Agency');
  assertRegion(profile, input.regionCode);
  const row = await trx
    .updateTable('agencies')
    .set({
      ...(input.name ? { name: JSON.stringify(input.name) } : {}),
      ...(input.kind ? { kind: input.kind } : {}),
      ...(input.level ? { level: input.level } : {}),
      ...(input.regionCode !== undefined ? { region_code: input.regionCode } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const agency = toAgency(row);
  await appendAudit(trx, { ...audit, action: 'agencies.update', outcome: 'ok', targetType: 'agency', targetId: id, details: { changes: fieldChanges(toAgency(before), agency) } });
  return agency;
}

/** Adds the profile's agencies that the database lacks; never overwrites an administrator's edits. */
export async function seedAgenciesFromProfile(db: Kysely<Database>, profile: Profile): Promise<number> {
  const existing = new Set((await db.selectFrom('agencies').select('code').execute()).map((r) => r.code));
  const missing = profile.agencies.filter((a) => !existing.has(a.code));
  if (missing.length === 0) return 0;
  await db
    .insertInto('agencies')
    .values(missing.map((a) => ({ code: a.code, name: JSON.stringify(a.label), kind: a.kind, level: a.level, region_code: a.region ?? null })))
    .execute();
  return missing.length;
}
