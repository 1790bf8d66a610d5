import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTestApp, type Client, type TestApp } from '../test/harness.ts';

let t: TestApp;
let admin: Client;
const counts = async () => ({
  users: Number((await t.db.kysely.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
  agencies: Number((await t.db.kysely.selectFrom('agencies').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
});

before(async () => {
  t = await startTestApp({ config: { bodyLimit: 4096 } as never });
  admin = await t.as('administrator');
});
after(() => t.close());

const validUser = () => ({
  username: 'new.worker',
  displayName: 'New Worker',
  agencyId: t.users.case_worker.agencyId,
  roles: ['case_worker'],
});

function assertErrorShape(body: any, code: string) {
  assert.equal(typeof body?.error, 'object', 'error envelope present');
  assert.equal(body.error.code, code);
  assert.equal(typeof body.error.message, 'string');
  assert.ok(Array.isArray(body.error.fields));
}

test('malformed JSON gets 400 invalid_json and writes nothing', async () => {
  const before = await counts();
  const res = await admin.request('POST', '/api/users', '{"username": "x",');
  assert.equal(res.status, 400);
  assertErrorShape(res.body, 'invalid_json');
  assert.deepEqual(await counts(), before);
});

test('an unknown field is named and rejected', async () => {
  const before = await counts();
  const res = await admin.post('/api/users', { ...validUser(), isSuperuser: true });
  assert.equal(res.status, 400);
  assertErrorShape(res.body, 'validation_failed');
  assert.deepEqual(res.body.error.fields, [{ path: 'isSuperuser', message: 'unknown field' }]);
  assert.deepEqual(await counts(), before);
});

test('wrong types name each offending field', async () => {
  const before = await counts();
  const res = await admin.post('/api/users', { ...validUser(), roles: 'case_worker', agencyId: 42 });
  assert.equal(res.status, 400);
  assertErrorShape(res.body, 'validation_failed');
  const paths = res.body.error.fields.map((f: { path: string }) => f.path).sort();
  assert.deepEqual(paths, ['agencyId', 'roles']);
  assert.deepEqual(await counts(), before);
});

test('an unknown role value is rejected with its array position', async () => {
  const res = await admin.post('/api/users', { ...validUser(), roles: ['case_worker', 'superhero'] });
  assert.equal(res.status, 400);
  assert.equal(res.body.error.fields[0].path, 'roles.1');
});

test('query-string errors are named with a query. prefix', async () => {
  const res = await admin.get('/api/users?limit=100000');
  assert.equal(res.status, 400);
  assert.equal(res.body.error.fields[0].path, 'query.limit');
});

test('an oversized body gets 413 payload_too_large and writes nothing', async () => {
  const before = await counts();
  const res = await admin.post('/api/users', { ...validUser(), displayName: 'x'.repeat(10_000) });
  assert.equal(res.status, 413);
  assertErrorShape(res.body, 'payload_too_large');
  assert.deepEqual(await counts(), before);
});

test('a non-JSON content type gets 415', async () => {
  const res = await admin.request('POST', '/api/agencies', 'code=x', { 'content-type': 'application/x-www-form-urlencoded' });
  assert.equal(res.status, 415);
  assertErrorShape(res.body, 'unsupported_media_type');
});

test('the valid request after all that succeeds, so the failures were the input, not the route', async () => {
  const res = await admin.post('/api/users', validUser());
  assert.equal(res.status, 201, JSON.stringify(res.body));
  assert.equal(res.body.username, 'new.worker');
});
