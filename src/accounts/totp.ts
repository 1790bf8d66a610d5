import type { Kysely } from 'kysely';
import { Secret, TOTP } from 'otpauth';
import type { Database } from '../db/schema.ts';

// RFC 6238 defaults every authenticator app understands: SHA-1, 6 digits, 30 s.
const totpFor = (secretBase32: string, username: string) =>
  new TOTP({ issuer: 'Azad', label: username, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secretBase32) });

export function newTotpSecret(username: string) {
  const secret = new Secret({ size: 20 }).base32;
  return { secret, otpauthUrl: totpFor(secret, username).toString() };
}

const PERIOD_MS = 30_000;

/**
 * The time step a code belongs to, accepting one step either side for clock drift;
 * null when the code is wrong. Callers refuse a step already used (no replay).
 */
export function totpStep(secretBase32: string, username: string, code: string, now = Date.now()): number | null {
  const delta = totpFor(secretBase32, username).validate({ token: code, window: 1, timestamp: now });
  return delta === null ? null : Math.floor(now / PERIOD_MS) + delta;
}

/** Records a step as used unless it (or a later one) was; false means a replayed code. */
export async function claimTotpStep(db: Kysely<Database>, userId: string, step: number): Promise<boolean> {
  const res = await db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** A valid code that was not used before; the step is claimed atomically. */
export async function acceptTotp(db: Kysely<Database>, user: { id: string; username: string }, secretBase32: string, code: string): Promise<boolean> {
  const step = totpStep(secretBase32, user.username, code);
  return step !== null && (await claimTotpStep(db, user.id, step));
}

/** The code an authenticator shows at a moment (tests and the CLI use it). */
export function currentTotp(secretBase32: string, timestamp = Date.now()): string {
  return totpFor(secretBase32, 'x').generate({ timestamp });
}
