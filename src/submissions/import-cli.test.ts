import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { openDatabase, type Db } from '../db/database.ts';
import { freshDatabase, testServerUrl } from '../test/harness.ts';

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
