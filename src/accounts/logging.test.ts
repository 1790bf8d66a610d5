import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { buildApp } from '../http/app.ts';
import { loggerOptions } from '../http/logging.ts';
import type { App } from '../http/types.ts';
import { makeClient, startTestApp, type TestApp } from '../test/harness.ts';

let t: TestApp;
let logged: App;
let url: string;
const lines: string[] = [];
const stream = { write: (chunk: string) => void lines.push(chunk) };

const PASSWORD = 'Logging-secret-Zq81-horse';
const QUERY_VALUE = 'trafficked-person-name-xq7';
const WRONG_PASSWORD = 'Guessed-wrong-Kp44-secret';

before(async () => {
  t = await startTestApp();
  const admin = await t.as('administrator');
  const res = await admin.post('/api/users', { username: 'log.watcher', displayName: 'Log Watcher', agencyId: t.users.coordinator.agencyId, roles: ['coordinator'] });
  assert.equal(res.status, 201);
  const activated = await t.anonymous().post('/api/auth/reset', { username: 'log.watcher', code: res.body.oneTimeCode.code, newPassword: PASSWORD });
  assert.equal(activated.status, 200, JSON.stringify(activated.body));
  // The coordinator owes a second factor; the test reads only what an account without one may.
  assert.equal((await admin.put('/api/settings/security', { secondFactorRequiredRoles: [] })).status, 200);
  // A second app server on the same database, logging as production does, into a captured stream.
  const base = loggerOptions('info');
  assert.ok(base && typeof base === 'object');
  logged = await buildApp(t.ctx, { logger: { ...base, stream } });
  await logged.listen({ host: '127.0.0.1', port: 0 });
  url = `http://127.0.0.1:${(logged.server.address() as AddressInfo).port}`;
});
after(async () => {
  await logged.close();
  await t.close();
});

test('logs carry method, route pattern and status, but no password, session token, CSRF token or query value', async () => {
  const c = makeClient(url);
  const bad = await c.post('/api/auth/login', { username: 'log.watcher', password: WRONG_PASSWORD });
  assert.equal(bad.status, 401);
  const login = await c.post('/api/auth/login', { username: 'log.watcher', password: PASSWORD });
  assert.equal(login.status, 200);
  c.csrf = login.body.csrfToken;
  const token = decodeURIComponent((c.cookie ?? '').split('=')[1] ?? '');
  assert.ok(token.length >= 40);

  const search = await c.get(`/api/users?q=${QUERY_VALUE}&limit=5`);
  assert.equal(search.status, 200);
  const one = await c.get(`/api/users/${t.users.analyst.id}`);
  assert.equal(one.status, 200);
  const invalid = await c.get(`/api/users?limit=${QUERY_VALUE}`);
  assert.equal(invalid.status, 400);
  const missing = await c.get(`/api/no-such-route?secret=${QUERY_VALUE}`);
  assert.equal(missing.status, 404);
  const patch = await c.patch('/api/me', { language: 'en' });
  assert.equal(patch.status, 200);

  const text = lines.join('');
  assert.ok(lines.length >= 10, `expected request logs, got ${lines.length} lines`);
  const entries = lines.map((l) => JSON.parse(l) as { msg?: string; req?: { method: string; route: string }; res?: { statusCode: number } });

  // What is there: route patterns, not concrete paths.
  const routes = new Set(entries.map((e) => e.req?.route).filter(Boolean));
  for (const r of ['/api/auth/login', '/api/users', '/api/users/:id', '/api/me']) assert.ok(routes.has(r), `route ${r} logged; got ${[...routes].join(', ')}`);
  assert.ok(entries.some((e) => e.res?.statusCode === 401));
  assert.ok(entries.some((e) => e.req?.method === 'PATCH'));

  // What is not.
  for (const [what, secret] of [
    ['password', PASSWORD],
    ['wrong password', WRONG_PASSWORD],
    ['session token', token],
    ['CSRF token', login.body.csrfToken as string],
    ['query value', QUERY_VALUE],
    ['user id from the path', t.users.analyst.id],
    ['cookie name', 'azad_session='],
  ] as const) {
    assert.equal(text.includes(secret), false, `the log contains the ${what}`);
  }
  assert.doesNotMatch(text, /\?q=|\?limit=|\?secret=/);
});
