import { once } from 'node:events';
import fs from 'node:fs';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import { migrateToLatest } from '../db/migrate.ts';
import { tablesInDependencyOrder } from './tables.ts';

export const BACKUP_FORMAT = 'azad-backup';
export const BACKUP_VERSION = 1;
const PAGE = 1000;

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
 * A logical backup: gzipped JSON lines, a header then one `{"t": table, "r": row}` per row.
 * Rows travel as PostgreSQL's own JSON rendering (row_to_json) and come back through
 * json_populate_recordset, so timestamps keep their microseconds and bytes stay bytes.
 */
export async function writeBackup(db: Kysely<any>, file: string): Promise<{ rows: number }> {
  let rows = 0;
  const tmp = `${file}.partial`;
  const gzip = createGzip();
  const done = pipeline(gzip, fs.createWriteStream(tmp));
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
        const tables = await tablesInDependencyOrder(trx);
        const header: Header = { format: BACKUP_FORMAT, version: BACKUP_VERSION, migrations: await appliedMigrations(trx), tables: tables.map((t) => t.name) };
        await write(JSON.stringify(header));
        for (const t of tables) {
          let last: unknown = null;
          for (;;) {
            const page = await sql<{ k: unknown; j: string }>`
              select ${sql.ref(t.primaryKey)} as k, row_to_json(x)::text as j from ${sql.table(t.name)} x
               where ${last === null ? sql`true` : sql`${sql.ref(t.primaryKey)} > ${last}`}
               order by ${sql.ref(t.primaryKey)} limit ${PAGE}`.execute(trx);
            for (const r of page.rows) await write(`{"t":${JSON.stringify(t.name)},"r":${r.j}}`);
            rows += page.rows.length;
            if (page.rows.length < PAGE) break;
            last = page.rows.at(-1)?.k;
          }
        }
      });
    gzip.end();
    await done;
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

/** Restores into an empty database in one transaction: all of it, or none of it. */
export async function restoreBackup(db: Kysely<any>, file: string): Promise<{ rows: number }> {
  const source = fs.createReadStream(file);
  const gunzip = createGunzip();
  // pipe() does not forward errors: an unreadable file must reject the restore, not crash the process.
  source.on('error', (err) => gunzip.destroy(err));
  const input = readline.createInterface({ input: source.pipe(gunzip), crlfDelay: Infinity });
  try {
    return await restoreLines(db, file, input);
  } finally {
    input.close();
    source.destroy();
  }
}

/** Refuses a database that holds any application row. */
async function assertEmpty(db: Kysely<any>) {
  for (const t of await tablesInDependencyOrder(db)) {
    const n = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(t.name)}`.execute(db);
    if (Number(n.rows[0]?.n) > 0) throw new Error(`Restore needs an empty database, but table ${t.name} has rows`);
  }
}

async function restoreLines(db: Kysely<any>, file: string, input: readline.Interface): Promise<{ rows: number }> {
  const iterator = input[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) throw new Error(`${file}: empty file`);
  let header: Header;
  try {
    header = JSON.parse(first.value) as Header;
  } catch {
    throw new Error(`${file}: not an Azad backup (the first line is not JSON)`);
  }
  if (header.format !== BACKUP_FORMAT || header.version !== BACKUP_VERSION) throw new Error(`${file}: not an Azad backup (format ${header.format} v${header.version})`);

  // Checked before migrating, so a refused restore leaves even the schema as it was.
  await assertEmpty(db);
  await migrateToLatest(db);
  const here = await appliedMigrations(db);
  const missing = header.migrations.filter((m) => !here.includes(m));
  if (missing.length) throw new Error(`${file}: written by a newer Azad (migrations ${missing.join(', ')} unknown here)`);

  let rows = 0;
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
      if (t !== batchTable || batch.length >= 500) {
        await flush();
        batchTable = t;
      }
      batch.push(JSON.stringify(r));
    }
    await flush();
  });
  return { rows };
}
