import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { z } from 'zod';
import { appendAudit, type AuditEntry } from '../audit/record.ts';
import { encryptOptional, type FieldKey } from '../crypto/fields.ts';
import type { Database } from '../db/schema.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import type { LinkInput, Merge } from './schema.ts';
import type { MovedRows } from './table.ts';

type AuditBase = Omit<AuditEntry, 'action' | 'outcome'>;

/**
 * The person's child rows a merge moves, with the condition under which a row stays behind: the
 * survivor already has its like and a unique key would refuse a second one. The merged record's
 * assignment history and its notifications move too, so they open the record that stands; the
 * survivor's current assignee (its own field) does not change.
 */
const MOVED_TABLES: { table: string; staysIf?: (survivor: string) => RawBuilder<boolean> }[] = [
  { table: 'identification_decisions' },
  { table: 'exploitation_events' },
  { table: 'consents' },
  { table: 'consent_overrides' },
  // At most one open referral per person and agency.
  { table: 'referrals', staysIf: (s) => sql<boolean>`t.status in ('sent', 'accepted') and exists (select 1 from referrals s where s.person_id = ${s} and s.to_agency_id = t.to_agency_id and s.status in ('sent', 'accepted'))` },
  { table: 'assistance' },
  { table: 'payments' },
  { table: 'children' },
  { table: 'case_notes' },
  { table: 'attachments' },
  { table: 'hotline_contacts' },
  { table: 'screening_questionnaires' },
  { table: 'assignments' },
  { table: 'notifications' },
  // One reflection period per person.
  { table: 'reflection_periods', staysIf: (s) => sql<boolean>`exists (select 1 from reflection_periods s where s.person_id = ${s})` },
  { table: 'case_victims', staysIf: (s) => sql<boolean>`exists (select 1 from case_victims s where s.person_id = ${s} and s.case_id = t.case_id)` },
  { table: 'fact_victims', staysIf: (s) => sql<boolean>`exists (select 1 from fact_victims s where s.person_id = ${s} and s.fact_id = t.fact_id)` },
];

async function lockPair(trx: Kysely<Database>, one: string, two: string) {
  // Always in id order, so two merges of the same pair cannot deadlock.
  const rows = await trx.selectFrom('persons').select(['id', 'case_code', 'merged_into', 'anonymised_at']).where('id', 'in', [one, two]).orderBy('id').forUpdate().execute();
  const find = (id: string, path: string) => {
    const r = rows.find((x) => x.id === id);
    if (!r) throw invalid('No such person', [{ path, message: 'no such person' }]);
    return r;
  };
  return [find(one, 'survivorId'), find(two, 'mergedId')] as const;
}

/**
 * Merges `mergedId` into `survivorId`: the merged record's child rows move to the survivor (each
 * moved id kept in the merge, so an undo moves exactly those back), and the merged record points
 * at the survivor and drops out of every list. The survivor's own fields do not change.
 */
export async function mergePersons(trx: Kysely<Database>, key: FieldKey, input: { survivorId: string; mergedId: string; reason?: string | undefined }, userId: string, audit: AuditBase) {
  if (input.survivorId === input.mergedId) throw invalid('A record cannot be merged into itself', [{ path: 'mergedId', message: 'must differ from survivorId' }]);
  const [survivor, merged] = await lockPair(trx, input.survivorId, input.mergedId);
  for (const [r, path] of [[survivor, 'survivorId'], [merged, 'mergedId']] as const) {
    if (r.merged_into) throw conflict('The record was merged already', [{ path, message: `merged into ${r.merged_into}` }]);
    if (r.anonymised_at) throw conflict('The record is anonymised', [{ path, message: 'anonymised records are not merged' }]);
  }
  const moved: MovedRows = {};
  const kept: Record<string, number> = {};
  for (const { table, staysIf } of MOVED_TABLES) {
    const stays = staysIf ? staysIf(survivor.id) : sql<boolean>`false`;
    const rows = await sql<{ id: string; stays: boolean }>`select t.id, ${stays} as stays from ${sql.table(table)} t where t.person_id = ${merged.id} order by t.id`.execute(trx);
    const ids = rows.rows.filter((r) => !r.stays).map((r) => r.id);
    const left = rows.rows.length - ids.length;
    if (left) kept[table] = left;
    if (ids.length === 0) continue;
    await sql`update ${sql.table(table)} set person_id = ${survivor.id} where id = any(${sql.val(ids)}::uuid[])`.execute(trx);
    moved[table] = ids;
  }
  await trx.updateTable('persons').set({ merged_into: survivor.id, updated_at: new Date() }).where('id', '=', merged.id).execute();
  const row = await trx
    .insertInto('person_merges')
    .values({ survivor_id: survivor.id, merged_id: merged.id, moved: JSON.stringify(moved), reason_enc: encryptOptional(key, input.reason), merged_by: userId, undone_by: null, undone_at: null })
    .returning(['id', 'merged_at'])
    .executeTakeFirstOrThrow();
  const counts = Object.fromEntries(Object.entries(moved).map(([t, ids]) => [t, ids.length]));
  await appendAudit(trx, {
    ...audit,
    action: 'duplicates.merge',
    outcome: 'ok',
    targetType: 'person',
    targetId: survivor.id,
    details: { mergeId: row.id, survivor: survivor.case_code, merged: merged.case_code, mergedId: merged.id, moved: counts, kept },
  });
  return { id: row.id, survivorId: survivor.id, mergedId: merged.id, moved: counts, kept, mergedAt: row.merged_at.toISOString(), undoneAt: null } satisfies z.infer<typeof Merge>;
}

/**
 * Undoes a merge: exactly the rows it moved go back to the merged record, which reappears. Refused
 * when any of them has since moved on (the survivor was merged in turn: undo that first) or is gone.
 */
export async function undoMerge(trx: Kysely<Database>, mergeId: string, userId: string, audit: AuditBase) {
  const m = await trx.selectFrom('person_merges').selectAll().where('id', '=', mergeId).forUpdate().executeTakeFirst();
  if (!m) throw notFound('Merge');
  if (m.undone_at) throw conflict('The merge was undone already');
  const [survivor, merged] = await lockPair(trx, m.survivor_id, m.merged_id);
  if (merged.merged_into !== survivor.id) throw conflict('The merged record no longer points at the survivor');
  if (survivor.merged_into) throw conflict('The survivor was merged into another record since; undo that merge first');
  const moved = m.moved;
  for (const [table, ids] of Object.entries(moved)) {
    const back = await sql`update ${sql.table(table)} set person_id = ${merged.id} where id = any(${sql.val(ids)}::uuid[]) and person_id = ${survivor.id}`.execute(trx);
    if (Number(back.numAffectedRows ?? 0) !== ids.length) throw conflict(`Rows of ${table} moved by this merge have changed since; the merge cannot be undone exactly`);
  }
  await trx.updateTable('persons').set({ merged_into: null, updated_at: new Date() }).where('id', '=', merged.id).execute();
  const at = new Date();
  await trx.updateTable('person_merges').set({ undone_at: at, undone_by: userId }).where('id', '=', mergeId).execute();
  const counts = Object.fromEntries(Object.entries(moved).map(([t, ids]) => [t, ids.length]));
  await appendAudit(trx, { ...audit, action: 'duplicates.undo', outcome: 'ok', targetType: 'person', targetId: merged.id, details: { mergeId, survivor: survivor.case_code, merged: merged.case_code, movedBack: counts } });
  return counts;
}

export async function mergeOf(db: Kysely<Database>, mergeId: string): Promise<z.infer<typeof Merge>> {
  const m = await db.selectFrom('person_merges').selectAll().where('id', '=', mergeId).executeTakeFirst();
  if (!m) throw notFound('Merge');
  return {
    id: m.id,
    survivorId: m.survivor_id,
    mergedId: m.merged_id,
    moved: Object.fromEntries(Object.entries(m.moved).map(([t, ids]) => [t, ids.length])),
    kept: {},
    mergedAt: m.merged_at.toISOString(),
    undoneAt: m.undone_at?.toISOString() ?? null,
  };
}

/** Records the coordinator's decision on a pair without merging; the pair then leaves the candidate list. */
export async function linkPersons(trx: Kysely<Database>, key: FieldKey, input: z.infer<typeof LinkInput>, userId: string, audit: AuditBase) {
  if (input.personA === input.personB) throw invalid('A record cannot be linked to itself', [{ path: 'personB', message: 'must differ from personA' }]);
  const [a, b] = input.personA < input.personB ? [input.personA, input.personB] : [input.personB, input.personA];
  const found = await trx.selectFrom('persons').select(['id', 'case_code']).where('id', 'in', [a, b]).execute();
  if (found.length !== 2) throw invalid('No such person', [{ path: found.some((f) => f.id === input.personA) ? 'personB' : 'personA', message: 'no such person' }]);
  const row = await trx
    .insertInto('person_links')
    .values({ person_a: a, person_b: b, kind: input.kind, reason_enc: encryptOptional(key, input.reason), created_by: userId })
    .onConflict((oc) => oc.columns(['person_a', 'person_b']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) throw conflict('The pair is linked already');
  await appendAudit(trx, { ...audit, action: 'duplicates.link', outcome: 'ok', targetType: 'person', targetId: a, details: { linkId: row.id, kind: input.kind, personB: b, caseCodes: found.map((f) => f.case_code).sort() } });
  return row.id;
}
