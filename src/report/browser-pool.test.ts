import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, test } from 'node:test';
import { chromium } from 'playwright-core';
import { BrowserPool } from './browser-pool.ts';
import { chromiumPath } from './pdf.ts';

const skip = fs.existsSync(chromiumPath()) ? false : `no Chromium at ${chromiumPath()}`;
const pool = new BrowserPool({ pages: 2, queueTimeoutMs: 60_000, idleMs: 60_000, launch: () => chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] }) });
after(() => pool.close());

const print = (html: string) => pool.withPage(async (page) => {
  await page.setContent(html);
  return page.pdf({ format: 'A4' });
});

test('at most N pages print at once in one browser; the rest wait their turn', { skip }, async () => {
  let now = 0;
  let most = 0;
  const job = () => pool.withPage(async (page) => {
    most = Math.max(most, ++now);
    await page.setContent('<p>x</p>');
    await new Promise((r) => setTimeout(r, 150));
    now--;
    return page.pdf();
  });
  const pdfs = await Promise.all(Array.from({ length: 5 }, job));
  assert.equal(most, 2);
  assert.ok(pdfs.every((p) => p.subarray(0, 5).toString() === '%PDF-'));
  assert.equal(pool.launches, 1, 'one browser served all five');
});

test('a request that waits longer than the queue timeout gets a 503', { skip }, async () => {
  const small = new BrowserPool({ ...pool.opts, pages: 1, queueTimeoutMs: 50, launch: () => pool.current() });
  const slow = small.withPage(() => new Promise((r) => setTimeout(r, 400)));
  await assert.rejects(small.withPage(async () => 'never'), (e: { code?: string; status?: number }) => e.code === 'service_unavailable' && e.status === 503);
  await slow;
  assert.equal(await small.withPage(async () => 'free again'), 'free again');
});

test('a browser that dies is replaced on the next print', { skip }, async () => {
  const before = pool.launches;
  await (await pool.current()).close();
  const pdf = await print('<p>after the crash</p>');
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  assert.equal(pool.launches, before + 1);
});
