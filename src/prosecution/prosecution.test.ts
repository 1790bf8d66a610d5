import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { agencyId, daysAgo, intake, refer, userAt } from '../test/factories.ts';
import { startTestApp, type Client, type TestApp } from '../test/harness.ts';

let t: TestApp;
let police: Client;
let prosecutor: Client;
let mia: string;
before(async () => {
  t = await startTestApp();
  police = await t.as('police_investigator');
  prosecutor = await t.as('prosecutor');
  mia = await agencyId(t, 'mia_anti_trafficking');
});
after(() => t.close());

let caseSeq = 0;
const fact = async (c: Client, extra: Record<string, unknown> = {}) => {
  const res = await c.post('/api/prosecution/facts', { registeredOn: daysAgo(30), articles: ['144-1'], region: 'baku', ...extra });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.id as string;
};
const openCase = async (c: Client, factIds: string[], extra: Record<string, unknown> = {}) => {
  const res = await c.post('/api/prosecution/cases', { number: `T-${++caseSeq}`, openedOn: daysAgo(25), articles: ['144-1'], factIds, investigatingAgencyId: mia, ...extra });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.id as string;
};
const person = (extra: Record<string, unknown> = {}) => ({
  identity: { givenName: 'Təqsirləndirilən', familyName: 'Uydurmaov', birthDate: '1980-02-02', documentNumbers: ['AZE0000001'], address: 'Nümunə küçəsi 1' },
  sex: 'female',
  citizenship: 'AZ',
  role: 'recruiter',
  stage: 'charged',
  on: daysAgo(20),
  ...extra,
});
const charge = async (c: Client, caseId: string, extra: Record<string, unknown> = {}) => {
  const res = await c.post(`/api/prosecution/cases/${caseId}/persons`, person(extra));
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.id as string;
};
const fieldPaths = (res: { body: { error?: { fields: { path: string }[] } } }) => (res.body.error?.fields ?? []).map((f) => f.path);

describe('the chain from a fact to a sentence', () => {
  test('a fact linked to a victim, a case, persons charged, court, conviction and sentence', async () => {
    const victim = await intake(police);
    const factId = await fact(police, { articles: ['243.1', '144-1'], online: true, platforms: ['telegram'], victimIds: [victim.id], summary: 'Telegram kanalında iş təklifi' });
    const f = (await prosecutor.get(`/api/prosecution/facts/${factId}`)).body;
    assert.deepEqual(f.victims, [{ personId: victim.id, caseCode: victim.caseCode }]);
    assert.equal(f.status, 'registered');
    assert.equal(f.summary, 'Telegram kanalında iş təklifi');

    const caseId = await openCase(police, [factId]);
    assert.equal((await police.get(`/api/prosecution/facts/${factId}`)).body.status, 'case_opened');
    const a = await charge(police, caseId);
    const b = await charge(police, caseId, { sex: 'male', role: 'transporter', stage: 'suspect' });
    assert.equal((await police.post(`/api/prosecution/persons/${b}/steps`, { stage: 'charged', on: daysAgo(19) })).status, 204);
    assert.equal((await police.post(`/api/prosecution/cases/${caseId}/victims`, { personId: victim.id, cooperation: 'cooperating', legalAid: ['investigation'] })).status, 204);

    assert.equal((await prosecutor.post(`/api/prosecution/cases/${caseId}/status`, { status: 'completed', on: daysAgo(10) })).status, 204);
    assert.equal((await prosecutor.post(`/api/prosecution/cases/${caseId}/status`, { status: 'sent_to_court', on: daysAgo(8) })).status, 204);
    const c = (await prosecutor.get(`/api/prosecution/cases/${caseId}`)).body;
    assert.deepEqual(c.history, [
      { status: 'investigation', on: daysAgo(25) },
      { status: 'completed', on: daysAgo(10) },
      { status: 'sent_to_court', on: daysAgo(8) },
    ]);
    assert.deepEqual(c.persons.map((p: { stage: string }) => p.stage), ['sent_to_court', 'sent_to_court'], 'sending the case sends the persons charged');
    assert.deepEqual(c.victims, [{ personId: victim.id, caseCode: victim.caseCode, cooperation: 'cooperating', legalAid: ['investigation'] }]);
    assert.equal(JSON.stringify(c).includes('Uydurmaov'), false, 'the case page carries no names');

    assert.equal((await prosecutor.post(`/api/prosecution/persons/${a}/steps`, { stage: 'convicted', on: daysAgo(2) })).status, 204);
    const court = await agencyId(t, 'serious_crimes_court');
    const s = await prosecutor.post(`/api/prosecution/persons/${a}/sentence`, { sentencedOn: daysAgo(2), courtAgencyId: court, punishment: 'imprisonment', imprisonmentMonths: 96, confiscation: true });
    assert.equal(s.status, 204, JSON.stringify(s.body));
    const detail = (await prosecutor.get(`/api/prosecution/persons/${a}`)).body;
    assert.equal(detail.identity.familyName, 'Uydurmaov');
    assert.deepEqual(detail.steps.map((x: { stage: string }) => x.stage), ['charged', 'sent_to_court', 'convicted']);
    assert.deepEqual(
      { p: detail.sentence.punishment, m: detail.sentence.imprisonmentMonths, c: detail.sentence.confiscation, court: detail.sentence.courtAgencyId },
      { p: 'imprisonment', m: 96, c: true, court },
    );
    const reads = await t.db.kysely.selectFrom('audit_log').select('target_id').where('action', '=', 'prosecution.identity_read').execute();
    assert.ok(reads.some((r) => r.target_id === a), 'the identity read is audited');
  });

  test('identifying data of persons prosecuted and fact summaries are encrypted at rest', async () => {
    const caseId = await openCase(police, [await fact(police, { summary: 'Gizli qeyd Qaraçuxur' })]);
    await charge(police, caseId, { identity: { givenName: 'Şifrəli', familyName: 'Gizlinov', documentNumbers: ['AZE7654321'], address: 'Məxfi prospekt 9' } });
    const dump = (await sql<{ j: string }>`select row_to_json(x)::text as j from prosecuted_persons x`.execute(t.db.kysely)).rows.map((r) => r.j).join('');
    const facts = (await sql<{ j: string }>`select row_to_json(x)::text as j from crime_facts x`.execute(t.db.kysely)).rows.map((r) => r.j).join('');
    for (const secret of ['Şifrəli', 'Gizlinov', 'AZE7654321', 'Məxfi']) assert.ok(!dump.includes(secret), secret);
    assert.ok(!facts.includes('Qaraçuxur'));
  });

  test('a wanted person is detained; a search ends once', async () => {
    const caseId = await openCase(police, [await fact(police)]);
    const suspect = await charge(police, caseId, { stage: 'suspect', sex: 'male' });
    const bad = await police.post('/api/prosecution/wanted', { prosecutedPersonId: suspect, search: 'interpol', article: '144-1', since: daysAgo(15) });
    assert.equal(bad.status, 400);
    assert.deepEqual(fieldPaths(bad), ['hidingCountry']);
    const w = await police.post('/api/prosecution/wanted', { prosecutedPersonId: suspect, search: 'interpol', article: '144-1', since: daysAgo(15), hidingCountry: 'AE' });
    assert.equal(w.status, 201, JSON.stringify(w.body));
    assert.ok((await prosecutor.get('/api/prosecution/wanted?status=wanted')).body.items.some((x: { id: string }) => x.id === w.body.id));
    assert.equal((await police.post(`/api/prosecution/wanted/${w.body.id}/status`, { status: 'detained', on: daysAgo(3) })).status, 204);
    const again = await police.post(`/api/prosecution/wanted/${w.body.id}/status`, { status: 'extradited', on: daysAgo(1) });
    assert.equal(again.status, 400);
    assert.deepEqual(fieldPaths(again), ['status']);
  });
});

describe('bad input is refused with a clear, field-named error', () => {
  test('an unknown article, or a part the profile does not list', async () => {
    const unknown = await police.post('/api/prosecution/facts', { registeredOn: daysAgo(3), articles: ['144-1', '999'] });
    assert.equal(unknown.status, 400);
    assert.deepEqual(fieldPaths(unknown), ['articles.1']);
    assert.match(unknown.body.error.fields[0].message, /unknown article "999"/);
    const part = await police.post('/api/prosecution/facts', { registeredOn: daysAgo(3), articles: ['243.9'] });
    assert.deepEqual(fieldPaths(part), ['articles.0']);
    assert.match(part.body.error.fields[0].message, /article 243 has no part "9"/);
    const caseBad = await police.post('/api/prosecution/cases', { number: 'X-1', openedOn: daysAgo(3), articles: ['144'], factIds: [await fact(police)], investigatingAgencyId: mia });
    assert.deepEqual(fieldPaths(caseBad), ['articles.0']);
    const wanted = await police.post('/api/prosecution/wanted', { prosecutedPersonId: '00000000-0000-4000-8000-000000000001', search: 'local', article: '1', since: daysAgo(3) });
    assert.deepEqual(fieldPaths(wanted), ['article']);
    assert.equal(Number((await sql<{ n: number }>`select count(*)::int as n from crime_facts where registered_on = ${daysAgo(3)}::date`.execute(t.db.kysely)).rows[0]?.n), 0);
  });

  test('a conviction without a court stage', async () => {
    const caseId = await openCase(police, [await fact(police)]);
    const p = await charge(police, caseId);
    const res = await prosecutor.post(`/api/prosecution/persons/${p}/steps`, { stage: 'convicted', on: daysAgo(1) });
    assert.equal(res.status, 400);
    assert.deepEqual(fieldPaths(res), ['stage']);
    assert.match(res.body.error.message, /conviction needs a court stage/);
    const sendPerson = await prosecutor.post(`/api/prosecution/persons/${p}/steps`, { stage: 'sent_to_court', on: daysAgo(1) });
    assert.match(sendPerson.body.error.message, /case has not been sent to court/);
    const skip = await prosecutor.post(`/api/prosecution/cases/${caseId}/status`, { status: 'sent_to_court', on: daysAgo(1) });
    assert.equal(skip.status, 400, 'a case goes to court only once its investigation is completed');
    assert.deepEqual(fieldPaths(skip), ['status']);
  });

  test('a sentence on an acquitted person', async () => {
    const caseId = await openCase(police, [await fact(police)]);
    const p = await charge(police, caseId);
    await prosecutor.post(`/api/prosecution/cases/${caseId}/status`, { status: 'completed', on: daysAgo(10) });
    await prosecutor.post(`/api/prosecution/cases/${caseId}/status`, { status: 'sent_to_court', on: daysAgo(9) });
    assert.equal((await prosecutor.post(`/api/prosecution/persons/${p}/steps`, { stage: 'acquitted', on: daysAgo(2) })).status, 204);
    const res = await prosecutor.post(`/api/prosecution/persons/${p}/sentence`, { sentencedOn: daysAgo(1), punishment: 'fine', fineAmount: 5000 });
    assert.equal(res.status, 400);
    assert.deepEqual(fieldPaths(res), ['stage']);
    assert.match(res.body.error.message, /acquitted person cannot be sentenced/);
    assert.equal((await t.db.kysely.selectFrom('sentences').select('id').where('prosecuted_person_id', '=', p).execute()).length, 0);
  });

  test('dates and shapes: no step before the previous one, a fine needs its amount, online platforms only when online', async () => {
    const caseId = await openCase(police, [await fact(police)]);
    const early = await prosecutor.post(`/api/prosecution/cases/${caseId}/status`, { status: 'completed', on: daysAgo(40) });
    assert.deepEqual(fieldPaths(early), ['on']);
    const noFine = await prosecutor.post(`/api/prosecution/persons/${await charge(police, caseId)}/sentence`, { sentencedOn: daysAgo(1), punishment: 'fine' });
    assert.deepEqual(fieldPaths(noFine), ['fineAmount']);
    const offline = await police.post('/api/prosecution/facts', { registeredOn: daysAgo(3), articles: ['144-1'], platforms: ['tiktok'] });
    assert.deepEqual(fieldPaths(offline), ['platforms']);
    const future = await police.post('/api/prosecution/facts', { registeredOn: '2999-01-01', articles: ['144-1'] });
    assert.deepEqual(fieldPaths(future), ['registeredOn']);
  });
});

describe('access', () => {
  test('case workers see only a yes/no on persons they serve; the registry is closed to them', async () => {
    const worker = await userAt(t, 'clean_world', 'case_worker', 'ngo.prosecution.check');
    const linked = await intake(police);
    const plain = await intake(police);
    const ngo = await agencyId(t, 'clean_world');
    await refer(police, linked.id, ngo);
    await refer(police, plain.id, ngo);
    const factId = await fact(police, { victimIds: [linked.id] });
    assert.equal((await worker.get(`/api/persons/${linked.id}`)).body.linkedToProceedings, true);
    assert.equal((await worker.get(`/api/persons/${plain.id}`)).body.linkedToProceedings, false);
    const body = JSON.stringify((await worker.get(`/api/persons/${linked.id}`)).body);
    assert.ok(!body.includes(factId), 'no id of the proceedings leaks');
    for (const path of ['/api/prosecution/facts', `/api/prosecution/facts/${factId}`, '/api/prosecution/cases', '/api/prosecution/wanted', '/api/prosecution/figures?year=2024']) {
      assert.equal((await worker.get(path)).status, 403, path);
    }
  });

  test('analysts read the figures only; the coordinator reads records but does not write them', async () => {
    const analyst = await t.as('analyst');
    assert.equal((await analyst.get('/api/prosecution/figures?year=2024')).status, 200);
    assert.equal((await analyst.get('/api/prosecution/facts')).status, 403);
    assert.equal((await analyst.get('/api/prosecution/wanted')).status, 403);
    const coordinator = await t.as('coordinator');
    assert.equal((await coordinator.get('/api/prosecution/facts')).status, 200);
    assert.equal((await coordinator.post('/api/prosecution/facts', { registeredOn: daysAgo(3), articles: ['144-1'] })).status, 403);
    for (const role of ['hotline_operator', 'agency_reporter', 'auditor', 'administrator'] as const) {
      const c = await t.as(role);
      assert.equal((await c.get('/api/prosecution/facts')).status, 403, role);
      assert.equal((await c.get('/api/prosecution/figures?year=2024')).status, 403, role);
    }
  });

  test('a prosecutor cannot link a victim they may not see; the police can', async () => {
    const victim = await intake(police);
    const res = await prosecutor.post('/api/prosecution/facts', { registeredOn: daysAgo(3), articles: ['144-1'], victimIds: [victim.id] });
    assert.equal(res.status, 400);
    assert.deepEqual(fieldPaths(res), ['victimIds.0']);
  });
});
