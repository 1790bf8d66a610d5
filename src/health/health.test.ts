import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTestApp, testServerUrl, type TestApp } from '../test/harness.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

test('GET /api/health answers ok with the database kind and version', async () => {
  const res = await t.anonymous().get('/api/health');
  assert.equal(res.status, 200);
  assert.deepEqual(res.body, { status: 'ok', database: testServerUrl() ? 'postgres' : 'pglite', version: t.ctx.version });
});

test('security headers are set on every response', async () => {
  const res = await t.anonymous().get('/api/health');
  assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'self'/);
  assert.match(res.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(res.headers.get('x-frame-options'), 'DENY');
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

test('an unknown API path gets a 404 in the one error format', async () => {
  const res = await t.anonymous().get('/api/nothing-here');
  assert.equal(res.status, 404);
  assert.equal(res.body.error.code, 'not_found');
});
