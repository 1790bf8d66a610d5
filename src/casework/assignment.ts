import { sql, type Kysely } from 'kysely';
import { scopesFor } from '../access/rules.ts';
import type { Role } from '../access/roles.ts';
import { appendAudit, type AuditEntry } from '../audit/record.ts';
import { decryptOptional, encryptOptional, type FieldKey } from '../crypto/fields.ts';
import type { Database } from '../db/schema.ts';
import { invalid } from '../errors.ts';
import { notify } from '../notifications/notifications.ts';

type AuditBase = Omit<AuditEntry, 'action' | 'outcome'>;

/** Roles whose work is the case itself: the ones that may change a person record. */
const caseRoles = (roles: string[]) => scopesFor(roles as Role[], 'persons.update').length > 0;

/** Active staff of the person's owning agency who work on cases. */
export async function assignable(db: Kysely<Database>, personId: string) {
  const users = await db
    .selectFrom('users')
    .innerJoin('persons', 'persons.owner_agency_id', 'users.agency_id')
    .select(['users.id', 'users.display_name', 'users.roles'])
    .where('persons.id', '=', personId)
    .where('users.active', '=', true)
    .orderBy('users.display_name')
    .execute();
  return users.filter((u) => caseRoles(u.roles)).map((u) => ({ id: u.id, displayName: u.display_name }));
}

export async function assignmentOf(db: Kysely<Database>, key: FieldKey, personId: string) {
  const person = await db
    .selectFrom('persons')
    .leftJoin('users', 'users.id', 'persons.assigned_to')
    .select(['users.id', 'users.display_name'])
    .where('persons.id', '=', personId)
    .executeTakeFirstOrThrow();
  const history = await db
    .selectFrom('assignments as a')
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .innerJoin('users as b', 'b.id', 'a.assigned_by')
    .select(['u.id as user_id', 'u.display_name as user_name', 'b.id as by_id', 'b.display_name as by_name', 'a.assigned_at', 'a.reason_enc'])
    .where('a.person_id', '=', personId)
    .orderBy('a.assigned_at', 'desc')
    .orderBy('a.id', 'desc')
    .execute();
  return {
    current: person.id && person.display_name ? { id: person.id, displayName: person.display_name } : null,
    history: history.map((h) => ({
      user: h.user_id && h.user_name ? { id: h.user_id, displayName: h.user_name } : null,
      assignedBy: { id: h.by_id, displayName: h.by_name },
      assignedAt: h.assigned_at.toISOString(),
      reason: decryptOptional(key, h.reason_enc),
    })),
    candidates: await assignable(db, personId),
  };
}

/** Assigns (or, with null, unassigns) the case; every change is a row, and the new worker is notified. */
export async function assign(trx: Kysely<Database>, key: FieldKey, personId: string, userId: string | null, reason: string | undefined, by: string, audit: AuditBase) {
  if (userId !== null && !(await assignable(trx, personId)).some((u) => u.id === userId)) {
    throw invalid('The case can be assigned only to active staff of its owning agency who work on cases', [{ path: 'userId', message: 'not a case worker of the owning agency' }]);
  }
  const person = await trx.selectFrom('persons').select(['assigned_to', 'case_code']).where('id', '=', personId).executeTakeFirstOrThrow();
  if (person.assigned_to === userId) return;
  await trx.updateTable('persons').set({ assigned_to: userId, updated_at: sql`now()` }).where('id', '=', personId).execute();
  await trx.insertInto('assignments').values({ person_id: personId, user_id: userId, assigned_by: by, reason_enc: encryptOptional(key, reason) }).execute();
  if (userId !== null && userId !== by) await notify(trx, [userId], { kind: 'case_assigned', personId, caseCode: person.case_code });
  await appendAudit(trx, { ...audit, action: 'persons.assign', outcome: 'ok', targetType: 'person', targetId: personId, details: { caseCode: person.case_code, from: person.assigned_to, to: userId } });
}
