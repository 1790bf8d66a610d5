import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { openDatabase, type Db } from '../db/database.ts';
import { contentHash, linkHash } from './chain.ts';
import { freshDatabase, TEST_PASSWORD, testServerUrl } from '../test/harness.ts';

const bin = new URL('../../bin/azad.js', import.meta.url).pathname;
let dir: string;
let keyFile: string;
let pgUrl: string | undefined;
let pgDb: (Db & { url?: string }) | undefined;

// The CLI is run as a real process against a real database: PGlite in a temp dir, or PostgreSQL.
function azad(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, AZAD_DATA_DIR: dir, AZAD_KEY_FILE: keyFile, AZAD_LOG_LEVEL: 'silent' };
  if (pgUrl) env.DATABASE_URL = pgUrl;
  else delete env.DATABASE_URL;
  return spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8' });
}

async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  if (pgDb) return fn(pgDb);
  const db = await openDatabase({ dataDir: dir });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'azad-cli-'));
  keyFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'azad-cli-key-')), 'azad.key');
  if (testServerUrl()) {
    pgDb = await freshDatabase();
    pgUrl = pgDb.url;
  }
});
after(async () => {
  await pgDb?.close();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(path.dirname(keyFile), { recursive: true, force: true });
});

test('azad db migrate, user create and audit verify on an intact chain', () => {
  const m = azad('db', 'migrate');
  assert.equal(m.status, 0, m.stderr);
  for (const name of ['cli.one', 'cli.two', 'cli.three']) {
    const u = azad('user', 'create', '--username', name, '--name', 'CLI Test', '--agency', 'national_coordinator', '--role', 'analyst', '--password', TEST_PASSWORD);
    assert.equal(u.status, 0, u.stderr);
  }
  const v = azad('audit', 'verify');
  assert.equal(v.status, 0, v.stderr);
  assert.match(v.stdout, /intact: 3 rows/);
});

test('user create rejects a bad role with a clear message and writes nothing', async () => {
  const u = azad('user', 'create', '--username', 'cli.bad', '--name', 'X', '--agency', 'national_coordinator', '--role', 'superhero', '--password', TEST_PASSWORD);
  assert.notEqual(u.status, 0);
  assert.match(u.stderr, /superhero|role/i);
  const n = await withDb((db) => db.kysely.selectFrom('users').select('id').where('username', '=', 'cli.bad').execute());
  assert.equal(n.length, 0);
});

test('a row rewritten with every later hash recomputed (unkeyed, triggers off) fails azad audit verify, with and without the anchor', async () => {
  const anchorFile = path.join(dir, 'anchor.json');
  const a = azad('audit', 'anchor', '--out', anchorFile);
  assert.equal(a.status, 0, a.stderr);
  assert.match(fs.readFileSync(anchorFile, 'utf8'), /"seq":3,/);
  assert.equal(azad('audit', 'verify', '--anchor', anchorFile).status, 0);

  await withDb(async (db) => {
    await db.kysely.connection().execute(async (conn) => {
      await (db.kind === 'postgres' ? sql`set session_replication_role = replica` : sql`alter table audit_log disable trigger audit_log_no_update_delete`).execute(conn);
      const rows = await conn.selectFrom('audit_log').selectAll().orderBy('seq').execute();
      let prev = rows[0]?.hash ?? '';
      for (const row of rows.slice(1)) {
        const forged = row.seq === 2 ? { ...row, action: 'nothing.to.see' } : row;
        const content = contentHash(forged);
        const hash = linkHash(prev, row.seq, content);
        await sql`update audit_log set action = ${forged.action}, content_hash = ${content}, prev_hash = ${prev}, hash = ${hash} where seq = ${row.seq}`.execute(conn);
        prev = hash;
      }
      await (db.kind === 'postgres' ? sql`set session_replication_role = origin` : sql`alter table audit_log enable trigger audit_log_no_update_delete`).execute(conn);
    });
  });
  const v = azad('audit', 'verify');
  assert.equal(v.status, 1);
  assert.match(v.stderr, /BROKEN at row 2/);
  const anchored = azad('audit', 'verify', '--anchor', anchorFile);
  assert.equal(anchored.status, 1);
  assert.match(anchored.stderr, /BROKEN at row 2/);
});

test('altering one audit row makes azad audit verify exit non-zero and name it', async () => {
  await withDb(async (db) => {
    await sql`alter table audit_log disable trigger audit_log_no_update_delete`.execute(db.kysely);
    await sql`update audit_log set action = 'nothing.to.see' where seq = 2`.execute(db.kysely);
    await sql`alter table audit_log enable trigger audit_log_no_update_delete`.execute(db.kysely);
  });
  const v = azad('audit', 'verify');
  assert.equal(v.status, 1);
  assert.match(v.stderr, /BROKEN at row 2/);
});

test('deleting one audit row is named as well', async () => {
  await withDb(async (db) => {
    await sql`alter table audit_log disable trigger audit_log_no_update_delete`.execute(db.kysely);
    await sql`update audit_log set action = 'users.create' where seq = 2`.execute(db.kysely);
    await sql`delete from audit_log where seq = 1`.execute(db.kysely);
    await sql`alter table audit_log enable trigger audit_log_no_update_delete`.execute(db.kysely);
  });
  const v = azad('audit', 'verify');
  assert.equal(v.status, 1);
  assert.match(v.stderr, /row 2: rows 1\.\.1 are missing/);
});

test('azad backup writes an owner-only encrypted file; azad restore refuses its broken trail unless forced with a reason', async () => {
  const file = path.join(dir, 'azad.backup');
  const b = azad('backup', file);
  assert.equal(b.status, 0, b.stderr);
  assert.match(b.stdout, /Backed up \d+ rows/);
  assert.equal(fs.statSync(file).mode & 0o777, 0o600);
  assert.ok(!fs.readFileSync(file).includes(Buffer.from('cli.one')), 'no username in the clear');

  // Restore into a second, empty database of the same installation (same key).
  const target = fs.mkdtempSync(path.join(os.tmpdir(), 'azad-restore-'));
  let targetDb: (Db & { url?: string }) | undefined;
  const env: NodeJS.ProcessEnv = { ...process.env, AZAD_DATA_DIR: target, AZAD_KEY_FILE: keyFile, AZAD_LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  if (testServerUrl()) {
    targetDb = await freshDatabase();
    env.DATABASE_URL = targetDb.url;
  }
  const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8' });
  try {
    // The tampering travels with the backup, and the restore sees it.
    const refused = run('restore', file);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /audit trail is broken at row 2.*nothing was restored/);
    assert.match(run('restore', file, '--force').stderr, /--force needs --reason/);
    const r = run('restore', file, '--force', '--reason', 'last copy after the disk failure');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /Restored \d+ rows.*broken at row 2/);
    const v = run('audit', 'verify');
    assert.equal(v.status, 1);
    assert.match(v.stderr, /BROKEN at row 2/);
    // A second restore into the now non-empty database is refused.
    const again = run('restore', file, '--force', '--reason', 'again');
    assert.notEqual(again.status, 0);
    assert.match(again.stderr, /empty database/);
  } finally {
    await targetDb?.close();
    fs.rmSync(target, { recursive: true, force: true });
  }
});
