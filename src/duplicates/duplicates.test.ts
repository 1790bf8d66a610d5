import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { daysAgo, intake } from '../test/factories.ts';
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

const CHILD_TABLES = ['identification_decisions', 'exploitation_events', 'consents', 'children', 'case_notes'] as const;

/** Each child table's row ids per person, to compare states exactly. */
async function rowsOf(personId: string) {
  const out: Record<string, string[]> = {};
  for (const table of CHILD_TABLES) {
    const r = await sql<{ id: string }>`select id from ${sql.table(table)} where person_id = ${personId} order by id`.execute(t.db.kysely);
    out[table] = r.rows.map((x) => x.id);
  }
  return out;
}

test('the coordinator sees duplicates across agencies with the score explained, merges them and undoes the merge exactly; others see nothing of it', async () => {
  // The same person recorded by the police (Latin script) and by a shelter (Cyrillic), plus someone else.
  const atPolice = await intake(police, { identity: { givenName: 'Aynur', familyName: 'Məmmədova', birthDate: '1994-07-12' } });
  const atShelter = await intake(caseWorker, { identity: { givenName: 'Айнур', familyName: 'Мамедова', birthDate: '1994-07-12' }, channel: 'ngo' });
  await intake(police, { identity: { givenName: 'Rəna', familyName: 'Başqasıova', birthDate: '1980-02-02' } });

  const list = await coordinator.get('/api/duplicates');
  assert.equal(list.status, 200, JSON.stringify(list.body));
  const pair = list.body.items.find((p: { a: { id: string }; b: { id: string } }) => [p.a.id, p.b.id].sort().join() === [atPolice.id, atShelter.id].sort().join());
  assert.ok(pair, `the pair is found: ${JSON.stringify(list.body)}`);
  assert.ok(pair.score >= 0.9, `score ${pair.score}`);
  const part = (name: string) => pair.parts.find((p: { part: string }) => p.part === name);
  assert.equal(part('birthDate').verdict, 'same');
  assert.equal(part('sex').verdict, 'same');
  assert.equal(part('citizenship').verdict, 'same');
  assert.ok(['same', 'similar'].includes(part('familyName').verdict));
  assert.equal(Math.round(pair.parts.reduce((n: number, p: { points: number }) => n + p.points, 0) * 1000) / 1000, pair.score, 'the parts add up to the score');
  assert.ok(!JSON.stringify(list.body).includes('Aynur') && !JSON.stringify(list.body).includes('Айнур'), 'no name leaves');
  assert.equal(list.body.items.length, list.body.total);

  // Nobody else sees candidates, and the intake check stays within the caller's reach.
  for (const other of [police, caseWorker]) {
    assert.equal((await other.get('/api/duplicates')).status, 403);
    assert.equal((await other.post('/api/duplicates/merges', { survivorId: atPolice.id, mergedId: atShelter.id })).status, 403);
    assert.equal((await other.post('/api/duplicates/links', { personA: atPolice.id, personB: atShelter.id, kind: 'same_person' })).status, 403);
  }
  const check = await caseWorker.post('/api/persons/duplicates', { givenName: 'Aynur', familyName: 'Məmmədova', birthDate: '1994-07-12' });
  assert.equal(check.status, 200);
  assert.deepEqual(check.body.items.map((i: { id: string }) => i.id), [atShelter.id], "the police's record stays unseen by the shelter");

  // The shelter's record carries rows of its own.
  assert.equal((await caseWorker.post(`/api/persons/${atShelter.id}/events`, { kind: 'recruitment', country: 'TR' })).status, 201);
  assert.equal((await caseWorker.post(`/api/persons/${atShelter.id}/consents`, { purpose: 'data_processing', given: true, recordedOn: daysAgo(2) })).status, 201);
  assert.equal((await caseWorker.post(`/api/persons/${atShelter.id}/children`, { label: 'qız', birthYear: 2015, gender: 'female' })).status, 201);
  assert.equal((await caseWorker.post(`/api/persons/${atShelter.id}/notes`, { body: 'Sığınacaqda qeyd' })).status, 201);
  const survivorBefore = await rowsOf(atPolice.id);
  const mergedBefore = await rowsOf(atShelter.id);
  assert.equal(Object.values(mergedBefore).flat().length, 5, 'decision, event, consent, child, note');

  const merge = await coordinator.post('/api/duplicates/merges', { survivorId: atPolice.id, mergedId: atShelter.id, reason: 'Eyni şəxs' });
  assert.equal(merge.status, 201, JSON.stringify(merge.body));
  assert.deepEqual(merge.body.moved, { identification_decisions: 1, exploitation_events: 1, consents: 1, children: 1, case_notes: 1 });
  const survivorAfter = await rowsOf(atPolice.id);
  for (const table of CHILD_TABLES) assert.deepEqual(survivorAfter[table], [...survivorBefore[table]!, ...mergedBefore[table]!].sort(), table);
  assert.equal(Object.values(await rowsOf(atShelter.id)).flat().length, 0);
  assert.equal((await coordinator.post('/api/duplicates/merges', { survivorId: atPolice.id, mergedId: atShelter.id })).status, 409, 'merged once only');

  // The merged record drops out of lists; reading it redirects to the survivor for those who may see it.
  const listed = await coordinator.get('/api/persons?limit=100');
  assert.ok(!listed.body.items.some((p: { id: string }) => p.id === atShelter.id));
  const read = await coordinator.request('GET', `/api/persons/${atShelter.id}`, undefined);
  assert.equal(read.status, 200);
  assert.equal(read.body.id, atPolice.id, 'followed the redirect to the survivor');
  assert.deepEqual((await coordinator.get(`/api/persons/${atShelter.id}/merged-into`)).body, { mergedInto: atPolice.id, caseCode: atPolice.caseCode });
  assert.equal((await caseWorker.get(`/api/persons/${atShelter.id}`)).status, 404, 'the shelter cannot see the survivor: no redirect, nothing told');
  assert.equal((await caseWorker.get(`/api/persons/${atShelter.id}/merged-into`)).status, 404);
  assert.ok(!(await coordinator.get('/api/duplicates')).body.items.some((p: { a: { id: string }; b: { id: string } }) => [p.a.id, p.b.id].includes(atShelter.id)));

  // Undo restores exactly the state before.
  const undo = await coordinator.post(`/api/duplicates/merges/${merge.body.id}/undo`, {});
  assert.equal(undo.status, 200, JSON.stringify(undo.body));
  assert.deepEqual(await rowsOf(atPolice.id), survivorBefore);
  assert.deepEqual(await rowsOf(atShelter.id), mergedBefore);
  assert.equal((await caseWorker.get(`/api/persons/${atShelter.id}`)).status, 200, 'the shelter has its record back');
  assert.equal((await coordinator.post(`/api/duplicates/merges/${merge.body.id}/undo`, {})).status, 409, 'undone once only');
  assert.ok((await coordinator.get(`/api/duplicates/merges/${merge.body.id}`)).body.undoneAt);

  // Linking the pair as one person kept apart takes it off the list.
  const link = await coordinator.post('/api/duplicates/links', { personA: atShelter.id, personB: atPolice.id, kind: 'same_person', reason: 'Hər qurum öz işini aparır' });
  assert.equal(link.status, 201, JSON.stringify(link.body));
  assert.equal((await coordinator.post('/api/duplicates/links', { personA: atPolice.id, personB: atShelter.id, kind: 'different_people' })).status, 409);
  assert.ok(!(await coordinator.get('/api/duplicates')).body.items.some((p: { a: { id: string }; b: { id: string } }) => [p.a.id, p.b.id].includes(atShelter.id)));

  // Each command writes its own entry, with what moved, beside the call's entry.
  const trail = await t.db.kysely.selectFrom('audit_log').select(['action', 'target_id', 'details']).where('action', 'in', ['duplicates.merge', 'duplicates.undo', 'duplicates.link']).orderBy('seq').execute();
  const merged = trail.filter((e) => e.action === 'duplicates.merge' && (e.details as { moved?: unknown }).moved);
  assert.equal(merged.length, 1);
  assert.equal(merged[0]!.target_id, atPolice.id);
  assert.deepEqual((trail.find((e) => e.action === 'duplicates.undo')?.details as { movedBack: unknown }).movedBack, merge.body.moved);
  assert.equal(trail.filter((e) => e.action === 'duplicates.link').length, 1);
});
