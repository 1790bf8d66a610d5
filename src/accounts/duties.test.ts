import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { encryptField } from '../crypto/fields.ts';
import { logInClient, startTestApp, TEST_PASSWORD, type Client, type TestApp } from '../test/harness.ts';
import { currentTotp, newTotpSecret } from './totp.ts';
import { createUser } from './users.ts';

let t: TestApp;
let admin: Client;
let second: Client;
let secondId: string;
const MINE = 'Admin-chosen-secret-4471';

before(async () => {
  t = await startTestApp();
  admin = await t.as('administrator');
  // A second administrator, enrolled as production requires.
  const { secret } = newTotpSecret('second.admin');
  const u = await t.db.kysely.transaction().execute((trx) =>
    createUser(trx, { username: 'second.admin', displayName: 'Second Admin', agencyId: t.users.administrator.agencyId, roles: ['administrator'], password: TEST_PASSWORD }, { actor: null }),
  );
  await t.db.kysely.updateTable('users').set({ totp_secret: encryptField(t.ctx.fieldKey, secret), totp_enabled: true }).where('id', '=', u.id).execute();
  secondId = u.id;
  second = await logInClient(t.url, 'second.admin', TEST_PASSWORD, currentTotp(secret));
});
after(() => t.close());

/** Every way the administrator might end up holding a session of `username` with `password`. */
async function signsInAs(username: string, password: string, code?: string): Promise<boolean> {
  const anon = t.anonymous();
  const tries = [await anon.post('/api/auth/login', { username, password })];
  if (code) tries.push(await anon.post('/api/auth/reset', { username, code, newPassword: password }));
  return tries.some((r) => r.status === 200);
}

test('an administrator cannot sign in as another user by any sequence of API calls', async () => {
  const { auditor, coordinator, case_worker: caseWorker } = t.users;
  // Each victim has signed in before (a real account, not one that waits for activation).
  await t.as('auditor');
  await t.as('coordinator');
  await t.as('case_worker');

  // 1. Setting a password: the field no longer exists, on update or on creation.
  for (const target of [auditor, coordinator, caseWorker]) {
    const res = await admin.patch(`/api/users/${target.id}`, { password: MINE });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.fields[0].path, 'password');
    assert.equal(await signsInAs(target.username, MINE), false, target.username);
  }
  const known = await admin.post('/api/users', { username: 'puppet.one', displayName: 'Puppet', agencyId: t.users.case_worker.agencyId, roles: ['case_worker'], password: MINE });
  assert.equal(known.status, 400);
  assert.equal(await signsInAs('puppet.one', MINE), false);

  // 2. A reset of the auditor waits for a second administrator; the first cannot approve it.
  const auditorReset = await admin.post(`/api/users/${auditor.id}/reset`);
  assert.equal(auditorReset.status, 202);
  assert.equal((await admin.post(`/api/account-changes/${auditorReset.body.pending.id}/approve`)).status, 403);

  // 3. A reset of an account with a second factor: the administrator learns a code, sets a password, and is still asked for the factor.
  const coordReset = await admin.post(`/api/users/${coordinator.id}/reset`);
  assert.equal(coordReset.status, 201);
  const completed = await t.anonymous().post('/api/auth/reset', { username: coordinator.username, code: coordReset.body.code, newPassword: MINE });
  assert.equal(completed.status, 401);
  assert.equal(completed.body.error.code, 'second_factor_required');
  assert.equal(await signsInAs(coordinator.username, MINE, coordReset.body.code), false);

  // 4. Remove the coordinator's factor, then reset: the reset now waits for a second administrator.
  const totpReset = await admin.patch(`/api/users/${coordinator.id}`, { resetSecondFactor: true });
  assert.equal(totpReset.status, 200);
  const afterFactor = await admin.post(`/api/users/${coordinator.id}/reset`);
  assert.equal(afterFactor.status, 202);
  // The code issued while the factor stood died with it.
  assert.equal((await t.anonymous().post('/api/auth/reset', { username: coordinator.username, code: coordReset.body.code, newPassword: MINE })).status, 401);
  // An enrolment code opens nothing without the coordinator's own password.
  const enrol = await admin.post(`/api/users/${coordinator.id}/enrolment-code`);
  assert.equal(enrol.status, 201);
  assert.equal(await signsInAs(coordinator.username, MINE, enrol.body.code), false);

  // 5. A reset of an account without a second factor (the case worker) waits too.
  assert.equal((await admin.post(`/api/users/${caseWorker.id}/reset`)).status, 202);

  // 6. Second-factor resets, reactivation and role changes of the auditor wait for approval.
  assert.equal((await admin.patch(`/api/users/${auditor.id}`, { resetSecondFactor: true })).status, 202);
  assert.equal((await admin.patch(`/api/users/${auditor.id}`, { roles: ['analyst'] })).status, 202);
  const row = await t.db.kysely.selectFrom('users').select(['totp_enabled', 'roles']).where('id', '=', auditor.id).executeTakeFirstOrThrow();
  assert.deepEqual(row, { totp_enabled: true, roles: ['auditor'] });

  // 7. Giving themselves a role or a new auditor account they control.
  assert.equal((await admin.patch(`/api/users/${t.users.administrator.id}`, { roles: ['administrator', 'analyst'] })).status, 403);
  assert.equal((await admin.patch(`/api/users/${t.users.administrator.id}`, { resetSecondFactor: true })).status, 403);
  const newAuditor = await admin.post('/api/users', { username: 'shadow.auditor', displayName: 'Shadow', agencyId: t.users.auditor.agencyId, roles: ['auditor'] });
  assert.equal(newAuditor.status, 202);
  assert.equal('oneTimeCode' in newAuditor.body, false);
  assert.equal((await admin.post(`/api/account-changes/${newAuditor.body.pending.id}/approve`)).status, 403);
  assert.equal(await t.db.kysely.selectFrom('users').select('id').where('username', '=', 'shadow.auditor').executeTakeFirst(), undefined);

  // Nothing above produced a session for anyone but the administrator.
  const sessions = await t.db.kysely.selectFrom('sessions').select('user_id').where('created_at', '>', new Date(Date.now() - 60_000)).execute();
  const others = sessions.filter((s) => ![t.users.administrator.id, secondId, auditor.id, coordinator.id, caseWorker.id].includes(s.user_id));
  assert.deepEqual(others, []);
  const coordRow = await t.db.kysely.selectFrom('users').select('password_hash').where('id', '=', coordinator.id).executeTakeFirstOrThrow();
  assert.ok(coordRow.password_hash.startsWith('$argon2id$'));
  assert.notEqual((await t.anonymous().post('/api/auth/login', { username: coordinator.username, password: MINE })).status, 200);
});

test('a second administrator approves: the change applies, the code goes to the approver, the trail has both', async () => {
  const { analyst } = t.users;
  await t.as('analyst');
  const proposed = await admin.post(`/api/users/${analyst.id}/reset`);
  assert.equal(proposed.status, 202);
  const id = proposed.body.pending.id as string;
  const list = await second.get('/api/account-changes?status=pending');
  assert.ok(list.body.items.some((c: { id: string; requestedBy: string; username: string }) => c.id === id && c.requestedBy === t.users.administrator.username && c.username === analyst.username));
  assert.equal((await (await t.as('auditor')).get('/api/account-changes')).status, 403);

  const approved = await second.post(`/api/account-changes/${id}/approve`);
  assert.equal(approved.status, 200, JSON.stringify(approved.body));
  assert.equal(approved.body.change.status, 'approved');
  assert.equal(approved.body.change.decidedBy, 'second.admin');
  assert.equal((await second.post(`/api/account-changes/${id}/approve`)).status, 409);
  const done = await t.anonymous().post('/api/auth/reset', { username: analyst.username, code: approved.body.oneTimeCode.code, newPassword: 'Analyst-own-choice-8812' });
  assert.equal(done.status, 200);

  // A new auditor, proposed by one and approved by the other, gets an activation code.
  const proposal = await admin.post('/api/users', { username: 'new.auditor', displayName: 'New Auditor', agencyId: t.users.auditor.agencyId, roles: ['auditor'] });
  assert.equal(proposal.status, 202);
  const made = await second.post(`/api/account-changes/${proposal.body.pending.id}/approve`);
  assert.equal(made.status, 200, JSON.stringify(made.body));
  assert.equal(made.body.user.username, 'new.auditor');
  await t.activate('new.auditor', made.body.oneTimeCode.code);

  // Turned down: nothing changes.
  const demote = await admin.patch(`/api/users/${t.users.auditor.id}`, { roles: ['analyst'] });
  const rejected = await second.post(`/api/account-changes/${demote.body.pending.id}/reject`);
  assert.equal(rejected.body.status, 'rejected');
  assert.equal((await second.post(`/api/account-changes/${demote.body.pending.id}/approve`)).status, 409);

  const actions = (await t.db.kysely.selectFrom('audit_log').select('action').execute()).map((r) => r.action);
  for (const a of ['users.change_proposed', 'users.change_approved', 'users.change_rejected', 'users.code_issued', 'users.password_reset']) assert.ok(actions.includes(a), a);
});

test('a one-time code expires and is useless for another account', async () => {
  const made = await admin.post('/api/users', { username: 'late.starter', displayName: 'Late', agencyId: t.users.case_worker.agencyId, roles: ['case_worker'] });
  assert.equal(made.status, 201);
  const code = made.body.oneTimeCode.code as string;
  assert.equal((await t.anonymous().post('/api/auth/reset', { username: t.users.hotline_operator.username, code, newPassword: MINE })).status, 401);
  await t.db.kysely.updateTable('account_codes').set({ expires_at: new Date(Date.now() - 1000) }).where('user_id', '=', made.body.id).execute();
  assert.equal((await t.anonymous().post('/api/auth/reset', { username: 'late.starter', code, newPassword: MINE })).status, 401);
});
