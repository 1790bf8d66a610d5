import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { intake } from '../test/factories.ts';
import { startTestApp, type Client, type TestApp } from '../test/harness.ts';

let t: TestApp;
let police: Client;
let caseWorker: Client;
let coordinator: Client;
before(async () => {
  t = await startTestApp();
  police = await t.as('police_investigator');
  caseWorker = await t.as('case_worker');
  coordinator = await t.as('coordinator');
});
after(() => t.close());

type Pair = { a: { id: string }; b: { id: string } };
const hasPair = (items: Pair[], x: string, y: string) => items.some((p) => [p.a.id, p.b.id].sort().join() === [x, y].sort().join());

test('a linked pair is unlinked by the coordinator: it is a candidate again, and the trail has both decisions', async () => {
  const one = await intake(police, { identity: { givenName: 'Ləman', familyName: 'Bağlıyeva', birthDate: '1990-09-09' } });
  const two = await intake(caseWorker, { identity: { givenName: 'Ламан', familyName: 'Баглыева', birthDate: '1990-09-09' }, channel: 'ngo' });
  assert.ok(hasPair((await coordinator.get('/api/duplicates')).body.items, one.id, two.id), 'a candidate at first');

  const link = await coordinator.post('/api/duplicates/links', { personA: one.id, personB: two.id, kind: 'different_people' });
  assert.equal(link.status, 201);
  assert.ok(!hasPair((await coordinator.get('/api/duplicates')).body.items, one.id, two.id), 'decided pairs leave the list');
  const links = await coordinator.get('/api/duplicates/links');
  assert.equal(links.status, 200);
  const listed = links.body.items.find((l: { id: string }) => l.id === link.body.id);
  assert.deepEqual([listed.a.caseCode, listed.b.caseCode].sort(), [one.caseCode, two.caseCode].sort());
  assert.equal(listed.kind, 'different_people');

  for (const other of [police, caseWorker]) {
    assert.equal((await other.request('DELETE', `/api/duplicates/links/${link.body.id}`)).status, 403);
    assert.equal((await other.get('/api/duplicates/links')).status, 403);
  }
  const unlink = await coordinator.request('DELETE', `/api/duplicates/links/${link.body.id}`);
  assert.equal(unlink.status, 204, JSON.stringify(unlink.body));
  assert.equal((await coordinator.request('DELETE', `/api/duplicates/links/${link.body.id}`)).status, 404, 'once only');
  assert.ok(!(await coordinator.get('/api/duplicates/links')).body.items.some((l: { id: string }) => l.id === link.body.id));
  assert.ok(hasPair((await coordinator.get('/api/duplicates')).body.items, one.id, two.id), 'a candidate again');

  const trail = await t.db.kysely.selectFrom('audit_log').select(['action', 'actor_id', 'details']).where('action', 'in', ['duplicates.link', 'duplicates.unlink']).orderBy('seq').execute();
  const unlinked = trail.find((e) => e.action === 'duplicates.unlink' && (e.details as { linkId?: string }).linkId === link.body.id);
  assert.ok(unlinked, 'the unlink is on the trail');
  assert.equal(unlinked.actor_id, t.users.coordinator.id);
  assert.deepEqual((unlinked.details as { caseCodes: string[]; kind: string }).caseCodes, [one.caseCode, two.caseCode].sort());
  assert.equal((unlinked.details as { kind: string }).kind, 'different_people');
  // The link may be recorded again, the same or the other way.
  assert.equal((await coordinator.post('/api/duplicates/links', { personA: two.id, personB: one.id, kind: 'same_person' })).status, 201);
});

test('merges are listed for the coordinator, standing ones first', async () => {
  const one = await intake(police, { identity: { givenName: 'Sevda', familyName: 'Listəliyeva', birthDate: '1985-01-01' } });
  const two = await intake(police, { identity: { givenName: 'Sevda', familyName: 'Listəliyeva', birthDate: '1985-01-01' } });
  const merge = await coordinator.post('/api/duplicates/merges', { survivorId: one.id, mergedId: two.id });
  assert.equal(merge.status, 201);
  const list = await coordinator.get('/api/duplicates/merges');
  assert.equal(list.status, 200);
  assert.deepEqual(list.body.items[0], { id: merge.body.id, survivor: { id: one.id, caseCode: one.caseCode }, merged: { id: two.id, caseCode: two.caseCode }, mergedAt: list.body.items[0].mergedAt, undoneAt: null });
  assert.equal((await caseWorker.get('/api/duplicates/merges')).status, 403);
});

test('candidate pairs come in pages: offset and limit walk the whole list once', async () => {
  await intake(police, { identity: { givenName: 'Sevinc', familyName: 'Paşayeva', birthDate: '1988-03-03' } });
  await intake(caseWorker, { identity: { givenName: 'Севиндж', familyName: 'Пашаева', birthDate: '1988-03-03' }, channel: 'ngo' });
  await intake(police, { identity: { givenName: 'Nərmin', familyName: 'Qasımova', birthDate: '1992-11-11' } });
  await intake(caseWorker, { identity: { givenName: 'Нармин', familyName: 'Гасымова', birthDate: '1992-11-11' }, channel: 'ngo' });
  const all = (await coordinator.get('/api/duplicates?minScore=0.5&limit=500')).body as { items: Pair[]; total: number };
  assert.ok(all.total >= 2 && all.items.length === all.total, JSON.stringify(all.total));
  const key = (p: Pair) => `${p.a.id}|${p.b.id}`;
  const walked: string[] = [];
  for (let offset = 0; offset < all.total; offset++) {
    const page = (await coordinator.get(`/api/duplicates?minScore=0.5&limit=1&offset=${offset}`)).body as { items: Pair[]; total: number };
    assert.equal(page.total, all.total);
    walked.push(...page.items.map(key));
  }
  assert.deepEqual(walked, all.items.map(key));
  assert.equal((await coordinator.get('/api/duplicates?offset=-1')).status, 400);
});
