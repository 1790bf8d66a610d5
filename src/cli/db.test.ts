import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Db } from '../db/database.ts';
import { freshDatabase, TEST_PASSWORD, testServerUrl } from '../test/harness.ts';

const bin = new URL('../../bin/azad.js', import.meta.url).pathname;
let dir: string;
let keyFile: string;
let pgDb: (Db & { url?: string }) | undefined;

// The CLI as a real process against a real database: PGlite in a temp dir, or PostgreSQL.
function azad(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, AZAD_DATA_DIR: dir, AZAD_KEY_FILE: keyFile, AZAD_LOG_LEVEL: 'silent' };
  if (pgDb?.url) env.DATABASE_URL = pgDb.url;
  else delete env.DATABASE_URL;
  return spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8' });
}

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'azad-cli-db-'));
  keyFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'azad-cli-db-key-')), 'azad.key');
  if (testServerUrl()) pgDb = await freshDatabase();
});
after(async () => {
  await pgDb?.close();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(path.dirname(keyFile), { recursive: true, force: true });
});

test('azad db maintain creates the partitions ahead once, and the trail stays intact', () => {
  const y = new Date().getUTCFullYear();
  const u = azad('user', 'create', '--username', 'cli.maintain', '--name', 'CLI Test', '--agency', 'national_coordinator', '--role', 'analyst', '--password', TEST_PASSWORD);
  assert.equal(u.status, 0, u.stderr);

  const first = azad('db', 'maintain', '--years-ahead', '4');
  assert.equal(first.status, 0, first.stderr);
  for (const name of [`audit_log_y${y + 3}`, `audit_log_y${y + 4}`, `hotline_contacts_y${y + 3}`, `hotline_contacts_y${y + 4}`]) assert.ok(first.stdout.includes(name), `${name} in ${first.stdout}`);
  assert.ok(!first.stdout.includes(`_y${y + 2}`), 'the migration made the years up to two ahead');

  const again = azad('db', 'maintain', '--years-ahead', '4');
  assert.equal(again.status, 0, again.stderr);
  assert.equal(again.stdout, 'Every partition is in place.\n');

  const bad = azad('db', 'maintain', '--years-ahead', 'many');
  assert.notEqual(bad.status, 0);
  assert.match(bad.stderr, /--years-ahead must be a whole number/);

  const v = azad('audit', 'verify');
  assert.equal(v.status, 0, v.stderr);
  assert.match(v.stdout, /intact: 1 rows/);
});
