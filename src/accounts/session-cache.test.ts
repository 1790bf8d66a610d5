import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { noteStatement, watchedGeneration } from '../db/watched-writes.ts';
import { logInClient, makeClient, startTestApp, TEST_PASSWORD, type TestApp } from '../test/harness.ts';

// On PGlite the session behind a cookie is read once and kept (sessions.ts); every way a session
// ends or a user changes must still count from the very next request. Two requests first, so the
// copy is in use when the change comes. On PostgreSQL nothing is kept and the same must hold.
let t: TestApp;
let admin: Awaited<ReturnType<TestApp['as']>>;
before(async () => {
  t = await startTestApp();
  admin = await t.as('administrator');
});
after(() => t.close());

async function signedIn(username: string) {
  const res = await admin.post('/api/users', { username, displayName: `User ${username}`, agencyId: t.users.case_worker.agencyId, roles: ['case_worker'] });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  await t.activate(username, res.body.oneTimeCode.code);
  const c = await logInClient(t.url, username, TEST_PASSWORD);
  for (let i = 0; i < 2; i++) assert.equal((await c.get('/api/persons')).status, 200);
  return { c, id: res.body.id as string };
}

test('signing out counts from the next request, even with the cookie replayed', async () => {
  const { c } = await signedIn('cache.signout');
  const replay = makeClient(t.url, c.cookie, c.csrf);
  assert.equal((await c.post('/api/auth/logout')).status, 204);
  assert.equal((await replay.get('/api/persons')).status, 401);
});

test('a user disabled by an administrator is refused on the next request', async () => {
  const { c, id } = await signedIn('cache.disabled');
  const res = await admin.patch(`/api/users/${id}`, { active: false });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.equal((await c.get('/api/persons')).status, 401);
});

test('a session ended from another session of the same user is refused on the next request', async () => {
  const { c } = await signedIn('cache.ended');
  const other = await logInClient(t.url, 'cache.ended', TEST_PASSWORD);
  assert.equal((await other.post('/api/me/sessions/end-others')).status, 204);
  assert.equal((await c.get('/api/persons')).status, 401);
  assert.equal((await other.get('/api/persons')).status, 200);
});

test('roles changed in the database are the roles of the next request', async () => {
  const { c, id } = await signedIn('cache.roles');
  await t.db.kysely.updateTable('users').set({ roles: ['administrator'] }).where('id', '=', id).execute();
  assert.equal((await c.get('/api/persons')).status, 403);
});

test('a statement that may write sessions or users moves the generation on; a plain select does not', () => {
  const g = watchedGeneration();
  noteStatement('select "sessions"."id" from "sessions" inner join "users" on "users"."id" = "sessions"."user_id"');
  noteStatement('insert into "persons" ("case_code") values ($1)');
  assert.equal(watchedGeneration(), g);
  for (const s of ['update "users" set "active" = $1', 'delete from "sessions" where "id" = $1', 'with x as (delete from sessions) select 1', 'alter table users add column x int', 'update sessions s set second_factor_done = false from users u']) noteStatement(s);
  assert.equal(watchedGeneration(), g + 5);
});
