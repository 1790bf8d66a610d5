// The README's promise on a fresh machine: `azad serve --demo` (what `npm start` runs) on an
// empty data directory answers /api/health, prints the administrator's password once, and
// that password signs in through the real web page in Chromium.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import az from '../web/src/i18n/az.json' with { type: 'json' };
import { freshDatabase, testServerUrl } from '../src/test/harness.ts';
import type { Db } from '../src/db/database.ts';
import { haveChromium, launchChromium, NO_BROWSER, openTab } from './browser.ts';
import { ensureWebBuilt } from './web-build.ts';

let dir: string;
let server: ChildProcess;
let output = '';
let baseUrl: string;
let password: string;
let pg: (Db & { url?: string }) | undefined;

before(async () => {
  ensureWebBuilt();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'azad-first-run-'));
  const env: NodeJS.ProcessEnv = { ...process.env, AZAD_DATA_DIR: dir, AZAD_PORT: '0', AZAD_LOG_LEVEL: 'warn' };
  delete env.AZAD_ADMIN_PASSWORD;
  delete env.DATABASE_URL;
  if (testServerUrl()) {
    pg = await freshDatabase();
    env.DATABASE_URL = pg.url;
  }
  server = spawn(process.execPath, ['bin/azad.js', 'serve', '--demo'], { env, cwd: path.resolve(import.meta.dirname, '..') });
  server.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 180_000);
    server.stdout?.on('data', (d: Buffer) => {
      output += d.toString();
      const url = /listening on (http:\/\/[^\s]+)/.exec(output)?.[1];
      const pw = /password: (\S+)\s+\(shown once/.exec(output)?.[1];
      if (url && pw) {
        clearTimeout(timer);
        baseUrl = url;
        password = pw;
        resolve();
      }
    });
    server.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
});

after(async () => {
  server?.kill('SIGTERM');
  await new Promise((r) => server?.once('exit', r));
  await pg?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('GET /api/health answers 200 on the first start', async () => {
  const res = await fetch(`${baseUrl}/api/health`);
  assert.equal(res.status, 200);
  const body = await res.json();
  assert.deepEqual(body, { status: 'ok' });
});

test('the printed password is strong and the demo users exist', async () => {
  assert.ok(password.length >= 16, 'generated password is long');
  const res = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'demo.analyst', password }) });
  assert.equal(res.status, 200);
});

test('signing in with the printed password works in Chromium', async (tc) => {
  if (!haveChromium()) {
    if (process.env.CI) throw new Error(NO_BROWSER);
    tc.skip(NO_BROWSER);
    return;
  }
  const browser: Browser = await launchChromium();
  try {
    const { page, problems, context } = await openTab(browser, baseUrl);
    await page.goto('/');
    await page.getByLabel(az.signIn.username, { exact: true }).fill('admin');
    await page.getByLabel(az.signIn.password, { exact: true }).fill(password);
    await page.getByRole('button', { name: az.signIn.submit, exact: true }).click();
    await page.getByTestId('me-username').waitFor();
    assert.equal(await page.getByTestId('me-username').textContent(), 'admin');
    // The demo needs no second factor, and every page says so.
    await page.getByTestId('demo-banner').waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    await browser.close();
  }
});
