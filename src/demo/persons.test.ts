import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql, type Kysely } from 'kysely';
import { seedAgenciesFromProfile } from '../agencies/agencies.ts';
import { fieldKey, type FieldKey } from '../crypto/fields.ts';
import type { Db } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { Database } from '../db/schema.ts';
import { loadProfile, profileDir } from '../profile/load.ts';
import type { Profile } from '../profile/schema.ts';
import { freshDatabase } from '../test/harness.ts';
import { listPersons } from '../victims/persons.ts';
import { caseStatusSql } from '../victims/status.ts';
import { loadDemoData } from './demo.ts';
import { generatePersons, yearPlan, type GenerateOptions, type SyntheticPerson } from './persons.ts';
import { FAMILY_ROOTS, IDENTIFIED_PER_YEAR } from './vocabulary.ts';

const PASSWORD = 'Correct-horse-battery-7';
let profile: Profile;
before(async () => {
  profile = await loadProfile(profileDir('az'));
});

const FULL: GenerateOptions = { seed: 7, fromYear: 2005, toYear: 2025, asOf: '2026-06-30' };
const exploitationCountry = (p: SyntheticPerson) => p.events.find((e) => e.kind === 'exploitation')?.country ?? null;
const tally = <T>(xs: T[]) => {
  const m = new Map<T, number>();
  for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
  return [...m].sort((a, b) => b[1] - a[1]);
};

describe('the generator', () => {
  test('the same seed gives the same persons; another seed does not', () => {
    const opts = { ...FULL, fromYear: 2022, toYear: 2023 };
    assert.deepEqual(generatePersons(profile, opts), generatePersons(profile, opts));
    assert.notDeepEqual(generatePersons(profile, opts), generatePersons(profile, { ...opts, seed: 8 }));
  });

  test('yearly identified totals follow the published series; about 90 a year lately', () => {
    const persons = generatePersons(profile, FULL);
    const identified = persons.filter((p) => p.kind === 'identified');
    for (let y = 2005; y <= 2025; y++) assert.equal(identified.filter((p) => p.year === y).length, IDENTIFIED_PER_YEAR[y], `${y}`);
    assert.equal(identified.filter((p) => p.year <= 2024).length, 1441, 'the published 2005–2024 total');
    assert.equal(identified.filter((p) => p.year <= 2019).length, 976, 'the published 2005–2019 total');
    for (let y = 2019; y <= 2025; y++) {
      const n = identified.filter((p) => p.year === y).length;
      assert.ok(n >= 80 && n <= 110, `${y}: ${n}`);
    }
    for (const p of identified) assert.equal(p.decisions.at(-1)?.decidedOn.slice(0, 4), String(p.year), 'identified in its year');
    const potential = persons.filter((p) => p.kind === 'potential');
    assert.ok(potential.length > 400, 'potential victims beside the identified ones');
    assert.ok(potential.filter((p) => p.decisions.some((d) => d.status === 'not_confirmed')).length > potential.length / 2, 'most potential victims are not confirmed');
  });

  test('the shape matches the reports: women, 25–35, Türkiye/UAE/Russia, citizens, sexual exploitation', () => {
    const identified = generatePersons(profile, FULL).filter((p) => p.kind === 'identified');
    const share = (f: (p: SyntheticPerson) => boolean) => identified.filter(f).length / identified.length;
    assert.ok(share((p) => p.input.gender === 'female') > 0.6);
    const ages = tally(identified.map((p) => {
      const age = p.year - (p.input.birthYear as number);
      return age < 18 ? 'minor' : age < 25 ? '18-25' : age < 35 ? '25-35' : '35+';
    }));
    assert.equal(ages[0]?.[0], '25-35');
    assert.ok(share((p) => p.input.isMinor === true) < 0.05, 'few minors');
    assert.ok(share((p) => p.input.isMinor === true) > 0, 'but some');
    const countries = tally(identified.map(exploitationCountry));
    assert.deepEqual(new Set(countries.slice(0, 3).map(([c]) => c)), new Set(['TR', 'AE', 'RU']), JSON.stringify(countries));
    assert.ok(countries.some(([c]) => c === 'AZ'), 'some exploited inside the country');
    assert.ok(share((p) => p.input.citizenship === 'AZ') > 0.9);
    const forms = tally(identified.map((p) => p.events.find((e) => e.kind === 'exploitation')?.forms?.[0]));
    assert.equal(forms[0]?.[0], 'sexual');
    assert.ok(forms.some(([f]) => f === 'forced_labour'));
    assert.ok(share((p) => p.payments.some((x) => x.kind === 'one_time_allowance' && x.amount === 700)) > 0.95, 'the AZN 700 allowance');
    assert.ok(share((p) => p.referrals.length > 0) > 0.9);
    assert.ok(share((p) => p.children.length > 0) > 0.1);
    assert.ok(share((p) => p.events.some((e) => e.recruitmentMethod === 'online_platform')) > 0.05);
    const older = identified.filter((p) => p.year <= 2022);
    assert.ok(older.every((p) => p.closure), 'older cases are closed');
    assert.equal(tally(older.map((p) => p.closure?.reason))[0]?.[0], 'reintegrated');
  });

  test('names are obviously synthetic and nothing is dated after asOf', () => {
    const persons = generatePersons(profile, { ...FULL, fromYear: 2024 });
    for (const p of persons) {
      const family = p.input.identity.familyName ?? '';
      assert.ok(FAMILY_ROOTS.some((root) => family === `${root}ova` || family === `${root}ov`), family);
      for (const d of p.input.identity.documentNumbers ?? []) assert.match(d, /^SYN\d{7}$/);
      for (const ph of p.input.identity.phones ?? []) assert.match(ph, /^\+994 00 /, 'a prefix no operator uses');
      const dates = [p.input.contactDate, ...p.decisions.map((d) => d.decidedOn), ...p.assistance.flatMap((a) => [a.date, a.endDate]), ...p.payments.map((x) => x.paidOn), p.closure?.closedOn];
      for (const d of dates) if (d) assert.ok(d <= '2026-06-30' && d >= p.input.contactDate, `${p.key}: ${d}`);
    }
  });

  test('`total` spreads exactly that many persons over the years', () => {
    const plan = yearPlan({ ...FULL, total: 100_000 });
    assert.equal(plan.reduce((s, r) => s + r.identified + r.potential, 0), 100_000);
    assert.equal(generatePersons(profile, { ...FULL, fromYear: 2020, total: 333 }).length, 333);
  });
});

/** Every table's rows as JSON text, to look for plaintext. */
async function dump(db: Kysely<Database>) {
  const tables = await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = current_schema()`.execute(db);
  const parts: string[] = [];
  for (const { name } of tables.rows) {
    const rows = await sql<{ j: string }>`select row_to_json(x)::text as j from ${sql.table(name)} x`.execute(db);
    parts.push(...rows.rows.map((r) => r.j));
  }
  return parts.join('\n');
}

function secretsOf(persons: SyntheticPerson[]) {
  const out = new Set<string>();
  for (const { input } of persons) {
    const id = input.identity;
    for (const s of [id.givenName, id.familyName, id.patronymic, id.address, ...(id.documentNumbers ?? []), ...(id.phones ?? [])]) if (s) out.add(s);
  }
  return [...out];
}

async function assertNoPlaintext(db: Kysely<Database>, persons: SyntheticPerson[]) {
  const text = await dump(db);
  const hex = (s: string) => Buffer.from(s, 'utf8').toString('hex');
  for (const s of secretsOf(persons)) {
    assert.ok(!text.includes(s), `"${s}" stored in plaintext`);
    assert.ok(!text.includes(hex(s)), `"${s}" stored as bytes`);
  }
}

/** listPersons' status and year filters must find exactly the rows the plain definitions find. */
async function assertFiltersAgree(db: Kysely<Database>) {
  const all = sql<boolean>`true`;
  const statuses = await sql<{ status: string; n: number }>`select ${caseStatusSql()} as status, count(*)::int as n from persons group by 1`.execute(db);
  assert.ok(statuses.rows.length >= 3, JSON.stringify(statuses.rows));
  for (const { status, n } of [...statuses.rows, { status: 'in_reflection', n: -1 }, { status: 'new', n: -1 }, { status: 'nonsense', n: 0 }]) {
    const expected = n >= 0 ? n : (statuses.rows.find((r) => r.status === status)?.n ?? 0);
    const list = await listPersons(db, all, { status, limit: 5, offset: 0 });
    assert.equal(list.total, expected, `status ${status}`);
    assert.ok(list.items.every((i) => i.status === status));
  }
  const years = await sql<{ y: number; n: number }>`select extract(year from identified_on)::int as y, count(*)::int as n from persons where identified_on is not null group by 1`.execute(db);
  for (const { y, n } of years.rows) assert.equal((await listPersons(db, all, { year: y, limit: 5, offset: 0 })).total, n, `year ${y}`);
}

describe('loading into a database', () => {
  let db: Db;
  let key: FieldKey;
  before(async () => {
    db = await freshDatabase();
    await migrateToLatest(db.kysely);
    await seedAgenciesFromProfile(db.kysely, profile);
    key = fieldKey(randomBytes(32));
  });
  after(() => db.close());

  const small = { fromYear: 2024, toYear: 2025, scale: 0.15 };

  test('the demo set goes through the domain functions: encrypted, audited, no plaintext names', async () => {
    await loadDemoData(db.kysely, profile, { password: PASSWORD, seed: 11, key, persons: small });
    const expected = generatePersons(profile, { seed: 11, ...small });
    const persons = await db.kysely.selectFrom('persons').select(['id', 'gender', 'contact_date', 'created_by']).orderBy('created_at').execute();
    assert.equal(persons.length, expected.length);
    assert.deepEqual(persons.map((p) => p.contact_date), expected.map((p) => p.input.contactDate));
    assert.ok(persons.every((p) => p.created_by), 'recorded by demo users');
    const audited = await db.kysely.selectFrom('audit_log').select('target_id').where('action', '=', 'persons.create').execute();
    assert.equal(audited.length, expected.length);
    const payments = await db.kysely.selectFrom('payments').select(['amount', 'currency']).execute();
    assert.ok(payments.length > 0 && payments.every((p) => Number(p.amount) === 700 && p.currency === 'AZN'));
    await assertNoPlaintext(db.kysely, expected);
    await assertFiltersAgree(db.kysely);

    // Loading again adds nothing: the persons are there already.
    await loadDemoData(db.kysely, profile, { password: PASSWORD, seed: 11, key, persons: small });
    assert.equal((await db.kysely.selectFrom('persons').select('id').execute()).length, expected.length);
  });
});
