import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { appendAudit, type AuditEntry } from '../audit/record.ts';
import { decryptField, decryptOptional, encryptField, type FieldKey } from '../crypto/fields.ts';
import type { Database } from '../db/schema.ts';
import { conflict } from '../errors.ts';
import type { ActiveHolds, Holds } from './schema.ts';

type AuditBase = Omit<AuditEntry, 'action' | 'outcome'>;

/** Puts a legal hold on a person (a court order, an open investigation): retention skips them until it is cleared. */
export async function setHold(trx: Kysely<Database>, key: FieldKey, personId: string, reason: string, userId: string, audit: AuditBase) {
  const person = await trx.selectFrom('persons').select(['anonymised_at', 'case_code']).where('id', '=', personId).executeTakeFirstOrThrow();
  if (person.anonymised_at) throw conflict('The record was anonymised already; there is nothing left to hold');
  const active = await trx.selectFrom('retention_holds').select('id').where('person_id', '=', personId).where('cleared_at', 'is', null).executeTakeFirst();
  if (active) throw conflict('A legal hold is already in force on this person', [{ path: 'reason', message: 'clear the hold in force first' }]);
  const row = await trx.insertInto('retention_holds').values({ person_id: personId, reason_enc: encryptField(key, reason), set_by: userId, cleared_by: null, cleared_at: null, clear_reason_enc: null }).returning('id').executeTakeFirstOrThrow();
  // The reason is free text that may name people: the trail says that a hold was set, not why.
  await appendAudit(trx, { ...audit, action: 'retention.hold_set', outcome: 'ok', targetType: 'person', targetId: personId, details: { holdId: row.id, caseCode: person.case_code } });
  return row.id;
}

export async function clearHold(trx: Kysely<Database>, key: FieldKey, personId: string, reason: string, userId: string, audit: AuditBase) {
  const cleared = await trx
    .updateTable('retention_holds')
    .set({ cleared_at: new Date(), cleared_by: userId, clear_reason_enc: encryptField(key, reason) })
    .where('person_id', '=', personId)
    .where('cleared_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (!cleared) throw conflict('No legal hold is in force on this person');
  await appendAudit(trx, { ...audit, action: 'retention.hold_cleared', outcome: 'ok', targetType: 'person', targetId: personId, details: { holdId: cleared.id } });
}

export async function holdsOf(db: Kysely<Database>, key: FieldKey, personId: string): Promise<z.infer<typeof Holds>> {
  const rows = await db.selectFrom('retention_holds').selectAll().where('person_id', '=', personId).orderBy('set_at', 'desc').execute();
  const holds = rows.map((r) => ({
    id: r.id,
    reason: decryptField(key, r.reason_enc),
    setBy: r.set_by,
    setAt: r.set_at.toISOString(),
    clearedBy: r.cleared_by,
    clearedAt: r.cleared_at?.toISOString() ?? null,
    clearReason: decryptOptional(key, r.clear_reason_enc),
  }));
  return { active: holds.find((h) => h.clearedAt === null) ?? null, history: holds };
}

/** Every hold in force, with the person's case code, newest first: the coordinator's overview. */
export async function activeHolds(db: Kysely<Database>, key: FieldKey): Promise<z.infer<typeof ActiveHolds>> {
  const rows = await db
    .selectFrom('retention_holds as h')
    .innerJoin('persons as p', 'p.id', 'h.person_id')
    .select(['h.id', 'h.person_id', 'p.case_code', 'h.reason_enc', 'h.set_at'])
    .where('h.cleared_at', 'is', null)
    .orderBy('h.set_at', 'desc')
    .orderBy('h.id')
    .execute();
  return { items: rows.map((r) => ({ id: r.id, personId: r.person_id, caseCode: r.case_code, reason: decryptField(key, r.reason_enc), setAt: r.set_at.toISOString() })) };
}
