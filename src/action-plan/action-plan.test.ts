import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { agencyId, userAt } from '../test/factories.ts';
import { startTestApp, type Client, type TestApp } from '../test/harness.ts';

let t: TestApp;
let coordinator: Client;
let sli: Client;
let ids: { sli: string; sea: string; mia: string };

before(async () => {
  t = await startTestApp();
  coordinator = await t.as('coordinator');
  sli = await userAt(t, 'state_labour_inspection', 'agency_reporter', 'nap.sli');
  ids = { sli: await agencyId(t, 'state_labour_inspection'), sea: await agencyId(t, 'state_employment_agency'), mia: await agencyId(t, 'mia') };
});
after(() => t.close());

const measure = (number: string, responsible: string, deadline: string, co: string[] = []) => ({
  number, textAz: `İllüstrativ tədbir ${number}`, textEn: `Illustrative measure ${number}`, responsibleAgencyId: responsible, coResponsibleAgencyIds: co, deadline, indicators: ['Illustrative indicator'],
});

test('measures with deadlines; agencies report; the coordinator approves; overdue ones are flagged', async () => {
  const m1 = (await coordinator.post('/api/action-plan/measures', measure('1.2', ids.sli, '2020-12-31', [ids.sea]))).body.id;
  const m2 = (await coordinator.post('/api/action-plan/measures', measure('1.10', ids.mia, '2020-12-31'))).body.id;
  const m3 = (await coordinator.post('/api/action-plan/measures', measure('2.1', ids.sli, '2099-12-31'))).body.id;
  assert.equal((await coordinator.post('/api/action-plan/measures', measure('2.1', ids.sli, '2099-12-31'))).status, 409);
  assert.equal((await sli.post('/api/action-plan/measures', measure('3.1', ids.sli, '2099-12-31'))).status, 403);

  // Only a responsible or co-responsible agency reports.
  assert.equal((await sli.post(`/api/action-plan/measures/${m2}/reports`, { period: '2025', progress: 'completed', narrative: 'Not ours to report on.' })).status, 403);
  const r1 = await sli.post(`/api/action-plan/measures/${m1}/reports`, { period: '2025', progress: 'completed', narrative: 'Synthetic: inspections carried out in all regions.', evidence: 'Letter No. 0-000 (synthetic)' });
  assert.equal(r1.status, 201);
  // Until approved, a report changes nothing: 1.2 is still overdue.
  let list = (await sli.get('/api/action-plan/measures')).body.items;
  assert.deepEqual(list.map((m: { number: string }) => m.number), ['1.2', '1.10', '2.1']);
  assert.deepEqual(list.map((m: { overdue: boolean }) => m.overdue), [true, true, false]);
  assert.equal(list[0].pendingReports, 1);

  assert.equal((await coordinator.post(`/api/action-plan/reports/${r1.body.id}/review`, { decision: 'returned' })).status, 400, 'a return needs a comment');
  assert.equal((await coordinator.post(`/api/action-plan/reports/${r1.body.id}/review`, { decision: 'approved' })).status, 200);
  assert.equal((await coordinator.post(`/api/action-plan/reports/${r1.body.id}/review`, { decision: 'approved' })).status, 409);
  list = (await sli.get('/api/action-plan/measures')).body.items;
  assert.deepEqual(list.map((m: { overdue: boolean; progress: string | null }) => [m.overdue, m.progress]), [[false, 'completed'], [true, null], [false, null]]);

  const detail = await sli.get(`/api/action-plan/measures/${m1}`);
  assert.equal(detail.body.reports[0].evidence, 'Letter No. 0-000 (synthetic)');
  const mine = (await sli.get(`/api/action-plan/measures?agencyId=${ids.sea}`)).body.items;
  assert.deepEqual(mine.map((m: { id: string }) => m.id), [m1], 'co-responsible measures count for the agency');

  const progress = (await (await t.as('analyst')).get('/api/action-plan/progress')).body.items;
  const by = Object.fromEntries(progress.map((p: { agencyId: string }) => [p.agencyId, p]));
  assert.deepEqual(by[ids.sli], { agencyId: ids.sli, measures: 2, completed: 1, inProgress: 0, notReported: 1, overdue: 0 });
  assert.deepEqual(by[ids.mia], { agencyId: ids.mia, measures: 1, completed: 0, inProgress: 0, notReported: 1, overdue: 1 });
  assert.ok(m3);
});
