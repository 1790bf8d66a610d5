import fs from 'node:fs';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  kind: DatabaseKind;
  close(): Promise<void>;
}

// bigint counters (audit sequence numbers) stay far below 2^53; read them as numbers on both backends.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
// Calendar dates stay 'YYYY-MM-DD' text: a Date object would drift with the server's time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

/**
 * Opens the configured database: PostgreSQL when a URL is given, otherwise embedded PGlite
 * in `dataDir` (or in memory when `dataDir` is 'memory://', used by tests).
 */
export async function openDatabase(opts: { databaseUrl?: string | undefined; dataDir: string }): Promise<Db> {
  if (opts.databaseUrl) {
    // JIT compilation costs more than it saves on Azad's short OLTP queries (measured on the person list).
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10, options: '-c jit=off' });
    // An idle connection the server drops (restart, failover, idle timeout) is already removed and
    // replaced by the pool; without a listener its 'error' event would bring the process down.
    pool.on('error', () => undefined);
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { kysely, kind: 'postgres', close: () => kysely.destroy() };
  }
  // Loaded only when used: the WASM build costs about 50 MB of memory a process on PostgreSQL would carry for nothing.
  const [{ PGlite, types }, { PGliteDialect }] = await Promise.all([import('@electric-sql/pglite'), import('kysely-pglite-dialect')]);
  const dataDir = opts.dataDir === 'memory://' ? undefined : opts.dataDir;
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    parsers: { [types.INT8]: (v: string) => Number(v), [types.DATE]: (v: string) => v },
  });
  const kysely = new Kysely<Database>({ dialect: new PGliteDialect(client) });
  return { kysely, kind: 'pglite', close: () => kysely.destroy() };
}
