import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { agencyId, daysAgo, intake, refer, userAt } from '../test/factories.ts';
import { startTestApp, type Client, type TestApp } from '../test/harness.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

type Queue = { id: string; count: number; urgent: number; href: string };
const queues = async (c: Client) => {
  const res = await c.get('/api/home/queues');
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return Object.fromEntries((res.body.items as Queue[]).map((q) => [q.id, q])) as Record<string, Queue>;
};

test('each role sees the queues its work needs, with counts that move as work is done', async () => {
  const police = await t.as('police_investigator');
  const operator = await t.as('hotline_operator');
  const ngo = await userAt(t, 'clean_world', 'case_worker', 'home.ngo');
  const before = { police: await queues(police), operator: await queues(operator), ngo: await queues(ngo) };

  // A reflection period ending in two days, one overdue, one far off.
  const soon = await intake(police, { contactDate: daysAgo(60) });
  await police.post(`/api/persons/${soon.id}/reflection`, { startDate: daysAgo(28) });
  const late = await intake(police, { contactDate: daysAgo(60) });
  await police.post(`/api/persons/${late.id}/reflection`, { startDate: daysAgo(45) });
  const far = await intake(police, { contactDate: daysAgo(60) });
  await police.post(`/api/persons/${far.id}/reflection`, { startDate: daysAgo(2) });
  // A referral to the NGO, a tip for the police, an overdue follow-up for the operator.
  await refer(police, soon.id, await agencyId(t, 'clean_world'));
  const tip = await operator.post('/api/hotline/tips', { summary: 'Home page tip for the queue' });
  assert.equal(tip.status, 201);
  const call = await operator.post('/api/hotline/contacts', {
    startedAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
    durationSeconds: 60,
    channel: 'phone_152',
    language: 'az',
    callerType: 'self',
    topic: 'missing_person',
    outcome: 'follow_up',
    followUpDue: daysAgo(1),
  });
  assert.equal(call.status, 201, JSON.stringify(call.body));

  const p = await queues(police);
  assert.equal(p.reflection!.count - before.police.reflection!.count, 2, 'ending within 3 days or overdue; not the far one');
  assert.equal(p.reflection!.urgent - before.police.reflection!.urgent, 1);
  assert.equal(p.tips!.count - before.police.tips!.count, 1);
  assert.equal(p.tips!.href, '/hotline/tips?status=new');
  const o = await queues(operator);
  assert.equal(o.followUps!.count - before.operator.followUps!.count, 1);
  assert.equal(o.followUps!.urgent - before.operator.followUps!.urgent, 1);
  assert.equal(o.tips, undefined, 'operators do not review tips');
  assert.equal(o.reflection!.count, 0, 'an operator counts only persons they may see');
  const n = await queues(ngo);
  assert.equal(n.referrals!.count - before.ngo.referrals!.count, 1);
  assert.equal(n.tips, undefined);

  // Work done takes items off the queues.
  const inbox = await ngo.get('/api/referrals?status=sent');
  const ref = inbox.body.items.find((r: { personId: string }) => r.personId === soon.id);
  assert.equal((await ngo.patch(`/api/referrals/${ref.id}`, { status: 'accepted' })).status, 204);
  assert.equal((await queues(ngo)).referrals!.count, before.ngo.referrals!.count);
  assert.equal((await police.patch(`/api/hotline/tips/${tip.body.id}`, { status: 'in_review' })).status, 204);
  assert.equal((await queues(police)).tips!.count, before.police.tips!.count);
});

test('analysts and administrators get no case queues; a reporter gets their open submissions', async () => {
  for (const role of ['analyst', 'administrator', 'auditor'] as const) {
    const q = await queues(await t.as(role));
    for (const id of ['reflection', 'referrals', 'tips', 'followUps']) assert.equal(q[id], undefined, `${role} has no ${id} queue`);
  }
  const reporter = await queues(await t.as('agency_reporter'));
  assert.ok(reporter.submissionsOpen, 'the reporter sees their open submissions');
  assert.ok(reporter.measuresOverdue, 'and their overdue measures');
  const coordinator = await queues(await t.as('coordinator'));
  assert.ok(coordinator.submissionsToReview && coordinator.measuresOverdue);
  assert.equal((await t.anonymous().get('/api/home/queues')).status, 401);
});
