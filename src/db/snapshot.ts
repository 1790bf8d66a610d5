// Read-only work that must see one state of the database (every figure of a report from the same
// records), spread over several connections where there is a pool: the first transaction exports
// its snapshot and the others import it, as pg_dump's parallel jobs do.
import os from 'node:os';
import { sql, type Kysely } from 'kysely';
import { isPooled } from './database.ts';
import type { Database } from './schema.ts';

type Task<T> = (db: Kysely<Database>) => Promise<T>;

/** How many connections one report may hold at once: the cores, at most 4 (the pool has 10 for everyone). */
const WIDTH = Math.max(1, Math.min(4, os.availableParallelism()));

/**
 * Runs every task on one snapshot and returns their results in order. Inside a caller's transaction
 * the tasks run one after another on it (its snapshot); on PGlite, in one repeatable-read transaction.
 */
export async function onOneSnapshot<T>(db: Kysely<Database>, tasks: Task<T>[], opts: { width?: number; settings?: Record<string, string> } = {}): Promise<T[]> {
  if (db.isTransaction) return inTurn(db, tasks);
  const width = opts.width ?? WIDTH;
  // Settings for these transactions only (set_config's `true`: like SET LOCAL).
  const configure = async (trx: Kysely<Database>) => {
    for (const [name, value] of Object.entries(opts.settings ?? {})) await sql`select set_config(${name}, ${value}, true)`.execute(trx);
  };
  // Read only by a statement of its own: PGlite's dialect passes on the isolation level alone.
  const reading = <R>(work: (trx: Kysely<Database>) => Promise<R>) =>
    db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        await sql`set transaction read only`.execute(trx);
        await configure(trx);
        return work(trx);
      });
  if (!isPooled(db) || width < 2 || tasks.length < 2) return reading((trx) => inTurn(trx, tasks));
  // A server that cannot export a snapshot (an old standby) gets the tasks in turn on one transaction.
  let cannotExport = false;
  const exportFrom = async (leader: Kysely<Database>) => {
    try {
      return String((await sql<{ s: string }>`select pg_export_snapshot() as s`.execute(leader)).rows[0]?.s);
    } catch (err) {
      cannotExport = true;
      throw err;
    }
  };
  const shared = reading(async (leader) => {
    const snapshot = await exportFrom(leader);
    // An id such as 00000003-0000001B-1: checked because SET TRANSACTION SNAPSHOT takes no parameter.
    if (!/^[0-9A-F-]+$/.test(snapshot)) throw new Error(`unexpected snapshot id ${snapshot}`);
    const results = new Array<T>(tasks.length);
    let next = 0;
    const drain = async (on: Kysely<Database>) => {
      for (let i = next++; i < tasks.length; i = next++) results[i] = await (tasks[i] as Task<T>)(on);
    };
    const follower = () =>
      db
        .transaction()
        .setIsolationLevel('repeatable read')
        .execute(async (trx) => {
          await sql`set transaction snapshot ${sql.lit(snapshot)}`.execute(trx);
          await sql`set transaction read only`.execute(trx);
          await configure(trx);
          await drain(trx);
        });
    // The leader's transaction stays open until every follower is done: its snapshot must outlive their imports.
    await Promise.all([drain(leader), ...Array.from({ length: Math.min(width, tasks.length) - 1 }, follower)]);
    return results;
  });
  return shared.catch((err: unknown) => {
    if (cannotExport) return reading((trx) => inTurn(trx, tasks));
    throw err;
  });
}

async function inTurn<T>(db: Kysely<Database>, tasks: Task<T>[]): Promise<T[]> {
  const out: T[] = [];
  for (const task of tasks) out.push(await task(db));
  return out;
}
