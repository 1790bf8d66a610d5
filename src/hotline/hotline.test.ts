import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { userAt } from '../test/factories.ts';
import { startTestApp, type Client, type TestApp } from '../test/harness.ts';

let t: TestApp;
let operator: Client;
let police: Client;
let ngo: Client;
before(async () => {
  t = await startTestApp();
  operator = await t.as('hotline_operator');
  police = await t.as('police_investigator');
  ngo = await userAt(t, 'clean_world', 'case_worker', 'ngo.hotline.check');
});
after(() => t.close());

const call = (extra: Record<string, unknown> = {}) => ({
  startedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
  durationSeconds: 240,
  channel: 'phone_152',
  language: 'az',
  callerType: 'relative',
  topic: 'report_trafficking',
  outcome: 'tip_forwarded',
  notes: 'Qohum deyir ki, bacısını Dubayda saxlayırlar.',
  ...extra,
});

test('a call is logged with its identifiers normalised, notes and numbers encrypted', async () => {
  const res = await operator.post('/api/hotline/contacts', call({ phones: ['050 123 45 67', '12-34'], handles: ['https://t.me/recruiter.baku'] }));
  assert.equal(res.status, 201, JSON.stringify(res.body));
  assert.deepEqual(res.body.warnings, [{ path: 'phones.1', message: 'not a valid phone number; kept as written' }]);
  const detail = await operator.get(`/api/hotline/contacts/${res.body.id}`);
  assert.equal(detail.body.notes, 'Qohum deyir ki, bacısını Dubayda saxlayırlar.');
  assert.deepEqual(
    detail.body.identifiers.map((i: { normalized: string; valid: boolean }) => [i.normalized, i.valid]),
    [['+994501234567', true], ['raw:1234', false], ['recruiter.baku', true]],
  );
  const dump = (await sql<{ j: string }>`select row_to_json(x)::text as j from hotline_identifiers x`.execute(t.db.kysely)).rows.map((r) => r.j).join('');
  const contacts = (await sql<{ j: string }>`select row_to_json(x)::text as j from hotline_contacts x`.execute(t.db.kysely)).rows.map((r) => r.j).join('');
  for (const secret of ['501234567', 'recruiter.baku', 'Dubayda']) assert.ok(!dump.includes(secret) && !contacts.includes(secret), secret);
});

test('bad input names the field; an unparseable phone is a warning, never dropped', async () => {
  const cases: [Record<string, unknown>, string][] = [
    [{ topic: 'weather' }, 'topic'],
    [{ channel: 'pigeon' }, 'channel'],
    [{ outcome: 'follow_up' }, 'followUpDue'],
    [{ outcome: 'referred' }, 'referredAgencyId'],
    [{ region: 'atlantis' }, 'region'],
    [{ startedAt: new Date(Date.now() + 3_600_000).toISOString() }, 'startedAt'],
    [{ durationSeconds: -5 }, 'durationSeconds'],
  ];
  const before = Number((await sql<{ n: number }>`select count(*)::int as n from hotline_contacts`.execute(t.db.kysely)).rows[0]?.n);
  for (const [extra, path] of cases) {
    const res = await operator.post('/api/hotline/contacts', call(extra));
    assert.equal(res.status, 400, `${path}: ${JSON.stringify(res.body)}`);
    assert.ok(res.body.error.fields.some((f: { path: string }) => f.path === path), `${path} in ${JSON.stringify(res.body.error.fields)}`);
  }
  assert.equal(Number((await sql<{ n: number }>`select count(*)::int as n from hotline_contacts`.execute(t.db.kysely)).rows[0]?.n), before);
});

test('from a call: a potential victim prefilled, and a tip that reaches the police queue', async () => {
  const contact = await operator.post('/api/hotline/contacts', call({ region: 'ganja', phones: ['+994 55 765 43 21'] }));
  const person = await operator.post(`/api/hotline/contacts/${contact.body.id}/person`, { givenName: 'Zəng', familyName: 'Sınaqova', gender: 'female' });
  assert.equal(person.status, 201);
  const detail = (await operator.get(`/api/persons/${person.body.id}`)).body;
  assert.equal(detail.channel, 'hotline');
  assert.equal(detail.residenceRegion, 'ganja');
  assert.equal(detail.identificationStatus, 'potential');
  assert.equal((await operator.get(`/api/hotline/contacts/${contact.body.id}`)).body.personId, person.body.id);
  const linked = await police.get(`/api/hotline/contacts?personId=${person.body.id}`);
  assert.deepEqual(linked.body.items.map((x: { id: string }) => x.id), [contact.body.id], "the person's page can list the calls behind it");
  assert.equal((await operator.post(`/api/hotline/contacts/${contact.body.id}/person`, { givenName: 'Again', gender: 'male' })).status, 409);

  const tip = await operator.post('/api/hotline/tips', { contactId: contact.body.id, summary: 'Recruiter offers waitress jobs in Dubai, keeps passports.', phones: ['055 765 43 21'], handles: ['@dubai.jobs.az'] });
  assert.equal(tip.status, 201);
  const queue = await police.get('/api/hotline/tips?status=new');
  assert.ok(queue.body.items.some((x: { id: string }) => x.id === tip.body.id));
  const opened = await police.get(`/api/hotline/tips/${tip.body.id}`);
  assert.equal(opened.body.summary, 'Recruiter offers waitress jobs in Dubai, keeps passports.');
  assert.ok(!opened.body.related.contacts.some((c: { id: string }) => c.id === contact.body.id), "the tip's own call is not listed as related");
  assert.match(queue.body.items.find((x: { id: string }) => x.id === tip.body.id).excerpt, /^Recruiter offers waitress jobs/);
  const again = await operator.post('/api/hotline/contacts', call({ phones: ['055 765 43 21'] }));
  assert.equal(again.status, 201, JSON.stringify(again.body));
  const related = (await police.get(`/api/hotline/tips/${tip.body.id}`)).body.related.contacts as { id: string; startedAt: string; channel: string }[];
  assert.deepEqual(related.map((c) => c.id), [again.body.id], 'another call from the same phone is related, with its time and channel');
  assert.ok(related[0]!.startedAt && related[0]!.channel);
  assert.equal((await police.patch(`/api/hotline/tips/${tip.body.id}`, { status: 'in_review' })).status, 204);
  assert.equal((await operator.patch(`/api/hotline/tips/${tip.body.id}`, { status: 'closed' })).status, 403);
});

test('the chain across roles: the police open a person from the hotline\'s call, the coordinator links a second call, the person shows both', async () => {
  const first = await operator.post('/api/hotline/contacts', call());
  const second = await operator.post('/api/hotline/contacts', call({ channel: 'whatsapp', topic: 'missing_person', startedAt: new Date(Date.now() - 5 * 60_000).toISOString() }));
  const person = await police.post(`/api/hotline/contacts/${first.body.id}/person`, { givenName: 'Zəncir', familyName: 'Sınaqlı', gender: 'female' });
  assert.equal(person.status, 201, JSON.stringify(person.body));
  assert.equal((await police.get(`/api/persons/${person.body.id}`)).status, 200, 'the police own the record they opened');
  // The operator may not see a person the police opened, so cannot link to it, and is not told it exists.
  const blind = await operator.post(`/api/hotline/contacts/${second.body.id}/link`, { personId: person.body.id });
  assert.equal(blind.status, 404);
  const coordinator = await t.as('coordinator');
  assert.equal((await coordinator.post(`/api/hotline/contacts/${second.body.id}/link`, { personId: person.body.id })).status, 204);
  assert.equal((await police.post(`/api/hotline/contacts/${second.body.id}/link`, { personId: person.body.id })).status, 409, 'linked once');
  const calls = (await police.get(`/api/persons/${person.body.id}/timeline`)).body.items.filter((e: { kind: string }) => e.kind === 'call');
  assert.deepEqual(
    calls.map((e: { refId: string; summary: string }) => [e.refId, e.summary]).sort(),
    [[first.body.id, 'phone_152 report_trafficking'], [second.body.id, 'whatsapp missing_person']].sort(),
  );
  const listed = await police.get(`/api/hotline/contacts?personId=${person.body.id}`);
  assert.deepEqual(listed.body.items.map((x: { id: string }) => x.id).sort(), [first.body.id, second.body.id].sort());
});

test('a phone number in any common format finds every contact and tip that mentions it', async () => {
  const a = await operator.post('/api/hotline/contacts', call({ phones: ['070 222 33 44'] }));
  const b = await operator.post('/api/hotline/contacts', call({ phones: ['+994702223344'], topic: 'check_job_offer', outcome: 'information_given' }));
  const tip = await operator.post('/api/hotline/tips', { summary: 'Same number advertises jobs abroad', phones: ['00994 70 222-33-44'] });
  for (const format of ['+994 70 222 33 44', '0702223344', '(070) 222-33-44', '994702223344']) {
    const res = await police.post('/api/hotline/search', { identifier: format });
    assert.equal(res.status, 200);
    assert.equal(res.body.normalized, '+994702223344');
    const ids = res.body.contacts.map((x: { id: string }) => x.id);
    assert.ok(ids.includes(a.body.id) && ids.includes(b.body.id), format);
    assert.deepEqual(res.body.tips.map((x: { id: string }) => x.id), [tip.body.id]);
  }
  const handle = await police.post('/api/hotline/search', { identifier: 'https://instagram.com/dubai.jobs.az' });
  assert.equal(handle.body.tips.length, 1);
});

test('NGOs do not see other agencies contacts; analysts see only counts', async () => {
  const mine = await operator.post('/api/hotline/contacts', call());
  assert.equal((await ngo.get(`/api/hotline/contacts/${mine.body.id}`)).status, 404);
  assert.ok(!(await ngo.get('/api/hotline/contacts')).body.items.some((x: { id: string }) => x.id === mine.body.id));
  assert.deepEqual((await ngo.post('/api/hotline/search', { identifier: '050 123 45 67' })).body.contacts, []);
  assert.deepEqual((await ngo.get('/api/hotline/tips')).body.items, []);
  const own = await ngo.post('/api/hotline/contacts', call({ topic: 'help_request', outcome: 'information_given' }));
  assert.equal((await ngo.get(`/api/hotline/contacts/${own.body.id}`)).status, 200, 'an NGO logs and sees its own contacts');

  const analyst = await t.as('analyst');
  assert.equal((await analyst.get('/api/hotline/contacts')).status, 403);
  assert.equal((await analyst.post('/api/hotline/search', { identifier: '050 123 45 67' })).status, 403);
  const day = new Date().toISOString().slice(0, 10);
  const stats = await analyst.get(`/api/hotline/stats?from=${day}&to=${day}`);
  assert.equal(stats.status, 200);
  const total = Number((await sql<{ n: number }>`select count(*)::int as n from hotline_contacts where started_at::date = ${day}::date`.execute(t.db.kysely)).rows[0]?.n);
  assert.equal(stats.body.total, total);
  assert.equal(Object.values(stats.body.byTopic as Record<string, number>).reduce((s, n) => s + n, 0), stats.body.total, 'the breakdown sums to the total');
});

test('follow-ups: the operator sees their open ones, overdue marked, until done', async () => {
  const yesterday = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
  const res = await operator.post('/api/hotline/contacts', call({ outcome: 'follow_up', followUpDue: yesterday, topic: 'missing_person', startedAt: new Date(Date.now() - 4 * 86_400_000).toISOString() }));
  assert.equal(res.status, 201, JSON.stringify(res.body));
  const list = (await operator.get('/api/hotline/follow-ups')).body.items;
  const item = list.find((x: { id: string }) => x.id === res.body.id);
  assert.equal(item?.overdue, true);
  assert.equal((await police.get('/api/hotline/follow-ups')).body.items.some((x: { id: string }) => x.id === res.body.id), false);
  assert.equal((await operator.post(`/api/hotline/contacts/${res.body.id}/follow-up-done`)).status, 204);
  assert.ok(!(await operator.get('/api/hotline/follow-ups')).body.items.some((x: { id: string }) => x.id === res.body.id));
});

test('a call that ended in a referral becomes a real referral, with consent, once the person exists', async () => {
  const ngoAgency = (await t.db.kysely.selectFrom('agencies').select('id').where('code', '=', 'clean_world').executeTakeFirstOrThrow()).id;
  const contact = await operator.post('/api/hotline/contacts', call({ topic: 'help_request', outcome: 'referred', referredAgencyId: ngoAgency }));
  assert.equal(contact.status, 201);
  const person = await operator.post(`/api/hotline/contacts/${contact.body.id}/person`, { givenName: 'Yönləndirmə', gender: 'female', referralConsent: true });
  assert.equal(person.status, 201);
  assert.ok(person.body.referralId);
  assert.equal((await operator.get(`/api/hotline/contacts/${contact.body.id}`)).body.outcome, 'referred', 'the call keeps its outcome');
  const inbox = await ngo.get('/api/referrals?status=sent');
  assert.ok(inbox.body.items.some((r: { id: string; personId: string }) => r.id === person.body.referralId && r.personId === person.body.id));
  assert.equal((await ngo.get(`/api/persons/${person.body.id}`)).status, 200, 'the receiving NGO now sees the person');
});

test('changes follow the logging scope; tips move only forward; a follow-up is done once', async () => {
  const own = await ngo.post('/api/hotline/contacts', call({ outcome: 'follow_up', followUpDue: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10), topic: 'missing_person' }));
  assert.equal(own.status, 201);
  // The police may read every contact, but not change another agency's follow-ups.
  assert.equal((await police.get(`/api/hotline/contacts/${own.body.id}`)).status, 200);
  assert.equal((await police.post(`/api/hotline/contacts/${own.body.id}/follow-up-done`)).status, 404);
  assert.equal((await ngo.post(`/api/hotline/contacts/${own.body.id}/follow-up-done`)).status, 204);
  assert.equal((await ngo.post(`/api/hotline/contacts/${own.body.id}/follow-up-done`)).status, 404, 'done once');

  const tip = await operator.post('/api/hotline/tips', { summary: 'A tip to walk through review' });
  assert.equal((await police.patch(`/api/hotline/tips/${tip.body.id}`, { status: 'linked', crimeRecordId: '00000000-0000-4000-8000-000000000001' })).status, 400, 'new cannot jump to linked');
  assert.equal((await police.patch(`/api/hotline/tips/${tip.body.id}`, { status: 'in_review' })).status, 204);
  const noRecord = await police.patch(`/api/hotline/tips/${tip.body.id}`, { status: 'linked' });
  assert.equal(noRecord.status, 400);
  assert.equal(noRecord.body.error.fields[0].path, 'crimeRecordId');
  const unknown = await police.patch(`/api/hotline/tips/${tip.body.id}`, { status: 'linked', crimeRecordId: '00000000-0000-4000-8000-000000000001' });
  assert.equal(unknown.status, 400, 'the crime record must exist in the registry');
  assert.equal(unknown.body.error.fields[0].path, 'crimeRecordId');
  const fact = await police.post('/api/prosecution/facts', { registeredOn: new Date().toISOString().slice(0, 10), articles: ['144-1'] });
  assert.equal(fact.status, 201, JSON.stringify(fact.body));
  assert.equal((await police.patch(`/api/hotline/tips/${tip.body.id}`, { status: 'linked', crimeRecordId: fact.body.id })).status, 204);
  assert.deepEqual((await police.get(`/api/prosecution/facts/${fact.body.id}`)).body.tips.map((x: { id: string }) => x.id), [tip.body.id], 'the fact lists its tip');
  assert.equal((await police.patch(`/api/hotline/tips/${tip.body.id}`, { status: 'in_review' })).status, 400, 'no way back');

  const badDue = await operator.post('/api/hotline/contacts', call({ followUpDue: '2026-01-01' }));
  assert.equal(badDue.status, 400);
  assert.equal(badDue.body.error.fields[0].path, 'followUpDue');
});
