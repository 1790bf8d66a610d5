import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { agencyId, daysAgo, intake, refer, userAt } from '../test/factories.ts';
import { startTestApp, type Client, type TestApp } from '../test/harness.ts';

let t: TestApp;
let police: Client;
let ngoA: Client;
let ngoB: Client;
let ssa: Client;
let shelter: Client;
let ids: { ngoA: string; ngoB: string; ssa: string };

before(async () => {
  t = await startTestApp();
  police = await t.as('police_investigator');
  shelter = await t.as('case_worker'); // works at the MIA shelter
  ngoA = await userAt(t, 'clean_world', 'case_worker', 'ngo.a.worker');
  ngoB = await userAt(t, 'tamas', 'case_worker', 'ngo.b.worker');
  ssa = await userAt(t, 'social_services_agency', 'case_worker', 'ssa.worker');
  ids = { ngoA: await agencyId(t, 'clean_world'), ngoB: await agencyId(t, 'tamas'), ssa: await agencyId(t, 'social_services_agency') };
});
after(() => t.close());

const listed = async (c: Client) => ((await c.get('/api/persons?limit=200')).body.items ?? []).map((p: { id: string }) => p.id) as string[];

test('each agency sees exactly the persons referred to it, in lists and single reads', async () => {
  const p1 = await intake(police);
  const p2 = await intake(police);
  await refer(police, p1.id, ids.ngoA);
  // Referral without consent needs a reason, and the override is audited.
  const noConsent = await police.post(`/api/persons/${p2.id}/referrals`, { toAgencyId: ids.ssa });
  assert.equal(noConsent.status, 400);
  assert.equal(noConsent.body.error.fields[0].path, 'consentOverrideReason');
  const override = await police.post(`/api/persons/${p2.id}/referrals`, { toAgencyId: ids.ssa, consentOverrideReason: 'Person is a minor; guardian unreachable tonight' });
  assert.equal(override.status, 201);
  const audit = await t.db.kysely.selectFrom('audit_log').select(['action', 'details']).where('action', '=', 'referrals.create_without_consent').where('target_id', '=', p2.id).executeTakeFirst();
  assert.ok(audit, 'override audited');

  assert.deepEqual(await listed(ngoA), [p1.id]);
  assert.deepEqual(await listed(ssa), [p2.id]);
  assert.deepEqual(await listed(ngoB), []);
  assert.deepEqual(await listed(shelter), []);
  const policeSees = await listed(police);
  assert.ok(policeSees.includes(p1.id) && policeSees.includes(p2.id));

  assert.equal((await ngoA.get(`/api/persons/${p1.id}`)).status, 200);
  assert.ok((await ngoA.get(`/api/persons/${p1.id}`)).body.identity, 'the receiving case worker sees the identity');
  for (const [c, id] of [[ngoB, p1.id], [shelter, p1.id], [ngoA, p2.id], [ssa, p1.id]] as const) {
    const res = await c.get(`/api/persons/${id}`);
    assert.equal(res.status, 404, 'not visible looks exactly like not existing');
    assert.equal((await c.get(`/api/persons/${id}/timeline`)).status, 404);
    assert.equal((await c.post(`/api/persons/${id}/assistance`, { kind: 'psychological', providerAgencyId: ids.ngoB, date: daysAgo(1) })).status, 404);
  }
  const analyst = await t.as('analyst');
  assert.equal((await analyst.get('/api/persons')).status, 403);
});

test('the inbox shows referrals to the agency; accept, complete; a decline ends access at once', async () => {
  const p = await intake(police);
  const ref = await refer(police, p.id, ids.ngoB);
  const inbox = await ngoB.get('/api/referrals?status=sent');
  assert.ok(inbox.body.items.some((r: { id: string; caseCode: string }) => r.id === ref && r.caseCode === p.caseCode));
  assert.equal((await ngoA.get('/api/referrals')).body.items.some((r: { id: string }) => r.id === ref), false);

  // Only the receiver answers; the sender cannot accept on its behalf.
  assert.equal((await police.patch(`/api/referrals/${ref}`, { status: 'accepted' })).status, 403);
  assert.equal((await ngoA.patch(`/api/referrals/${ref}`, { status: 'accepted' })).status, 404);
  assert.equal((await ngoB.patch(`/api/referrals/${ref}`, { status: 'declined' })).status, 204);
  assert.equal((await ngoB.get(`/api/persons/${p.id}`)).status, 404, 'declined: access ended');
  assert.equal((await ngoB.patch(`/api/referrals/${ref}`, { status: 'accepted' })).status, 404, 'a declined referral is gone for the agency');
  assert.ok(!(await ngoB.get('/api/referrals')).body.items.some((r: { id: string }) => r.id === ref), 'and no longer names the person in the inbox');
  const stuck = await police.patch(`/api/referrals/${ref}`, { status: 'revoked' });
  assert.equal(stuck.status, 409, 'a declined referral is final');

  const again = await refer(police, p.id, ids.ngoB);
  assert.equal((await ngoB.patch(`/api/referrals/${again}`, { status: 'accepted' })).status, 204);
  assert.equal((await ngoB.get(`/api/persons/${p.id}`)).status, 200);
  assert.equal((await ngoB.patch(`/api/referrals/${again}`, { status: 'completed' })).status, 204);
  assert.equal((await ngoB.get(`/api/persons/${p.id}`)).status, 200, 'completed keeps the history visible');
});

test('a revoked referral ends access; only the referring side may revoke', async () => {
  const p = await intake(police);
  const ref = await refer(police, p.id, ids.ngoA);
  assert.equal((await ngoA.patch(`/api/referrals/${ref}`, { status: 'accepted' })).status, 204);
  assert.equal((await ngoA.patch(`/api/referrals/${ref}`, { status: 'revoked' })).status, 403);
  assert.equal((await police.patch(`/api/referrals/${ref}`, { status: 'revoked' })).status, 204);
  assert.equal((await ngoA.get(`/api/persons/${p.id}`)).status, 404);
  assert.ok(!(await listed(ngoA)).includes(p.id));
});

test('a case worker can refer onward only persons referred to them', async () => {
  const p = await intake(police);
  const ref = await refer(police, p.id, ids.ngoA);
  await ngoA.patch(`/api/referrals/${ref}`, { status: 'accepted' });
  const onward = await refer(ngoA, p.id, ids.ssa);
  assert.ok(onward);
  assert.equal((await ssa.get(`/api/persons/${p.id}`)).status, 200);
  const other = await intake(police);
  assert.equal((await ngoA.post(`/api/persons/${other.id}/referrals`, { toAgencyId: ids.ssa, consentOverrideReason: 'trying to reach a stranger' })).status, 404);
});

test('withdrawing referral consent ends the receiving agency\'s access at once, even to a completed referral', async () => {
  const open = await intake(police);
  const done = await intake(police);
  const refOpen = await refer(police, open.id, ids.ngoA);
  const refDone = await refer(police, done.id, ids.ngoA);
  assert.equal((await ngoA.patch(`/api/referrals/${refOpen}`, { status: 'accepted' })).status, 204);
  assert.equal((await ngoA.patch(`/api/referrals/${refDone}`, { status: 'accepted' })).status, 204);
  assert.equal((await ngoA.patch(`/api/referrals/${refDone}`, { status: 'completed' })).status, 204);
  for (const p of [open, done]) assert.equal((await ngoA.get(`/api/persons/${p.id}`)).status, 200);

  for (const p of [open, done]) {
    const withdrawn = await police.post(`/api/persons/${p.id}/consents`, { purpose: 'referral', agencyId: ids.ngoA, given: false, recordedOn: daysAgo(0) });
    assert.equal(withdrawn.status, 201, JSON.stringify(withdrawn.body));
  }
  for (const p of [open, done]) {
    assert.equal((await ngoA.get(`/api/persons/${p.id}`)).status, 404, 'access ends at once');
    assert.equal((await ngoA.post(`/api/persons/${p.id}/assistance`, { kind: 'psychological', providerAgencyId: ids.ngoA, date: daysAgo(0) })).status, 404);
  }
  assert.ok(!(await listed(ngoA)).some((id) => id === open.id || id === done.id), 'gone from the list');
  const statuses = (await police.get(`/api/persons/${open.id}/referrals`)).body.items.map((r: { status: string }) => r.status);
  assert.deepEqual(statuses, ['revoked'], 'the open referral is revoked');
  assert.deepEqual((await police.get(`/api/persons/${done.id}/referrals`)).body.items.map((r: { status: string }) => r.status), ['completed'], 'history kept');

  // Consent given again (after the withdrawal), and a new referral: access again.
  assert.equal((await police.post(`/api/persons/${open.id}/consents`, { purpose: 'referral', agencyId: ids.ngoA, given: true, recordedOn: daysAgo(0) })).status, 201);
  assert.equal((await police.post(`/api/persons/${open.id}/referrals`, { toAgencyId: ids.ngoA })).status, 201);
  assert.equal((await ngoA.get(`/api/persons/${open.id}`)).status, 200);
});

test('the inbox pages and sorts: a total, pages that do not overlap, case codes in order', async () => {
  for (let i = 0; i < 3; i++) {
    const p = await intake(police);
    await refer(police, p.id, ids.ngoA);
  }
  const all = await ngoA.get('/api/referrals?limit=200');
  assert.ok(all.body.total >= 3);
  const first = await ngoA.get('/api/referrals?limit=2&offset=0&sort=caseCode&order=asc');
  const second = await ngoA.get('/api/referrals?limit=2&offset=2&sort=caseCode&order=asc');
  assert.equal(first.body.items.length, 2);
  assert.equal(first.body.total, all.body.total);
  const codes = [...first.body.items, ...second.body.items].map((r: { caseCode: string }) => r.caseCode);
  assert.deepEqual(codes, [...codes].sort());
  assert.equal(new Set([...first.body.items, ...second.body.items].map((r: { id: string }) => r.id)).size, codes.length);
  const bad = await ngoA.get('/api/referrals?limit=0');
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error.fields[0].path, 'query.limit');
});
