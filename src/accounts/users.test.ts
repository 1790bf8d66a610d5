import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { createUser } from './users.ts';
import { logInClient, startTestApp, TEST_PASSWORD, type Client, type TestApp } from '../test/harness.ts';

let t: TestApp;
let admin: Client;
/** A police agency other than the test investigator's. */
let otherPolice: string;
let colleagueId: string;
let outsiderId: string;

before(async () => {
  t = await startTestApp();
  admin = await t.as('administrator');
  const row = await t.db.kysely
    .selectFrom('agencies')
    .select('id')
    .where('kind', '=', 'police')
    .where('id', '!=', t.users.police_investigator.agencyId)
    .executeTakeFirstOrThrow();
  otherPolice = row.id;
  const colleague = await admin.post('/api/users', body('police.colleague', { agencyId: t.users.police_investigator.agencyId }));
  const outsider = await admin.post('/api/users', body('police.outsider', { agencyId: otherPolice }));
  assert.equal(colleague.status, 201);
  assert.equal(outsider.status, 201);
  colleagueId = colleague.body.id;
  outsiderId = outsider.body.id;
});
after(() => t.close());

function body(username: string, extra: Record<string, unknown> = {}) {
  return { username, displayName: `Officer ${username}`, agencyId: t.users.police_investigator.agencyId, roles: ['police_investigator'], ...extra };
}

function assertFieldError(res: { status: number; body: any }, status: number, path: string) {
  assert.equal(res.status, status, JSON.stringify(res.body));
  assert.ok(
    res.body.error.fields.some((f: { path: string }) => f.path === path),
    `expected a field error on ${path}, got ${JSON.stringify(res.body.error.fields)}`,
  );
}

test('the administrator creates a user: 201 with a one-time code (never a password), with which the person signs in', async () => {
  const res = await admin.post('/api/users', body('Nigar.Aliyeva', { email: 'nigar@example.org', language: 'en' }));
  assert.equal(res.status, 201);
  assert.equal(res.body.username, 'nigar.aliyeva', 'usernames are stored lower-case');
  assert.equal(res.body.email, 'nigar@example.org');
  assert.equal(res.body.active, true);
  assert.equal(res.body.mustChangePassword, false);
  assert.equal('password' in res.body || 'passwordHash' in res.body, false);
  const row = await t.db.kysely.selectFrom('users').select(['password_hash', 'language']).where('id', '=', res.body.id).executeTakeFirstOrThrow();
  assert.match(row.password_hash, /^\$argon2id\$/);
  assert.equal(row.language, 'en');
  assert.match(res.body.oneTimeCode.code, /^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/);
  assert.ok(new Date(res.body.oneTimeCode.expiresAt).getTime() > Date.now());
  // No password anyone knows signs in before the person chooses one.
  assert.equal((await t.anonymous().post('/api/auth/login', { username: 'nigar.aliyeva', password: TEST_PASSWORD })).status, 401);
  await t.activate('nigar.aliyeva', res.body.oneTimeCode.code);
  await logInClient(t.url, 'nigar.aliyeva', TEST_PASSWORD, await t.totp('nigar.aliyeva'));
  // The code was single-use.
  const again = await t.anonymous().post('/api/auth/reset', { username: 'nigar.aliyeva', code: res.body.oneTimeCode.code, newPassword: 'Another-long-secret-77' });
  assert.equal(again.status, 401);
});

test('only the administrator may create users', async () => {
  const res = await (await t.as('coordinator')).post('/api/users', body('not.allowed'));
  assert.equal(res.status, 403);
  assert.equal(res.body.error.code, 'forbidden');
});

test('a duplicate username is 409 on field username', async () => {
  const res = await admin.post('/api/users', body(t.users.analyst.username));
  assertFieldError(res, 409, 'username');
  assert.equal(res.body.error.code, 'conflict');
  // Case does not make a new name.
  assertFieldError(await admin.post('/api/users', body(t.users.analyst.username.toUpperCase())), 409, 'username');
});

test('concurrent creates of one username: one 201, the others 409 (not 500)', async () => {
  const results = await Promise.all([1, 2, 3].map(() => admin.post('/api/users', body('race.winner'))));
  const statuses = results.map((r) => r.status).sort();
  assert.deepEqual(statuses, [201, 409, 409], JSON.stringify(results.map((r) => r.body)));
  for (const r of results.filter((x) => x.status === 409)) assertFieldError(r, 409, 'username');
  const rows = await t.db.kysely.selectFrom('users').select('id').where('username', '=', 'race.winner').execute();
  assert.equal(rows.length, 1);
});

test('the password policy: common, short, or containing the username → 400 on field newPassword; the code survives', async () => {
  const created = await admin.post('/api/users', body('rashad', { roles: ['analyst'] }));
  assert.equal(created.status, 201);
  const reset = (newPassword: string) => t.anonymous().post('/api/auth/reset', { username: 'rashad', code: created.body.oneTimeCode.code, newPassword });
  for (const password of ['password1234', 'qwertyuiop12', 'Password1234', 'Sh0rt-pass', 'My-name-is-Rashad-2024', 'aaaaaaaaaaaaaaaa']) {
    assertFieldError(await reset(password), 400, 'newPassword');
  }
  assert.equal((await reset(TEST_PASSWORD)).status, 200);
  // Nobody hands an administrator-chosen password to the API.
  assertFieldError(await admin.post('/api/users', body('chosen.one', { password: TEST_PASSWORD })), 400, 'password');
  assertFieldError(await admin.patch(`/api/users/${created.body.id}`, { password: TEST_PASSWORD }), 400, 'password');
  const none = await t.db.kysely.selectFrom('users').select('id').where('username', '=', 'chosen.one').execute();
  assert.equal(none.length, 0);
});

test('an unknown agency is 400 on field agencyId; an unknown body field is 400 naming it', async () => {
  assertFieldError(await admin.post('/api/users', body('lost.soul', { agencyId: randomUUID() })), 400, 'agencyId');
  const extra = await admin.post('/api/users', body('sneaky.one', { isSuperuser: true }));
  assertFieldError(extra, 400, 'isSuperuser');
  assert.equal(extra.body.error.code, 'validation_failed');
  const patch = await admin.patch(`/api/users/${colleagueId}`, { passwordHash: 'x' });
  assertFieldError(patch, 400, 'passwordHash');
  const none = await t.db.kysely.selectFrom('users').select('id').where('username', 'in', ['lost.soul', 'sneaky.one']).execute();
  assert.equal(none.length, 0);
});

test('a police investigator sees only their own agency’s users', async () => {
  const c = await t.as('police_investigator');
  const list = await c.get('/api/users?limit=500');
  assert.equal(list.status, 200);
  const ids = list.body.items.map((u: { id: string }) => u.id);
  assert.ok(ids.includes(t.users.police_investigator.id));
  assert.ok(ids.includes(colleagueId));
  assert.equal(ids.includes(outsiderId), false);
  assert.equal(ids.includes(t.users.administrator.id), false);
  assert.ok(list.body.items.every((u: { agencyId: string }) => u.agencyId === t.users.police_investigator.agencyId));
  assert.equal(list.body.total, list.body.items.length);
  // Asking for the other agency by filter does not widen the scope.
  const filtered = await c.get(`/api/users?agencyId=${otherPolice}`);
  assert.equal(filtered.body.total, 0);

  assert.equal((await c.get(`/api/users/${colleagueId}`)).status, 200);
  const hidden = await c.get(`/api/users/${outsiderId}`);
  assert.equal(hidden.status, 404);
  assert.equal(hidden.body.error.code, 'not_found');
  // The administrator sees both.
  assert.equal((await admin.get(`/api/users/${outsiderId}`)).status, 200);
  // The trail tells a refused look at an existing account (denied) from a typo (invalid).
  assert.equal((await c.get(`/api/users/${randomUUID()}`)).status, 404);
  const outcomes = await t.db.kysely.selectFrom('audit_log').select(['outcome', 'target_id']).where('actor_id', '=', t.users.police_investigator.id).where('status', '=', 404).execute();
  assert.ok(outcomes.some((o) => o.target_id === outsiderId && o.outcome === 'denied'), JSON.stringify(outcomes));
  assert.ok(outcomes.some((o) => o.target_id !== outsiderId && o.outcome === 'invalid'), JSON.stringify(outcomes));
});

test('the analyst sees only themself', async () => {
  const c = await t.as('analyst');
  const list = await c.get('/api/users');
  assert.equal(list.status, 200);
  assert.deepEqual(list.body.items.map((u: { id: string }) => u.id), [t.users.analyst.id]);
  assert.equal(list.body.total, 1);
  // The auditor works in the same agency; the analyst still cannot open their record.
  assert.equal((await c.get(`/api/users/${t.users.auditor.id}`)).status, 404);
});

test('a user who must change their password reaches only /api/me until they do', async () => {
  // Only the CLI makes such accounts (it prints a generated password); the API never takes one.
  const created = await t.db.kysely.transaction().execute((trx) =>
    createUser(trx, { ...body('new.starter', { roles: ['analyst'] }), roles: ['analyst'], password: TEST_PASSWORD, mustChangePassword: true }, { actor: null }),
  );
  assert.equal(created.mustChangePassword, true);
  const c = await logInClient(t.url, 'new.starter', TEST_PASSWORD);
  assert.equal((await c.get('/api/me')).status, 200);
  for (const path of ['/api/agencies', '/api/users']) {
    const res = await c.get(path);
    assert.equal(res.status, 403, path);
    assert.equal(res.body.error.code, 'password_change_required', path);
  }
  const same = await c.post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD });
  assertFieldError(same, 400, 'newPassword');
  const wrongCurrent = await c.post('/api/me/password', { currentPassword: 'Not-my-password-1', newPassword: 'A-fresh-secret-9911' });
  assert.equal(wrongCurrent.status, 401);
  assert.equal((await c.get('/api/agencies')).status, 403);

  const changed = await c.post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'A-fresh-secret-9911' });
  assert.equal(changed.status, 204);
  assert.equal((await c.get('/api/agencies')).status, 200);
  assert.equal((await c.get('/api/me')).body.user.mustChangePassword, false);
  assert.equal((await t.anonymous().post('/api/auth/login', { username: 'new.starter', password: TEST_PASSWORD })).status, 401);
  await logInClient(t.url, 'new.starter', 'A-fresh-secret-9911');
});

test('the audit trail records creates and updates with masked personal fields and no password material', async () => {
  const created = await admin.post('/api/users', body('audited.one', { displayName: 'Leyla Mammadova', email: 'leyla@example.org' }));
  assert.equal(created.status, 201);
  const id = created.body.id as string;
  const updated = await admin.patch(`/api/users/${id}`, { displayName: 'Leyla Huseynova', email: 'leyla.h@example.org', roles: ['case_worker'] });
  assert.equal(updated.status, 200);

  type Change = { field: string; old: unknown; new: unknown };
  const entries = await t.db.kysely.selectFrom('audit_log').select(['action', 'details', 'actor_id']).where('target_id', '=', id).orderBy('seq').execute();
  const create = entries.find((e) => e.action === 'users.create' && (e.details as { changes?: Change[] }).changes);
  const update = entries.find((e) => e.action === 'users.update' && (e.details as { changes?: Change[] }).changes);
  assert.ok(create, 'users.create with field changes');
  assert.ok(update, 'users.update with field changes');
  assert.equal(create.actor_id, t.users.administrator.id);
  const byField = (e: typeof create) => new Map((e.details as { changes: Change[] }).changes.map((c) => [c.field, c]));
  const c1 = byField(create);
  const c2 = byField(update);
  for (const [changes, fields] of [[c1, ['displayName', 'email', 'password']], [c2, ['displayName', 'email']]] as const) {
    for (const field of fields) {
      assert.deepEqual(changes.get(field), { field, old: '[masked]', new: '[masked]' }, field);
    }
  }
  assert.ok(!JSON.stringify(entries).includes(created.body.oneTimeCode.code), 'the one-time code stays out of the trail');
  assert.deepEqual(c1.get('username'), { field: 'username', old: null, new: 'audited.one' });
  assert.deepEqual(c2.get('roles'), { field: 'roles', old: ['police_investigator'], new: ['case_worker'] });

  const all = await sql<{ d: string }>`select coalesce(details::text, '') as d from audit_log`.execute(t.db.kysely);
  assert.ok(all.rows.length > 10);
  const text = all.rows.map((r) => r.d).join('\n');
  for (const secret of ['$argon2', TEST_PASSWORD, 'Another-long-secret-77', 'A-fresh-secret-9911', 'Leyla', 'leyla@example.org', 'leyla.h@']) {
    assert.equal(text.includes(secret), false, `audit details contain ${secret}`);
  }
  const hashes = await t.db.kysely.selectFrom('users').select('password_hash').execute();
  for (const h of hashes) assert.equal(text.includes(h.password_hash), false);
});
