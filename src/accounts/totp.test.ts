import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { decryptField } from '../crypto/fields.ts';
import { createUser } from './users.ts';
import { logInClient, startTestApp, TEST_PASSWORD, type Client, type TestApp } from '../test/harness.ts';
import { currentTotp, totpStep } from './totp.ts';

let t: TestApp;
let admin: Client;

before(async () => {
  t = await startTestApp();
  admin = await t.as('administrator');
});
after(() => t.close());

const login = (username: string, totp?: string) => t.anonymous().post('/api/auth/login', { username, password: TEST_PASSWORD, ...(totp ? { totp } : {}) });

// Each accepted code claims its time step, so a test needs a later step for every use:
// the window allows the previous, current and next step, in that order.
const uses = new Map<string, number>();
function freshCode(secret: string): string {
  const i = uses.get(secret) ?? -1;
  if (i > 1) throw new Error('a test may use at most three codes per secret');
  uses.set(secret, i + 1);
  return currentTotp(secret, Date.now() + i * 30_000);
}

/** A six-digit code the server would reject for this secret right now (not in the ±1 step window). */
function wrongCode(secret: string, username: string): string {
  for (let n = 0; ; n += 7919) {
    const code = String(n % 1_000_000).padStart(6, '0');
    if (totpStep(secret, username, code) === null) return code;
  }
}

async function enrol(c: Client, code?: string): Promise<string> {
  const setup = await c.post('/api/me/totp/setup', code ? { code } : {});
  assert.equal(setup.status, 200, JSON.stringify(setup.body));
  assert.match(setup.body.secret, /^[A-Z2-7]{16,}$/);
  assert.match(setup.body.otpauthUrl, /^otpauth:\/\/totp\//);
  const enable = await c.post('/api/me/totp/enable', { code: freshCode(setup.body.secret) });
  assert.equal(enable.status, 204, JSON.stringify(enable.body));
  return setup.body.secret as string;
}

test('by default the roles that reach the trail, every account, identities or the registry must use a second factor', async () => {
  assert.deepEqual((await admin.get('/api/settings/security')).body, { secondFactorRequiredRoles: ['administrator', 'auditor', 'coordinator', 'police_investigator', 'prosecutor'] });
  // The harness's users of those roles are enrolled: a password alone does not sign them in.
  const res = await login(t.users.prosecutor.username);
  assert.equal(res.status, 401);
  assert.equal(res.body.error.code, 'second_factor_required');
});

test('enrolment, then login needs the code: missing → 401 second_factor_required, wrong → 401, right → 200', async () => {
  const username = t.users.analyst.username;
  const c = await t.as('analyst');
  const setup = await c.post('/api/me/totp/setup');
  assert.equal(setup.status, 200);
  const secret = setup.body.secret as string;
  // A wrong code does not enable the factor.
  const bad = await c.post('/api/me/totp/enable', { code: wrongCode(secret, username) });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error.fields[0].path, 'code');
  assert.equal((await login(username)).status, 200, 'still a password-only account');

  const enable = await c.post('/api/me/totp/enable', { code: freshCode(secret) });
  assert.equal(enable.status, 204);
  assert.equal((await c.get('/api/me')).body.user.totpEnabled, true);

  const noCode = await login(username);
  assert.equal(noCode.status, 401);
  assert.equal(noCode.body.error.code, 'second_factor_required');
  assert.deepEqual(noCode.body.error.fields.map((f: { path: string }) => f.path), ['totp']);
  assert.equal(noCode.headers.get('set-cookie'), null);

  const wrong = await login(username, wrongCode(secret, username));
  assert.equal(wrong.status, 401);
  assert.equal(wrong.body.error.code, 'invalid_credentials');
  assert.equal(wrong.headers.get('set-cookie'), null);

  const code = freshCode(secret);
  const right = await login(username, code);
  assert.equal(right.status, 200);
  // RFC 6238 §5.2: a code is good once; an eavesdropped code cannot be replayed.
  const replay = await login(username, code);
  assert.equal(replay.status, 401);
  assert.equal(replay.body.error.code, 'invalid_credentials');
  assert.match(right.headers.get('set-cookie') ?? '', /^azad_session=/);
  assert.equal(right.body.secondFactorEnrolmentRequired, false);

  // The code does not stand in for the password.
  const wrongPassword = await t.anonymous().post('/api/auth/login', { username, password: 'Wrong-password-99', totp: currentTotp(secret) });
  assert.equal(wrongPassword.status, 401);
  assert.equal(wrongPassword.body.error.code, 'invalid_credentials');
});

test('the TOTP secret is stored encrypted', async () => {
  const user = await t.db.kysely.transaction().execute((trx) =>
    createUser(trx, { username: 'secret.keeper', displayName: 'Secret Keeper', agencyId: t.users.analyst.agencyId, roles: ['analyst'], password: TEST_PASSWORD }, { actor: null }),
  );
  const secret = await enrol(await logInClient(t.url, user.username, TEST_PASSWORD));
  const row = await t.db.kysely.selectFrom('users').select(['totp_secret', 'totp_enabled']).where('id', '=', user.id).executeTakeFirstOrThrow();
  assert.equal(row.totp_enabled, true);
  assert.ok(row.totp_secret);
  const bytes = Buffer.from(row.totp_secret);
  for (const encoding of ['utf8', 'latin1', 'hex', 'base64'] as const) {
    assert.equal(bytes.toString(encoding).includes(secret), false, `secret visible as ${encoding}`);
  }
  assert.equal(bytes.includes(Buffer.from(secret)), false);
  // It is the secret, under the deployment key.
  assert.equal(decryptField(t.ctx.fieldKey, row.totp_secret), secret);
});

test('a role that requires 2FA: login flags enrolment, everything but /api/me is refused until enrolled', async () => {
  const put = await admin.put('/api/settings/security', { secondFactorRequiredRoles: ['case_worker'] });
  assert.equal(put.status, 200);
  assert.deepEqual((await admin.get('/api/settings/security')).body, { secondFactorRequiredRoles: ['case_worker'] });

  const res = await login(t.users.case_worker.username);
  assert.equal(res.status, 200);
  assert.equal(res.body.secondFactorEnrolmentRequired, true);
  const c = await logInClient(t.url, t.users.case_worker.username, TEST_PASSWORD);

  for (const path of ['/api/agencies', '/api/users', '/api/profile']) {
    const denied = await c.get(path);
    assert.equal(denied.status, 401, path);
    assert.equal(denied.body.error.code, 'second_factor_required', path);
  }
  const me = await c.get('/api/me');
  assert.equal(me.status, 200);
  assert.equal(me.body.secondFactorEnrolmentRequired, true);

  // Other roles are not affected.
  assert.equal((await (await t.as('hotline_operator')).get('/api/agencies')).status, 200);

  // The password alone does not enrol a factor: an administrator's one-time code must come with it.
  const noCode = await c.post('/api/me/totp/setup', {});
  assert.equal(noCode.status, 400);
  assert.equal(noCode.body.error.fields[0].path, 'code');
  assert.equal((await c.post('/api/me/totp/setup', { code: 'AAAAA-BBBBB-CCCCC-DDDDD' })).status, 400);
  const issued = await admin.post(`/api/users/${t.users.case_worker.id}/enrolment-code`);
  assert.equal(issued.status, 201, JSON.stringify(issued.body));
  const secret = await enrol(c, issued.body.code);
  // The code was single-use.
  assert.equal((await (await logInClient(t.url, t.users.hotline_operator.username, TEST_PASSWORD)).post('/api/me/totp/setup', { code: issued.body.code })).status, 200, 'an optional enrolment needs no code');
  assert.equal((await c.get('/api/agencies')).status, 200);
  assert.equal((await c.get('/api/me')).body.secondFactorEnrolmentRequired, false);

  // The next login asks for the code and is complete with it.
  assert.equal((await login(t.users.case_worker.username)).body.error.code, 'second_factor_required');
  const next = await logInClient(t.url, t.users.case_worker.username, TEST_PASSWORD, freshCode(secret));
  assert.equal((await next.get('/api/agencies')).status, 200);

  // A user whose role requires the factor cannot turn it off.
  const disable = await next.post('/api/me/totp/disable', { code: freshCode(secret) });
  assert.equal(disable.status, 403);
  assert.equal(disable.body.error.code, 'forbidden');
  const row = await t.db.kysely.selectFrom('users').select(['totp_enabled', 'totp_secret']).where('id', '=', t.users.case_worker.id).executeTakeFirstOrThrow();
  assert.equal(row.totp_enabled, true);
  assert.ok(row.totp_secret);
});

test('a user whose role does not require it can turn 2FA off with a valid code', async () => {
  const c = await t.as('agency_reporter');
  const secret = await enrol(c);
  const username = t.users.agency_reporter.username;
  const wrong = await c.post('/api/me/totp/disable', { code: wrongCode(secret, username) });
  assert.equal(wrong.status, 400);
  const off = await c.post('/api/me/totp/disable', { code: freshCode(secret) });
  assert.equal(off.status, 204);
  const row = await t.db.kysely.selectFrom('users').select(['totp_enabled', 'totp_secret']).where('id', '=', t.users.agency_reporter.id).executeTakeFirstOrThrow();
  assert.equal(row.totp_enabled, false);
  assert.equal(row.totp_secret, null);
  assert.equal((await login(username)).status, 200);
});

test('requiring 2FA for a role holds back users of that role who are already signed in', async () => {
  const c = await t.as('hotline_operator');
  assert.equal((await c.get('/api/agencies')).status, 200);
  const put = await admin.put('/api/settings/security', { secondFactorRequiredRoles: ['case_worker', 'hotline_operator'] });
  assert.equal(put.status, 200);
  const held = await c.get('/api/agencies');
  assert.equal(held.status, 401);
  assert.equal(held.body.error.code, 'second_factor_required');
  assert.equal((await c.get('/api/me')).body.secondFactorEnrolmentRequired, true);
  // Someone else's open session is untouched.
  assert.equal((await admin.get('/api/settings/security')).status, 200);
});

test('wrong codes to turn 2FA off count as failed sign-ins: a stolen session cannot walk the million codes', async () => {
  const user = await t.db.kysely.transaction().execute((trx) =>
    createUser(trx, { username: 'code.guesser', displayName: 'Code Guesser', agencyId: t.users.analyst.agencyId, roles: ['analyst'], password: TEST_PASSWORD }, { actor: null }),
  );
  const c = await logInClient(t.url, user.username, TEST_PASSWORD);
  const secret = await enrol(c);
  for (let i = 0; i < 5; i++) assert.equal((await c.post('/api/me/totp/disable', { code: wrongCode(secret, user.username) })).status, 400, `guess ${i + 1}`);
  const locked = await c.post('/api/me/totp/disable', { code: freshCode(secret) });
  assert.equal(locked.status, 429);
  assert.equal(locked.body.error.code, 'account_locked');
  assert.equal((await t.db.kysely.selectFrom('users').select('totp_enabled').where('id', '=', user.id).executeTakeFirstOrThrow()).totp_enabled, true);
});
