// The returns over HTTP: the coordinator only, every call audited, the TIP year's April–March
// boundary, and the findings beside a CSV file.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { agencyId, intake } from '../test/factories.ts';
import { startTestApp, type Client, type TestApp } from '../test/harness.ts';
import { tipYear } from './period.ts';

let t: TestApp;
let coordinator: Client;
let police: Client;

async function identify(on: string, extra: Record<string, unknown> = {}, forms: string[] = ['sexual']) {
  const p = await intake(police, { contactDate: on, birthYear: 1996, ...extra });
  const e = await police.post(`/api/persons/${p.id}/events`, { kind: 'exploitation', country: 'TR', startDate: on, forms });
  assert.equal(e.status, 201, JSON.stringify(e.body));
  const d = await police.post(`/api/persons/${p.id}/decisions`, { status: 'identified', decidedOn: on, decidingAgencyId: await agencyId(t, 'mia') });
  assert.equal(d.status, 201, JSON.stringify(d.body));
  return p;
}

before(async () => {
  t = await startTestApp();
  coordinator = await t.as('coordinator');
  police = await t.as('police_investigator');
  // Either side of the TIP year's boundary (the 2024 TIP year ends on 31 March 2024).
  await identify('2024-03-31');
  await identify('2024-04-01', { gender: 'male' }, ['forced_labour']);
  await identify('2024-04-02');
  // A forced-labour case sent to court (with its charged defendant) on 31 March; the conviction on 1 April.
  const ok = (r: { status: number; body: unknown }, status = 201) => assert.equal(r.status, status, JSON.stringify(r.body));
  const fact = await police.post('/api/prosecution/facts', { registeredOn: '2024-01-10', articles: ['144-2'] });
  ok(fact);
  const kase = await police.post('/api/prosecution/cases', { number: 'T-2024-1', openedOn: '2024-01-15', articles: ['144-2'], factIds: [fact.body.id], investigatingAgencyId: await agencyId(t, 'mia') });
  ok(kase);
  const person = await police.post(`/api/prosecution/cases/${kase.body.id}/persons`, { identity: { givenName: 'Sınaq' }, sex: 'male', citizenship: 'AZ', role: 'recruiter', stage: 'charged', on: '2024-01-20' });
  ok(person);
  ok(await police.post(`/api/prosecution/cases/${kase.body.id}/status`, { status: 'completed', on: '2024-03-01' }), 204);
  ok(await police.post(`/api/prosecution/cases/${kase.body.id}/status`, { status: 'sent_to_court', on: '2024-03-31' }), 204);
  ok(await police.post(`/api/prosecution/persons/${person.body.id}/steps`, { stage: 'convicted', on: '2024-04-01' }), 204);
});
after(() => t.close());

test('only the national coordinator lists and makes returns', async () => {
  const list = await coordinator.get('/api/returns');
  assert.equal(list.status, 200);
  assert.ok(list.body.items.some((r: { name: string }) => r.name === 'tip'));
  for (const role of ['analyst', 'police_investigator', 'case_worker', 'administrator', 'auditor'] as const) {
    const c = await t.as(role);
    assert.equal((await c.get('/api/returns')).status, 403, `${role} may not list returns`);
    assert.equal((await c.get('/api/returns/glotip?from=2024-01-01&to=2024-12-31')).status, 403, `${role} may not make a return`);
  }
});

test('the TIP year runs from 1 April to 31 March: 31 March and 1 April fall in different years', async () => {
  const printed = async (reportYear: number) => {
    const p = tipYear(reportYear);
    const res = await coordinator.get(`/api/returns/tip?from=${p.from}&to=${p.to}&as=json`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return Object.fromEntries(res.body.sheets[0].rows.map((r: unknown[]) => [r[0], r[6]]));
  };
  assert.deepEqual(tipYear(2024), { from: '2023-04-01', to: '2024-03-31' });
  assert.deepEqual(await printed(2024), { Investigations: '1 (1)', Prosecutions: '1 (1)', Convictions: '0 (0)', 'Victims identified': '1 (0)' }, '31 March 2024 closes the 2024 TIP year');
  assert.deepEqual(await printed(2025), { Investigations: '0 (0)', Prosecutions: '0 (0)', Convictions: '1 (1)', 'Victims identified': '2 (1)' }, '1 April 2024 opens the 2025 TIP year; labour trafficking in parentheses');
});

test('a period that is not a calendar year is said to be not comparable with the annual report; a calendar year is compared', async () => {
  const tipYearRes = await coordinator.get('/api/returns/tip?from=2024-04-01&to=2025-03-31&as=json');
  assert.deepEqual(tipYearRes.body.findings.map((f: { code: string }) => f.code), ['report_not_comparable']);
  const calendar = await coordinator.get('/api/returns/tip?from=2024-01-01&to=2024-12-31&as=json');
  assert.equal(calendar.status, 200);
  assert.deepEqual(calendar.body.findings.filter((f: { code: string }) => f.code !== 'report_not_comparable'), [], 'every shared figure agrees');
});

test('the file downloads with its name, type and findings, and each call is audited with the return and period, never a figure', async () => {
  const res = await coordinator.request('GET', '/api/returns/tip?from=2024-01-01&to=2024-12-31');
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /spreadsheetml/);
  assert.match(res.headers.get('content-disposition') ?? '', /azad-tip-az-2024\.xlsx/);
  assert.deepEqual(JSON.parse(decodeURIComponent(res.headers.get('x-return-findings') ?? 'null')), []);
  const row = await t.db.kysely.selectFrom('audit_log').select(['action', 'target_type', 'details', 'status']).where('action', '=', 'returns.make').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
  assert.equal(row.status, 200);
  assert.equal(row.target_type, 'return');
  assert.deepEqual({ ...(row.details as Record<string, unknown>), route: undefined, method: undefined }, { route: undefined, method: undefined, return: 'tip', from: '2024-01-01', to: '2024-12-31', findings: 0 });
});

test('a bad period is a 400 naming the field', async () => {
  const res = await coordinator.get('/api/returns/tip?from=2024-05-01&to=2024-04-01');
  assert.equal(res.status, 400);
  assert.equal(res.body.error.fields[0].path, 'to');
  assert.equal((await coordinator.get('/api/returns/nope?from=2024-01-01&to=2024-12-31')).status, 400);
});
