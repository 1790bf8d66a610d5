// End-to-end: the coordinator edits next year's report without a developer. In a real Chromium, on a
// fresh database loaded with the synthetic az-2023 fixture: open the definition editor, append a
// sentence (in az, en and ru) that prints a new figure, rename a figure, see both in the live
// preview, save, write the narratives, publish through the confirmation dialog, see the edition
// listed without a reload, and read the published files back: the edits are there, no placeholder is.
// Screenshots of the editor and the report page (az and ru, 1280 px) go to $AZAD_SHOTS or a temp dir.
// Run: node --import tsx --test e2e/report-editor.test.ts
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
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

const shots = process.env.AZAD_SHOTS ?? fs.mkdtempSync(path.join(os.tmpdir(), 'azad-report-shots-'));
const shoot = async (page: Page, name: string) => {
  const file = path.join(shots, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
};
const setUiLanguage = async (page: Page, lang: 'az' | 'en' | 'ru') => {
  await page.locator('#language-select').selectOption(lang);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
};

// The new figure and the sentence that prints it, in each report language.
const NEW_FIGURE = { id: 'victims.women_browser_test', label: { az: 'Qadın qurbanlar (sınaq)', en: 'Women victims (browser test)', ru: 'Женщины-жертвы (проверка)' }, from: 'persons', date: 'identified', count: 'persons', where: { sex: ['female'] } };
const SENTENCE = {
  az: (n: string) => ` Brauzer sınağı: onlardan ${n} nəfəri qadındır.`,
  en: (n: string) => ` Browser test: ${n} of them are women.`,
  ru: (n: string) => ` Проверка браузером: среди них женщин: ${n}.`,
} as const;
const RENAMED = 'Victims identified in the year (edited in the browser)';
const LANGS = ['az', 'en', 'ru'] as const;
/** Every text of a definition (part) in one language. */
const textsIn = (node: unknown, lang: string): string[] =>
  Array.isArray(node) ? node.flatMap((x) => textsIn(x, lang)) : node && typeof node === 'object' ? Object.entries(node).flatMap(([k, v]) => (k === lang && typeof v === 'string' ? [v] : textsIn(v, lang))) : [];
const PLACEHOLDERS = [/text not yet written/, /mətn hələ yazılmayıb/, /текст ещё не написан/, /\{[*~+=]?[a-z][a-z0-9_.]*(#[^}]*)?\}/, /\{year(:ordinal)?\}/];

test('coordinator: edit a sentence and a figure with a live preview, save, publish after confirming; the published files carry the edits and no placeholder', async (tc) => {
  const tab = await session.open(tc);
  if (!tab) return;
  const { page, problems } = tab;
  // Building the report (a preview, a publication with Word and two PDFs per language) takes seconds.
  page.setDefaultTimeout(60_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, t.users.coordinator.username);
  await navLink(page, az.nav.report).click();
  await page.locator('#report-year').selectOption('2023');
  await heading(page, fill(az.report.title, { year: 2023 })).waitFor();
  const women = String(((await (await t.as('coordinator')).get('/api/reports/2023?lang=en')).body.figures.find((f: { id: string }) => f.id === 'victims.identified').breakdown.female));

  // The editor, reached from the report page: the shipped definition, not yet the year's own.
  await page.getByRole('link', { name: az.report.editDefinition }).click();
  await heading(page, fill(az.reportEditor.title, { year: 2023 })).waitFor();
  assert.equal(await page.getByTestId('definition-source').getAttribute('data-source'), 'profile');
  const frame = page.frameLocator('iframe.def-preview-frame');
  await frame.locator('h1').first().waitFor();
  // The frame runs no script: its sandbox grants nothing but its origin (for its styling).
  assert.equal(await page.locator('iframe.def-preview-frame').getAttribute('sandbox'), 'allow-same-origin');
  assert.equal(await frame.locator('h1').first().evaluate((h) => getComputedStyle(h).textAlign), 'center', "the report's own style applies");
  await shoot(page, 'editor-az');

  // A sentence: appended to the first text block of the victims section, in each language.
  await page.locator('details[data-section="victims"] > summary').click();
  const box = (lang: string) => page.locator(`#def-sections-3-blocks-0-text-${lang}`);
  for (const lang of LANGS) await box(lang).fill((await box(lang).inputValue()) + SENTENCE[lang](`{=${NEW_FIGURE.id}}`));
  // Printing a figure that does not exist yet is refused, next to the sentence that names it.
  await page.locator('#def-sections-3-blocks-0-text-en-error').waitFor();

  // A figure: a new one from the template, and an existing one renamed.
  await page.getByRole('button', { name: az.reportEditor.addFigure }).click();
  const fresh = page.locator('.def-figure textarea:focus');
  await fresh.fill('{ "id": "broken",');
  await page.locator('.def-figure--error .field-error').first().waitFor();
  assert.match(await page.locator('.def-preview-status').innerText(), new RegExp(az.reportEditor.previewBlocked.slice(0, 20)));
  await fresh.fill(JSON.stringify(NEW_FIGURE, null, 2));
  await page.locator('#def-figure-find').fill('victims.identified');
  const identified = page.locator('details[data-figure="victims.identified"]');
  await identified.locator('summary').click();
  const json = identified.locator('textarea');
  const def = JSON.parse(await json.inputValue());
  await json.fill(JSON.stringify({ ...def, label: { ...def.label, en: RENAMED } }, null, 2));

  // The live preview shows the sentence with the new figure's value, in az and then in en.
  await frame.getByText(SENTENCE.az(women).trim()).waitFor();
  await frame.getByText(SENTENCE.az(women).trim()).scrollIntoViewIfNeeded();
  await box('az').scrollIntoViewIfNeeded();
  await shoot(page, 'editor-edited-az');
  assert.equal(await page.locator('#def-sections-3-blocks-0-text-en-error').count(), 0);
  await page.locator('#def-preview-lang').selectOption('en');
  await frame.getByText(SENTENCE.en(women).trim()).waitFor();
  await page.getByRole('button', { name: az.reportEditor.save }).click();
  await page.getByRole('status').filter({ hasText: fill(az.reportEditor.saved, { year: 2023 }) }).waitFor();
  assert.equal(await page.getByTestId('definition-source').getAttribute('data-source'), 'stored');
  await setUiLanguage(page, 'ru');
  await page.locator('#def-preview-lang').selectOption('ru');
  await frame.getByText(SENTENCE.ru(women).trim()).waitFor();
  await shoot(page, 'editor-ru');
  await setUiLanguage(page, 'az');

  // Back on the report page: the narratives in each language, then publish.
  await page.getByRole('link', { name: fill(az.reportEditor.backToReport, { year: 2023 }) }).click();
  await heading(page, fill(az.report.title, { year: 2023 })).waitFor();
  const narratives = page.locator('section[aria-labelledby="narratives-title"] form');
  await narratives.first().waitFor();
  for (const form of await narratives.all()) {
    const id = await form.getAttribute('aria-label');
    for (const lang of LANGS) await form.locator(`#narrative-${id}-${lang}`).fill(`Narrative ${id} (${lang}), written in the browser test.`);
    await form.getByRole('button', { name: az.common.save }).click();
    await form.getByRole('status').filter({ hasText: az.common.saved }).waitFor();
  }
  // The figures table says what each figure counts, under its (edited) label.
  await setUiLanguage(page, 'en');
  await page.getByTestId('figures').locator('tr[data-figure="victims.identified"]').filter({ hasText: RENAMED }).waitFor();
  await setUiLanguage(page, 'az');
  const row = page.getByTestId('figures').locator(`tr[data-figure="${NEW_FIGURE.id}"]`).filter({ hasText: NEW_FIGURE.label.az });
  await row.waitFor();
  const rowText = await row.innerText();
  assert.ok(rowText.includes(NEW_FIGURE.label.az) && rowText.includes(`\t${women}\t`), rowText);

  const panel = page.getByTestId('validation-panel');
  const errors = Number(/(\d+) xəta/.exec(await panel.innerText())?.[1]);
  if (errors > 0) await page.locator('#publish-overrideReason').fill('The browser test publishes the synthetic fixture as it stands.');
  let publishCalls = 0;
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/api/reports/2023/publish')) publishCalls++;
  });
  // The page is never reloaded: a flag set now must survive until the edition is listed.
  await page.evaluate(() => Object.assign(window, { notReloaded: true }));
  await page.getByRole('button', { name: az.report.publish, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: fill(az.report.confirmTitle, { year: 2023, edition: 1 }) });
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /2023/);
  await dialog.getByRole('button', { name: az.common.cancel }).click();
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(publishCalls, 0, 'nothing is sent before Confirm');
  await page.getByRole('button', { name: az.report.publish, exact: true }).click();
  await shoot(page, 'publish-dialog-az');
  await dialog.getByRole('button', { name: fill(az.report.confirmPublish, { edition: 1 }) }).click();
  await page.getByRole('status').filter({ hasText: /1-ci nəşr dərc edildi/ }).waitFor({ timeout: 120_000 });
  await page.getByTestId('editions').getByRole('rowheader', { name: '1' }).waitFor();
  assert.equal(publishCalls, 1);
  assert.equal(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded), true);
  assert.equal(await page.getByText(az.report.notPublished).count(), 0);
  // A second publication would be a corrected edition, number 2.
  await page.getByRole('heading', { name: az.report.publishCorrected }).waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await shoot(page, 'report-az');
  await setUiLanguage(page, 'ru');
  await page.getByTestId('figures').locator('tr[data-figure="victims.identified"]').waitFor();
  await shoot(page, 'report-ru');
  await page.getByTestId('figures').scrollIntoViewIfNeeded();
  await shoot(page, 'report-figures-ru');

  // The published files: every edit in, no placeholder, no missing figure.
  const api = await t.as('coordinator');
  const stored = (await api.get('/api/reports/2023/definition')).body.definition;
  for (const lang of LANGS) {
    const res = await api.get(`/api/reports/2023/editions/1/html?lang=${lang}`);
    assert.equal(res.status, 200);
    const html = String(res.body);
    assert.ok(html.includes(SENTENCE[lang](women).trim()), `the ${lang} edition carries the edited sentence`);
    assert.ok(html.includes(`Narrative prevention (${lang})`) || html.includes(`(${lang}), written in the browser test.`), `the ${lang} edition carries the narratives`);
    for (const re of PLACEHOLDERS) assert.doesNotMatch(html, re, `the ${lang} edition has no placeholder ${re}`);
    // A figure with no value prints "—"; the sentences' own dashes (Russian uses them) are all there may be.
    const dashes = (x: string) => x.split('—').length - 1;
    const written = dashes(textsIn({ title: stored.title, subtitle: stored.subtitle, sections: stored.sections }, lang).join('\n'));
    assert.ok(dashes(html.replace(/<[^>]*>/g, ' ')) <= written, `the ${lang} edition prints no "—" for a missing figure`);
  }
  const frozen = (await api.get('/api/reports/2023/editions/1/json')).body;
  const added = frozen.figures.find((f: { id: string }) => f.id === NEW_FIGURE.id);
  assert.equal(String(added.value), women);
  assert.deepEqual(added.label, NEW_FIGURE.label);
  assert.equal(frozen.figures.find((f: { id: string }) => f.id === 'victims.identified').label.en, RENAMED);
  for (const f of frozen.figures as { id: string; value: number | null }[]) assert.notEqual(f.value, null, `${f.id} has a value`);
  const text = JSON.stringify(frozen);
  for (const re of PLACEHOLDERS.slice(0, 3)) assert.doesNotMatch(text, re);
  assert.deepEqual(problems, []);
  tc.diagnostic(`screenshots in ${shots}`);
});
