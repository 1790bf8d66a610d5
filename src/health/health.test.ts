import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { startTestApp, testServerUrl, type TestApp } from '../test/harness.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

test('GET /api/health tells anyone only that the service answers: no version, no database kind', async () => {
  const res = await t.anonymous().get('/api/health');
  assert.equal(res.status, 200);
  assert.deepEqual(res.body, { status: 'ok' });
  assert.doesNotMatch(JSON.stringify((await (await t.as('administrator')).get('/api/health')).body), /pglite|postgres|\d+\.\d+\.\d+/);
});

test('security headers are set on every response', async () => {
  const res = await t.anonymous().get('/api/health');
  assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'self'/);
  assert.match(res.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(res.headers.get('x-frame-options'), 'DENY');
});

test('no API answer may be kept in a cache: the data, the sign-in and the errors', async () => {
  const coordinator = await t.as('coordinator');
  for (const res of [await coordinator.get('/api/me'), await coordinator.get('/api/persons'), await coordinator.get('/api/persons/00000000-0000-4000-8000-000000000000'), await t.anonymous().get('/api/health')]) {
    assert.equal(res.headers.get('cache-control'), 'no-store', JSON.stringify(res.body).slice(0, 80));
  }
  const login = await t.anonymous().post('/api/auth/login', { username: 'nobody-here', password: 'not-the-password' });
  assert.equal(login.status, 401);
  assert.equal(login.headers.get('cache-control'), 'no-store');
});

test('the OpenAPI 3.1 document lists the API and the docs page renders', async () => {
  const res = await t.anonymous().get('/api/openapi.json');
  assert.equal(res.status, 200);
  assert.equal(res.body.openapi, '3.1.0');
  assert.ok(res.body.paths['/api/users']);
  assert.ok(res.body.paths['/api/auth/login'].post.requestBody);
  const docs = await t.anonymous().get('/api/docs/');
  assert.equal(docs.status, 200);
  assert.match(String(docs.body), /swagger/i);
});

test('on PostgreSQL, losing idle connections (a server restart) does not bring the app down', { skip: !testServerUrl() && 'PostgreSQL only' }, async () => {
  // Fill the pool with a few idle connections, then have the server end all of them but ours.
  await Promise.all([1, 2, 3, 4].map(() => t.anonymous().get('/api/health')));
  await sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`.execute(t.db.kysely);
  await new Promise((r) => setTimeout(r, 200));
  for (let i = 0; i < 5; i++) assert.equal((await t.anonymous().get('/api/health')).status, 200);
});

test('an unknown API path gets a 404 in the one error format', async () => {
  const res = await t.anonymous().get('/api/nothing-here');
  assert.equal(res.status, 404);
  assert.equal(res.body.error.code, 'not_found');
});
