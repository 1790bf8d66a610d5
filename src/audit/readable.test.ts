import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { personInput } from '../test/factories.ts';
import { startTestApp, type Client, type TestApp } from '../test/harness.ts';

let t: TestApp;
let auditor: Client;
let personId: string;
let caseCode: string;
before(async () => {
  t = await startTestApp();
  auditor = await t.as('auditor');
  const worker = await t.as('case_worker');
  const created = await worker.post('/api/persons', personInput());
  personId = created.body.id;
  caseCode = created.body.caseCode;
  await worker.get(`/api/persons/${personId}`); // a read of the record (and its identity)
  await worker.get('/api/me'); // routine
  await worker.get('/api/persons/not-a-uuid'); // invalid
});
after(() => t.close());

type Entry = { action: string; targetType: string | null; targetLabel: string | null; outcome: string; details: { method?: string } | null };

test('routine reads can be hidden; identity reads, changes and refusals stay', async () => {
  const all = (await auditor.get('/api/audit?limit=500')).body.items as Entry[];
  const quiet = (await auditor.get('/api/audit?limit=500&routine=hide')).body.items as Entry[];
  assert.ok(all.some((e) => e.action === 'session.self' && e.outcome === 'ok'), 'routine reads are in the full view');
  assert.ok(quiet.length < all.length);
  assert.ok(!quiet.some((e) => e.outcome === 'ok' && e.details?.method === 'GET'), 'no successful GET in the quiet view');
  for (const action of ['persons.identity_read', 'persons.create']) assert.ok(quiet.some((e) => e.action === action), action);
  assert.ok(quiet.some((e) => e.outcome !== 'ok'), 'refusals and invalid calls stay');
});

test('targets are named by case code and username; a case code filters to the person', async () => {
  const items = (await auditor.get(`/api/audit?limit=500&caseCode=${encodeURIComponent(caseCode)}`)).body.items as Entry[];
  assert.ok(items.length >= 2);
  assert.ok(items.every((e) => e.targetType === 'person' && e.targetLabel === caseCode));
  const users = (await auditor.get(`/api/audit?limit=50&targetType=user`)).body.items as Entry[];
  assert.ok(users.some((e) => e.targetLabel?.startsWith('test.')));
});

test('the auditor exports the filtered view as CSV; others may not', async () => {
  const res = await auditor.request('GET', `/api/audit/export?caseCode=${encodeURIComponent(caseCode)}`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/csv/);
  const lines = String(res.body).replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.equal(lines[0], 'seq,at,actor,action,target_type,target_id,target,outcome,status,details');
  assert.equal(lines.length - 1, Number(res.headers.get('x-rows')));
  assert.ok(lines.slice(1).every((l) => l.includes(caseCode)));
  assert.equal((await (await t.as('coordinator')).get('/api/audit/export')).status, 403);
});
