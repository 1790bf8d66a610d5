import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { agencyId } from '../test/factories.ts';
import { startTestApp, type Client, type TestApp } from '../test/harness.ts';
import type { Figure } from './schema.ts';
import { prosecutionFigures } from './statistics.ts';

/*
 * Crafted records around 2024, entered through the API. Every expected value below is counted by
 * hand from this list (see docs/prosecution.md for the counting rules):
 *
 * Facts (registered; principal article first)      Cases (opened → status history)
 *  F1 2024-03-01 144-1                               C1 2023-11-01 on F9; completed 2024-02-01; court 2024-03-01
 *  F2 2024-04-01 144-1.2 online whatsapp+telegram    C2 2024-04-10 on F2 (144-1.2); completed 2024-10-01
 *  F3 2024-05-01 144-3                               C3 2024-07-10 on F5,F6 (243.1); investigation
 *  F4 2024-06-01 144-2                               C4 2024-08-10 on F7 (244); completed 2024-09-01; suspended 2024-09-15
 *  F5 2024-07-01 243.1 online instagram              C5 2024-12-20 on F1 (144-1); completed 2025-01-10
 *  F6 2024-07-02 243.1 online, no platform           C6 2022-05-01 on F11; completed 2022-06-01; court 2022-07-01
 *  F7 2024-08-01 244
 *  F8 2024-09-01 182 + 144-1
 *  F9 2023-10-15 144-1 online tiktok   F10 2025-01-01 144-1   F11 2022-04-01 144-1
 *
 * Persons: P1 F (C1) charged 2023-11-05, court 2024-03-01, convicted 2024-06-01, prison 60 m + confiscation 2024-06-01
 *          P2 M (C1) charged 2024-01-10, court 2024-03-01, acquitted 2024-07-01
 *          P3 ? (C1) suspect 2023-11-10, charged 2024-01-15, court 2024-03-01, convicted 2024-12-30, suspended 24 m 2025-01-05
 *          P4 F (C2) charged 2024-05-01          P5 F (C2) suspect 2024-05-02        P6 M (C4) charged 2024-08-15
 *          P7 F (C6) charged 2022-05-10, court 2022-07-01, convicted 2022-12-01, fine 2022-12-01
 *          P8 M, P9 F, P10 M, P11 M (C3) suspects 2024-07-11
 * Wanted:  W1 local 144-1 P5 2024-05-03 still wanted         W6 interpol 144-1 P4 2024-06-01 TR still wanted
 *          W2 local 243 P8 2024-07-15 detained 2024-09-01     W7 interpol 144-1 P6 2024-09-01 RU extradited 2024-12-01
 *          W3 local 144-1 P9 2024-07-15 detained 2024-11-01   W8 interpol 144-1.1 P11 2024-08-01 AE detained 2025-03-01
 *          W4 local 244 P10 2024-07-20 cancelled 2025-02-01   W9 interpol 144-1 P5 2025-02-01 PK
 *          W5 local 144-1 P3 2023-11-12 detained 2023-12-20
 */

let t: TestApp;
let police: Client;
let figures: Map<string, Figure>;

before(async () => {
  t = await startTestApp();
  police = await t.as('police_investigator');
  const mia = await agencyId(t, 'mia_anti_trafficking');
  const ok = async (path: string, body: unknown) => {
    const res = await police.post(path, body);
    assert.ok(res.status === 201 || res.status === 204, `${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body?.id as string;
  };
  const fact = (registeredOn: string, articles: string[], platforms?: string[]) =>
    ok('/api/prosecution/facts', { registeredOn, articles, ...(platforms ? { online: true, platforms } : {}) });
  let n = 0;
  const openCase = (openedOn: string, articles: string[], factIds: string[]) => ok('/api/prosecution/cases', { number: `S-${++n}`, openedOn, articles, factIds, investigatingAgencyId: mia });
  const move = (caseId: string, status: string, on: string) => ok(`/api/prosecution/cases/${caseId}/status`, { status, on });
  const add = (caseId: string, sex: string, stage: string, on: string) =>
    ok(`/api/prosecution/cases/${caseId}/persons`, { identity: { givenName: `Şəxs${++n}` }, sex, role: 'recruiter', stage, on });
  const step = (id: string, stage: string, on: string) => ok(`/api/prosecution/persons/${id}/steps`, { stage, on });
  const wanted = (id: string, search: string, article: string, since: string, hidingCountry?: string) =>
    ok('/api/prosecution/wanted', { prosecutedPersonId: id, search, article, since, ...(hidingCountry ? { hidingCountry } : {}) });
  const end = (id: string, status: string, on: string) => ok(`/api/prosecution/wanted/${id}/status`, { status, on });

  const F1 = await fact('2024-03-01', ['144-1']);
  const F2 = await fact('2024-04-01', ['144-1.2'], ['whatsapp', 'telegram']);
  await fact('2024-05-01', ['144-3']);
  await fact('2024-06-01', ['144-2']);
  const F5 = await fact('2024-07-01', ['243.1'], ['instagram']);
  const F6 = await fact('2024-07-02', ['243.1'], []);
  const F7 = await fact('2024-08-01', ['244']);
  await fact('2024-09-01', ['182', '144-1']);
  const F9 = await fact('2023-10-15', ['144-1'], ['tiktok']);
  await fact('2025-01-01', ['144-1']);
  const F11 = await fact('2022-04-01', ['144-1']);

  const C6 = await openCase('2022-05-01', ['144-1'], [F11]);
  const P7 = await add(C6, 'female', 'charged', '2022-05-10');
  await move(C6, 'completed', '2022-06-01');
  await move(C6, 'sent_to_court', '2022-07-01');
  await step(P7, 'convicted', '2022-12-01');
  await ok(`/api/prosecution/persons/${P7}/sentence`, { sentencedOn: '2022-12-01', punishment: 'fine', fineAmount: 3000 });

  const C1 = await openCase('2023-11-01', ['144-1'], [F9]);
  const P1 = await add(C1, 'female', 'charged', '2023-11-05');
  const P3 = await add(C1, 'unknown', 'suspect', '2023-11-10');
  const W5 = await wanted(P3, 'local', '144-1', '2023-11-12');
  await end(W5, 'detained', '2023-12-20');
  const P2 = await add(C1, 'male', 'charged', '2024-01-10');
  await step(P3, 'charged', '2024-01-15');
  await move(C1, 'completed', '2024-02-01');
  await move(C1, 'sent_to_court', '2024-03-01');
  await step(P1, 'convicted', '2024-06-01');
  await ok(`/api/prosecution/persons/${P1}/sentence`, { sentencedOn: '2024-06-01', punishment: 'imprisonment', imprisonmentMonths: 60, confiscation: true });
  await step(P2, 'acquitted', '2024-07-01');
  await step(P3, 'convicted', '2024-12-30');
  await ok(`/api/prosecution/persons/${P3}/sentence`, { sentencedOn: '2025-01-05', punishment: 'suspended', imprisonmentMonths: 24 });

  const C2 = await openCase('2024-04-10', ['144-1.2'], [F2]);
  const P4 = await add(C2, 'female', 'charged', '2024-05-01');
  const P5 = await add(C2, 'female', 'suspect', '2024-05-02');
  await move(C2, 'completed', '2024-10-01');

  const C3 = await openCase('2024-07-10', ['243.1'], [F5, F6]);
  const [P8, P9, P10, P11] = [await add(C3, 'male', 'suspect', '2024-07-11'), await add(C3, 'female', 'suspect', '2024-07-11'), await add(C3, 'male', 'suspect', '2024-07-11'), await add(C3, 'male', 'suspect', '2024-07-11')];

  const C4 = await openCase('2024-08-10', ['244'], [F7]);
  const P6 = await add(C4, 'male', 'charged', '2024-08-15');
  await move(C4, 'completed', '2024-09-01');
  await move(C4, 'suspended', '2024-09-15');

  const C5 = await openCase('2024-12-20', ['144-1'], [F1]);
  await move(C5, 'completed', '2025-01-10');

  await wanted(P5, 'local', '144-1', '2024-05-03');
  await end(await wanted(P8 as string, 'local', '243', '2024-07-15'), 'detained', '2024-09-01');
  await end(await wanted(P9 as string, 'local', '144-1', '2024-07-15'), 'detained', '2024-11-01');
  await end(await wanted(P10 as string, 'local', '244', '2024-07-20'), 'cancelled', '2025-02-01');
  await wanted(P4, 'interpol', '144-1', '2024-06-01', 'TR');
  await end(await wanted(P6, 'interpol', '144-1', '2024-09-01', 'RU'), 'extradited', '2024-12-01');
  await end(await wanted(P11 as string, 'interpol', '144-1.1', '2024-08-01', 'AE'), 'detained', '2025-03-01');
  await wanted(P5, 'interpol', '144-1', '2025-02-01', 'PK');

  const res = await (await t.as('analyst')).get('/api/prosecution/figures?year=2024');
  assert.equal(res.status, 200, JSON.stringify(res.body));
  figures = new Map((res.body.figures as Figure[]).map((f) => [f.id, f]));
});
after(() => t.close());

const fig = (id: string) => {
  const f = figures.get(id);
  assert.ok(f, `figure ${id} is reported`);
  return f;
};
const expect = (id: string, value: number | null, breakdown?: Record<string, number>, unknown?: number) => {
  const f = fig(id);
  assert.equal(f.value, value, `${id} value`);
  assert.deepEqual(f.breakdown, breakdown, `${id} breakdown`);
  assert.equal(f.unknown ?? 0, unknown ?? 0, `${id} unknown`);
};

test('crimes by article: each fact once, under its principal article, by registration date', () => {
  expect('crimes.trafficking', 2); // F1, F2 (F8's principal is 182; F9, F10 other years)
  expect('crimes.forced_labour', 1); // F4
  expect('crimes.document_forgery', 1); // F3
  expect('crimes.share_chart', 4, { trafficking: 2, document_forgery: 1, forced_labour: 1 });
  expect('crimes.by_article', 8, { '144-1': 2, '144-2': 1, '144-3': 1, '182': 1, '243': 2, '244': 1 });
  expect('crimes.related', 4, { public_morality: 3, minors: 0, extortion: 1 }); // F5, F6, F7; F8
});

test('cases initiated and investigations completed, including those opened in earlier years', () => {
  expect('cases.initiated', 4); // C2, C3, C4, C5
  expect('cases.investigation_completed', 3); // C1, C2, C4 (C5 completes in 2025, C6 in 2022)
  expect('cases.investigation_completed.from_previous_years', 1); // C1, opened 2023
});

test('persons charged, sent to court, convicted and acquitted, by sex, by the date of the step', () => {
  expect('defendants.charged', 4, { female: 1, male: 2 }, 1); // P4; P2, P6; P3 (sex unknown). P1 was charged in 2023
  expect('defendants.sent_to_court', 3, { female: 1, male: 1 }, 1); // P1, P2, P3 with case C1 on 2024-03-01
  expect('defendants.convicted', 2, { female: 1, male: 0 }, 1); // P1; P3
  expect('defendants.acquitted', 1, { female: 0, male: 1 }); // P2
  expect('defendants.convicted.cumulative', 3, { female: 2, male: 0 }, 1); // P7 (2022), P1, P3 (sex unknown)
});

test('sentences by type, by the date of the sentence', () => {
  expect('sentences.by_type', 1, { imprisonment: 1, suspended: 0, fine: 0 }); // P1; P3's is dated 2025, P7's 2022
  expect('sentences.confiscation', 1);
});

test('wanted persons: local during the year by article, Interpol at year end with countries, detentions', () => {
  expect('wanted.local', 4, { trafficking: 2, solicitation_of_prostitution: 1, brothel: 1 }); // W1, W3; W2; W4 (W5 ended in 2023)
  expect('wanted.local.detained', 2); // W2, W3
  expect('wanted.local.detained.trafficking', 1); // W3
  expect('wanted.interpol', 2); // W6, W8 (W7 extradited before year end, W9 starts 2025)
  const countries = fig('wanted.interpol.hiding_countries');
  assert.equal(countries.value, 2, 'a list figure counts the searches behind its names');
  assert.deepEqual(countries.categories, ['AE', 'TR']);
  expect('wanted.detained', 2, { local: 2, interpol: 0 });
  expect('wanted.extradited', 1, { local: 0, interpol: 1 }); // W7
});

test('online facts by platform and the cases they led to, by article', () => {
  expect('online.facts', 3, { whatsapp: 1, instagram: 1 }, 1); // F2 (first platform), F5; F6 has none
  expect('online.facts.art_243_1', 2); // F5, F6
  expect('online.cases.by_article', 2, { '144-1.2': 1, '243.1': 1 }); // C2, C3 (C1 opened in 2023)
  expect('online.cases.art_144_1', 1); // C2: article 144-1, any part
  expect('online.cases.art_243_1', 1); // C3
});

test('every breakdown sums to its value or carries the rest as unknown', () => {
  for (const f of figures.values()) {
    if (!f.breakdown) continue;
    const sum = Object.values(f.breakdown).reduce((s, n) => s + n, 0) + (f.unknown ?? 0);
    assert.equal(sum, f.value, f.id);
  }
});

test('the registry page shows what the annual report computes, and another year its own', async () => {
  const direct = await prosecutionFigures(t.db.kysely, t.ctx.profile, 2024);
  const shown = (f: Figure) => ({ id: f.id, value: f.value, breakdown: f.breakdown, unknown: f.unknown, categories: f.categories });
  assert.deepEqual(direct.map(shown), [...figures.values()].map(shown));
  const y2023 = new Map((await prosecutionFigures(t.db.kysely, t.ctx.profile, 2023)).map((f) => [f.id, f]));
  assert.equal(y2023.get('cases.initiated')?.value, 1); // C1
  assert.deepEqual(y2023.get('defendants.charged')?.breakdown, { female: 1, male: 0 }); // P1
  assert.equal(y2023.get('wanted.local.detained')?.value, 1); // W5
  assert.deepEqual(y2023.get('online.facts')?.breakdown, { tiktok: 1 }); // F9
});

test("figures and their parts carry the report's labels in the caller's language", async () => {
  const get = async (lang: string) =>
    new Map(((await police.request('GET', '/api/prosecution/figures?year=2024', undefined, { 'accept-language': lang })).body.figures as Figure[]).map((f) => [f.id, f]));
  const az = await get('az');
  const ru = await get('ru');
  const en = await get('en');
  const bySex = [...en.values()].find((f) => f.breakdown && 'female' in f.breakdown);
  assert.ok(bySex, 'a figure broken down by sex');
  assert.notEqual(az.get(bySex.id)!.label, en.get(bySex.id)!.label);
  assert.notEqual(ru.get(bySex.id)!.label, en.get(bySex.id)!.label);
  assert.ok(!/female/i.test(az.get(bySex.id)!.breakdownLabels.female ?? 'female'), 'the part is labelled, not coded');
  assert.ok(!/female/i.test(ru.get(bySex.id)!.breakdownLabels.female ?? 'female'));
});
