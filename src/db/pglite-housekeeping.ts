import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

/**
 * PGlite has no autovacuum: without it a table is never analysed, its visibility map never set and
 * its dead rows never cleared, and a statement's plan (PostgreSQL keeps one for every prepared
 * statement and PL/pgSQL query, see pglite-statements.ts) is made once, while the tables were
 * small, and kept however they grow. Measured in the soak (docs/benchmarks.md): the person list's
 * plan made at 20 persons sorted every person on every call (23 ms at 4,000; 2.8 ms once
 * analysed). So the process that owns a PGlite database does what autovacuum would: now and then
 * it vacuums and analyses each table that changed enough since it last did, with autovacuum's own
 * thresholds; the new statistics make PostgreSQL plan those statements again. PostgreSQL servers
 * run autovacuum themselves; this runs on PGlite only (database.ts).
 */
export const HOUSEKEEPING_INTERVAL_MS = 15_000;

/** The tables autovacuum would vacuum or analyse now (its default thresholds and scale factors). */
export async function tablesDue(db: Kysely<Database>): Promise<{ schema: string; table: string }[]> {
  const { rows } = await sql<{ schema: string; table: string }>`
    select schemaname as schema, relname as table from pg_stat_user_tables
     where n_mod_since_analyze > 50 + 0.1 * n_live_tup
        or n_dead_tup > 50 + 0.2 * n_live_tup
        or n_ins_since_vacuum > 1000 + 0.2 * n_live_tup
     order by relname`.execute(db);
  return rows;
}

/** Vacuums and analyses every table that is due; returns the tables it did. */
export async function vacuumWhereDue(db: Kysely<Database>): Promise<string[]> {
  const done: string[] = [];
  for (const t of await tablesDue(db)) {
    await sql`vacuum (analyze) ${sql.id(t.schema, t.table)}`.execute(db);
    done.push(t.table);
  }
  return done;
}

/** Runs vacuumWhereDue every interval until stopped; a round still running when the next is due skips it. */
export function startHousekeeping(db: Kysely<Database>, intervalMs = HOUSEKEEPING_INTERVAL_MS): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    // A failed round changes no data, and the next one tries again.
    running ??= vacuumWhereDue(db)
      .catch(() => undefined)
      .finally(() => (running = null));
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
