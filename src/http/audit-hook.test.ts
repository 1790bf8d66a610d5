import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { personInput } from '../test/factories.ts';
import { startTestApp, type Client, type TestApp } from '../test/harness.ts';

let t: TestApp;
let operator: Client;
before(async () => {
  t = await startTestApp();
  operator = await t.as('hotline_operator');
  await sql`create function azad_test_refuse_audit() returns trigger language plpgsql as $$
    begin raise exception 'audit storage refused (test)'; end; $$`.execute(t.db.kysely);
});
after(() => t.close());

/** Audit inserts fail in the real database (a trigger), as a full disk or a revoked grant would make them. */
async function whileAuditFails(fn: () => Promise<void>) {
  await sql`create trigger azad_test_refuse_audit before insert on audit_log for each row execute function azad_test_refuse_audit()`.execute(t.db.kysely);
  try {
    await fn();
  } finally {
    await sql`drop trigger azad_test_refuse_audit on audit_log`.execute(t.db.kysely);
  }
}

const count = async (table: string) => Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.db.kysely)).rows[0]?.n);

const call = {
  startedAt: new Date(Date.now() - 600_000).toISOString(),
  durationSeconds: 120,
  channel: 'phone_152',
  language: 'az',
  callerType: 'self',
  topic: 'report_trafficking',
  outcome: 'information_given',
  notes: 'Zəng edən Leyla Qəmbərova deyir ki, pasportunu alıblar.',
  phones: ['050 987 65 43'],
};

test('a read of identifying data is withheld (503, nothing identifying) when its audit entry cannot be written', async () => {
  const created = await operator.post('/api/hotline/contacts', call);
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const ok = await operator.get(`/api/hotline/contacts/${created.body.id}`);
  assert.equal(ok.status, 200);
  assert.match(JSON.stringify(ok.body), /Qəmbərova/);

  await whileAuditFails(async () => {
    const res = await operator.request('GET', `/api/hotline/contacts/${created.body.id}`);
    assert.equal(res.status, 503);
    assert.equal(res.body.error.code, 'audit_unavailable');
    const raw = JSON.stringify(res.body);
    for (const secret of ['Qəmbərova', '9876543', '+99450', created.body.id]) assert.ok(!raw.includes(secret), secret);
  });
  // Once the trail can be written again, the same read works and is recorded.
  assert.equal((await operator.get(`/api/hotline/contacts/${created.body.id}`)).status, 200);
});

test('a change whose audit entry cannot be written is rolled back and answered 503', async () => {
  const before = { contacts: await count('hotline_contacts'), identifiers: await count('hotline_identifiers'), audit: await count('audit_log') };
  await whileAuditFails(async () => {
    const res = await operator.post('/api/hotline/contacts', call);
    assert.equal(res.status, 503);
    assert.equal(res.body.error.code, 'audit_unavailable');
  });
  assert.deepEqual({ contacts: await count('hotline_contacts'), identifiers: await count('hotline_identifiers'), audit: await count('audit_log') }, before);
});

test('a sign-in whose audit entry cannot be written sets no session cookie', async () => {
  await whileAuditFails(async () => {
    const res = await t.anonymous().post('/api/auth/login', { username: t.users.analyst.username, password: 'Correct-horse-battery-7' });
    assert.equal(res.status, 503);
    assert.equal(res.headers.get('set-cookie'), null);
    assert.equal(res.body.csrfToken, undefined);
  });
});

test('changes made straight in a route are rolled back too: language, two-factor enrolment', async () => {
  const analyst = await t.as('analyst');
  const before = await t.db.kysely.selectFrom('users').select(['language', 'totp_secret']).where('id', '=', t.users.analyst.id).executeTakeFirstOrThrow();
  await whileAuditFails(async () => {
    assert.equal((await analyst.patch('/api/me', { language: before.language === 'en' ? 'ru' : 'en' })).status, 503);
    const setup = await analyst.post('/api/me/totp/setup');
    assert.equal(setup.status, 503);
    assert.equal(setup.body.secret, undefined);
  });
  const after = await t.db.kysely.selectFrom('users').select(['language', 'totp_secret']).where('id', '=', t.users.analyst.id).executeTakeFirstOrThrow();
  assert.deepEqual(after, before);
});

test("a person's page with identity is withheld when only its identity-read entry cannot be written (it rides with the call's entry)", async () => {
  const coordinator = await t.as('coordinator');
  const created = await coordinator.post('/api/persons', personInput({ identity: { givenName: 'Gülnarə', familyName: 'Sınaqova' } }));
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const ok = await coordinator.get(`/api/persons/${created.body.id}`);
  assert.equal(ok.status, 200);
  assert.match(JSON.stringify(ok.body), /Sınaqova/);
  await sql`create function azad_test_refuse_identity_read() returns trigger language plpgsql as $$
    begin if new.action = 'persons.identity_read' then raise exception 'identity reads refused (test)'; end if; return new; end; $$`.execute(t.db.kysely);
  await sql`create trigger azad_test_refuse_identity_read before insert on audit_log for each row execute function azad_test_refuse_identity_read()`.execute(t.db.kysely);
  try {
    const res = await coordinator.get(`/api/persons/${created.body.id}`);
    assert.equal(res.status, 503);
    assert.equal(res.body.error.code, 'audit_unavailable');
    assert.ok(!JSON.stringify(res.body).includes('Sınaqova'));
  } finally {
    await sql`drop trigger azad_test_refuse_identity_read on audit_log`.execute(t.db.kysely);
  }
  // The successful read's two entries are on the record side by side, the identity read first. The
  // withheld read left neither: a call's entries are written whole, so the trail never says a read
  // was answered when it was not.
  const actions = (await t.db.kysely.selectFrom('audit_log').select(['action']).where('target_id', '=', created.body.id).orderBy('seq').execute()).map((r) => r.action);
  assert.deepEqual(actions, ['persons.create', 'persons.create', 'persons.identity_read', 'persons.list']);
});
