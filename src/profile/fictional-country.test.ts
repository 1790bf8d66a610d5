import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../test/harness.ts';

// The whole app on Zedland's profile: nothing may assume Azerbaijan.
let t: TestApp;
before(async () => {
  t = await startTestApp({ profile: 'zz' });
});
after(() => t.close());

test('the app serves the fictional profile and only its agencies', async () => {
  const c = await t.as('coordinator');
  const profile = await c.get('/api/profile');
  assert.equal(profile.status, 200);
  assert.equal(profile.body.settings.code, 'ZZ');
  assert.equal(profile.body.settings.reflectionPeriodDays, 45);
  const agencies = await c.get('/api/agencies');
  const codes = agencies.body.items.map((a: { code: string }) => a.code).sort();
  assert.deepEqual(codes, profile.body.agencies.map((a: { code: string }) => a.code).sort());
  assert.ok(!codes.some((code: string) => code.includes('mia') || code.includes('baku')));
});

test('accounts work the same on another country: create, sign in, audit', async () => {
  const admin = await t.as('administrator');
  const res = await admin.post('/api/users', { username: 'zed.worker', displayName: 'Zed Worker', agencyId: t.users.case_worker.agencyId, roles: ['case_worker'] });
  assert.equal(res.status, 201);
  await t.activate('zed.worker', res.body.oneTimeCode.code);
  const login = await t.anonymous().post('/api/auth/login', { username: 'zed.worker', password: TEST_PASSWORD });
  assert.equal(login.status, 200);
  const verify = await (await t.as('auditor')).get('/api/audit/verify');
  assert.equal(verify.body.ok, true);
});

test('an agency region must come from this profile', async () => {
  const admin = await t.as('administrator');
  const bad = await admin.post('/api/agencies', { code: 'zed_ngo_two', name: { en: 'Second Zed NGO', az: 'İkinci Zed QHT' }, kind: 'ngo', level: 'ngo', regionCode: 'baku' });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error.fields[0].path, 'regionCode');
});
