import type { Kysely, Selectable } from 'kysely';
import type { Role } from '../access/roles.ts';
import type { FieldKey } from '../crypto/fields.ts';
import { decryptField } from '../crypto/fields.ts';
import { appendAudit } from '../audit/record.ts';
import type { Database } from '../db/schema.ts';
import { AppError, invalid } from '../errors.ts';
import { getSecuritySettings, securityAndDemo } from '../settings/settings.ts';
import type { SecuritySettings } from '../settings/schema.ts';
import { findCode, useCode } from './codes.ts';
import { decoyHash, hashPassword, passwordProblems, verifyPassword } from './passwords.ts';
import type { LoginInput, Me, ResetInput } from './schema.ts';
import { createSession, destroyUserSessions, type SessionPolicy } from './sessions.ts';
import type { UsersTable } from './table.ts';
import { attemptKey, clearLoginFailures, fileAttempt } from './throttle.ts';
import { acceptTotp } from './totp.ts';
import { toUser } from './users.ts';

export interface LoginOutcome {
  token: string;
  me: Me;
  actor: { id: string; username: string; agencyId: string };
}

/** Whether the user's roles oblige them to a second factor they have not yet set up. */
export async function mustEnrolSecondFactor(db: Kysely<Database>, roles: readonly string[], totpEnabled: boolean) {
  return !totpEnabled && enrolmentRequired(await getSecuritySettings(db), roles);
}

const enrolmentRequired = ({ secondFactorRequiredRoles }: SecuritySettings, roles: readonly string[]) => roles.some((r) => secondFactorRequiredRoles.includes(r as Role));

/** What the client learns about itself, from its user row. */
export async function meOf(db: Kysely<Database>, row: Selectable<UsersTable>, csrfToken: string): Promise<Me> {
  const { security, demo } = await securityAndDemo(db);
  return { user: toUser(row), csrfToken, secondFactorEnrolmentRequired: !row.totp_enabled && enrolmentRequired(security, row.roles), demo };
}

/** Files one attempt against the username's and the address's counts; throws `account_locked` past either. */
export async function throttle(db: Kysely<Database>, key: FieldKey, username: string, ip: string) {
  const who = attemptKey(key, username);
  const until = await fileAttempt(db, who, ip);
  if (until) {
    const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
    throw new AppError('account_locked', `Too many failed attempts; try again in ${minutes} minute(s)`, [], { params: { minutes } });
  }
  return who;
}

/** An enrolled user's code, checked once (no replay). */
async function checkTotp(db: Kysely<Database>, key: FieldKey, user: Selectable<UsersTable>, totp: string | undefined) {
  if (!user.totp_enabled || !user.totp_secret) return;
  if (!totp) throw new AppError('second_factor_required', 'Enter the six-digit code from your authenticator app', [{ path: 'totp', message: 'required' }]);
  if (!(await acceptTotp(db, user, decryptField(key, user.totp_secret), totp))) {
    throw new AppError('invalid_credentials', 'Wrong authentication code', [{ path: 'totp', message: 'wrong code' }]);
  }
}

async function openSession(db: Kysely<Database>, user: Selectable<UsersTable>, policy: SessionPolicy, opts: { endOtherSessions?: boolean | undefined; enrolmentAllowed?: boolean }): Promise<LoginOutcome> {
  const enrol = await mustEnrolSecondFactor(db, user.roles, user.totp_enabled);
  const row = await db.updateTable('users').set({ last_login_at: new Date() }).where('id', '=', user.id).returningAll().executeTakeFirstOrThrow();
  const { token, csrfToken } = await createSession(db, user.id, !enrol, policy, enrol && opts.enrolmentAllowed === true);
  if (opts.endOtherSessions) await destroyUserSessions(db, user.id, token);
  return { token, me: await meOf(db, row, csrfToken), actor: { id: user.id, username: user.username, agencyId: user.agency_id } };
}

/**
 * Checks the throttle, the password and, when enrolled, the TOTP code; then opens a session.
 * Failures say as little as possible: a wrong username and a wrong password look the same.
 */
export async function logIn(db: Kysely<Database>, key: FieldKey, policy: SessionPolicy, input: LoginInput, ip: string): Promise<LoginOutcome> {
  const who = await throttle(db, key, input.username, ip);
  const user = await db.selectFrom('users').selectAll().where('username', '=', input.username).executeTakeFirst();
  const passwordOk = await verifyPassword(user?.password_hash ?? (await decoyHash()), input.password);
  if (!user || !user.active || !passwordOk) {
    throw new AppError('invalid_credentials', 'Wrong username or password');
  }
  await checkTotp(db, key, user, input.totp);
  await clearLoginFailures(db, who);
  return openSession(db, user, policy, { endOtherSessions: input.endOtherSessions });
}

/**
 * Completes an administrator's one-time reset: the person chooses their own password and is signed
 * in. An enrolled factor is still asked for, so a reset alone never hands over such an account;
 * an account that owes its first factor may enrol it in this session without another code.
 */
export async function completeReset(db: Kysely<Database>, key: FieldKey, policy: SessionPolicy, input: ResetInput, ip: string): Promise<LoginOutcome> {
  // The policy is checked first: it reveals nothing about the account, and a weak choice is no failed attempt.
  const problems = passwordProblems(input.newPassword, { username: input.username, field: 'newPassword' });
  if (problems.length) throw invalid('The new password does not meet the policy', problems);
  const who = await throttle(db, key, input.username, ip);
  const user = await db.selectFrom('users').selectAll().where('username', '=', input.username).executeTakeFirst();
  const code = user?.active ? await findCode(db, user.id, ['reset'], input.code) : undefined;
  if (!user || !code) throw new AppError('invalid_credentials', 'Wrong username or code', [{ path: 'code', message: 'wrong or expired code' }]);
  await checkTotp(db, key, user, input.totp);
  const hash = await hashPassword(input.newPassword);
  if (!(await useCode(db, code.id))) throw new AppError('invalid_credentials', 'Wrong username or code', [{ path: 'code', message: 'wrong or expired code' }]);
  const row = await db.updateTable('users').set({ password_hash: hash, password_changed_at: new Date(), must_change_password: false, updated_at: new Date() }).where('id', '=', user.id).returningAll().executeTakeFirstOrThrow();
  // Whoever knew the old password is signed out.
  await destroyUserSessions(db, user.id);
  await clearLoginFailures(db, who);
  await appendAudit(db, { actor: { id: user.id, username: user.username, agencyId: user.agency_id }, action: 'users.password_reset', outcome: 'ok', targetType: 'user', targetId: user.id, ip });
  return openSession(db, row, policy, { enrolmentAllowed: true });
}
