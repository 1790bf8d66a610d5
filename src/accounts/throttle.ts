import type { Kysely } from 'kysely';
import { matchKey, type FieldKey } from '../crypto/fields.ts';
import type { Database } from '../db/schema.ts';
import { clientNetwork } from '../limits/network.ts';

// Kept in the database, not in memory, so the limit holds across app servers.
export const FAILURE_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_USERNAME = 5;
export const MAX_FAILURES_PER_IP = 30;

/** Attempts are filed under a keyed hash: what people type as a username may be a password. */
export const attemptKey = (key: FieldKey, username: string) => matchKey(key, `login:${username}`);

/**
 * Files one attempt before the password is checked, then counts: parallel guesses each see the
 * others, so no burst gets more than the limit of real checks. Returns when the caller may try
 * again, or null when this attempt may proceed. A successful sign-in clears the username's rows.
 */
export async function fileAttempt(db: Kysely<Database>, who: string, ip: string): Promise<Date | null> {
  const now = new Date();
  const since = new Date(now.getTime() - FAILURE_WINDOW_MINUTES * 60_000);
  await db.deleteFrom('login_failures').where('at', '<', since).execute();
  // Counted per network: an IPv6 client by its /64, which it can otherwise rotate through.
  const net = clientNetwork(ip);
  await db.insertInto('login_failures').values({ username: who, ip: net, at: now }).execute();
  const count = (column: 'username' | 'ip', value: string) =>
    db
      .selectFrom('login_failures')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('at').as('first')])
      .where(column, '=', value)
      .where('at', '>', since)
      .executeTakeFirstOrThrow();
  for (const [row, max] of [[await count('username', who), MAX_FAILURES_PER_USERNAME], [await count('ip', net), MAX_FAILURES_PER_IP]] as const) {
    // This attempt is the (max+1)th within the window: refused until the window has moved on.
    if (Number(row.n) > max) return new Date(now.getTime() + FAILURE_WINDOW_MINUTES * 60_000);
  }
  return null;
}

export async function clearLoginFailures(db: Kysely<Database>, who: string) {
  await db.deleteFrom('login_failures').where('username', '=', who).execute();
}
