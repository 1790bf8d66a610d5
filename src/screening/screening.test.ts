import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { startTestApp, type Client, type TestApp } from '../test/harness.ts';

let t: TestApp;
let operator: Client;
let police: Client;
let caseWorker: Client;
let analyst: Client;
before(async () => {
  t = await startTestApp();
  operator = await t.as('hotline_operator');
  police = await t.as('police_investigator');
  caseWorker = await t.as('case_worker');
  analyst = await t.as('analyst');
});
after(() => t.close());

const AD = 'Təcili! Dubayda ofisiant işi, təcrübə tələb olunmur, yüksək maaş. Bilet bizdən. Yalnız WhatsApp: +994 50 000 00 00';
const count = async () => Number((await sql<{ n: number }>`select count(*)::int as n from screening_items`.execute(t.db.kysely)).rows[0]!.n);

test('pasted text is screened with evidence and nothing is stored', async () => {
  const before = await count();
  const res = await operator.post('/api/screening/screen', { text: AD, channel: 'job_ad' });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.equal(res.body.flagged, true);
  assert.equal(res.body.lang, 'az');
  const urgency = res.body.indicators.find((i: { code: string }) => i.code === 'urgency_pressure');
  assert.deepEqual(urgency.evidence, [{ start: 0, end: 6, text: 'Təcili' }]);
  assert.equal(await count(), before);
  assert.equal((await operator.post('/api/screening/screen', { text: '   ' })).status, 400);
});

test('a batch screens good lines and reports bad ones by line number', async () => {
  const jsonl = [JSON.stringify({ id: 'a', text: AD }), 'oops', JSON.stringify({ id: 'b', text: '' }), JSON.stringify({ id: 'c', text: 'Salam, axşam kafe?' })].join('\n');
  const res = await police.post('/api/screening/batch', { jsonl });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  const r = res.body.results;
  assert.equal(r.length, 4);
  assert.deepEqual([r[0].id, r[0].flagged], ['a', true]);
  assert.equal(r[1].line, 2);
  assert.match(r[1].error, /invalid JSON/);
  assert.deepEqual(r[2], { line: 3, id: 'b', error: 'empty text' });
  assert.deepEqual([r[3].id, r[3].flagged], ['c', false]);
});

test('a kept item is encrypted at rest, reviewed, linked and exported as a labelled line', async () => {
  const kept = await operator.post('/api/screening/items', { text: AD, channel: 'job_ad' });
  assert.equal(kept.status, 201, JSON.stringify(kept.body));
  const id = kept.body.id;
  assert.equal(kept.body.text, AD);
  assert.ok(kept.body.codes.includes('recruiter_pays_travel'));
  const dump = (await sql<{ j: string }>`select row_to_json(x)::text as j from screening_items x`.execute(t.db.kysely)).rows.map((r) => r.j).join('');
  for (const secret of ['Dubayda', 'WhatsApp', '000 00 00']) assert.ok(!dump.includes(secret), secret);

  assert.equal((await operator.put(`/api/screening/items/${id}/decisions`, { code: 'item', verdict: 'true_alarm' })).status, 204);
  assert.equal((await operator.put(`/api/screening/items/${id}/decisions`, { code: 'recruiter_pays_travel', verdict: 'true_alarm' })).status, 204);
  assert.equal((await operator.put(`/api/screening/items/${id}/decisions`, { code: 'urgency_pressure', verdict: 'true_alarm' })).status, 204);
  // A changed mind replaces the verdict.
  assert.equal((await operator.put(`/api/screening/items/${id}/decisions`, { code: 'urgency_pressure', verdict: 'false_alarm' })).status, 204);
  assert.equal((await operator.put(`/api/screening/items/${id}/decisions`, { code: 'weather', verdict: 'true_alarm' })).status, 400);

  const tip = await operator.post('/api/hotline/tips', { summary: 'Şübhəli elan: Dubayda ofisiant işi' });
  assert.equal(tip.status, 201, JSON.stringify(tip.body));
  // A crime record that does not exist is refused; a real one is linked.
  assert.equal((await police.post(`/api/screening/items/${id}/link`, { crimeFactId: '00000000-0000-4000-8000-000000000001' })).status, 404);
  const fact = await police.post('/api/prosecution/facts', { registeredOn: new Date().toISOString().slice(0, 10), articles: ['144-1'], region: 'baku' });
  assert.equal(fact.status, 201, JSON.stringify(fact.body));
  const crimeFactId = fact.body.id as string;
  assert.equal((await police.post(`/api/screening/items/${id}/link`, { hotlineTipId: tip.body.id, crimeFactId })).status, 204);
  assert.equal((await police.post(`/api/screening/items/${id}/link`, { hotlineTipId: '00000000-0000-4000-8000-000000000002' })).status, 404);
  // The operator reviews the item but reads no crime record: linking one would tell whether an id exists.
  assert.equal((await operator.post(`/api/screening/items/${id}/link`, { crimeFactId })).status, 404);

  const detail = await police.get(`/api/screening/items/${id}`);
  assert.equal(detail.body.verdict, 'true_alarm');
  assert.deepEqual([detail.body.hotlineTipId, detail.body.crimeFactId], [tip.body.id, crimeFactId]);
  assert.deepEqual(detail.body.decisions, [
    { code: 'item', verdict: 'true_alarm' },
    { code: 'recruiter_pays_travel', verdict: 'true_alarm' },
    { code: 'urgency_pressure', verdict: 'false_alarm' },
  ]);
  const travel = detail.body.indicators.find((i: { code: string }) => i.code === 'recruiter_pays_travel');
  assert.deepEqual(travel.evidence, [{ start: 66, end: 78, text: 'Bilet bizdən' }]);

  const queue = await police.get('/api/screening/items?reviewed=true');
  assert.deepEqual(queue.body.items.map((i: { id: string }) => i.id), [id]);

  const exp = await police.get('/api/screening/export');
  assert.equal(exp.status, 200);
  assert.match(exp.headers.get('content-type') ?? '', /application\/x-ndjson/);
  // The test client parses a one-line body as JSON already.
  const raw = typeof exp.body === 'string' ? exp.body : JSON.stringify(exp.body);
  const lines = raw.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines, [{ id: `review-${id}`, text: AD, lang: 'az', channel: 'job_ad', label: 1, indicators: ['recruiter_pays_travel'], group: `review-${id}` }]);
});

test('who sees what: a case worker sees only their own items, the analyst only counts', async () => {
  const mine = await operator.post('/api/screening/items', { text: 'Pasportumu götürdülər, kömək edin' });
  assert.equal(mine.status, 201);
  assert.equal((await caseWorker.get(`/api/screening/items/${mine.body.id}`)).status, 404);
  assert.equal((await caseWorker.put(`/api/screening/items/${mine.body.id}/decisions`, { code: 'item', verdict: 'false_alarm' })).status, 403);
  assert.equal((await analyst.post('/api/screening/screen', { text: AD })).status, 403);
  assert.equal((await analyst.get('/api/screening/items')).status, 403);
  const stats = await analyst.get('/api/screening/stats');
  assert.equal(stats.status, 200);
  assert.deepEqual(stats.body, { kept: 2, flagged: 2, reviewed: 1, trueAlarms: 1, falseAlarms: 0 });
});
