import { sql, type Kysely, type Selectable } from 'kysely';
import type { Role } from '../access/roles.ts';
import { appendAudit, type AuditEntry } from '../audit/record.ts';
import type { Database } from '../db/schema.ts';
import { conflict, forbidden, notFound } from '../errors.ts';
import { issueCode } from './codes.ts';
import { CreateUserInput, UpdateUserInput, type AccountChange, type OneTimeCode, type User } from './schema.ts';
import type { AccountChangesTable } from './table.ts';
import { createUserWithCode, getUser, updateUser } from './users.ts';

type Audit = Omit<AuditEntry, 'action' | 'outcome'>;
// Approval is an administrator's act on any account: no scope narrows it.
const everyone = sql<boolean>`true`;

// Who holds these reads the trail or controls every account: no one administrator changes them alone.
const GUARDED_ROLES: readonly Role[] = ['administrator', 'auditor'];
const guarded = (roles: readonly Role[] | undefined) => (roles ?? []).some((r) => GUARDED_ROLES.includes(r));

/** A new account with a guarded role needs a second administrator. */
export const creationNeedsApproval = (input: CreateUserInput) => guarded(input.roles);

/** Roles, reactivation or a second-factor reset of an administrator or auditor (or making one) need a second administrator. */
export function updateNeedsApproval(before: User, input: UpdateUserInput): boolean {
  if (!guarded(before.roles) && !guarded(input.roles)) return false;
  const rolesChange = input.roles !== undefined && [...new Set(input.roles)].sort().join() !== [...before.roles].sort().join();
  return rolesChange || (input.active === true && !before.active) || input.resetSecondFactor === true;
}

/**
 * A reset code needs a second administrator when the account is guarded, or when the code would be
 * its only credential: an account without a second factor. With a factor, the issuing administrator
 * learns a password but still cannot sign in.
 */
export const resetNeedsApproval = (target: User) => guarded(target.roles) || !target.totpEnabled;

async function present(db: Kysely<Database>, row: Selectable<AccountChangesTable>): Promise<AccountChange> {
  const names = await db.selectFrom('users').select(['id', 'username']).where('id', 'in', [row.requested_by, row.decided_by, row.user_id].filter((x): x is string => x !== null)).execute();
  const nameOf = (id: string | null) => names.find((n) => n.id === id)?.username ?? null;
  const change = row.change as Record<string, unknown>;
  return {
    id: row.id,
    kind: row.kind,
    userId: row.user_id,
    username: nameOf(row.user_id) ?? String(change.username ?? ''),
    change,
    status: row.status,
    requestedBy: nameOf(row.requested_by) ?? '',
    requestedAt: row.requested_at.toISOString(),
    decidedBy: nameOf(row.decided_by),
    decidedAt: row.decided_at ? row.decided_at.toISOString() : null,
  };
}

/** Files a change for a second administrator; the trail records the proposal. */
export async function proposeChange(trx: Kysely<Database>, kind: AccountChange['kind'], userId: string | null, change: Record<string, unknown>, audit: Audit): Promise<AccountChange> {
  if (!audit.actor) throw forbidden('A proposal needs a signed-in administrator');
  const row = await trx.insertInto('account_changes').values({ kind, user_id: userId, change: JSON.stringify(change), requested_by: audit.actor.id }).returningAll().executeTakeFirstOrThrow();
  // Names and e-mails stay out of the trail, as in every account change.
  const fields = Object.keys(change).filter((k) => k !== 'displayName' && k !== 'email');
  await appendAudit(trx, { ...audit, action: 'users.change_proposed', outcome: 'ok', targetType: 'user', targetId: userId, details: { ...audit.details, changeId: row.id, kind, fields, roles: change.roles } });
  return present(trx, row);
}

export async function listChanges(db: Kysely<Database>, status?: AccountChange['status']) {
  let q = db.selectFrom('account_changes').selectAll().orderBy('requested_at', 'desc').limit(200);
  if (status) q = q.where('status', '=', status);
  const rows = await q.execute();
  return { items: await Promise.all(rows.map((r) => present(db, r))) };
}

async function pendingRow(trx: Kysely<Database>, id: string) {
  const row = await trx.selectFrom('account_changes').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw notFound('Change');
  if (row.status !== 'pending') throw conflict('This change was already decided');
  return row;
}

/** Applies a pending change on the word of an administrator other than the one who proposed it. */
export async function approveChange(trx: Kysely<Database>, id: string, audit: Audit): Promise<{ change: AccountChange; user: User; oneTimeCode: OneTimeCode | null }> {
  const row = await pendingRow(trx, id);
  const approver = audit.actor?.id;
  if (!approver || approver === row.requested_by) throw forbidden('A second administrator must approve this change');
  if (row.user_id === approver) throw forbidden('Nobody approves a change to their own account');
  const via: Audit = { ...audit, details: { ...audit.details, changeId: id, approvedFor: row.requested_by } };
  let user: User;
  let oneTimeCode: OneTimeCode | null = null;
  switch (row.kind) {
    case 'create': {
      const created = await createUserWithCode(trx, CreateUserInput.parse(row.change), via);
      ({ oneTimeCode, ...user } = created);
      break;
    }
    case 'update':
      user = await updateUser(trx, everyone, row.user_id!, UpdateUserInput.parse(row.change), via);
      break;
    case 'reset':
      user = await getUser(trx, everyone, row.user_id!);
      oneTimeCode = await issueResetCode(trx, user, via);
      break;
    default: {
      const never: never = row.kind;
      throw new Error(`unknown change ${String(never)}`);
    }
  }
  const decided = await trx.updateTable('account_changes').set({ status: 'approved', decided_by: approver, decided_at: new Date(), user_id: user.id }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  await appendAudit(trx, { ...audit, action: 'users.change_approved', outcome: 'ok', targetType: 'user', targetId: user.id, details: { ...audit.details, changeId: id, kind: row.kind, requestedBy: row.requested_by } });
  return { change: await present(trx, decided), user, oneTimeCode };
}

/** Turns a pending change down; the proposer may withdraw their own. */
export async function rejectChange(trx: Kysely<Database>, id: string, audit: Audit): Promise<AccountChange> {
  await pendingRow(trx, id);
  const decided = await trx.updateTable('account_changes').set({ status: 'rejected', decided_by: audit.actor?.id ?? null, decided_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  await appendAudit(trx, { ...audit, action: 'users.change_rejected', outcome: 'ok', targetType: 'user', targetId: decided.user_id, details: { ...audit.details, changeId: id } });
  return present(trx, decided);
}

/** Issues a one-time code that lets the person choose a new password; the trail records who and when, never the code. */
export async function issueResetCode(trx: Kysely<Database>, target: User, audit: Audit): Promise<OneTimeCode> {
  const code = await issueCode(trx, target.id, 'reset', audit.actor?.id ?? null);
  await appendAudit(trx, { ...audit, action: 'users.code_issued', outcome: 'ok', targetType: 'user', targetId: target.id, details: { ...audit.details, purpose: 'reset', expiresAt: code.expiresAt } });
  return code;
}

/** Issues a code that opens only the first second-factor enrolment; useless without the password. */
export async function issueEnrolmentCode(trx: Kysely<Database>, target: User, audit: Audit): Promise<OneTimeCode> {
  if (target.totpEnabled) throw conflict('This account already has a second factor');
  const code = await issueCode(trx, target.id, 'enrolment', audit.actor?.id ?? null);
  await appendAudit(trx, { ...audit, action: 'users.code_issued', outcome: 'ok', targetType: 'user', targetId: target.id, details: { ...audit.details, purpose: 'enrolment', expiresAt: code.expiresAt } });
  return code;
}
