import fs from 'node:fs';
import { Kysely, PostgresDialect, sql, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './lock.ts';
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
export interface DbTimeouts {
  /** PostgreSQL's statement_timeout: a runaway query is cancelled, not left holding a connection. */
  statementMs: number;
  /** idle_in_transaction_session_timeout: a transaction left open releases its locks. */
  idleInTransactionMs: number;
  /** How long a request waits for a free pooled connection before it gets a 503. */
  connectMs: number;
}

export async function openDatabase(opts: { databaseUrl?: string | undefined; dataDir: string; timeouts?: DbTimeouts; /** A replica's pool: every transaction read-only, so a write sent there by mistake fails instead of going astray. */ readOnly?: boolean }): Promise<Db> {
  if (opts.databaseUrl) {
    const t = opts.timeouts;
    // JIT compilation costs more than it saves on Azad's short OLTP queries (measured on the person list).
    const options = ['-c jit=off', ...(opts.readOnly ? ['-c default_transaction_read_only=on'] : []), ...(t ? [`-c statement_timeout=${t.statementMs}`, `-c idle_in_transaction_session_timeout=${t.idleInTransactionMs}`] : [])].join(' ');
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10, options, application_name: opts.readOnly ? 'azad-reports' : 'azad', ...(t ? { connectionTimeoutMillis: t.connectMs } : {}) });
    // A connection the server drops (restart, failover, pg_terminate_backend, a timeout) emits
    // 'error' on its client, idle or checked out; unheard, that event would end the process. The
    // query in flight fails on its own (the request gets a 503, see isConnectionLost) and the pool
    // discards the dead client when it is released, so listening is all that is needed to heal.
    pool.on('error', () => undefined);
    const pooled = new Pooled();
    pool.on('connect', (client) => {
      client.on('error', () => undefined);
      pooled.clients.set(processIdOf(client), client);
    });
    pool.on('remove', (client) => pooled.clients.delete(processIdOf(client)));
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [pooled] });
    return { kysely, kind: 'postgres', close: () => kysely.destroy() };
  }
  // Loaded only when used: the WASM build costs about 50 MB of memory a process on PostgreSQL would carry for nothing.
  const [{ PGlite, types }, { PGliteDialect }, { preparedStatements }, { startHousekeeping }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('kysely-pglite-dialect'),
    import('./pglite-statements.ts'),
    import('./pglite-housekeeping.ts'),
  ]);
  const dataDir = opts.dataDir === 'memory://' ? undefined : opts.dataDir;
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const release = dataDir ? lockDataDir(dataDir) : () => undefined;
  try {
    const client = await PGlite.create({
      ...(dataDir ? { dataDir } : {}),
      parsers: { [types.INT8]: (v: string) => Number(v), [types.DATE]: (v: string) => v },
    });
    // The dialect calls only query() and close(); ours prepares each statement once (see pglite-statements.ts).
    const kysely = new Kysely<Database>({ dialect: new PGliteDialect(preparedStatements(client) as unknown as InstanceType<typeof PGlite>) });
    // What autovacuum does on a PostgreSQL server (see pglite-housekeeping.ts).
    const stopHousekeeping = startHousekeeping(kysely);
    return {
      kysely,
      kind: 'pglite',
      close: async () => {
        await stopHousekeeping();
        await kysely.destroy();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}

/**
 * Marks a handle backed by a pool of server connections, so work on it may run on several
 * connections at once (PGlite has one). A plugin, because handles made from it by withPlugin keep it.
 */
class Pooled implements KyselyPlugin {
  /** The pool's connections by server process id, so a transaction can find its own (see clientOf). */
  readonly clients = new Map<number, pg.PoolClient>();
  transformQuery = (args: PluginTransformQueryArgs) => args.node;
  transformResult = (args: PluginTransformResultArgs) => Promise.resolve(args.result);
}
export const isPooled = (db: Kysely<Database>) => db.getExecutor().plugins.some((p) => p instanceof Pooled);

// node-postgres keeps the BackendKeyData's process id on the client, outside its typings.
const processIdOf = (client: pg.PoolClient) => (client as unknown as { processID: number }).processID;

/**
 * The node-postgres connection under a transaction, for what Kysely does not speak (COPY FROM
 * STDIN); null on PGlite, or outside a transaction (a pool handle has no one connection).
 */
export async function clientOf(trx: Kysely<Database>): Promise<pg.ClientBase | null> {
  const pooled = trx.getExecutor().plugins.find((p): p is Pooled => p instanceof Pooled);
  if (!pooled || !trx.isTransaction) return null;
  const pid = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx)).rows[0]?.pid;
  return pid === undefined ? null : (pooled.clients.get(pid) ?? null);
}

/**
 * PostgreSQL's ways of saying "another transaction was in the way; the same request may succeed
 * now": deadlock victim (40P01), serialisation failure (40001), lock not available (55P03), too
 * many connections or other want of resources (53xxx). Nothing was changed; the client may retry.
 */
export function isBusy(err: unknown): boolean {
  const code = err instanceof Error ? (err as { code?: unknown }).code : undefined;
  return typeof code === 'string' && (code === '40P01' || code === '40001' || code === '55P03' || code.startsWith('53'));
}

/** PostgreSQL's and node-postgres's ways of saying the connection is gone (or never came). */
const LOST_SQLSTATE = /^(08|57P0)/;
const LOST_MESSAGE = /Connection terminated|connection error|not queryable|timeout exceeded when trying to connect|ECONNRESET|ECONNREFUSED|EPIPE|terminating connection/i;

export function isConnectionLost(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  return (typeof code === 'string' && (LOST_SQLSTATE.test(code) || ['ECONNRESET', 'ECONNREFUSED', 'EPIPE'].includes(code))) || LOST_MESSAGE.test(err.message);
}
