// End-to-end: the coordinator's path through the annual report in a real Chromium, on a fresh
// database loaded with the synthetic az-2023 fixture: open 2023, read the validation panel,
// publish, and download the frozen Word and PDF documents.
// Run: node --import tsx --test e2e/report.test.ts
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import { loadFixture } from '../src/report/fixtures/load.ts';
import type { TestApp } from '../src/test/harness.ts';
import az from '../web/src/i18n/az.json' with { type: 'json' };
import { BrowserSession, fill, heading, navLink, signIn } from './session.ts';

const session = new BrowserSession();
let t: TestApp;

before(async () => {
  if (!(await session.start())) return;
  t = session.app;
  await loadFixture(t.db.kysely, { key: t.ctx.fieldKey, profile: t.ctx.profile }, 'az-2023');
});
after(() => session.close());

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

test('coordinator: open the 2023 report, read the validation panel, publish, download Word and PDF', async (tc) => {
  const tab = await session.open(tc);
  if (!tab) return;
  const { page, problems } = tab;
  // Rendering a dozen charts and publishing (Word, and Chromium printing two PDFs) take seconds on a busy machine.
  page.setDefaultTimeout(30_000);
  await signIn(page, t.users.coordinator.username);
  await navLink(page, az.nav.report).click();
  await page.locator('#report-year').selectOption('2023');
  await heading(page, fill(az.report.title, { year: 2023 })).waitFor();

  const panel = page.getByTestId('validation-panel');
  await panel.waitFor();
  // The fixture has every figure; the narrative blocks are still empty: an error for each block and language.
  assert.match(await panel.innerText(), /12 xəta, \d+ xəbərdarlıq/);
  assert.match(await panel.innerText(), /narrative_missing/);
  // …said in the interface language, from the problem's code.
  assert.ok((await panel.innerText()).includes(fill(az.report.problems.narrative_missing, { block: 'legislation', lang: 'az' })));
  // The figures as published, with their changes; a chart drawn from the shared definition.
  const identified = page.getByTestId('figures').locator('tr[data-figure="victims.identified"]');
  assert.match(await identified.innerText(), /91\s+-3/);
  await page.locator('figure[data-chart="victims_by_country"] canvas').waitFor();

  // Published as it stands (the narratives are not written): with a reason, after confirming.
  await page.locator('#publish-overrideReason').fill('Published before the narratives are written, to test the downloads.');
  await page.getByRole('button', { name: az.report.publish, exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: fill(az.report.confirmPublish, { edition: 1 }) }).click();
  await page.getByRole('status').filter({ hasText: /1-ci nəşr dərc edildi/ }).waitFor({ timeout: 60_000 });
  const editions = page.getByTestId('editions');
  await editions.waitFor();

  const api = (await t.as('coordinator')).get;
  const published = (await api('/api/reports/2023/editions')).body.items[0];
  const hashOf = (format: string, lang: string) => published.documents.find((d: { format: string; lang: string }) => d.format === format && d.lang === lang).sha256;

  for (const [format, magic] of [['docx', 'PK'], ['pdf', '%PDF-']] as const) {
    const [download] = await Promise.all([page.waitForEvent('download'), editions.getByRole('link', { name: `${format.toUpperCase()} az`, exact: true }).click()]);
    const file = await download.path();
    const bytes = fs.readFileSync(file);
    assert.equal(bytes.subarray(0, magic.length).toString(), magic, `${format} is a real ${format} file`);
    assert.equal(sha(bytes), hashOf(format, 'az'), `the downloaded ${format} is the frozen one`);
  }
  assert.deepEqual(problems, []);
});
