import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { openDatabase, type Db } from '../db/database.ts';
import { loadProfile, profileDir } from '../profile/load.ts';
import { freshDatabase, testServerUrl } from '../test/harness.ts';
import { formIndicators } from './catalogue.ts';

const bin = new URL('../../bin/azad.js', import.meta.url).pathname;
let dir: string;
let pgDb: (Db & { url?: string }) | undefined;

// The CLI runs as a real process against a real database: PGlite in a temp dir, or PostgreSQL.
function azad(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, AZAD_DATA_DIR: dir, AZAD_LOG_LEVEL: 'silent' };
  if (pgDb?.url) env.DATABASE_URL = pgDb.url;
  else delete env.DATABASE_URL;
  return spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8' });
}

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'azad-import-'));
  if (testServerUrl()) pgDb = await freshDatabase();
});
after(async () => {
  await pgDb?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('azad submissions import refuses a bad file naming row and cell, then accepts the corrected one', async () => {
  const file = path.join(dir, 'sea-2023.csv');
  const lines = ['azad-submission,state_employment_agency,2023', 'indicator,label,unit,value,qualifier,status,note', 'labour.employment_agency.jobseekers,,people,118398,,,', 'labour.employment_agency.employed,,people,1 198x,,,'];
  fs.writeFileSync(file, lines.join('\n'));
  const bad = azad('submissions', 'import', file, '--agency', 'state_employment_agency', '--period', '2023');
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /row 4, cell D4: "1 198x" is not a number/);

  fs.writeFileSync(file, lines.join('\n').replace('1 198x', '1 198'));
  const ok = azad('submissions', 'import', file, '--agency', 'state_employment_agency', '--period', '2023');
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /Imported 2 figure\(s\) for state_employment_agency, 2023/);

  const db = pgDb ?? (await openDatabase({ dataDir: dir }));
  try {
    const values = await db.kysely.selectFrom('submission_values').select(['indicator_id', 'value']).orderBy('indicator_id').execute();
    assert.deepEqual(values.map((v) => [v.indicator_id, Number(v.value)]), [['labour.employment_agency.employed', 1198], ['labour.employment_agency.jobseekers', 118398]]);
    const subs = await db.kysely.selectFrom('submissions').select('status').execute();
    assert.deepEqual(subs, [{ status: 'draft' }], 'the refused file left nothing behind; the accepted one is a draft');
  } finally {
    if (!pgDb) await db.close();
  }
});

test('azad submissions submit and approve: an imported draft goes for review and is approved from the command line', async () => {
  // The draft of the test above answers 2 of the agency's figures: submitting it is refused, naming what is missing.
  const early = azad('submissions', 'submit', '--agency', 'state_employment_agency', '--period', '2023');
  assert.equal(early.status, 1);
  assert.match(early.stderr, /enter a value \(0 if none\), or mark it unknown or not applicable/);

  const az = await loadProfile(profileDir('az'));
  const sea = az.agencies.find((a) => a.code === 'state_employment_agency')!;
  const ids = formIndicators(az.indicators, sea, '2023').map((i) => i.id);
  const file = path.join(dir, 'sea-2023-full.csv');
  fs.writeFileSync(file, ['azad-submission,state_employment_agency,2023', 'indicator,label,unit,value,qualifier,status,note', ...ids.map((id) => `${id},,,,,unknown,`)].join('\n'));
  assert.equal(azad('submissions', 'import', file, '--agency', 'state_employment_agency', '--period', '2023').status, 0);
  const submitted = azad('submissions', 'submit', '--agency', 'state_employment_agency', '--period', '2023');
  assert.equal(submitted.status, 0, submitted.stderr);
  assert.match(submitted.stdout, /Submitted state_employment_agency, 2023 for review/);
  const approved = azad('submissions', 'approve', '--agency', 'state_employment_agency', '--period', '2023', '--comment', 'checked by phone');
  assert.equal(approved.status, 0, approved.stderr);
  assert.match(approved.stdout, /Approved state_employment_agency, 2023: the period is locked/);
  // Locked: a new import is refused until the period is reopened, which needs a reason.
  assert.notEqual(azad('submissions', 'import', file, '--agency', 'state_employment_agency', '--period', '2023').status, 0);
  const terse = azad('submissions', 'reopen', '--agency', 'state_employment_agency', '--period', '2023', '--reason', 'no');
  assert.notEqual(terse.status, 0);
  assert.match(terse.stderr, /--reason/);
  const reopened = azad('submissions', 'reopen', '--agency', 'state_employment_agency', '--period', '2023', '--reason', 'the agency corrected a figure by letter');
  assert.equal(reopened.status, 0, reopened.stderr);
  assert.match(reopened.stdout, /Reopened state_employment_agency, 2023/);
  assert.equal(azad('submissions', 'import', file, '--agency', 'state_employment_agency', '--period', '2023').status, 0);

  const db = pgDb ?? (await openDatabase({ dataDir: dir }));
  try {
    const sub = await db.kysely.selectFrom('submissions').select(['status', 'approved_at']).executeTakeFirstOrThrow();
    assert.equal(sub.status, 'returned');
    const events = await db.kysely.selectFrom('submission_events').select(['kind', 'comment']).orderBy('at').execute();
    assert.deepEqual(events.filter((e) => e.kind !== 'imported'), [{ kind: 'submitted', comment: null }, { kind: 'approved', comment: 'checked by phone' }, { kind: 'reopened', comment: 'the agency corrected a figure by letter' }]);
  } finally {
    if (!pgDb) await db.close();
  }
});

test('azad catalogue export and import: a year\'s catalogue round-trips through a file; a bad one is refused naming each path', () => {
  const file = path.join(dir, 'catalogue-2025.json');
  const exported = azad('catalogue', 'export', '--year', '2025', '--out', file);
  assert.equal(exported.status, 0, exported.stderr);
  assert.match(exported.stderr, /the profile's catalogue/);
  const c = JSON.parse(fs.readFileSync(file, 'utf8'));
  c.indicators.push({ id: 'prevention.brochures', label: { az: 'Broşürlər', en: 'Brochures' }, unit: 'count', periodType: 'year', agencies: ['no_such_agency'], attributes: [{ id: 'azn', unit: 'azn', label: { az: 'Məbləğ', en: 'Amount' } }] });
  fs.writeFileSync(file, JSON.stringify(c));
  const bad = azad('catalogue', 'import', file, '--year', '2025');
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, new RegExp(`indicators\\.${c.indicators.length - 1}\\.agencies\\.0: unknown agency "no_such_agency"`));
  c.indicators.at(-1).agencies = ['kind:ngo'];
  fs.writeFileSync(file, JSON.stringify(c));
  const good = azad('catalogue', 'import', file, '--year', '2025');
  assert.equal(good.status, 0, good.stderr);
  assert.match(good.stdout, new RegExp(`Stored the 2025 indicator catalogue: ${c.indicators.length} indicators`));
});

test('azad submissions template writes the agency\'s form to fill; filled in, it imports and submits', async () => {
  const az = await loadProfile(profileDir('az'));
  const nsa = az.agencies.find((a) => a.code === 'ngo_support_agency')!;
  const ids = formIndicators(az.indicators, nsa, '2022').map((i) => i.id);
  const t = azad('submissions', 'template', '--agency', 'ngo_support_agency', '--period', '2022', '--lang', 'en');
  assert.equal(t.status, 0, t.stderr);
  const rows = t.stdout.trim().split(/\r?\n/);
  assert.deepEqual(rows.slice(0, 2), ['azad-submission,ngo_support_agency,2022', 'indicator,label,unit,value,qualifier,status,note,attribute']);
  assert.deepEqual(rows.slice(2).map((r) => r.split(',')[0]), ids, 'one row per indicator of the form');
  assert.match(rows.join('\n'), /funding\.ngo_projects\.count,NGO projects financed,count,/);
  const file = path.join(dir, 'nsa-2022.csv');
  const filled = rows.map((r, i) => (i < 2 ? r : r.split(',')[0] === 'funding.ngo_projects.count' ? r.replace(/,count,,,,,$/, ',count,20,,,,') : r.replace(/,,,,,$/, ',,,not_applicable,,')));
  fs.writeFileSync(file, filled.join('\n'));
  assert.equal(azad('submissions', 'import', file, '--agency', 'ngo_support_agency', '--period', '2022').status, 0);
  const submitted = azad('submissions', 'submit', '--agency', 'ngo_support_agency', '--period', '2022');
  assert.equal(submitted.status, 0, submitted.stderr);
  const xlsx = azad('submissions', 'template', '--agency', 'ngo_support_agency', '--period', '2022', '--format', 'xlsx');
  assert.equal(xlsx.status, 1);
  assert.match(xlsx.stderr, /--out: an \.xlsx template is written to a file/);
});
