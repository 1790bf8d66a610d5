import { once } from 'node:events';
import fs from 'node:fs';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import { appendAudit } from '../audit/record.ts';
import { verifyAuditChain } from '../audit/verify.ts';
import type { FieldKey } from '../crypto/fields.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { Database } from '../db/schema.ts';
import { sealer, unsealed, type BackupSecret } from './seal.ts';
import { tablesInDependencyOrder } from './tables.ts';

export const BACKUP_FORMAT = 'azad-backup';
/** 2: encrypted (seal.ts), without sessions. 1: plain gzip of older versions, still restored. */
export const BACKUP_VERSION = 2;
const PAGE = 1000;
/** Sign-in sessions are not data: a restore must not bring them back to life. */
const NOT_BACKED_UP = new Set(['sessions']);

interface Header {
  format: string;
  version: number;
  migrations: string[];
  tables: string[];
}

async function appliedMigrations(db: Kysely<any>): Promise<string[]> {
  const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.rows.map((r) => r.name);
}

/**
 * A logical backup: gzipped JSON lines, a header then one `{"t": table, "r": row}` per row,
 * encrypted (AES-256-GCM, see seal.ts) into a file only its owner can read (0600).
 * Rows travel as PostgreSQL's own JSON rendering (row_to_json) and come back through
 * json_populate_recordset, so timestamps keep their microseconds and bytes stay bytes.
 */
export async function writeBackup(db: Kysely<any>, file: string, secret: BackupSecret): Promise<{ rows: number }> {
  let rows = 0;
  const tmp = `${file}.partial`;
  const gzip = createGzip();
  const { prefix, cipher } = sealer(secret);
  // Created afresh with owner-only permissions before any byte is written.
  fs.rmSync(tmp, { force: true });
  fs.writeFileSync(tmp, prefix, { mode: 0o600, flag: 'wx' });
  const done = pipeline(gzip, cipher, fs.createWriteStream(tmp, { flags: 'a' }));
  // Written as read, with backpressure, so memory stays bounded whatever the database's size.
  const write = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await once(gzip, 'drain');
  };
  try {
    await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        await sql`set local timezone = 'UTC'`.execute(trx);
        const tables = (await tablesInDependencyOrder(trx)).filter((t) => !NOT_BACKED_UP.has(t.name));
        const header: Header = { format: BACKUP_FORMAT, version: BACKUP_VERSION, migrations: await appliedMigrations(trx), tables: tables.map((t) => t.name) };
        await write(JSON.stringify(header));
        for (const t of tables) {
          // Paged by the whole primary key; its values travel as text and are cast back, so no
          // precision is lost on the way (a timestamp's microseconds in a partitioned table's key).
          const cols = sql.join(t.key.map((k) => sql.ref(k.column)));
          let last: string[] | null = null;
          for (;;) {
            const after: ReturnType<typeof sql> = last === null ? sql`true` : sql`(${cols}) > (${sql.join(t.key.map((k, i) => sql`cast(${(last as string[])[i]} as ${sql.raw(k.type)})`))})`;
            const page = await sql<{ k: string[]; j: string }>`
              select array[${sql.join(t.key.map((k) => sql`${sql.ref(k.column)}::text`))}] as k, row_to_json(x)::text as j from ${sql.table(t.name)} x
               where ${after} order by ${cols} limit ${PAGE}`.execute(trx);
            for (const r of page.rows) await write(`{"t":${JSON.stringify(t.name)},"r":${r.j}}`);
            rows += page.rows.length;
            if (page.rows.length < PAGE) break;
            last = page.rows.at(-1)?.k ?? null;
          }
        }
      });
    gzip.end();
    await done;
    fs.appendFileSync(tmp, cipher.getAuthTag());
  } catch (err) {
    gzip.destroy();
    await done.catch(() => undefined);
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  // Only a complete file ever carries the real name.
  fs.renameSync(tmp, file);
  return { rows };
}

export interface RestoreOptions {
  secret: BackupSecret;
  /** The installation's key: keyed audit rows in the backup are verified with it. */
  key: FieldKey;
  /** Restores a backup whose audit trail is broken; the reason is recorded in the trail. */
  force?: { reason: string };
}

/**
 * Restores into an empty database in one transaction: all of it, or none of it. The backup's
 * audit trail is verified before the commit; a broken one is refused unless forced with a reason.
 */
export async function restoreBackup(db: Kysely<any>, file: string, opts: RestoreOptions): Promise<{ rows: number; brokenAt: number | null }> {
  const { stream, sealed } = unsealed(file, opts.secret);
  const gunzip = createGunzip();
  // pipe() does not forward errors: an unreadable or altered file must reject the restore, not crash the process.
  stream.on('error', (err) => gunzip.destroy(/authenticate/.test(err.message) ? new Error(`${file}: damaged or altered (its authentication tag does not match)`) : err));
  const input = readline.createInterface({ input: stream.pipe(gunzip), crlfDelay: Infinity });
  try {
    return await restoreLines(db, file, input, { ...opts, sealed });
  } finally {
    input.close();
    stream.destroy();
  }
}

/** Refuses a database that holds any application row. */
async function assertEmpty(db: Kysely<any>) {
  for (const t of await tablesInDependencyOrder(db)) {
    const n = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(t.name)}`.execute(db);
    if (Number(n.rows[0]?.n) > 0) throw new Error(`Restore needs an empty database, but table ${t.name} has rows`);
  }
}

async function restoreLines(db: Kysely<any>, file: string, input: readline.Interface, opts: RestoreOptions & { sealed: boolean }): Promise<{ rows: number; brokenAt: number | null }> {
  const iterator = input[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) throw new Error(`${file}: empty file`);
  let header: Header;
  try {
    header = JSON.parse(first.value) as Header;
  } catch {
    throw new Error(`${file}: not an Azad backup (the first line is not JSON)`);
  }
  // Only versions before encryption wrote plain gzip; a plain file claiming a later version was made by hand.
  const expected = opts.sealed ? BACKUP_VERSION : 1;
  if (header.format !== BACKUP_FORMAT || header.version !== expected) throw new Error(`${file}: not an Azad backup (format ${header.format} v${header.version})`);

  // Checked before migrating, so a refused restore leaves even the schema as it was.
  await assertEmpty(db);
  await migrateToLatest(db);
  const here = await appliedMigrations(db);
  const missing = header.migrations.filter((m) => !here.includes(m));
  if (missing.length) throw new Error(`${file}: written by a newer Azad (migrations ${missing.join(', ')} unknown here)`);

  let rows = 0;
  let brokenAt: number | null = null;
  await db.transaction().execute(async (trx) => {
    await assertEmpty(trx);
    let batchTable = '';
    let batch: string[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      await sql`insert into ${sql.table(batchTable)} select * from json_populate_recordset(null::${sql.table(batchTable)}, ${`[${batch.join(',')}]`}::json)`.execute(trx);
      rows += batch.length;
      batch = [];
    };
    let lineNo = 1;
    for await (const line of input) {
      lineNo++;
      if (!line) continue;
      const { t, r } = JSON.parse(line) as { t: string; r: unknown };
      if (!header.tables.includes(t)) throw new Error(`${file}:${lineNo}: unknown table ${t}`);
      if (NOT_BACKED_UP.has(t)) continue;
      if (t !== batchTable || batch.length >= 500) {
        await flush();
        batchTable = t;
      }
      batch.push(JSON.stringify(r));
    }
    await flush();
    const chain = await verifyAuditChain(trx as Kysely<Database>, opts.key);
    if (!chain.ok) {
      brokenAt = chain.broken?.seq ?? null;
      if (!opts.force) throw new Error(`${file}: its audit trail is broken at row ${brokenAt} (${chain.broken?.reason}); nothing was restored. To restore it anyway, give --force --reason "why"`);
      await appendAudit(trx as Kysely<Database>, { actor: null, action: 'backup.restored_broken_trail', outcome: 'ok', details: { reason: opts.force.reason, brokenAt, brokenBecause: chain.broken?.reason ?? null } });
    }
  });
  return { rows, brokenAt };
}
