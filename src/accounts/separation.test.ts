import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTestApp, type Client, type TestApp } from '../test/harness.ts';

let t: TestApp;
let admin: Client;
before(async () => {
  t = await startTestApp();
  admin = await t.as('administrator');
});
after(() => t.close());

test('an administrator cannot grant themself a role that reaches victims, nor change their own account', async () => {
  const self = await admin.patch(`/api/users/${t.users.administrator.id}`, { roles: ['administrator', 'coordinator'] });
  assert.equal(self.status, 403);
  assert.equal((await admin.patch(`/api/users/${t.users.administrator.id}`, { roles: ['administrator'] })).status, 403);
  const row = await t.db.kysely.selectFrom('users').select('roles').where('id', '=', t.users.administrator.id).executeTakeFirstOrThrow();
  assert.deepEqual(row.roles, ['administrator']);
  assert.equal((await admin.get('/api/persons')).status, 403);
  // Their display name is still theirs to change.
  assert.equal((await admin.patch(`/api/users/${t.users.administrator.id}`, { displayName: 'Chief Admin' })).status, 200);
});

test('administrator and auditor roles do not combine with victim-data roles or with each other', async () => {
  const base = { displayName: 'Mixed', agencyId: t.users.coordinator.agencyId };
  for (const roles of [['administrator', 'coordinator'], ['auditor', 'case_worker'], ['administrator', 'auditor']]) {
    const res = await admin.post('/api/users', { ...base, username: `mixed.${roles.join('-').replace(/_/g, '')}`, roles });
    assert.equal(res.status, 400, roles.join('+'));
    assert.equal(res.body.error.fields[0].path, 'roles');
  }
  // Allowed, but an auditor account waits for a second administrator.
  const ok = await admin.post('/api/users', { ...base, username: 'fine.analyst.auditor', roles: ['analyst', 'auditor'] });
  assert.equal(ok.status, 202);
  const other = await admin.patch(`/api/users/${t.users.coordinator.id}`, { roles: ['coordinator', 'administrator'] });
  assert.equal(other.status, 400);
});
