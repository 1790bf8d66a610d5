import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { buildApp } from '../http/app.ts';
import { logInClient, makeClient, startTestApp, TEST_PASSWORD, type TestApp } from '../test/harness.ts';
import { MAX_FAILURES_PER_USERNAME, attemptKey } from './throttle.ts';

let t: TestApp;
let admin: Awaited<ReturnType<TestApp['as']>>;
let agencyId: string;

before(async () => {
  t = await startTestApp();
  admin = await t.as('administrator');
  agencyId = t.users.case_worker.agencyId;
});
after(() => t.close());

/** A fresh account per test, so that lockouts and deactivations do not leak between tests. */
async function newUser(username: string) {
  const res = await admin.post('/api/users', { username, displayName: `User ${username}`, agencyId, roles: ['case_worker'] });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  await t.activate(username, res.body.oneTimeCode.code);
  return res.body as { id: string; username: string };
}

const failures = async (username: string) =>
  Number((await t.db.kysely.selectFrom('login_failures').select((eb) => eb.fn.countAll<number>().as('n')).where('username', '=', attemptKey(t.ctx.fieldKey, username)).executeTakeFirstOrThrow()).n);

test('a successful login sets an HttpOnly SameSite=Strict session cookie and returns the CSRF token', async () => {
  const res = await t.anonymous().post('/api/auth/login', { username: t.users.coordinator.username, password: TEST_PASSWORD, totp: await t.totp(t.users.coordinator.username) });
  assert.equal(res.status, 200);
  assert.equal(res.body.user.username, t.users.coordinator.username);
  assert.equal(typeof res.body.csrfToken, 'string');
  assert.ok(res.body.csrfToken.length >= 20);
  assert.equal(res.body.secondFactorEnrolmentRequired, false);
  const setCookie = res.headers.get('set-cookie') ?? '';
  assert.match(setCookie, /^azad_session=[A-Za-z0-9_-]{20,};/);
  assert.match(setCookie, /;\s*HttpOnly(;|$)/i);
  assert.match(setCookie, /;\s*SameSite=Strict(;|$)/i);
  assert.match(setCookie, /;\s*Path=\/(;|$)/i);
  assert.doesNotMatch(res.headers.get('content-type') ?? '', /html/);
  assert.equal(JSON.stringify(res.body).includes(TEST_PASSWORD), false);
  assert.equal(JSON.stringify(res.body).includes('$argon2'), false);
});

test('a wrong password and an unknown username look the same: 401 invalid_credentials', async () => {
  const wrong = await t.anonymous().post('/api/auth/login', { username: t.users.auditor.username, password: 'Not-the-password-42' });
  const unknown = await t.anonymous().post('/api/auth/login', { username: 'no.such.person', password: 'Not-the-password-42' });
  assert.equal(wrong.status, 401);
  assert.equal(unknown.status, 401);
  assert.equal(wrong.body.error.code, 'invalid_credentials');
  assert.equal(unknown.body.error.code, 'invalid_credentials');
  assert.equal(wrong.body.error.message, unknown.body.error.message);
  assert.deepEqual(wrong.body.error.fields, unknown.body.error.fields);
  assert.equal(wrong.headers.get('set-cookie'), null);
});

test('five failures lock the account, even for the right password, in the database and on every app server', async () => {
  const u = await newUser('lock.me');
  for (let i = 0; i < MAX_FAILURES_PER_USERNAME; i++) {
    const res = await t.anonymous().post('/api/auth/login', { username: u.username, password: `Wrong-password-${i}x` });
    assert.equal(res.status, 401, `attempt ${i + 1}`);
  }
  const locked = await t.anonymous().post('/api/auth/login', { username: u.username, password: TEST_PASSWORD });
  assert.equal(locked.status, 429);
  assert.equal(locked.body.error.code, 'account_locked');
  assert.equal(locked.headers.get('set-cookie'), null);
  // Every attempt is filed before its check (so parallel guesses cannot slip past), the refused one too.
  assert.equal(await failures(u.username), MAX_FAILURES_PER_USERNAME + 1);
  // The minutes travel as a value, so each language words them itself.
  const minutes = locked.body.error.params?.minutes as number;
  assert.ok(Number.isInteger(minutes) && minutes >= 1, `params.minutes: ${JSON.stringify(locked.body.error)}`);
  const ru = await fetch(`${t.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': 'ru' }, body: JSON.stringify({ username: u.username, password: TEST_PASSWORD }) });
  const ruBody = (await ru.json()) as { error: { message: string; params: { minutes: number } } };
  assert.equal(ru.status, 429);
  assert.match(ruBody.error.message, new RegExp(`${ruBody.error.params.minutes}.*мин`));

  // A second app server on the same database knows nothing in memory, yet refuses too.
  const app2 = await buildApp(t.ctx, { logger: false });
  try {
    await app2.listen({ host: '127.0.0.1', port: 0 });
    const url2 = `http://127.0.0.1:${(app2.server.address() as AddressInfo).port}`;
    const there = await makeClient(url2).post('/api/auth/login', { username: u.username, password: TEST_PASSWORD });
    assert.equal(there.status, 429);
    assert.equal(there.body.error.code, 'account_locked');
    // Other accounts still sign in there.
    const other = await makeClient(url2).post('/api/auth/login', { username: t.users.analyst.username, password: TEST_PASSWORD });
    assert.equal(other.status, 200);
  } finally {
    await app2.close();
  }
});

test('a successful login clears earlier failures', async () => {
  const u = await newUser('forgetful.one');
  const fail = async () => assert.equal((await t.anonymous().post('/api/auth/login', { username: u.username, password: 'Wrong-password-xx' })).status, 401);
  for (let i = 0; i < MAX_FAILURES_PER_USERNAME - 1; i++) await fail();
  assert.equal(await failures(u.username), MAX_FAILURES_PER_USERNAME - 1);
  await logInClient(t.url, u.username, TEST_PASSWORD);
  assert.equal(await failures(u.username), 0);
  // Had the earlier failures survived, these would reach the limit.
  for (let i = 0; i < MAX_FAILURES_PER_USERNAME - 1; i++) await fail();
  const ok = await t.anonymous().post('/api/auth/login', { username: u.username, password: TEST_PASSWORD });
  assert.equal(ok.status, 200);
});

test('logout ends the session', async () => {
  const c = await t.as('hotline_operator');
  assert.equal((await c.get('/api/me')).status, 200);
  const out = await c.post('/api/auth/logout');
  assert.equal(out.status, 204);
  // Even with the old cookie replayed, the session is gone.
  const replay = makeClient(t.url, c.cookie, c.csrf);
  const me = await replay.get('/api/me');
  assert.equal(me.status, 401);
  assert.equal(me.body.error.code, 'unauthenticated');
});

test('a deactivated user is signed out and cannot sign in', async () => {
  const u = await newUser('leaving.soon');
  const c = await logInClient(t.url, u.username, TEST_PASSWORD);
  assert.equal((await c.get('/api/me')).status, 200);
  const res = await admin.patch(`/api/users/${u.id}`, { active: false });
  assert.equal(res.status, 200);
  assert.equal(res.body.active, false);
  assert.equal((await c.get('/api/me')).status, 401);
  const again = await t.anonymous().post('/api/auth/login', { username: u.username, password: TEST_PASSWORD });
  assert.equal(again.status, 401);
  assert.equal(again.body.error.code, 'invalid_credentials');
  const sessions = await t.db.kysely.selectFrom('sessions').select('id').where('user_id', '=', u.id).execute();
  assert.equal(sessions.length, 0);
});

test('an idle session is refused', async () => {
  const c = await t.as('case_worker');
  assert.equal((await c.get('/api/me')).status, 200);
  const token = decodeURIComponent((c.cookie ?? '').split('=')[1] ?? '');
  const id = createHash('sha256').update(token).digest('hex');
  const idle = new Date(Date.now() - (t.ctx.config.sessionIdleMinutes + 1) * 60_000);
  const upd = await t.db.kysely.updateTable('sessions').set({ last_seen_at: idle }).where('id', '=', id).executeTakeFirst();
  assert.equal(Number(upd.numUpdatedRows), 1);
  const res = await c.get('/api/me');
  assert.equal(res.status, 401);
  assert.equal(res.body.error.code, 'unauthenticated');
});

test('an expired session is refused even when recently used', async () => {
  const c = await t.as('agency_reporter');
  assert.equal((await c.get('/api/me')).status, 200);
  const token = decodeURIComponent((c.cookie ?? '').split('=')[1] ?? '');
  const id = createHash('sha256').update(token).digest('hex');
  const upd = await t.db.kysely
    .updateTable('sessions')
    .set({ last_seen_at: new Date(), expires_at: new Date(Date.now() - 1000) })
    .where('id', '=', id)
    .executeTakeFirst();
  assert.equal(Number(upd.numUpdatedRows), 1);
  assert.equal((await c.get('/api/me')).status, 401);
});

test('session ids are stored hashed: the cookie token is nowhere in the sessions table', async () => {
  const c = await t.as('police_investigator');
  const token = decodeURIComponent((c.cookie ?? '').split('=')[1] ?? '');
  assert.ok(token.length >= 40);
  const rows = await t.db.kysely.selectFrom('sessions').selectAll().where('user_id', '=', t.users.police_investigator.id).execute();
  assert.ok(rows.length >= 1);
  const dump = JSON.stringify(rows);
  assert.equal(dump.includes(token), false);
  // The row is found by the token's digest, which is what the cookie is checked against.
  const digest = createHash('sha256').update(token).digest('hex');
  assert.ok(rows.some((r) => r.id === digest));
  assert.ok(rows.every((r) => r.csrf_token !== token));
});

test('a burst of parallel wrong guesses gets no more password checks than the limit', async () => {
  const u = await newUser('burst.target');
  const results = await Promise.all(Array.from({ length: 20 }, (_, i) => t.anonymous().post('/api/auth/login', { username: u.username, password: `Burst-guess-${i}-xx` })));
  const checked = results.filter((r) => r.status === 401).length;
  assert.ok(checked <= MAX_FAILURES_PER_USERNAME, `${checked} guesses were checked`);
  assert.equal(results.filter((r) => r.status === 429).length, 20 - checked);
});

test('what people type as a username is never stored in the clear', async () => {
  const typed = 'my-secret-password-typed-here';
  await t.anonymous().post('/api/auth/login', { username: typed, password: 'whatever-it-is-1' });
  const rows = await t.db.kysely.selectFrom('login_failures').select('username').execute();
  assert.ok(rows.length > 0);
  assert.ok(!rows.some((r) => r.username.includes(typed)));
});

// The tests above spend this IP's failure allowance (30 in 15 minutes); these start afresh.
const forgetFailures = () => t.db.kysely.deleteFrom('login_failures').execute();

test('signing in may end the other sessions; the user lists and ends their own sessions', async () => {
  await forgetFailures();
  const u = await newUser('many.places');
  const first = await logInClient(t.url, u.username, TEST_PASSWORD);
  const second = await logInClient(t.url, u.username, TEST_PASSWORD);
  const mine = await second.get('/api/me/sessions');
  assert.equal(mine.status, 200);
  assert.ok(mine.body.items.length >= 3, 'activation, first and second');
  assert.equal(mine.body.items.filter((s: { current: boolean }) => s.current).length, 1);
  // Ending one of them by its id; nobody else's session can be named.
  const firstId = mine.body.items.find((s: { current: boolean }) => !s.current).id;
  assert.equal((await (await t.as('hotline_operator')).request('DELETE', `/api/me/sessions/${firstId}`)).status, 404);
  assert.equal((await second.request('DELETE', `/api/me/sessions/${firstId}`)).status, 204);

  const third = makeClient(t.url);
  const res = await third.post('/api/auth/login', { username: u.username, password: TEST_PASSWORD, endOtherSessions: true });
  assert.equal(res.status, 200);
  third.csrf = res.body.csrfToken;
  assert.equal((await first.get('/api/me')).status, 401);
  assert.equal((await second.get('/api/me')).status, 401);
  assert.equal((await third.get('/api/me/sessions')).body.items.length, 1);
  // Without the flag, older sessions stay.
  const fourth = await logInClient(t.url, u.username, TEST_PASSWORD);
  assert.equal((await third.get('/api/me')).status, 200);
  assert.equal((await fourth.post('/api/me/sessions/end-others')).status, 204);
  assert.equal((await third.get('/api/me')).status, 401);
});

test('the Secure cookie flag: over HTTPS as a trusted proxy says, and AZAD_COOKIE_SECURE overrides', async () => {
  await forgetFailures();
  const body = JSON.stringify({ username: t.users.analyst.username, password: TEST_PASSWORD });
  const cookieOf = async (config: Partial<typeof t.ctx.config>, headers: Record<string, string> = {}) => {
    const app = await buildApp({ ...t.ctx, config: { ...t.ctx.config, ...config } }, { logger: false });
    try {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: body, headers: { 'content-type': 'application/json', ...headers } });
      assert.equal(res.statusCode, 200, res.body);
      return String(res.headers['set-cookie']);
    } finally {
      await app.close();
    }
  };
  assert.doesNotMatch(await cookieOf({ cookieSecure: 'auto' }), /;\s*Secure/i);
  assert.doesNotMatch(await cookieOf({ cookieSecure: 'auto', trustProxy: false }, { 'x-forwarded-proto': 'https' }), /;\s*Secure/i);
  assert.match(await cookieOf({ cookieSecure: 'auto', trustProxy: true }, { 'x-forwarded-proto': 'https' }), /;\s*Secure/i);
  assert.match(await cookieOf({ cookieSecure: 'always' }), /;\s*Secure/i);
  assert.doesNotMatch(await cookieOf({ cookieSecure: 'never', trustProxy: true }, { 'x-forwarded-proto': 'https' }), /;\s*Secure/i);
});

test('behind a trusted proxy the client is the address the proxy appended, not one the client wrote', async () => {
  await forgetFailures();
  const app = await buildApp({ ...t.ctx, config: { ...t.ctx.config, trustProxy: true } }, { logger: false });
  try {
    // The client wrote 6.6.6.6; the load balancer (10.0.0.1) appended the address it saw.
    await app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.0.0.1', payload: { username: 'nobody.proxy', password: 'not-the-password' }, headers: { 'x-forwarded-for': '6.6.6.6, 203.0.113.9' } });
    const failures = await t.db.kysely.selectFrom('login_failures').select('ip').execute();
    assert.deepEqual(failures.map((f) => f.ip), ['203.0.113.9'], 'varying X-Forwarded-For must not make a new client (the per-address throttle, the public limit, the trail)');
  } finally {
    await app.close();
  }
});

test('guessing the current password on the change form counts as failed sign-ins: a stolen session cannot try passwords without end', async () => {
  const u = await newUser('guess.current');
  const c = await logInClient(t.url, u.username, TEST_PASSWORD);
  for (let i = 0; i < MAX_FAILURES_PER_USERNAME; i++) {
    const res = await c.post('/api/me/password', { currentPassword: `Wrong-password-${i}x`, newPassword: 'A-fresh-secret-9911' });
    assert.equal(res.status, 401, `guess ${i + 1}`);
  }
  const locked = await c.post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'A-fresh-secret-9911' });
  assert.equal(locked.status, 429);
  assert.equal(locked.body.error.code, 'account_locked');
  assert.equal((await t.anonymous().post('/api/auth/login', { username: u.username, password: TEST_PASSWORD })).status, 429, 'sign-in is locked too');
});
