// End-to-end: the coordinator adds an indicator with an attribute (an amount in AZN) to a year's
// catalogue in the web app — a bad id is refused beside its field, the fixed one is saved — and the
// NGO's reporter sees it, with the amount on its own line, on their submission form. Synthetic data.
// Screenshots go to $AZAD_SHOTS or a temp dir. Run: node --import tsx --test e2e/indicators.test.ts
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { TestApp } from '../src/test/harness.ts';
import az from '../web/src/i18n/az.json' with { type: 'json' };
import { BrowserSession, fill, heading, navLink, signIn } from './session.ts';

const session = new BrowserSession();
let t: TestApp;
const YEAR = 2024;
const shots = process.env.AZAD_SHOTS ?? fs.mkdtempSync(path.join(os.tmpdir(), 'azad-catalogue-shots-'));

before(async () => {
  if (!(await session.start())) return;
  t = session.app;
});
after(() => session.close());

test('coordinator adds an indicator with an amount attribute; the reporter sees both on the form', async (tc) => {
  const tabA = await session.open(tc);
  if (!tabA) return;
  const tabB = (await session.open(tc))!;
  const coord = tabA.page;
  const rep = tabB.page;
  await coord.setViewportSize({ width: 1280, height: 900 });
  await rep.setViewportSize({ width: 1280, height: 900 });
  const n = (await (await t.as('coordinator')).get(`/api/indicator-catalogue?year=${YEAR}`)).body.catalogue.indicators.length;

  await signIn(coord, t.users.coordinator.username);
  await navLink(coord, az.nav.indicators).click();
  await coord.getByLabel(az.indicators.year, { exact: true }).fill(String(YEAR));
  await coord.getByRole('button', { name: az.submissions.open, exact: true }).click();
  await heading(coord, fill(az.indicators.title, { year: YEAR })).waitFor();
  assert.equal(await coord.getByTestId('catalogue-source').getAttribute('data-source'), 'profile');

  await coord.getByRole('button', { name: az.indicators.add }).click();
  const at = (field: string) => coord.locator(`#ind-${n}-${field}`);
  await at('id').fill('Prevention Brochures');
  await at('label-az').fill('Çap olunmuş broşürlər');
  await at('label-en').fill('Brochures printed');
  await at('label-ru').fill('Напечатанные брошюры');
  await at('reporters').fill('kind:ngo');
  await coord.getByRole('button', { name: az.indicators.addAttribute }).last().click();
  await at('attr-0-id').fill('azn');
  await at('attr-0-unit').selectOption('azn');
  await at('attr-0-label-az').fill('Xərclənmiş məbləğ');
  await at('attr-0-label-en').fill('Amount spent');
  await at('attr-0-label-ru').fill('Израсходованная сумма');
  await coord.getByRole('button', { name: az.indicators.save }).click();
  // The server refuses the id; its message stands beside the id field.
  await coord.locator(`#ind-${n}-id-error`).waitFor();
  await coord.locator(`#ind-${n}-id-error`).scrollIntoViewIfNeeded();
  await coord.screenshot({ path: path.join(shots, 'catalogue-error-az.png') });
  await at('id').fill('prevention.brochures');
  await coord.getByRole('button', { name: az.indicators.save }).click();
  await coord.getByText(fill(az.indicators.saved, { year: YEAR })).waitFor();
  assert.equal(await coord.getByTestId('catalogue-source').getAttribute('data-source'), 'stored');
  await coord.locator('details[data-indicator="prevention.brochures"]').scrollIntoViewIfNeeded();
  await coord.screenshot({ path: path.join(shots, 'catalogue-saved-az.png') });

  await signIn(rep, t.users.agency_reporter.username);
  await rep.goto(`/submissions/form?period=${YEAR}`);
  await heading(rep, fill(az.submissions.formTitle, { period: YEAR })).waitFor();
  await rep.getByLabel('Çap olunmuş broşürlər', { exact: true }).fill('120');
  await rep.getByLabel('Çap olunmuş broşürlər: Xərclənmiş məbləğ', { exact: true }).fill('750.50');
  await rep.getByLabel('Çap olunmuş broşürlər: Xərclənmiş məbləğ', { exact: true }).scrollIntoViewIfNeeded();
  await rep.screenshot({ path: path.join(shots, 'form-attribute-az.png') });
  await rep.getByRole('button', { name: az.submissions.saveDraft }).click();
  await rep.getByText(az.submissions.saved).waitFor();
  const sub = await t.db.kysely.selectFrom('submission_values').select(['indicator_id', 'attribute', 'value']).where('indicator_id', '=', 'prevention.brochures').orderBy('attribute').execute();
  assert.deepEqual(sub.map((v) => [v.attribute, Number(v.value)]), [['', 120], ['azn', 750.5]]);
  assert.deepEqual(tabA.problems, []);
  assert.deepEqual(tabB.problems, []);
  process.stderr.write(`screenshots: ${shots}\n`);
});
