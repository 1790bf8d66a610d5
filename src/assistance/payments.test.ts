import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { agencyId, daysAgo, intake } from '../test/factories.ts';
import { startTestApp, type Client, type TestApp } from '../test/harness.ts';

let t: TestApp;
let police: Client;
let mia: string;
before(async () => {
  t = await startTestApp();
  police = await t.as('police_investigator');
  mia = await agencyId(t, 'mia_anti_trafficking');
});
after(() => t.close());

const allowance = (key: string, extra: Record<string, unknown> = {}) => ({ kind: 'one_time_allowance', amount: 700, currency: 'AZN', paidOn: daysAgo(2), payerAgencyId: mia, idempotencyKey: key, ...extra });
const paymentRows = (personId: string) => t.db.kysely.selectFrom('payments').selectAll().where('person_id', '=', personId).execute();

test('a payment submitted twice is stored once', async () => {
  const p = await intake(police);
  const first = await police.post(`/api/persons/${p.id}/payments`, allowance('retry-key-0001'));
  assert.equal(first.status, 201);
  const again = await police.post(`/api/persons/${p.id}/payments`, allowance('retry-key-0001'));
  assert.equal(again.status, 200);
  assert.equal(again.body.id, first.body.id);
  const both = await Promise.all([1, 2, 3].map(() => police.post(`/api/persons/${p.id}/payments`, allowance('retry-key-0001'))));
  for (const r of both) assert.equal(r.body.id, first.body.id);
  assert.equal((await paymentRows(p.id)).length, 1);
  const reused = await police.post(`/api/persons/${p.id}/payments`, allowance('retry-key-0001', { amount: 800 }));
  assert.equal(reused.status, 409);
  assert.equal(reused.body.error.fields[0].path, 'idempotencyKey');
});

test('the one-time allowance is paid once per person unless a reason is given', async () => {
  const p = await intake(police);
  assert.equal((await police.post(`/api/persons/${p.id}/payments`, allowance('once-key-0001'))).status, 201);
  const second = await police.post(`/api/persons/${p.id}/payments`, allowance('once-key-0002'));
  assert.equal(second.status, 409);
  assert.equal(second.body.error.fields[0].path, 'overrideReason');
  assert.equal((await paymentRows(p.id)).length, 1);
  const override = await police.post(`/api/persons/${p.id}/payments`, allowance('once-key-0003', { overrideReason: 'First payment was returned by the bank' }));
  assert.equal(override.status, 201);
  const audit = await t.db.kysely.selectFrom('audit_log').select('details').where('action', '=', 'payments.record_override').where('target_id', '=', p.id).executeTakeFirst();
  assert.ok(audit);
  // Aid Fund payments recur.
  for (const k of ['aid-key-0001', 'aid-key-0002']) {
    assert.equal((await police.post(`/api/persons/${p.id}/payments`, { ...allowance(k), kind: 'aid_fund_payment', amount: 150 })).status, 201);
  }
  const list = await police.get(`/api/persons/${p.id}/payments`);
  assert.deepEqual(list.body.items.map((x: { amount: number }) => x.amount).sort(), [150, 150, 700, 700]);
});

test('concurrent allowances with different keys still pay once', async () => {
  const p = await intake(police);
  const results = await Promise.all([1, 2, 3, 4].map((i) => police.post(`/api/persons/${p.id}/payments`, allowance(`race-key-000${i}`))));
  assert.equal(results.filter((r) => r.status === 201).length, 1, JSON.stringify(results.map((r) => r.status)));
  assert.equal((await paymentRows(p.id)).length, 1);
});

test('payments and assistance are validated against the profile, naming the field', async () => {
  const p = await intake(police);
  const cases: [Record<string, unknown>, string][] = [
    [allowance('bad-key-0001', { kind: 'bitcoin_gift' }), 'kind'],
    [allowance('bad-key-0002', { currency: 'USD' }), 'currency'],
    [allowance('bad-key-0003', { amount: -5 }), 'amount'],
    [allowance('bad-key-0004', { paidOn: new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10) }), 'paidOn'],
    [allowance('bad-key-0005', { payerAgencyId: '00000000-0000-4000-8000-000000000000' }), 'payerAgencyId'],
  ];
  for (const [body, path] of cases) {
    const res = await police.post(`/api/persons/${p.id}/payments`, body);
    assert.equal(res.status, 400, `${path}: ${JSON.stringify(res.body)}`);
    assert.equal(res.body.error.fields[0].path, path);
  }
  assert.equal((await paymentRows(p.id)).length, 0);

  const badHelp: [Record<string, unknown>, string][] = [
    [{ kind: 'astrology', providerAgencyId: mia, date: daysAgo(1) }, 'kind'],
    [{ kind: 'one_time_allowance', providerAgencyId: mia, date: daysAgo(1) }, 'kind'],
    [{ kind: 'child_preschool', providerAgencyId: mia, date: daysAgo(1) }, 'childId'],
    [{ kind: 'shelter', providerAgencyId: mia, date: daysAgo(1), endDate: daysAgo(3) }, 'endDate'],
    [{ kind: 'psychological', providerAgencyId: mia, date: daysAgo(1), legalStage: 'court' }, 'legalStage'],
  ];
  for (const [body, path] of badHelp) {
    const res = await police.post(`/api/persons/${p.id}/assistance`, body);
    assert.equal(res.status, 400, `${path}: ${JSON.stringify(res.body)}`);
    assert.equal(res.body.error.fields[0].path, path);
  }
});

test("help for a victim's child is recorded against that child", async () => {
  const p = await intake(police);
  const child = await police.post(`/api/persons/${p.id}/children`, { label: 'Child 1', birthYear: 2019, gender: 'male' });
  assert.equal(child.status, 201);
  const help = await police.post(`/api/persons/${p.id}/assistance`, { kind: 'child_preschool', providerAgencyId: mia, date: daysAgo(1), childId: child.body.id });
  assert.equal(help.status, 201);
  const other = await intake(police);
  const wrongChild = await police.post(`/api/persons/${other.id}/assistance`, { kind: 'child_preschool', providerAgencyId: mia, date: daysAgo(1), childId: child.body.id });
  assert.equal(wrongChild.status, 400);
  const ledger = await police.get(`/api/persons/${p.id}/assistance`);
  assert.equal(ledger.body.items[0].childId, child.body.id);
});

test('corrections are entries: a void keeps the payment with its reason, an adjustment replaces it, the report counts only what stands', async () => {
  const coordinator = await t.as('coordinator');
  const year = daysAgo(2).slice(0, 4);
  const lumpSum = async () => {
    const res = await coordinator.get(`/api/reports/${year}/draft/json`);
    assert.equal(res.status, 200, JSON.stringify(res.body).slice(0, 300));
    return res.body.figures.find((f: { id: string }) => f.id === 'assistance.lump_sum_700').value as number;
  };
  const before = await lumpSum();
  const [a, b] = [await intake(police), await intake(police)];
  const payA = await police.post(`/api/persons/${a.id}/payments`, allowance('void-key-0001'));
  const payB = await police.post(`/api/persons/${b.id}/payments`, allowance('void-key-0002', { amount: 70 }));
  assert.equal(await lumpSum(), before + 2);

  // Void: a reason is required; the payment stays, marked, and counts nowhere.
  const noReason = await police.post(`/api/persons/${a.id}/payments/${payA.body.id}/void`, {});
  assert.equal(noReason.status, 400);
  assert.equal(noReason.body.error.fields[0].path, 'reason');
  assert.equal((await police.post(`/api/persons/${b.id}/payments/${payA.body.id}/void`, { reason: 'Paid to the wrong person' })).status, 404, "another person's payment");
  assert.equal((await police.post(`/api/persons/${a.id}/payments/${payA.body.id}/void`, { reason: 'Paid to the wrong person' })).status, 204);
  assert.equal((await police.post(`/api/persons/${a.id}/payments/${payA.body.id}/void`, { reason: 'Paid to the wrong person' })).status, 409, 'voided once');
  const listed = (await police.get(`/api/persons/${a.id}/payments`)).body.items;
  assert.equal(listed.length, 1);
  assert.ok(listed[0].voidedAt);
  assert.equal(listed[0].voidReason, 'Paid to the wrong person');
  assert.equal((await paymentRows(a.id)).length, 1, 'nothing deleted');
  assert.equal(await lumpSum(), before + 1);
  assert.equal((await police.get(`/api/persons/${a.id}`)).body.status, 'new', 'a voided payment does not make the case assisted');
  assert.ok(!(await police.get(`/api/persons/${a.id}/timeline`)).body.items.some((e: { kind: string }) => e.kind === 'payment'));
  // The once-only allowance can be paid again once the wrong one is voided.
  assert.equal((await police.post(`/api/persons/${a.id}/payments`, allowance('void-key-0003'))).status, 201);

  // Adjustment: a new payment names the one it replaces, with a reason; the old one is voided in the same step.
  const half = await police.post(`/api/persons/${b.id}/payments`, allowance('void-key-0004', { replaces: payB.body.id }));
  assert.equal(half.status, 400);
  assert.equal(half.body.error.fields[0].path, 'correctionReason');
  const fixed = await police.post(`/api/persons/${b.id}/payments`, allowance('void-key-0005', { replaces: payB.body.id, correctionReason: 'Amount typed as 70 instead of 700' }));
  assert.equal(fixed.status, 201, JSON.stringify(fixed.body));
  const items = (await police.get(`/api/persons/${b.id}/payments`)).body.items as { id: string; amount: number; voidedAt: string | null; replacesId: string | null }[];
  assert.deepEqual(items.map((i) => [i.amount, Boolean(i.voidedAt), i.replacesId]).sort(), [[70, true, null], [700, false, payB.body.id]].sort());
  assert.equal(await lumpSum(), before + 2, 'each person once: the voided one is not counted, the replacement is');
  const audit = await t.db.kysely.selectFrom('audit_log').select('action').where('target_id', '=', b.id).where('action', '=', 'payments.void').execute();
  assert.equal(audit.length, 1);
});

test('a stay open at check-in is closed later; a wrong service is voided; nothing is deleted', async () => {
  const p = await intake(police);
  const shelter = await police.post(`/api/persons/${p.id}/assistance`, { kind: 'shelter', providerAgencyId: mia, date: daysAgo(10) });
  assert.equal(shelter.status, 201, JSON.stringify(shelter.body));
  const early = await police.request('PATCH', `/api/persons/${p.id}/assistance/${shelter.body.id}`, { endDate: daysAgo(11) });
  assert.equal(early.status, 400);
  assert.equal(early.body.error.fields[0].path, 'endDate');
  assert.equal((await police.request('PATCH', `/api/persons/${p.id}/assistance/${shelter.body.id}`, { endDate: daysAgo(1) })).status, 204);
  const again = await police.request('PATCH', `/api/persons/${p.id}/assistance/${shelter.body.id}`, { endDate: daysAgo(0) });
  assert.equal(again.status, 409, 'an end date is changed by an adjustment, not overwritten');
  let ledger = (await police.get(`/api/persons/${p.id}/assistance`)).body.items;
  assert.equal(ledger[0].endDate, daysAgo(1));

  const wrong = await police.post(`/api/persons/${p.id}/assistance`, { kind: 'psychological', providerAgencyId: mia, date: daysAgo(3) });
  assert.equal((await police.post(`/api/persons/${p.id}/assistance/${wrong.body.id}/void`, { reason: 'Recorded on the wrong case' })).status, 204);
  ledger = (await police.get(`/api/persons/${p.id}/assistance`)).body.items;
  assert.equal(ledger.length, 2);
  assert.deepEqual(ledger.map((e: { voidedAt: string | null }) => Boolean(e.voidedAt)), [false, true]);
  const analyst = await t.as('analyst');
  assert.equal((await analyst.post(`/api/persons/${p.id}/assistance/${shelter.body.id}/void`, { reason: 'not allowed here' })).status, 403);
});
