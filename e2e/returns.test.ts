// End-to-end: the national coordinator makes international returns in a real Chromium: picks a
// return and a period, reads the checks against the annual report, and downloads the file.
// Run: node --import tsx --test e2e/returns.test.ts
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import type { TestApp } from '../src/test/harness.ts';
import az from '../web/src/i18n/az.json' with { type: 'json' };
import { BrowserSession, heading, navLink, signIn } from './session.ts';

const session = new BrowserSession();
let t: TestApp;

before(async () => {
  if (!(await session.start())) return;
  t = session.app;
});
after(() => session.close());

test('coordinator: pick GLOTIP for 2023, read the checks, download the workbook; TIP offers an April–March year', async (tc) => {
  const tab = await session.open(tc);
  if (!tab) return;
  const { page, problems } = tab;
  page.setDefaultTimeout(30_000);
  await signIn(page, t.users.coordinator.username);
  await navLink(page, az.nav.returns).click();
  await heading(page, az.returns.title).waitFor();

  await page.locator('#return-name').selectOption('glotip');
  await page.locator('#return-from').fill('2023-01-01');
  await page.locator('#return-to').fill('2023-12-31');
  await page.getByRole('button', { name: az.returns.check, exact: true }).click();
  const findings = page.getByTestId('return-findings');
  await findings.waitFor();
  assert.match(await findings.innerText(), new RegExp(az.returns.noFindings));
  assert.match(await findings.innerText(), /azad-glotip-az-2023\.xlsx/);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: az.returns.download, exact: true }).click()]);
  assert.equal(download.suggestedFilename(), 'azad-glotip-az-2023.xlsx');
  assert.equal(fs.readFileSync(await download.path()).subarray(0, 2).toString(), 'PK', 'a real XLSX file');

  // The TIP report's year: the page proposes 1 April – 31 March, and says it cannot be compared with the annual report.
  await page.locator('#return-name').selectOption('tip');
  assert.match(await page.locator('#return-from').inputValue(), /^\d{4}-04-01$/);
  assert.match(await page.locator('#return-to').inputValue(), /^\d{4}-03-31$/);
  await page.getByRole('button', { name: az.returns.check, exact: true }).click();
  await findings.getByText(az.returns.finding.report_not_comparable).waitFor();
  assert.deepEqual(problems, []);
});

test('a case worker has no returns page in the navigation', async (tc) => {
  const tab = await session.open(tc);
  if (!tab) return;
  const { page } = tab;
  await signIn(page, t.users.case_worker.username);
  await page.getByRole('navigation', { name: az.app.mainNav }).waitFor();
  assert.equal(await navLink(page, az.nav.returns).count(), 0);
});
