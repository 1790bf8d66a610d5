// `azad returns` as a real process against a real database (PGlite in a temp dir, or PostgreSQL).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { openDatabase, type Db } from '../db/database.ts';
import { freshDatabase, testServerUrl } from '../test/harness.ts';

const bin = new URL('../../bin/azad.js', import.meta.url).pathname;
let dir: string;
let pgDb: (Db & { url?: string }) | undefined;

function azad(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, AZAD_DATA_DIR: path.join(dir, 'data'), AZAD_LOG_LEVEL: 'silent' };
  if (pgDb?.url) env.DATABASE_URL = pgDb.url;
  else delete env.DATABASE_URL;
  return spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8', cwd: dir });
}

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'azad-returns-'));
  if (testServerUrl()) pgDb = await freshDatabase();
});
after(async () => {
  await pgDb?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('azad returns list names every return with its format and period', () => {
  const r = azad('returns', 'list');
  assert.equal(r.status, 0, r.stderr);
  for (const name of ['glotip', 'tip', 'htcds', 'ctdc', 'greta', 'eurostat']) assert.match(r.stdout, new RegExp(`^${name} `, 'm'));
  assert.match(r.stdout, /^tip\s+xlsx\s+april-march/m);
});

test('azad returns make writes the file, prints its checks and is audited', async () => {
  const out = path.join(dir, 'tip.xlsx');
  const r = azad('returns', 'make', 'tip', '--from', '2023-04-01', '--to', '2024-03-31', '--out', out);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /Wrote .*tip\.xlsx \(US Trafficking in Persons report, 2023-04-01 – 2024-03-31\)/);
  assert.match(r.stdout, /info: \[report_not_comparable\]/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  assert.deepEqual(wb.worksheets.map((w) => w.name), ['Law enforcement', 'Sentences', 'Protection', 'Validation']);

  // Without --out: the receiver's file name in the current folder. Before any record, Eurostat says ":" not 0.
  const e = azad('returns', 'make', 'eurostat', '--period', '2023');
  assert.equal(e.status, 0, e.stderr);
  const csv = fs.readFileSync(path.join(dir, 'azad-eurostat-az-2023.csv'), 'utf8');
  assert.ok(csv.split('\r\n').slice(1, -1).every((line) => line.split(',')[8] === ':'));

  const db = pgDb ?? (await openDatabase({ dataDir: path.join(dir, 'data') }));
  try {
    const rows = await db.kysely.selectFrom('audit_log').select(['action', 'details']).where('action', '=', 'returns.make').orderBy('seq').execute();
    assert.deepEqual(rows.map((x) => (x.details as { return: string }).return), ['tip', 'eurostat']);
  } finally {
    if (!pgDb) await db.close();
  }
});

test('an unknown return or a bad period is refused, naming the option', () => {
  const unknown = azad('returns', 'make', 'nope', '--period', '2023');
  assert.equal(unknown.status, 1);
  assert.match(unknown.stderr, /"nope" is not a return; known: glotip, tip/);
  const bad = azad('returns', 'make', 'tip', '--from', '2023-04-01');
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /--to/);
});
