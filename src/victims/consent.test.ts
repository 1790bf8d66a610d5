import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { agencyId, daysAgo, intake, refer, userAt } from '../test/factories.ts';
import { startTestApp, type Client, type TestApp } from '../test/harness.ts';

let t: TestApp;
let police: Client;
let ngo: Client;
let coordinator: Client;
let ngoId: string;

before(async () => {
  t = await startTestApp();
  police = await t.as('police_investigator');
  coordinator = await t.as('coordinator');
  ngo = await userAt(t, 'clean_world', 'case_worker', 'cw.consent');
  ngoId = await agencyId(t, 'clean_world');
});
after(() => t.close());

const consent = (c: Client, id: string, purpose: string, given: boolean, days = 0) => c.post(`/api/persons/${id}/consents`, { purpose, given, recordedOn: daysAgo(days) });

test('a refused data-processing consent hides the identity, notes and name outside the owning agency until the coordinator records a legal basis', async () => {
  const p = await intake(police, { identity: { givenName: 'Refusa', familyName: 'Qadağanova' } });
  await refer(police, p.id, ngoId);
  assert.ok((await ngo.get(`/api/persons/${p.id}`)).body.identity, 'the referred NGO reads the identity before the refusal');
  assert.equal((await ngo.get('/api/persons?name=Refusa')).body.total, 1);

  assert.equal((await consent(police, p.id, 'data_processing', false)).status, 201);
  const seen = await ngo.get(`/api/persons/${p.id}`);
  assert.equal(seen.status, 200, 'the case itself stays reachable for the help already under way');
  assert.equal(seen.body.identity, null, 'the identity is withheld');
  assert.equal((await ngo.get('/api/persons?name=Refusa')).body.total, 0, 'nor can the name be searched');
  const intakeCheck = await ngo.post('/api/persons/duplicates', { givenName: 'Refusa', familyName: 'Qadağanova' });
  assert.equal(intakeCheck.status, 200);
  assert.deepEqual(intakeCheck.body.items, [], "nor matched by the intake's duplicate check (it would confirm the name and birth date)");
  assert.notEqual((await ngo.get(`/api/persons/${p.id}/notes`)).status, 200, 'notes are identity-level');
  assert.equal((await ngo.patch(`/api/persons/${p.id}`, { identity: { givenName: 'Overwritten' } })).status, 404, 'nor written: the identity is not theirs to change');
  assert.equal((await police.get(`/api/persons/${p.id}`)).body.identity.givenName, 'Refusa');
  assert.equal((await ngo.patch(`/api/persons/${p.id}`, { languages: ['az'] })).status, 204, 'the rest of the case still is');
  assert.ok((await police.get(`/api/persons/${p.id}`)).body.identity, 'the owning agency keeps it');

  // Only the coordinator records an override, and it must name its legal basis.
  const body = { purpose: 'data_processing', legalBasis: 'Court order 12/2026', reason: 'The court ordered the case file shared with the NGO.' };
  assert.equal((await police.post(`/api/persons/${p.id}/consent-overrides`, body)).status, 403);
  const bad = await coordinator.post(`/api/persons/${p.id}/consent-overrides`, { purpose: 'data_processing', reason: 'x' });
  assert.equal(bad.status, 400);
  assert.match(JSON.stringify(bad.body), /legalBasis/);
  assert.equal((await coordinator.post(`/api/persons/${p.id}/consent-overrides`, body)).status, 201);
  assert.ok((await ngo.get(`/api/persons/${p.id}`)).body.identity, 'the override restores access');
  const audit = await t.db.kysely.selectFrom('audit_log').select('details').where('action', '=', 'persons.consent_overridden').where('target_id', '=', p.id).executeTakeFirst();
  assert.ok(audit, 'the override is on the audit trail');
  const row = await t.db.kysely.selectFrom('consent_overrides').select('reason_enc').where('person_id', '=', p.id).executeTakeFirstOrThrow();
  assert.ok(!Buffer.from(row.reason_enc).toString('latin1').includes('court ordered'), 'the reason is encrypted');

  // A later refusal answers the override; a later consent lifts it.
  await consent(police, p.id, 'data_processing', false);
  assert.equal((await ngo.get(`/api/persons/${p.id}`)).body.identity, null);
  await consent(police, p.id, 'data_processing', true);
  assert.ok((await ngo.get(`/api/persons/${p.id}`)).body.identity);
});

test('a refused law-enforcement-sharing consent keeps police out of an NGO record; the coordinator keeps it', async () => {
  const p = await intake(ngo, { channel: 'ngo' });
  assert.equal((await police.get(`/api/persons/${p.id}`)).status, 200, 'police reach every record by default');
  assert.equal((await consent(ngo, p.id, 'law_enforcement_sharing', false)).status, 201);
  assert.equal((await police.get(`/api/persons/${p.id}`)).status, 404, 'hidden as if absent');
  const list = await police.get('/api/persons?limit=200');
  assert.ok(!list.body.items.some((i: { id: string }) => i.id === p.id), 'and not listed');
  assert.equal((await coordinator.get(`/api/persons/${p.id}`)).status, 200, 'the coordinator is not law enforcement');
  assert.equal((await ngo.get(`/api/persons/${p.id}`)).status, 200, 'the owner keeps it');
  await consent(ngo, p.id, 'law_enforcement_sharing', true);
  assert.equal((await police.get(`/api/persons/${p.id}`)).status, 200, 'a later consent restores it');
});
