import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { agencyId, daysAgo, intake, personInput } from '../test/factories.ts';
import { startTestApp, type Client, type TestApp } from '../test/harness.ts';
import { listPersons } from './persons.ts';

let t: TestApp;
let police: Client;
before(async () => {
  t = await startTestApp();
  police = await t.as('police_investigator');
});
after(() => t.close());

const personCount = async () => Number((await t.db.kysely.selectFrom('persons').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
// Two days ahead of UTC is in the future in every time zone a profile may use.
const tomorrow = () => new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);

test('intake opens a potential victim under a pseudonymous case code', async () => {
  const p = await intake(police);
  assert.match(p.caseCode, new RegExp(`^AZ-${new Date().getUTCFullYear()}-\\d{5}$`));
  const detail = await police.get(`/api/persons/${p.id}`);
  assert.equal(detail.status, 200);
  assert.equal(detail.body.identificationStatus, 'potential');
  assert.equal(detail.body.status, 'new');
  assert.equal(detail.body.identity.familyName, 'Nümunəova');
  assert.equal(detail.body.birthYear, 1996, 'birth year derived from the birth date, kept in the clear');
});

test('a database dump reveals no name, document number or phone', async () => {
  const unique = personInput({ identity: { givenName: 'Zərifəqızı', familyName: 'Gizlinova', birthDate: '1990-01-02', documentNumbers: ['AA7654321'], phones: ['+994551234567'], address: 'Küçə 5, mənzil 9' } });
  const res = await police.post('/api/persons', unique);
  assert.equal(res.status, 201);
  const secrets = ['Zərifəqızı', 'Gizlinova', 'AA7654321', '994551234567', 'Küçə 5', '1990-01-02'];
  const hex = (s: string) => Buffer.from(s, 'utf8').toString('hex');
  const tables = await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = current_schema()`.execute(t.db.kysely);
  for (const { name } of tables.rows) {
    const rows = await sql<{ j: string }>`select row_to_json(x)::text as j from ${sql.table(name)} x`.execute(t.db.kysely);
    const dump = rows.rows.map((r) => r.j).join('\n');
    for (const s of secrets) {
      assert.ok(!dump.includes(s), `${name} holds "${s}" in plaintext`);
      assert.ok(!dump.includes(hex(s)), `${name} holds "${s}" as bytes`);
    }
  }
  // ...while the API, for a role allowed to, still shows them.
  const detail = await police.get(`/api/persons/${res.body.id}`);
  assert.equal(detail.body.identity.givenName, 'Zərifəqızı');
  assert.deepEqual(detail.body.identity.documentNumbers, ['AA7654321']);
});

test('bad input gets 400 naming the field, and nothing is written', async () => {
  const before = await personCount();
  const cases: [Record<string, unknown>, string][] = [
    [{ citizenship: 'Turkey' }, 'citizenship'],
    [{ contactDate: tomorrow() }, 'contactDate'],
    [{ residenceRegion: 'atlantis' }, 'residenceRegion'],
    [{ gender: 'f' }, 'gender'],
    [{ identity: { givenName: '' } }, 'identity.givenName'],
    [{ identity: { givenName: 'X', birthDate: tomorrow() } }, 'identity.birthDate'],
  ];
  for (const [overrides, path] of cases) {
    const res = await police.post('/api/persons', personInput(overrides));
    assert.equal(res.status, 400, `${path}: ${JSON.stringify(res.body)}`);
    assert.ok(res.body.error.fields.some((f: { path: string }) => f.path === path), `${path} named in ${JSON.stringify(res.body.error.fields)}`);
  }
  assert.equal(await personCount(), before);

  const p = await intake(police);
  const eventsBefore = await t.db.kysely.selectFrom('exploitation_events').select('id').execute();
  const badEvents: [Record<string, unknown>, string][] = [
    [{ kind: 'exploitation', startDate: daysAgo(5), endDate: daysAgo(10) }, 'endDate'],
    [{ kind: 'exploitation', forms: ['space_labour'] }, 'forms.0'],
    [{ kind: 'exploitation', forms: ['sexual'], subtypes: ['construction'] }, 'subtypes.0'],
    [{ kind: 'exploitation', country: 'tr' }, 'country'],
  ];
  for (const [body, path] of badEvents) {
    const res = await police.post(`/api/persons/${p.id}/events`, body);
    assert.equal(res.status, 400, `${path}: ${JSON.stringify(res.body)}`);
    assert.ok(res.body.error.fields.some((f: { path: string }) => f.path === path), `${path} named in ${JSON.stringify(res.body.error.fields)}`);
  }
  assert.equal((await t.db.kysely.selectFrom('exploitation_events').select('id').execute()).length, eventsBefore.length);
});

test('identification sets the status and the report year; the status follows the case', async () => {
  const p = await intake(police, { contactDate: daysAgo(10) });
  const mia = await agencyId(t, 'mia_anti_trafficking');
  const early = await police.post(`/api/persons/${p.id}/decisions`, { status: 'identified', decidedOn: daysAgo(30), decidingAgencyId: mia });
  assert.equal(early.status, 400, 'a decision cannot predate the first contact');
  const d = await police.post(`/api/persons/${p.id}/decisions`, { status: 'identified', decidedOn: daysAgo(8), decidingAgencyId: mia });
  assert.equal(d.status, 201);
  let detail = (await police.get(`/api/persons/${p.id}`)).body;
  assert.equal(detail.identificationStatus, 'identified');
  assert.equal(detail.identifiedOn, daysAgo(8));

  assert.equal((await police.post(`/api/persons/${p.id}/reflection`, { startDate: daysAgo(7) })).status, 201);
  detail = (await police.get(`/api/persons/${p.id}`)).body;
  assert.equal(detail.status, 'in_reflection');
  assert.equal(detail.reflection.lengthDays, 30, 'Law art. 14-1.1 via the profile');

  const shelter = await agencyId(t, 'mia_shelter');
  assert.equal((await police.post(`/api/persons/${p.id}/assistance`, { kind: 'shelter', providerAgencyId: shelter, date: daysAgo(6) })).status, 201);
  assert.equal((await police.get(`/api/persons/${p.id}`)).body.status, 'assisted');

  assert.equal((await police.post(`/api/persons/${p.id}/close`, { reason: 'reintegrated', closedOn: daysAgo(1) })).status, 204);
  assert.equal((await police.get(`/api/persons/${p.id}`)).body.status, 'reintegrated');
  const list = await police.get(`/api/persons?status=reintegrated&caseCode=${p.caseCode}`);
  assert.deepEqual(list.body.items.map((i: { id: string }) => i.id), [p.id]);
  const year = new Date(Date.now() - 8 * 86_400_000).getUTCFullYear();
  assert.ok((await police.get(`/api/persons?year=${year}&identificationStatus=identified`)).body.items.some((i: { id: string }) => i.id === p.id));

  const timeline = (await police.get(`/api/persons/${p.id}/timeline`)).body.items as { date: string; kind: string }[];
  assert.deepEqual(timeline.map((e) => e.kind), ['contact', 'identification', 'identification', 'reflection_started', 'assistance', 'closed']);
  const dates = timeline.map((e) => e.date);
  assert.deepEqual(dates, [...dates].sort());
});

test('the reflection queue lists periods ending soon and marks overdue ones', async () => {
  const overdue = await intake(police, { contactDate: daysAgo(60) });
  await police.post(`/api/persons/${overdue.id}/reflection`, { startDate: daysAgo(40) });
  const soon = await intake(police, { contactDate: daysAgo(60) });
  await police.post(`/api/persons/${soon.id}/reflection`, { startDate: daysAgo(27) });
  const later = await intake(police, { contactDate: daysAgo(60) });
  await police.post(`/api/persons/${later.id}/reflection`, { startDate: daysAgo(1) });

  const q = (await police.get('/api/persons/reflection-queue?withinDays=7')).body.items as { personId: string; overdue: boolean; daysLeft: number }[];
  const ids = q.map((i) => i.personId);
  assert.ok(ids.includes(overdue.id) && ids.includes(soon.id));
  assert.ok(!ids.includes(later.id));
  assert.equal(q.find((i) => i.personId === overdue.id)?.overdue, true);
  assert.equal(q.find((i) => i.personId === soon.id)?.daysLeft, 3);
  assert.ok(ids.indexOf(overdue.id) < ids.indexOf(soon.id), 'overdue first');

  // An extension moves the end; an outcome takes it off the queue.
  await police.patch(`/api/persons/${soon.id}/reflection`, { extensionDays: 10 });
  await police.patch(`/api/persons/${overdue.id}/reflection`, { outcome: 'cooperate', outcomeDate: daysAgo(2) });
  const after = (await police.get('/api/persons/reflection-queue?withinDays=7')).body.items.map((i: { personId: string }) => i.personId);
  assert.ok(!after.includes(soon.id) && !after.includes(overdue.id));
});

test('duplicate warning matches across scripts but never shows a person the user may not see', async () => {
  const p = await intake(police, { identity: { givenName: 'Aynur', familyName: 'Məmmədova', birthDate: '1995-04-01' } });
  const cyr = { givenName: 'Айнур', familyName: 'Мамедова', birthDate: '1995-04-01' };
  const found = await police.post('/api/persons/duplicates', cyr);
  assert.equal(found.status, 200);
  assert.equal(found.body.items[0]?.id, p.id);
  assert.ok(found.body.items[0].score >= 0.8);

  // The hotline operator sees only persons they created: the same query finds nothing.
  const hotline = await t.as('hotline_operator');
  const hidden = await hotline.post('/api/persons/duplicates', cyr);
  assert.equal(hidden.status, 200);
  assert.deepEqual(hidden.body.items, []);
  assert.equal((await hotline.get(`/api/persons/${p.id}`)).status, 404);
});

test('reading identifying data is recorded in the audit trail; the analyst gets no person data at all', async () => {
  const p = await intake(police);
  await police.get(`/api/persons/${p.id}`);
  const row = await t.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'persons.identity_read').where('target_id', '=', p.id).executeTakeFirst();
  assert.ok(row, 'identity read audited');
  assert.equal(row.actor_id, t.users.police_investigator.id);
  const analyst = await t.as('analyst');
  assert.equal((await analyst.get('/api/persons')).status, 403);
  assert.equal((await analyst.get(`/api/persons/${p.id}`)).status, 403);
});

test('the list counts its matches exactly up to the cap, and beyond it says there are more', async () => {
  await intake(police);
  await intake(police);
  const n = await personCount();
  const all = sql<boolean>`true`;
  const exact = await listPersons(t.db.kysely, all, { limit: 1, offset: 0 }, n);
  assert.deepEqual([exact.total, exact.totalExact, exact.items.length], [n, true, 1]);
  const capped = await listPersons(t.db.kysely, all, { limit: 1, offset: 0 }, n - 1);
  assert.deepEqual([capped.total, capped.totalExact], [n - 1, false], 'one more than the cap: the cap, and "more"');
  // Through the API, far below the cap (10,000): exact.
  const res = await police.get('/api/persons?limit=1');
  assert.deepEqual([res.body.total, res.body.totalExact], [n, true]);
  // A page past the end has no row to carry the count with it: the total is still told.
  const past = await listPersons(t.db.kysely, all, { limit: 5, offset: n + 10 }, n);
  assert.deepEqual([past.total, past.totalExact, past.items.length], [n, true, 0]);
});
