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

const owners = async (table: 'assignments' | 'notifications', ids: string[]) =>
  (await t.db.kysely.selectFrom(table).select(['id', 'person_id']).where('id', 'in', ids).orderBy('id').execute()).map((r) => r.person_id);

test("a merge moves the merged record's assignments and notifications to the survivor, and the undo moves exactly those back", async () => {
  const survivor = await intake(police, { identity: { givenName: 'Günay', familyName: 'Köçürülənova', birthDate: '1992-02-02' } });
  const merged = await intake(caseWorker, { identity: { givenName: 'Гюнай', familyName: 'Кёчюрюленова', birthDate: '1992-02-02' }, channel: 'ngo' });
  assert.equal((await coordinator.put(`/api/persons/${merged.id}/assignment`, { userId: t.users.case_worker.id, reason: 'Sığınacaqda' })).status, 204);
  const assignments = (await t.db.kysely.selectFrom('assignments').select('id').where('person_id', '=', merged.id).execute()).map((r) => r.id);
  const notifications = (await t.db.kysely.selectFrom('notifications').select('id').where('person_id', '=', merged.id).execute()).map((r) => r.id);
  assert.equal(assignments.length, 1);
  assert.equal(notifications.length, 1, 'the worker was told of the assignment');

  const merge = await coordinator.post('/api/duplicates/merges', { survivorId: survivor.id, mergedId: merged.id });
  assert.equal(merge.status, 201, JSON.stringify(merge.body));
  assert.equal(merge.body.moved.assignments, 1);
  assert.equal(merge.body.moved.notifications, 1);
  assert.deepEqual(await owners('assignments', assignments), [survivor.id]);
  assert.deepEqual(await owners('notifications', notifications), [survivor.id]);
  const history = await coordinator.get(`/api/persons/${survivor.id}/assignment`);
  assert.equal(history.body.history.length, 1, "the survivor's page shows the merged record's assignment history");
  assert.equal(history.body.current, null, "the survivor's own assignee does not change");
  // The worker's notification now opens the record that stands.
  const mine = await caseWorker.get('/api/notifications');
  assert.equal(mine.body.items.find((n: { id: string }) => n.id === notifications[0])?.personId, survivor.id);

  // The worker reading the notification meanwhile does not stop the undo.
  assert.equal((await caseWorker.post('/api/notifications/read', { all: true })).status, 200);
  assert.equal((await coordinator.post(`/api/duplicates/merges/${merge.body.id}/undo`, {})).status, 200);
  assert.deepEqual(await owners('assignments', assignments), [merged.id]);
  assert.deepEqual(await owners('notifications', notifications), [merged.id]);
  assert.equal((await coordinator.get(`/api/persons/${merged.id}/assignment`)).body.current.id, t.users.case_worker.id);
});
