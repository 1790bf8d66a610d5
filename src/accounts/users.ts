import { sql, type Expression, type Kysely, type Selectable, type SqlBool, type Updateable } from 'kysely';
import type { Role } from '../access/roles.ts';
import { hiddenOrMissing, type ScopeColumns } from '../access/scope.ts';
import { appendAudit, fieldChanges, type AuditEntry } from '../audit/record.ts';
import type { Database } from '../db/schema.ts';
import { conflict, forbidden, invalid } from '../errors.ts';
import { getSecuritySettings } from '../settings/settings.ts';
import { hashPassword, passwordProblems } from './passwords.ts';
import { enforceSecondFactorPolicy } from './sessions.ts';
import { randomBytes } from 'node:crypto';
import { issueCode } from './codes.ts';
import type { CreateUserInput, NewAccount, OneTimeCode, UpdateUserInput, User } from './schema.ts';
import type { UsersTable } from './table.ts';

/** How the access rules' scopes apply to the users table. */
export const userScope: ScopeColumns = { own: 'users.id', agency: 'users.agency_id' };

// Staff names and e-mails stay out of the trail; secrets are never written there.
const MASKED_FIELDS = ['displayName', 'email', 'password', 'totp'] as const;

/** The presenter: what of a user row may leave the server. */
export function toUser(row: Selectable<UsersTable>): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    email: row.email,
    agencyId: row.agency_id,
    roles: row.roles as Role[],
    active: row.active,
    language: row.language as User['language'],
    totpEnabled: row.totp_enabled,
    mustChangePassword: row.must_change_password,
    lastLoginAt: row.last_login_at ? row.last_login_at.toISOString() : null,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export interface UserQuery {
  agencyId?: string | undefined;
  role?: Role | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
}

export async function listUsers(db: Kysely<Database>, visible: Expression<SqlBool>, query: UserQuery) {
  let base = db.selectFrom('users').where(visible);
  if (query.agencyId) base = base.where('users.agency_id', '=', query.agencyId);
  if (query.role) base = base.where(sql<SqlBool>`${query.role} = any(users.roles)`);
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`).toLowerCase()}%`;
    base = base.where((eb) => eb.or([eb('users.username', 'like', like), eb(eb.fn('lower', ['users.display_name']), 'like', like)]));
  }
  const [rows, count] = await Promise.all([
    base.selectAll('users').orderBy('users.username').limit(query.limit).offset(query.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toUser), total: Number(count.n) };
}

/** One user, through the same visibility filter as the list. */
export async function getUser(db: Kysely<Database>, visible: Expression<SqlBool>, id: string): Promise<User> {
  const row = await db.selectFrom('users').selectAll().where(visible).where('users.id', '=', id).executeTakeFirst();
  if (!row) throw await hiddenOrMissing(db, 'users', id, 'User');
  return toUser(row);
}

// Separation of duties: whoever administers accounts or audits them holds no role that reaches victims.
const PERSON_DATA_ROLES: readonly Role[] = ['coordinator', 'police_investigator', 'hotline_operator', 'case_worker', 'prosecutor'];

function assertRoleCombination(roles: readonly Role[]) {
  const has = (r: Role) => roles.includes(r);
  if ((has('administrator') || has('auditor')) && roles.some((r) => PERSON_DATA_ROLES.includes(r))) {
    throw invalid('Administrators and auditors cannot also hold a role that reaches victim records', [{ path: 'roles', message: 'administrator/auditor cannot be combined with coordinator, police_investigator, hotline_operator, case_worker or prosecutor' }]);
  }
  if (has('administrator') && has('auditor')) throw invalid('The administrator cannot audit their own work', [{ path: 'roles', message: 'administrator and auditor cannot be combined' }]);
}

async function assertAgency(db: Kysely<Database>, agencyId: string) {
  const agency = await db.selectFrom('agencies').select('id').where('id', '=', agencyId).executeTakeFirst();
  if (!agency) throw invalid('Unknown agency', [{ path: 'agencyId', message: 'no such agency' }]);
}

/** What a new account must satisfy; also run when the account is only proposed. */
export async function checkCreate(db: Kysely<Database>, input: CreateUserInput) {
  assertRoleCombination(input.roles);
  await assertAgency(db, input.agencyId);
  const taken = await db.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst();
  if (taken) throw conflict('That username is taken', [{ path: 'username', message: 'already exists' }]);
}

/** What a change must satisfy; also run when the change is only proposed. */
export async function checkUpdate(db: Kysely<Database>, id: string, input: UpdateUserInput, actorId: string | undefined) {
  if (actorId === id && (input.roles !== undefined || input.agencyId !== undefined || input.active !== undefined || input.resetSecondFactor)) {
    throw forbidden('Nobody changes their own roles, agency, status or second factor; ask another administrator');
  }
  if (input.roles) assertRoleCombination(input.roles);
  if (input.agencyId) await assertAgency(db, input.agencyId);
}

/** An account with a known password: only for callers with the server's OS access (CLI, first run, demo, tests). */
export async function createUser(trx: Kysely<Database>, input: NewAccount, audit: Omit<AuditEntry, 'action' | 'outcome'>): Promise<User> {
  const problems = passwordProblems(input.password, { username: input.username });
  if (problems.length) throw invalid('The password does not meet the policy', problems);
  await checkCreate(trx, input);
  const row = await trx
    .insertInto('users')
    .values({
      username: input.username,
      display_name: input.displayName,
      email: input.email ?? null,
      agency_id: input.agencyId,
      roles: [...new Set(input.roles)],
      password_hash: await hashPassword(input.password),
      must_change_password: input.mustChangePassword ?? false,
      language: input.language ?? 'az',
    })
    .returningAll()
    .executeTakeFirstOrThrow()
    .catch((err: unknown) => {
      // Two concurrent creates both pass the check above; the unique index decides, and the loser gets the same 409.
      if ((err as { code?: unknown }).code === '23505') throw conflict('That username is taken', [{ path: 'username', message: 'already exists' }]);
      throw err;
    });
  const user = toUser(row);
  await appendAudit(trx, {
    ...audit,
    action: 'users.create',
    outcome: 'ok',
    targetType: 'user',
    targetId: user.id,
    details: { changes: fieldChanges({}, { ...user, password: 'set' }, { masked: MASKED_FIELDS }) },
  });
  return user;
}

/**
 * The API's way to make an account: nobody knows its password; the returned one-time code lets
 * the person choose their own (and enrol a required second factor) at first sign-in.
 */
export async function createUserWithCode(trx: Kysely<Database>, input: CreateUserInput, audit: Omit<AuditEntry, 'action' | 'outcome'>): Promise<User & { oneTimeCode: OneTimeCode }> {
  const user = await createUser(trx, { ...input, password: randomBytes(32).toString('base64url') }, audit);
  const oneTimeCode = await issueCode(trx, user.id, 'reset', audit.actor?.id ?? null);
  await appendAudit(trx, { ...audit, action: 'users.code_issued', outcome: 'ok', targetType: 'user', targetId: user.id, details: { ...audit.details, purpose: 'activation', expiresAt: oneTimeCode.expiresAt } });
  return { ...user, oneTimeCode };
}

export async function updateUser(
  trx: Kysely<Database>,
  visible: Expression<SqlBool>,
  id: string,
  input: UpdateUserInput,
  audit: Omit<AuditEntry, 'action' | 'outcome'>,
): Promise<User> {
  const before = await getUser(trx, visible, id);
  await checkUpdate(trx, id, input, audit.actor?.id);
  const set: Updateable<UsersTable> = { updated_at: new Date() };
  if (input.displayName !== undefined) set.display_name = input.displayName;
  if (input.email !== undefined) set.email = input.email;
  if (input.agencyId !== undefined) set.agency_id = input.agencyId;
  if (input.roles !== undefined) set.roles = [...new Set(input.roles)];
  if (input.active !== undefined) set.active = input.active;
  if (input.language !== undefined) set.language = input.language;
  if (input.resetSecondFactor) {
    set.totp_secret = null;
    set.totp_enabled = false;
  }
  const row = await trx.updateTable('users').set(set).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  const after = toUser(row);
  // A deactivated user or a removed factor ends every open session.
  if (input.active === false || input.resetSecondFactor) {
    await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
    // A code issued while the factor stood would otherwise become the account's only credential.
    await trx.deleteFrom('account_codes').where('user_id', '=', id).where('used_at', 'is', null).execute();
  }
  if (input.roles !== undefined) await enforceSecondFactorPolicy(trx, (await getSecuritySettings(trx)).secondFactorRequiredRoles);
  await appendAudit(trx, {
    ...audit,
    action: 'users.update',
    outcome: 'ok',
    targetType: 'user',
    targetId: id,
    details: {
      changes: fieldChanges(
        { ...before, totp: before.totpEnabled ? 'enrolled' : 'none' },
        { ...after, totp: input.resetSecondFactor ? 'none' : undefined },
        { masked: MASKED_FIELDS },
      ),
    },
  });
  return after;
}
