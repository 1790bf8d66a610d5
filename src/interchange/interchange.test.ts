import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { seedAgenciesFromProfile } from '../agencies/agencies.ts';
import { fieldKey } from '../crypto/fields.ts';
import type { Db } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { generate } from '../generate/generate.ts';
import { loadProfile, profileDir } from '../profile/load.ts';
import type { Profile } from '../profile/schema.ts';
import { freshDatabase } from '../test/harness.ts';
import { normaliseCaseArticles } from '../prosecution/articles.ts';
import { exportLines } from './export.ts';
import { describeError, importLines, type ImportOptions } from './import.ts';
import { RECORD_TYPES } from './types.ts';

let profile: Profile;
const key = fieldKey(randomBytes(32));
const open: Db[] = [];

async function emptyDb() {
  const db = await freshDatabase();
  open.push(db);
  await migrateToLatest(db.kysely);
  await seedAgenciesFromProfile(db.kysely, profile);
  return db.kysely;
}
async function* from(lines: readonly string[]) {
  yield* lines;
}
const run = (db: Awaited<ReturnType<typeof emptyDb>>, lines: readonly string[], opts: ImportOptions = {}) => importLines(db, { key, profile }, from(lines), opts);
async function exported(db: Awaited<ReturnType<typeof emptyDb>>) {
  const out: string[] = [];
  for await (const l of exportLines(db, key)) out.push(l);
  return out;
}
async function count(db: Awaited<ReturnType<typeof emptyDb>>, table: string) {
  return Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db)).rows[0]?.n);
}

let generated: string[];
before(async () => {
  profile = await loadProfile(profileDir('az'));
  // Scale 1 (the national volume) for two years, plus the history before them.
  generated = [...generate(profile, { scale: 1, fromYear: 2023, toYear: 2024, seed: 11, asOf: '2026-06-30' })].map((r) => JSON.stringify(r));
});
after(async () => {
  for (const db of open) await db.close();
});

test('round trip: generate at scale 1, import, export, import into an empty database, export again: the two exports are identical', async () => {
  const types = new Set(generated.map((l) => (JSON.parse(l) as { type: string }).type));
  assert.deepEqual([...types].sort(), RECORD_TYPES.map((t) => t.type).sort(), 'the generator makes every record type');
  assert.ok(generated.length > 20_000, `national volume: ${generated.length} lines`);

  const a = await emptyDb();
  const first = await run(a, generated);
  assert.equal(first.rejected, 0, first.errors.map(describeError).join('\n'));
  assert.ok(first.committed);
  const one = await exported(a);
  assert.equal(one.length, generated.length + 1, 'every record and the header');

  const b = await emptyDb();
  const second = await run(b, one);
  assert.equal(second.rejected, 0, second.errors.map(describeError).join('\n'));
  const two = await exported(b);
  assert.equal(two.join('\n'), one.join('\n'));

  // Every generated record survived the trip field for field (the export orders by id, not by file position).
  const byId = new Map(one.slice(1).map((l) => [`${(JSON.parse(l) as { type: string; id: string }).type}:${(JSON.parse(l) as { id: string }).id}`, JSON.parse(l)]));
  for (const l of generated.slice(0, 2000)) {
    const r = JSON.parse(l) as { type: string; id: string };
    assert.deepEqual(byId.get(`${r.type}:${r.id}`), r);
  }
});

test('re-importing updates records in place: no duplicates, the changed field changed, case codes advance past the imported ones', async () => {
  const db = await emptyDb();
  const small = generated.filter((l) => !l.includes('"hotline_contact"') && !l.includes('"hotline_identifier"') && !l.includes('"hotline_tip"'));
  await run(db, small);
  const persons = await count(db, 'persons');
  const services = await count(db, 'assistance');
  const personLine = small.find((l) => l.startsWith('{"type":"person"')) as string;
  const person = JSON.parse(personLine) as { id: string; given_name: string; case_code: string };
  const changed = small.map((l) => (l === personLine ? JSON.stringify({ ...person, given_name: 'Renamed' }) : l));
  const again = await run(db, changed);
  assert.equal(again.rejected, 0);
  assert.equal(await count(db, 'persons'), persons);
  assert.equal(await count(db, 'assistance'), services);
  const out = (await exported(db)).map((l) => JSON.parse(l) as { id: string; given_name?: string });
  assert.equal(out.find((r) => r.id === person.id)?.given_name, 'Renamed');
  const year = Number(person.case_code.split('-')[1]);
  const highest = Math.max(...small.filter((l) => l.includes(`"case_code":"AZ-${year}-`)).map((l) => Number(/"case_code":"AZ-\d{4}-(\d+)"/.exec(l)?.[1])));
  const counter = await db.selectFrom('case_code_counters').select('last').where('year', '=', year).executeTakeFirstOrThrow();
  assert.equal(counter.last, highest);
});

const person = (id: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ type: 'person', id, case_code: `AZ-2020-${id.slice(-3)}`, owner_agency: 'mia', given_name: 'Sınaq', gender: 'female', languages: ['az'], vulnerabilities: [], channel: 'police', contact_date: '2020-05-01', identification_status: 'potential', ...extra });
const malformed = [
  '{"type":"header","format":"azad-interchange","version":1}',
  person('T-001'),
  '{"type":"person", "id": "T-002", ', // 3: not JSON
  person('T-004'),
  person('T-005', { gendr: 'female' }), // 5: misspelt field
  person('T-006', { contact_date: '2020-13-40' }), // 6: not a date
  JSON.stringify({ type: 'consent', id: 'T-007', person: 'T-001', purpose: 'referral', given: true }), // 7: recorded_on missing
  person('T-008', { owner_agency: 'no_such_agency' }), // 8: unknown agency
  JSON.stringify({ type: 'child', id: 'T-009', person: 'T-404', label: 'A', gender: 'male' }), // 9: no such person
  JSON.stringify({ type: 'victim', id: 'T-010' }), // 10: unknown type
  person('T-011', { case_code: 'AZ-2020-001' }), // 11: case code of line 2
];

test('malformed lines are reported by line number and field, and nothing from the file is stored', async () => {
  const db = await emptyDb();
  const result = await run(db, malformed);
  assert.equal(result.committed, false);
  const lines = result.errors.map((e) => e.line);
  // Database checks (references, duplicates) stop at the first bad line: the file is refused anyway.
  assert.deepEqual(lines, [3, 5, 6, 7, 8, 10]);
  const text = result.errors.map(describeError).join('\n');
  assert.match(text, /line 3: not JSON/);
  assert.match(text, /line 5 \(person T-005\): .*gendr/);
  assert.match(text, /line 6 \(person T-006\): contact_date:/);
  assert.match(text, /line 7 \(consent T-007\): recorded_on:/);
  assert.match(text, /line 8 \(person T-008\): owner_agency: unknown agency "no_such_agency"/);
  assert.match(text, /line 10 \(victim T-010\): type: unknown record type "victim"/);
  for (const t of ['persons', 'consents', 'children']) assert.equal(await count(db, t), 0, `${t} stays empty`);
  const audit = await db.selectFrom('audit_log').select(['action', 'outcome']).where('action', '=', 'interchange.import').execute();
  assert.deepEqual(audit, [{ action: 'interchange.import', outcome: 'invalid' }]);
});

test('a reference to a missing record and a duplicate key are named by line and field', async () => {
  const db = await emptyDb();
  const missing = await run(db, [malformed[0], malformed[1], malformed[8]] as string[]);
  assert.equal(missing.committed, false);
  assert.equal(missing.errors.map(describeError).join('\n'), 'line 3 (child T-009): person: refers to person "T-404", which is neither earlier in the file nor in the database');
  const duplicate = await run(db, [malformed[0], malformed[1], malformed[10]] as string[]);
  assert.equal(duplicate.errors.map(describeError).join('\n'), 'line 3 (person T-011): case_code: "AZ-2020-001" is already used by another record (case_code)');
  assert.equal(await count(db, 'persons'), 0);
});

test('--partial keeps the valid lines and hands back each rejected one with its reasons', async () => {
  const db = await emptyDb();
  const rejected: { line: number; text: string }[] = [];
  const result = await run(db, malformed, { partial: true, onReject: (e, text) => rejected.push({ line: e.line, text }) });
  assert.equal(result.committed, true);
  assert.deepEqual(rejected.map((r) => r.line).sort((a, b) => a - b), [3, 5, 6, 7, 8, 9, 10, 11]);
  assert.equal(rejected.find((r) => r.line === 5)?.text, malformed[4]);
  assert.equal(await count(db, 'persons'), 2);
  // Running it again changes nothing: the same two persons, the same rejections.
  const again = await run(db, malformed, { partial: true });
  assert.equal(again.rejected, 8);
  assert.equal(await count(db, 'persons'), 2);
});

test('an imported case keeps the bare article as its principal one, as a case opened through the API does', async () => {
  const db = await emptyDb();
  const line = (id: string, articles: string[]) => JSON.stringify({ type: 'criminal_case', id, number: `SYN-${id}`, opened_on: '2024-03-01', articles, agency: 'mia', status: 'investigation', status_on: '2024-03-01' });
  const result = await run(db, [line('K-1', ['144-1.2']), line('K-2', ['144-1', '243'])]);
  assert.equal(result.committed, true, JSON.stringify(result.errors));
  const rows = await db.selectFrom('criminal_cases').select(['number', 'principal_article', 'articles']).orderBy('number').execute();
  assert.deepEqual(rows.map((r) => [r.principal_article, r.articles]), [['144-1', ['144-1.2']], ['144-1', ['144-1', '243']]]);
  // Rows stored by the earlier importer are brought into line once, at start-up.
  await db.updateTable('criminal_cases').set({ principal_article: '144-1.2' }).where('number', '=', 'SYN-K-1').execute();
  assert.equal(await normaliseCaseArticles(db, profile), 1);
  assert.equal(await normaliseCaseArticles(db, profile), 0);
  const fixed = await db.selectFrom('criminal_cases').select('principal_article').where('number', '=', 'SYN-K-1').executeTakeFirstOrThrow();
  assert.equal(fixed.principal_article, '144-1');
});

test("a historical aggregate's breakdown must add up to its value, as through the API: the line and field are named, nothing is stored", async () => {
  const db = await emptyDb();
  const agg = (id: string, value: number, breakdown: Record<string, number>) => JSON.stringify({ type: 'historical_aggregate', id, figure: 'victims.identified', year: 2005 + Number(id.slice(-1)), value, breakdown, source: 'Report of that year' });
  const result = await run(db, ['{"type":"header","format":"azad-interchange","version":1}', agg('H-1', 44, { female: 40, male: 4 }), agg('H-2', 91, { female: 85, male: 5 }), agg('H-3', 10, { female: 10.5 })]);
  assert.equal(result.committed, false);
  const text = result.errors.map(describeError).join('\n');
  assert.match(text, /line 3 \(historical_aggregate H-2\): breakdown: the parts sum to 90, not 91/);
  assert.match(text, /line 4 \(historical_aggregate H-3\): breakdown/);
  assert.equal(await count(db, 'historical_aggregates'), 0);
  // Adding the unknown part as a part of its own makes the file whole.
  const ok = await run(db, ['{"type":"header","format":"azad-interchange","version":1}', agg('H-1', 44, { female: 40, male: 4 }), agg('H-2', 91, { female: 85, male: 5, unknown: 1 })]);
  assert.equal(ok.committed, true, JSON.stringify(ok.errors.map(describeError)));
  assert.equal(await count(db, 'historical_aggregates'), 2);
});
