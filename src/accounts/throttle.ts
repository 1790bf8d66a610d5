import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

// Kept in the database, not in memory, so the limit holds across app servers.
export const FAILURE_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_USERNAME = 5;
export const MAX_FAILURES_PER_IP = 30;

/** When the account or address may try again, or null when it may try now. */
export async function lockedUntil(db: Kysely<Database>, username: string, ip: string): Promise<Date | null> {
  const since = new Date(Date.now() - FAILURE_WINDOW_MINUTES * 60_000);
  const byUser = await db
    .selectFrom('login_failures')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('at').as('last')])
    .where('username', '=', username)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  const byIp = await db
    .selectFrom('login_failures')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('at').as('last')])
    .where('ip', '=', ip)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  for (const [row, max] of [[byUser, MAX_FAILURES_PER_USERNAME], [byIp, MAX_FAILURES_PER_IP]] as const) {
    if (Number(row.n) >= max && row.last) return new Date(new Date(row.last).getTime() + FAILURE_WINDOW_MINUTES * 60_000);
  }
  return null;
}

export async function recordLoginFailure(db: Kysely<Database>, username: string, ip: string) {
  await db.insertInto('login_failures').values({ username, ip, at: new Date() }).execute();
}

export async function clearLoginFailures(db: Kysely<Database>, username: string) {
  await db.deleteFrom('login_failures').where('username', '=', username).execute();
}
