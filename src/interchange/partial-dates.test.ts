// An interchange file may give birth dates and event periods as told (issue 17): a year, a
// month or a date. They are stored with their precision and exported as they were given.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { seedAgenciesFromProfile } from '../agencies/agencies.ts';
import { fieldKey } from '../crypto/fields.ts';
import type { Db } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { loadProfile, profileDir } from '../profile/load.ts';
import type { Profile } from '../profile/schema.ts';
import { freshDatabase } from '../test/harness.ts';
import { exportLines } from './export.ts';
import { describeError, importLines } from './import.ts';

let profile: Profile;
let db: Db;
const key = fieldKey(randomBytes(32));
before(async () => {
  profile = await loadProfile(profileDir('az'));
  db = await freshDatabase();
  await migrateToLatest(db.kysely);
  await seedAgenciesFromProfile(db.kysely, profile);
});
after(() => db.close());

const header = JSON.stringify({ type: 'header', format: 'azad-interchange', version: 1, source: 'partial dates test' });
const person = (n: number, birthDate: string | null) =>
  JSON.stringify({ type: 'person', id: `told:P-${n}`, case_code: `AZ-2022-0070${n}`, owner_agency: 'mia', given_name: 'Sınaq', birth_date: birthDate, gender: 'female', languages: [], vulnerabilities: [], channel: 'police', contact_date: '2024-02-01', identification_status: 'potential' });
const event = (id: string, n: number, start: string | null, end: string | null) =>
  JSON.stringify({ type: 'exploitation_event', id, person: `told:P-${n}`, kind: 'exploitation', country: 'RU', start_date: start, end_date: end, forms: [], subtypes: [], means_of_control: [] });
async function* from(lines: readonly string[]) {
  yield* lines;
}
const run = (lines: readonly string[]) => importLines(db.kysely, { key, profile }, from([header, ...lines]), {});

test('partial birth dates and event periods are imported with their precision and exported as given', async () => {
  const lines = [person(1, '1994'), person(2, '1995-08'), person(3, '1996-03-14'), event('told:E-1', 1, '2019', '2020-03'), event('told:E-2', 2, '2021-06', '2021'), event('told:E-3', 3, '2022-01-15', null)];
  const result = await run(lines);
  assert.equal(result.rejected, 0, result.errors.map(describeError).join('\n'));
  assert.ok(result.committed);
  const rows = await sql<Record<string, string | null>>`select external_id, start_date::text as s, start_precision as sp, end_date::text as e, end_precision as ep from exploitation_events order by external_id`.execute(db.kysely);
  assert.deepEqual(
    rows.rows.map((r) => [r.external_id, r.s, r.sp, r.e, r.ep]),
    [
      ['told:E-1', '2019-01-01', 'year', '2020-03-01', 'month'],
      ['told:E-2', '2021-06-01', 'month', '2021-01-01', 'year'],
      ['told:E-3', '2022-01-15', 'day', null, 'day'],
    ],
  );
  const out: Record<string, unknown>[] = [];
  for await (const l of exportLines(db.kysely, key, { types: ['person', 'exploitation_event'] })) out.push(JSON.parse(l) as Record<string, unknown>);
  const byId = new Map(out.map((r) => [r.id, r]));
  assert.deepEqual([1, 2, 3].map((n) => byId.get(`told:P-${n}`)?.birth_date), ['1994', '1995-08', '1996-03-14']);
  assert.deepEqual(
    ['told:E-1', 'told:E-2', 'told:E-3'].map((id) => [byId.get(id)?.start_date, byId.get(id)?.end_date]),
    [['2019', '2020-03'], ['2021-06', '2021'], ['2022-01-15', undefined]],
  );
});

test('a date that is not a year, month or day, or an end wholly before its start, names its line and field', async () => {
  const result = await run([person(4, '1994-13'), person(5, '1990'), event('told:E-4', 5, '2023-05', '2023-04'), event('told:E-5', 5, '2023-5', null)]);
  assert.equal(result.committed, false);
  assert.deepEqual(
    result.errors.map((e) => [e.line, e.problems.map((p) => p.path).join()]),
    [
      [2, 'birth_date'],
      [4, 'end_date'],
      [5, 'start_date'],
    ],
  );
  assert.match(result.errors.map(describeError).join('\n'), /birth_date: must be a year, a year and month, or a date/);
});
