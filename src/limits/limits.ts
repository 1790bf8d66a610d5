import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * The kinds of costly work a user may ask for only so often (configured in `Config.limits`);
 * `public` counts anonymous reads of the public statistics per client address.
 */
export const limitNames = ['pdf', 'render', 'screening', 'export', 'public'] as const;
export type LimitName = (typeof limitNames)[number];

export interface RateLimit {
  max: number;
  seconds: number;
}

export interface Hit {
  allowed: boolean;
  hits: number;
  /** Seconds until the current window ends. */
  retryAfter: number;
}

/**
 * Counts one request of `key` (limit and user) in the current fixed window, in one upsert, so
 * counts hold across app servers on one database. A burst at a window's edge may reach 2 × max.
 */
export async function hit(db: Kysely<Database>, key: string, limit: RateLimit, now = Date.now()): Promise<Hit> {
  const windowMs = limit.seconds * 1000;
  const index = Math.floor(now / windowMs);
  const ends = (index + 1) * windowMs;
  const row = await db
    .insertInto('rate_limits')
    .values({ id: `${key}:${limit.seconds}:${index}`, window_ends: new Date(ends), hits: 1 })
    .onConflict((oc) => oc.column('id').doUpdateSet({ hits: sql<number>`rate_limits.hits + 1` }))
    .returning('hits')
    .executeTakeFirstOrThrow();
  // The first hit of a window clears ended ones: the table holds only live windows.
  if (row.hits === 1) await db.deleteFrom('rate_limits').where('window_ends', '<=', new Date(now)).execute();
  return { allowed: row.hits <= limit.max, hits: row.hits, retryAfter: Math.max(1, Math.ceil((ends - now) / 1000)) };
}
