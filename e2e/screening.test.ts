// End-to-end: screening in a real Chromium against the real server on a fresh database — a
// suspicious Azerbaijani job ad pasted, flagged with its evidence highlighted, kept for review,
// and a flag marked. The ad and the number in it are invented.
// Run: node --import tsx --test e2e/screening.test.ts
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { TestApp } from '../src/test/harness.ts';
import az from '../web/src/i18n/az.json' with { type: 'json' };
import { BrowserSession, heading, navLink, signIn } from './session.ts';

const session = new BrowserSession();
let t: TestApp;
const AD = 'Təcili! Dubayda ofisiant işi, təcrübə tələb olunmur, yüksək maaş. Bilet bizdən. Yalnız WhatsApp: +994 50 000 00 00';

before(async () => {
  if (!(await session.start())) return;
  t = session.app;
});
after(() => session.close());

test('operator: a pasted job ad is flagged, its evidence highlighted, kept and a flag marked', async (tc) => {
  const tab = await session.open(tc);
  if (!tab) return;
  const { page, problems } = tab;
  await signIn(page, t.users.hotline_operator.username);
  await navLink(page, az.nav.screening).click();
  await heading(page, az.screening.title).waitFor();

  await page.locator('#screen-text').fill(AD);
  await page.locator('#screen-submit').click();
  const flag = page.getByTestId('screen-flag');
  await flag.waitFor();
  assert.equal((await flag.textContent())?.trim(), az.screening.flagged);

  // The evidence is marked in the text, each mark naming its indicator.
  const marks = page.getByTestId('screening-text').locator('mark');
  const found = await marks.evaluateAll((ms) => ms.map((m) => [m.getAttribute('data-code'), m.textContent]));
  assert.deepEqual(
    found.find(([code]) => code === 'recruiter_pays_travel'),
    ['recruiter_pays_travel', 'Bilet bizdən'],
  );
  assert.deepEqual(found[0], ['urgency_pressure', 'Təcili']);
  assert.equal(await marks.first().getAttribute('title'), az.screening.codes.urgency_pressure);

  // Keep it, then mark the travel flag a true alarm.
  await page.locator('#screen-keep').click();
  await page.getByTestId('kept-link').waitFor();
  const travel = page.getByTestId('verdict-recruiter_pays_travel');
  await travel.getByRole('button', { name: `${az.screening.codes.recruiter_pays_travel}: ${az.screening.verdicts.true_alarm}` }).click();
  await travel.locator('.status').waitFor();
  assert.equal((await travel.locator('.status').textContent())?.trim(), az.screening.verdicts.true_alarm);

  const rows = await t.db.kysely.selectFrom('screening_decisions').select(['code', 'verdict']).execute();
  assert.deepEqual(rows, [{ code: 'recruiter_pays_travel', verdict: 'true_alarm' }]);
  const items = await t.db.kysely.selectFrom('screening_items').select(['flagged']).execute();
  assert.deepEqual(items, [{ flagged: true }]);
  assert.deepEqual(problems, []);
});
