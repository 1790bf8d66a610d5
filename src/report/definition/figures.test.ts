import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { agencyId, intake, refer } from '../../test/factories.ts';
import { startTestApp, type Client, type TestApp } from '../../test/harness.ts';
import { todayInCalendar } from '../../victims/schema.ts';
import type { Figure } from '../figure.ts';
import { buildReport } from '../build.ts';
import { compareYears } from '../report.ts';

// The shipped 2023 definition (profiles/az/report-definition.json) computed on crafted records, all dated on 1 January of the current year (always in the past), so the
// server's own clock-stamped records (referrals) fall in the same year. Expected values below
// are worked out by hand from this list, not read back from the implementation.
let t: TestApp;
let police: Client;
let Y: number;
let figures: Map<string, Figure>;
const ids: Record<string, string> = {};

async function person(gender: 'female' | 'male', birthYear: number | null, region: string | null, identified: string | null) {
  const p = await intake(police, {
    gender,
    identity: { givenName: 'Sınaq', familyName: 'Nümunəova', ...(birthYear ? { birthDate: `${birthYear}-06-01` } : {}) },
    residenceRegion: region,
    contactDate: identified ?? `${Y}-01-01`,
  });
  if (identified) {
    const d = await police.post(`/api/persons/${p.id}/decisions`, { status: 'identified', decidedOn: identified, decidingAgencyId: ids.mia });
    assert.equal(d.status, 201, JSON.stringify(d.body));
  }
  return p.id;
}
const post = async (path: string, body: unknown) => {
  const r = await police.post(path, body);
  assert.ok(r.status < 300, `${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as { id: string };
};
const exploited = (id: string, country: string | null, startDate: string) => post(`/api/persons/${id}/events`, { kind: 'exploitation', country, startDate });
const helped = (id: string, kind: string, provider: string, extra: Record<string, unknown> = {}) =>
  post(`/api/persons/${id}/assistance`, { kind, providerAgencyId: ids[provider], date: `${Y}-01-01`, ...extra });
let payKey = 0;
const paid = (id: string, kind: string, amount: number, paidOn = `${Y}-01-01`) =>
  post(`/api/persons/${id}/payments`, { kind, amount, currency: 'AZN', paidOn, payerAgencyId: ids.mia, idempotencyKey: `report-test-${++payKey}` });

before(async () => {
  t = await startTestApp();
  police = await t.as('police_investigator');
  Y = Number(todayInCalendar().slice(0, 4));
  for (const code of ['mia', 'bar_association', 'clean_world', 'family_world', 'social_services_agency', 'mia_shelter']) ids[code] = await agencyId(t, code);
  const jan1 = `${Y}-01-01`;

  // A: woman, 34, Baku; exploited in Russia 8 years ago, then in Türkiye last year (the latest counts).
  const a = await person('female', Y - 34, 'baku', jan1);
  await exploited(a, 'RU', `${Y - 8}-01-01`);
  await exploited(a, 'TR', `${Y - 1}-06-01`);
  // B: woman, 25 (the band's lower bound), Ganja; exploited in Russia this year.
  const b = await person('female', Y - 25, 'ganja', jan1);
  await exploited(b, 'RU', jan1);
  // C: man, 22, region and exploitation unknown.
  const c = await person('male', Y - 22, null, jan1);
  // D: woman, 44, Baku; exploited in the UAE 10 years ago.
  const d = await person('female', Y - 44, 'baku', jan1);
  await exploited(d, 'AE', `${Y - 10}-03-01`);
  // E: identified last year: outside every "identified in Y" figure.
  const e = await person('female', Y - 30, 'baku', `${Y - 1}-12-31`);
  // F and G: potential victims, never identified.
  const f = await person('female', Y - 19, null, null);
  const g = await person('female', null, null, null);

  await paid(a, 'one_time_allowance', 700);
  await paid(b, 'one_time_allowance', 700);
  await paid(e, 'one_time_allowance', 700, `${Y - 1}-12-31`); // last year: not counted
  await paid(a, 'aid_fund_payment', 5000);
  await paid(a, 'aid_fund_payment', 300); // A: 5,300 in all
  await paid(b, 'aid_fund_payment', 5300);
  await paid(c, 'aid_fund_payment', 1000);

  await helped(a, 'shelter', 'mia_shelter');
  await helped(b, 'shelter', 'mia_shelter');
  await helped(b, 'shelter', 'mia_shelter'); // a second stay: B still one person
  await helped(a, 'medical_therapeutic', 'social_services_agency');
  await helped(b, 'medical_gynaecological', 'social_services_agency');
  await helped(d, 'medical_surgery', 'social_services_agency');
  await helped(a, 'psychological', 'social_services_agency');
  await helped(d, 'psychological', 'social_services_agency');
  await helped(c, 'psychological', 'clean_world'); // an NGO, not the Social Services Agency
  await helped(a, 'legal', 'bar_association', { legalStage: 'investigation' });
  await helped(a, 'legal', 'bar_association', { legalStage: 'court', date: jan1 });
  await helped(b, 'legal', 'bar_association', { legalStage: 'investigation' });
  await helped(d, 'legal', 'bar_association');
  await helped(f, 'legal', 'clean_world');
  await helped(f, 'psychological', 'clean_world');
  await helped(g, 'employment', 'social_services_agency');

  const child = await post(`/api/persons/${a}/children`, { label: 'Uşaq 1', birthYear: Y - 7, gender: 'female' });
  await helped(a, 'child_school_supplies', 'social_services_agency', { childId: child.id });
  await helped(a, 'child_school_supplies', 'social_services_agency', { childId: child.id });

  await post(`/api/persons/${a}/reflection`, { startDate: jan1 });
  await post(`/api/persons/${b}/reflection`, { startDate: jan1 });

  await refer(police, a, ids.clean_world!);
  await refer(police, a, ids.family_world!); // A counts once, under the first NGO
  await refer(police, b, ids.family_world!);
  await refer(police, a, ids.social_services_agency!);
  await refer(police, d, ids.social_services_agency!);

  const compared = await compareYears(t.db.kysely, t.ctx.profile, Y);
  figures = compared.evaluated.byYear.get(Y) ?? new Map();
  previousYear = compared.evaluated.byYear.get(Y - 1) ?? new Map();
});
after(() => t.close());
let previousYear: Map<string, { value: number | null }> = new Map();

test('a median with no payments in the year has no value (printed "no data"), not 0', () => {
  assert.equal(previousYear.get('assistance.aid_fund.amount_azn')?.value, null);
  assert.equal(previousYear.get('assistance.aid_fund.total_azn')?.value, 0, 'a sum over nothing is 0');
});

test('a year with no payment at all has no median either: no value, no change, a median_no_data warning', async () => {
  const next = await buildReport(t.db.kysely, t.ctx.profile, Y + 1);
  const median = next.figures.find((f) => f.id === 'assistance.aid_fund.amount_azn');
  assert.deepEqual([median?.value, median?.delta], [null, null]);
  assert.deepEqual(next.problems.filter((p) => p.figure === 'assistance.aid_fund.amount_azn').map((p) => p.code), ['median_no_data']);
});

const fig = (id: string) => {
  const f = figures.get(id);
  assert.ok(f, `figure ${id} is produced`);
  return f;
};

test('identified victims by sex, country and year of exploitation, age band and residence', () => {
  assert.deepEqual(fig('victims.identified'), { id: 'victims.identified', value: 4, breakdown: { female: 3, male: 1 }, unknown: 0, parts: 'partition' });
  assert.deepEqual(fig('victims.by_country_of_exploitation').breakdown, { AE: 1, RU: 1, TR: 1 });
  assert.equal(fig('victims.by_country_of_exploitation').unknown, 1);
  assert.deepEqual(fig('victims.by_exploitation_period').breakdown, { [`${Y - 10}-${Y - 1}`]: 2, [String(Y)]: 1 });
  assert.equal(fig('victims.by_exploitation_period').unknown, 1);
  assert.deepEqual(fig('victims.by_age').breakdown, { '18-25': 1, '25-35': 2, '35+': 1 });
  assert.deepEqual(fig('victims.by_residence').breakdown, { capital: 2, other: 1 });
  assert.equal(fig('victims.by_residence').unknown, 1);
});

test('every partition sums to its value', () => {
  for (const f of figures.values()) {
    if (f.parts !== 'partition') continue;
    const sum = Object.values(f.breakdown ?? {}).reduce((s, n) => s + n, 0) + (f.unknown ?? 0);
    assert.equal(sum, f.value, f.id);
  }
});

test('assistance counts persons, not items, in the period', () => {
  assert.equal(fig('assistance.lump_sum_700').value, 2);
  assert.equal(fig('assistance.shelter').value, 2);
  assert.equal(fig('assistance.medical_treatment').value, 2);
  assert.equal(fig('assistance.surgery').value, 1);
  assert.equal(fig('assistance.employment').value, 0, "G's job: G is a potential victim, counted under potential_victims.supported");
  assert.equal(fig('assistance.aid_fund.recipients').value, 3);
  assert.equal(fig('assistance.aid_fund.amount_azn').value, 5300, 'the median of 1,000, 5,300 and 5,300');
  assert.equal(fig('victims_children.school_supplies').value, 1);
  assert.equal(fig('reflection_period.granted').value, 2);
});

test('referrals: each person once under the first NGO; the agency’s help as overlapping parts', () => {
  assert.equal(fig('referrals.ngo').value, 2);
  assert.deepEqual(fig('referrals.ngo').breakdown, { clean_world: 1, family_world: 1 });
  const ssa = fig('referrals.social_services_agency');
  assert.equal(ssa.value, 2);
  assert.equal(ssa.parts, 'overlapping');
  // B's care and G's job come from the agency, but neither was referred to it: not counted.
  assert.deepEqual(ssa.breakdown, { psychological: 2, medical: 2, vocational: 0, employment_agency: 0 });
  const pv = fig('potential_victims.supported');
  assert.equal(pv.value, 2);
  assert.deepEqual(pv.breakdown, { legal: 1, psychological: 1, medical: 0, employment_agency: 1 });
});

test("the Bar's legal aid: each person under the latest stage, unknown stage kept apart", () => {
  const bar = fig('legal_aid.bar.total');
  assert.equal(bar.value, 3);
  assert.equal(fig('legal_aid.bar.court').value, 1);
  assert.equal(fig('legal_aid.bar.investigation').value, 1);
  assert.equal(bar.unknown, 1);
});
