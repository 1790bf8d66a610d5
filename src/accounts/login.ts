import type { Kysely } from 'kysely';
import type { Role } from '../access/roles.ts';
import type { FieldKey } from '../crypto/fields.ts';
import { decryptField } from '../crypto/fields.ts';
import type { Database } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { getSecuritySettings } from '../settings/settings.ts';
import { decoyHash, verifyPassword } from './passwords.ts';
import type { LoginInput, Me } from './schema.ts';
import { createSession, type SessionPolicy } from './sessions.ts';
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
  if (totpEnabled) return false;
  const { secondFactorRequiredRoles } = await getSecuritySettings(db);
  return roles.some((r) => secondFactorRequiredRoles.includes(r as Role));
}

/**
 * Checks the throttle, the password and, when enrolled, the TOTP code; then opens a session.
 * Failures say as little as possible: a wrong username and a wrong password look the same.
 */
export async function logIn(db: Kysely<Database>, key: FieldKey, policy: SessionPolicy, input: LoginInput, ip: string): Promise<LoginOutcome> {
  const who = attemptKey(key, input.username);
  const until = await fileAttempt(db, who, ip);
  if (until) {
    const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
    throw new AppError('account_locked', `Too many failed attempts; try again in ${minutes} minute(s)`);
  }
  const user = await db.selectFrom('users').selectAll().where('username', '=', input.username).executeTakeFirst();
  const passwordOk = await verifyPassword(user?.password_hash ?? (await decoyHash()), input.password);
  if (!user || !user.active || !passwordOk) {
    throw new AppError('invalid_credentials', 'Wrong username or password');
  }
  if (user.totp_enabled && user.totp_secret) {
    if (!input.totp) throw new AppError('second_factor_required', 'Enter the six-digit code from your authenticator app', [{ path: 'totp', message: 'required' }]);
    if (!(await acceptTotp(db, user, decryptField(key, user.totp_secret), input.totp))) {
      throw new AppError('invalid_credentials', 'Wrong authentication code', [{ path: 'totp', message: 'wrong code' }]);
    }
  }
  const enrol = await mustEnrolSecondFactor(db, user.roles, user.totp_enabled);
  await clearLoginFailures(db, who);
  const row = await db.updateTable('users').set({ last_login_at: new Date() }).where('id', '=', user.id).returningAll().executeTakeFirstOrThrow();
  const { token, csrfToken } = await createSession(db, user.id, !enrol, policy);
  return {
    token,
    me: { user: toUser(row), csrfToken, secondFactorEnrolmentRequired: enrol },
    actor: { id: user.id, username: user.username, agencyId: user.agency_id },
  };
}
