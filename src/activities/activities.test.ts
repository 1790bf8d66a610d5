import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { submittedFigures } from '../submissions/statistics.ts';
import { agencyId, userAt } from '../test/factories.ts';
import { startTestApp, type Client, type TestApp } from '../test/harness.ts';

let t: TestApp;
let mia: Client;
let ngo: Client;
let miaId: string;

before(async () => {
  t = await startTestApp();
  mia = await userAt(t, 'mia', 'agency_reporter', 'mia.reporter');
  ngo = await t.as('agency_reporter');
  miaId = await agencyId(t, 'mia');
});
after(() => t.close());

const event = (i: number, abroad: boolean, online: boolean, date = '2023-05-10') => ({
  agencyId: miaId, kind: 'international_event', title: `Synthetic regional meeting ${i}`, date, abroad, online, partner: 'OSCE (synthetic)', place: online ? null : 'Vienna',
});

test('international events feed officers’ participation, with in person/online and abroad/in the country', async () => {
  // 5 events in 2023: abroad in person, abroad online ×2, in the country in person ×2; one in 2022 does not count.
  const plan: [boolean, boolean][] = [[true, false], [true, true], [true, true], [false, false], [false, false]];
  for (const [i, [abroad, online]] of plan.entries()) assert.equal((await mia.post('/api/activities', event(i, abroad, online))).status, 201);
  assert.equal((await mia.post('/api/activities', event(9, true, false, '2022-12-31'))).status, 201);
  const figures = await submittedFigures(t.db.kysely, 2023);
  const p = figures.find((f) => f.id === 'events.participation');
  assert.deepEqual(p, { id: 'events.participation', value: 5, breakdown: { physical: 3, online: 2, abroad: 3, in_country: 2 }, sources: [{ agencyCode: 'mia', submissionId: 'activities:2023' }] });
});

test('each kind states what the report needs; trainings sum people by audience', async () => {
  const missing = await mia.post('/api/activities', { agencyId: miaId, kind: 'training', title: 'Synthetic training', date: '2023-03-01' });
  assert.equal(missing.status, 400);
  assert.deepEqual(missing.body.error.fields.map((f: { path: string }) => f.path).sort(), ['audience', 'online', 'participants']);
  const pub = await mia.post('/api/activities', { agencyId: miaId, kind: 'publication', title: 'Synthetic booklet', date: '2023-03-01', copies: 1000 });
  assert.equal(pub.status, 400);
  assert.equal(pub.body.error.fields[0].path, 'languages');
  for (const [audience, participants] of [['police', 40], ['police', 25], ['judges', 15]] as const) {
    const res = await mia.post('/api/activities', { agencyId: miaId, kind: 'training', title: 'Synthetic course', date: '2023-04-01', audience, participants, trainers: 2, online: false, place: 'Baku' });
    assert.equal(res.status, 201, JSON.stringify(res.body));
  }
  const list = await mia.get('/api/activities?year=2023&kind=training');
  assert.equal(list.body.items.length, 3);
  assert.deepEqual(list.body.trainedByAudience, { police: 65, judges: 15 });
});

test('a reporter records and sees only their own agency’s activities', async () => {
  const other = await ngo.post('/api/activities', event(20, true, false));
  assert.equal(other.status, 403);
  assert.deepEqual((await ngo.get('/api/activities')).body.items, []);
  const coordinator = await t.as('coordinator');
  assert.ok((await coordinator.get('/api/activities?year=2023')).body.items.length >= 8);
  assert.equal((await (await t.as('analyst')).get('/api/activities')).status, 200);
  assert.equal((await (await t.as('case_worker')).get('/api/activities')).status, 403);
});
