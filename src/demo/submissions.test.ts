import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { seedAgenciesFromProfile } from '../agencies/agencies.ts';
import { auditKeyOf } from '../audit/key.ts';
import { restoreBackup, writeBackup } from '../backup/backup.ts';
import { fieldKey } from '../crypto/fields.ts';
import type { Db } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { loadProfile, profileDir } from '../profile/load.ts';
import type { Profile } from '../profile/schema.ts';
import { submittedFigures } from '../submissions/statistics.ts';
import { freshDatabase } from '../test/harness.ts';
import { loadDemoData } from './demo.ts';

// The published figures live beside the repository (shared/reference), not in it.
const reference = fileURLToPath(new URL('../../../shared/reference/az-2023-published-figures.json', import.meta.url));

let db: Db;
let profile: Profile;
before(async () => {
  db = await freshDatabase();
  profile = await loadProfile(profileDir('az'));
  await migrateToLatest(db.kysely);
  await seedAgenciesFromProfile(db.kysely, profile);
  const started = Date.now();
  await loadDemoData(db.kysely, profile, { password: 'Demo-password-for-tests-1', key: fieldKey(randomBytes(32)), records: false });
  process.stdout.write(`demo submissions, activities and measures loaded in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
});
after(() => db.close());

test('the demo’s approved 2023 figures are the published ones, qualifiers included', { skip: !existsSync(reference) && 'shared/reference not found' }, async () => {
  const published = JSON.parse(readFileSync(reference, 'utf8')) as { sections: Record<string, { id: string; value: number | null; qualifier?: string; breakdown?: Record<string, number> }[]> };
  const figures = new Map((await submittedFigures(db.kysely, 2023)).map((f) => [f.id, f]));
  const agencyFigures = [...published.sections.prevention!, ...published.sections.forced_labour!];
  assert.equal(agencyFigures.length, 34 + 27);
  for (const p of agencyFigures) {
    const f = figures.get(p.id);
    assert.equal(f?.value, p.value, p.id);
    assert.equal(f?.qualifier, p.qualifier ? 'more_than' : undefined, `${p.id} qualifier`);
  }
  const events = published.sections.cumulative!.find((x) => x.id === 'events.participation')!;
  const mine = figures.get('events.participation')!;
  assert.equal(mine.value, events.value);
  assert.equal(mine.breakdown?.physical, events.breakdown!.physical);
  assert.equal(mine.breakdown?.online, events.breakdown!.online);
  // 22 of 57 abroad is 38.6 %: the published "38% / 62%" rounded down.
  assert.deepEqual([mine.breakdown?.abroad, mine.breakdown?.in_country], [22, 35]);
});

test('2022 is approved throughout; 2024 is under way in every state; activities and measures are there', async () => {
  const byYear = await db.kysely.selectFrom('submissions').select(['period', 'status']).execute();
  const states = (y: string) => new Set(byYear.filter((s) => s.period.startsWith(y)).map((s) => s.status));
  assert.deepEqual([...states('2022')], ['approved']);
  assert.deepEqual([...states('2024')].sort(), ['approved', 'draft', 'returned', 'submitted']);
  const f2022 = new Map((await submittedFigures(db.kysely, 2022)).map((f) => [f.id, f.value]));
  // As printed: 512 (+143) and AZN 2,374,000 (+591,900).
  assert.equal(f2022.get('labour.inspectorate.uncontracted'), 369);
  assert.equal(f2022.get('labour.inspectorate.fines_azn'), 1_782_100);
  const measures = await db.kysely.selectFrom('nap_measures').select(['text_en']).execute();
  assert.equal(measures.length, 5);
  assert.ok(measures.every((m) => m.text_en.includes('(illustrative)')));
  // Loading again adds nothing.
  const before = byYear.length;
  await loadDemoData(db.kysely, profile, { password: 'Demo-password-for-tests-1', key: fieldKey(randomBytes(32)), records: false });
  assert.equal((await db.kysely.selectFrom('submissions').select('id').execute()).length, before);
});

test('submissions, activities and measures survive a backup and restore', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'azad-sub-backup-'));
  const target = await freshDatabase();
  try {
    const key = fieldKey(randomBytes(32));
    await writeBackup(db.kysely, join(dir, 'b.jsonl.gz'), { key });
    await migrateToLatest(target.kysely);
    await restoreBackup(target.kysely, join(dir, 'b.jsonl.gz'), { secret: { key }, key: auditKeyOf(db.kysely) });
    assert.deepEqual(await submittedFigures(target.kysely, 2023), await submittedFigures(db.kysely, 2023));
    const count = async (d: Db, table: 'submission_values' | 'activities' | 'nap_reports') => (await d.kysely.selectFrom(table).select('id').execute()).length;
    for (const table of ['submission_values', 'activities', 'nap_reports'] as const) assert.equal(await count(target, table), await count(db, table), table);
  } finally {
    await target.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
