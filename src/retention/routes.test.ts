import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { daysAgo, intake } from '../test/factories.ts';
import { startTestApp, type Client, type TestApp } from '../test/harness.ts';
import { ANONYMISED_NAME } from './anonymise.ts';

let t: TestApp;
let police: Client;
let coordinator: Client;
before(async () => {
  t = await startTestApp();
  police = await t.as('police_investigator');
  coordinator = await t.as('coordinator');
});
after(() => t.close());

/** A not-confirmed case closed six years ago: past its five years. */
async function longClosed() {
  const p = await intake(police);
  assert.equal((await police.post(`/api/persons/${p.id}/close`, { reason: 'closed', closedOn: daysAgo(1) })).status, 204);
  await sql`update persons set closed_on = closed_on - interval '6 years' where id = ${p.id}`.execute(t.db.kysely);
  return p;
}

test('the coordinator runs the retention now: held records stay, the run is on the trail with who ran it; nobody else may', async () => {
  const due = await longClosed();
  const held = await longClosed();
  assert.equal((await coordinator.post(`/api/persons/${held.id}/legal-hold`, { reason: 'Məhkəmə qərarı' })).status, 201);

  const holds = await coordinator.get('/api/retention/holds');
  assert.equal(holds.status, 200);
  assert.deepEqual(holds.body.items.map((h: { caseCode: string; reason: string }) => [h.caseCode, h.reason]), [[held.caseCode, 'Məhkəmə qərarı']]);

  const dry = await coordinator.get('/api/retention/due');
  assert.deepEqual(dry.body.items.map((i: { caseCode: string; held: boolean }) => [i.caseCode, i.held]).sort(), [[due.caseCode, false], [held.caseCode, true]].sort());

  for (const other of [police, await t.as('case_worker')]) {
    assert.equal((await other.post('/api/retention/run', {})).status, 403);
    assert.equal((await other.get('/api/retention/holds')).status, 403);
  }
  assert.equal((await coordinator.post('/api/retention/run', { asOf: '2099-01-01' })).status, 400, 'a run measures against today only');

  const run = await coordinator.post('/api/retention/run', {});
  assert.equal(run.status, 200, JSON.stringify(run.body));
  const kind = run.body.kinds.find((k: { kind: string }) => k.kind === 'not_confirmed_case_closed');
  assert.deepEqual({ due: kind.due, held: kind.held, anonymised: kind.anonymised }, { due: 2, held: 1, anonymised: 1 });
  assert.equal((await coordinator.get(`/api/persons/${due.id}`)).body.identity.givenName, ANONYMISED_NAME);
  assert.notEqual((await coordinator.get(`/api/persons/${held.id}`)).body.identity.givenName, ANONYMISED_NAME);

  const entry = await t.db.kysely.selectFrom('audit_log').select(['actor_id', 'details']).where('action', '=', 'retention.run').orderBy('seq', 'desc').executeTakeFirstOrThrow();
  assert.equal(entry.actor_id, t.users.coordinator.id, 'the trail names who ran it');
  assert.deepEqual((await coordinator.get('/api/retention/due')).body.items.map((i: { caseCode: string }) => i.caseCode), [held.caseCode], 'only the held record is left');
});
