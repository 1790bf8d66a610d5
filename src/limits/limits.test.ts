import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { buildApp } from '../http/app.ts';
import type { App } from '../http/types.ts';
import { logInClient, startTestApp, TEST_PASSWORD, type Client, type TestApp } from '../test/harness.ts';
import { hit } from './limits.ts';

let t: TestApp;
let second: App;
let analyst: Client;
before(async () => {
  t = await startTestApp({ config: { limits: { pdf: { max: 0, seconds: 60 }, render: { max: 2, seconds: 3600 }, screening: { max: 1, seconds: 3600 }, export: null } } });
  analyst = await t.as('analyst');
  // A second app server on the same database: it shares nothing with the first but the tables.
  second = await buildApp(t.ctx, { logger: false });
  await second.listen({ host: '127.0.0.1', port: 0 });
});
after(async () => {
  await second.close();
  await t.close();
});

test('past the limit a user gets 429 rate_limited with retry-after; other users and limits are untouched', async () => {
  assert.equal((await analyst.get('/api/reports/2024/draft/html')).status, 200);
  const secondUrl = `http://127.0.0.1:${(second.server.address() as AddressInfo).port}`;
  const elsewhere = await logInClient(secondUrl, t.users.analyst.username, TEST_PASSWORD);
  assert.equal((await elsewhere.get('/api/reports/2024/draft/json')).status, 200, 'the second server counts the second request');
  const refused = await analyst.get('/api/reports/2024/draft/html');
  assert.equal(refused.status, 429, JSON.stringify(refused.body));
  assert.equal(refused.body.error.code, 'rate_limited');
  const retry = Number(refused.headers.get('retry-after'));
  assert.ok(retry >= 1 && retry <= 3600, `retry-after ${retry}`);
  assert.equal((await elsewhere.get('/api/reports/2024/draft/html')).status, 429, 'and the second server refuses too');

  const coordinator = await t.as('coordinator');
  assert.equal((await coordinator.get('/api/reports/2024/draft/html')).status, 200, 'another user has their own count');
});

test('a PDF counts against the pdf limit before Chromium is started', async () => {
  const coordinator = await t.as('coordinator');
  const res = await coordinator.get('/api/reports/2024/draft/pdf');
  assert.equal(res.status, 429);
  assert.match(res.body.error.message, /pdf/);
});

test('screening batches are limited; an invalid batch is not counted', async () => {
  const worker = await t.as('case_worker');
  assert.equal((await worker.post('/api/screening/batch', { jsonl: 7 })).status, 400);
  assert.equal((await worker.post('/api/screening/batch', { jsonl: '{"id":"a","text":"hello"}' })).status, 200);
  assert.equal((await worker.post('/api/screening/batch', { jsonl: '{"id":"a","text":"hello"}' })).status, 429);
});

test('a new window starts a new count, and ended windows are cleared', async () => {
  const limit = { max: 1, seconds: 10 };
  const at = 1_000_000_000_000;
  assert.equal((await hit(t.db.kysely, 'test:u', limit, at)).allowed, true);
  const over = await hit(t.db.kysely, 'test:u', limit, at + 1000);
  assert.equal(over.allowed, false);
  assert.equal(over.retryAfter, 9);
  assert.equal((await hit(t.db.kysely, 'test:u', limit, at + 10_000)).allowed, true);
  const left = await t.db.kysely.selectFrom('rate_limits').select('id').where('id', 'like', 'test:u:%').execute();
  assert.deepEqual(left.map((r) => r.id), ['test:u:10:100000001']);
});
