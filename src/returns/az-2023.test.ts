// Every return on the synthetic 2023 fixture (`azad fixtures load az-2023`): the figures it shares
// with the annual report agree, and the files open in their receiver's layout.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { seedAgenciesFromProfile } from '../agencies/agencies.ts';
import { fieldKey } from '../crypto/fields.ts';
import type { Db } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { loadProfile, profileDir } from '../profile/load.ts';
import type { Profile } from '../profile/schema.ts';
import { loadFixture } from '../report/fixtures/load.ts';
import { reportFigures } from '../report/report.ts';
import { freshDatabase } from '../test/harness.ts';
import { QUASI_IDENTIFIERS } from './ctdc.ts';
import { classes } from './kanon.ts';
import { calendarYear } from './period.ts';
import { makeReturn, renderReturn, returnDefinition, type MadeReturn } from './returns.ts';

let db: Db;
let profile: Profile;
let report: Map<string, { value: number | null; breakdown?: Record<string, number> }>;

before(async () => {
  db = await freshDatabase();
  profile = await loadProfile(profileDir('az'));
  await migrateToLatest(db.kysely);
  await seedAgenciesFromProfile(db.kysely, profile);
  await loadFixture(db.kysely, { key: fieldKey(randomBytes(32)), profile }, 'az-2023');
  report = new Map((await reportFigures(db.kysely, profile, 2023)).figures.map((f) => [f.id, f]));
});
after(() => db.close());

async function make(name: string): Promise<MadeReturn> {
  const def = returnDefinition(name);
  assert.ok(def, `return ${name} is registered`);
  return makeReturn(db.kysely, profile, def, calendarYear(2023));
}
const disagreements = (r: MadeReturn) => r.findings.filter((f) => f.code === 'report_disagrees');
const rep = (id: string, part?: string) => {
  const f = report.get(id);
  assert.ok(f, `the report has ${id}`);
  return part === undefined ? f.value : (f.breakdown?.[part] ?? 0);
};

test('GLOTIP 2023: detected victims, by sex and children, and persons prosecuted and convicted agree with the annual report', async () => {
  const r = await make('glotip');
  assert.deepEqual(disagreements(r), []);
  const rows = r.sheets[0]!.rows;
  const cell = (indicator: string, dimension: string, category: string, sex: string, age: string) => {
    const found = rows.filter((x) => x[4] === indicator && x[5] === dimension && x[6] === category && x[7] === sex && x[8] === age);
    assert.equal(found.length, 1, `one row for ${indicator}/${dimension}/${category}/${sex}/${age}`);
    return found[0]![11];
  };
  assert.equal(cell('Detected trafficking victims', 'Total', 'Total', 'Total', 'Total'), rep('victims.identified'));
  assert.equal(cell('Detected trafficking victims', 'Total', 'Total', 'Female', 'Total'), rep('victims.identified', 'female'));
  assert.equal(cell('Detected trafficking victims', 'Total', 'Total', 'Male', 'Total'), rep('victims.identified', 'male'));
  assert.equal(cell('Detected trafficking victims', 'Total', 'Total', 'Total', '0 to 17 years'), rep('victims.by_age', 'under-18'));
  assert.equal(cell('Detected trafficking victims', 'by citizenship', 'Azerbaijan', 'Total', 'Total'), rep('victims.by_citizenship', 'AZ'));
  // The registry's every article, as the report counts it, is reconciled by the checks; the return
  // keeps to trafficking articles, so its persons are at most the report's.
  assert.ok((cell('Persons convicted', 'Total', 'Total', 'Total', 'Total') as number) <= (rep('defendants.convicted') as number));
  assert.ok((cell('Persons prosecuted', 'Total', 'Total', 'Total', 'Total') as number) <= (rep('defendants.sent_to_court') as number));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await renderReturn(r)) as unknown as ArrayBuffer);
  assert.deepEqual(wb.worksheets.map((w) => w.name), ['data_glotip', 'Validation']);
});

test('US TIP for calendar 2023: victims, prosecutions, convictions, sentences and protection agree with the annual report', async () => {
  const r = await make('tip');
  assert.deepEqual(disagreements(r), []);
  const [law, sentences, protection] = r.sheets;
  const lawRow = (figure: string) => law!.rows.find((x) => x[0] === figure)!;
  assert.equal(lawRow('Victims identified')[2], rep('victims.identified'));
  assert.match(String(lawRow('Victims identified')[6]), /^\d+ \(\d+\)$/, 'printed as the TIP report prints it: total (labour)');
  assert.ok((lawRow('Convictions')[2] as number) <= (rep('defendants.convicted') as number));
  const total = sentences!.rows.find((x) => x[0] === 'total')!;
  assert.ok((total[1] as number) <= (rep('sentences.by_type') as number));
  const prot = (figure: string) => protection!.rows.find((x) => x[0] === figure)![1];
  assert.equal(prot('Victims given shelter'), rep('assistance.shelter'));
  assert.equal(prot('Persons paid: One-time allowance'), rep('assistance.lump_sum_700'));
});

test('HTCDS 2023: one row per case, no identity, and the identified victims are the annual report\'s', async () => {
  const r = await make('htcds');
  assert.deepEqual(disagreements(r), []);
  const sheet = r.sheets[0]!;
  const col = (name: string) => sheet.columns.indexOf(name);
  const identified = sheet.rows.filter((x) => x[col('vic_TraffickingStatus')] === 'ActualVictimOfTrafficking');
  assert.ok(identified.length >= (rep('victims.identified') as number));
  for (const name of sheet.columns) assert.doesNotMatch(name, /Name|Birthdate|Identity|Email|Phone|Address/i, `${name}: no identity column`);
  assert.equal(new Set(sheet.rows.map((x) => x[col('cas_CaseId')])).size, sheet.rows.length, 'one row per case');
  const csv = (await renderReturn(r)).toString('utf8');
  assert.ok(csv.startsWith(`${sheet.columns.join(',')}\r\n`));
});

test('CTDC 2023: the public file is k-anonymous over its quasi-identifiers, with k from the profile', async () => {
  const r = await make('ctdc');
  assert.deepEqual(disagreements(r), []);
  const k = profile.settings.returns.ctdcK;
  assert.equal(k, 11);
  const sheet = r.sheets[0]!;
  const rows = sheet.rows.map((x) => Object.fromEntries(sheet.columns.map((c, i) => [c, x[i] as string | number])));
  assert.ok(rows.length > 0, 'some victims survive anonymisation');
  const counts = classes(rows, QUASI_IDENTIFIERS);
  for (const [combination, n] of counts) assert.ok(n >= k, `${combination} occurs ${n} times, fewer than k = ${k}`);
  assert.ok(rows.every((x) => x.Datasource === 'Case management'));
  const note = r.findings.find((f) => f.code === 'records_incomplete');
  assert.ok(note && note.ours === rows.length, 'the file says how many were generalised and left out');
  assert.ok(rows.length <= (rep('victims.identified') as number));
});

test('GRETA 2023: identified victims, reflection periods, permits and shelter agree with the annual report; what Azad does not record says so', async () => {
  const r = await make('greta');
  assert.deepEqual(disagreements(r), []);
  const [victims, protection, compensation] = r.sheets;
  const v = (b: string, c: string) => victims!.rows.find((x) => x[0] === b && x[1] === c)!;
  assert.equal(v('total', 'all')[3], rep('victims.identified'));
  assert.equal(v('sex', 'female')[3], rep('victims.identified', 'female'));
  assert.ok((v('total', 'all')[2] as number) > 0, 'presumed victims are counted');
  const p = (f: string) => protection!.rows.find((x) => x[0] === f)!;
  assert.equal(p('Recovery and reflection periods granted')[1], rep('reflection_period.granted'));
  assert.equal(p('Residence permits issued')[1], rep('assistance.residence_permits'));
  assert.equal(p('Recovery and reflection periods refused')[1], 'not available');
  assert.ok(compensation!.rows.every((x) => x[1] === 'not available'), 'compensation is not recorded: never a blank or a zero');
});

test('Eurostat 2023: a true zero and "not available" stay apart; identified victims agree with the annual report', async () => {
  const r = await make('eurostat');
  assert.deepEqual(disagreements(r), []);
  const rows = r.sheets[0]!.rows;
  const obs = (table: string, leg: string, sex: string, age: string, citizen: string, exploit: string) => rows.find((x) => x.slice(0, 6).join('|') === [table, leg, sex, age, citizen, exploit].join('|'))![8];
  assert.equal(obs('crim_thb_vsa', 'VICT_IDENT', 'T', 'TOTAL', 'TOTAL', 'TOTAL'), rep('victims.identified'));
  assert.equal(obs('crim_thb_vsa', 'VICT_IDENT', 'F', 'TOTAL', 'TOTAL', 'TOTAL'), rep('victims.identified', 'female'));
  assert.equal(obs('crim_thb_vexp', 'VICT_IDENT', 'T', 'TOTAL', 'TOTAL', 'ORG'), 0, 'organ removal is recorded in this country and none occurred: a true zero');
  assert.ok(rows.every((x) => x[8] !== null && x[8] !== ''), 'no blank cell');
  // A year before the records begin is not available, not zero.
  const before = await makeReturn(db.kysely, profile, returnDefinition('eurostat')!, calendarYear(2010));
  assert.ok(before.sheets[0]!.rows.every((x) => x[8] === ':'));
  assert.match((await renderReturn(before)).toString('utf8'), /,:,/);
});
