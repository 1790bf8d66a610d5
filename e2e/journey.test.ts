// End-to-end: one woman's way through the whole chain, across roles, in a real Chromium against the
// real server on a fresh database — the 152 call, the tip, the police record from the call,
// identification, the reflection period on the police home page, consent and referral, the NGO
// accepting from its home page, the allowance and its correction, a note and an attachment, and
// closure. Each step asserts what that role sees and what the others do not. Every name is invented.
// Run: node --import tsx --test e2e/journey.test.ts   (screenshots: AZAD_E2E_SCREENSHOTS=/tmp …)
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test, type TestContext } from 'node:test';
import type { Page } from 'playwright-core';
import { addDays } from '../src/victims/status.ts';
import { todayInCalendar } from '../src/victims/schema.ts';
import type { TestApp } from '../src/test/harness.ts';
import az from '../web/src/i18n/az.json' with { type: 'json' };
import { addForm, BrowserSession, fill, heading, navLink, signIn, section } from './session.ts';

const session = new BrowserSession();
let t: TestApp;
const ngo = { code: 'clean_world', id: '', username: 'e2e.journey.ngo' };
const story = { contactId: '', tipId: '', personId: '', caseCode: '' };
const GIVEN = 'Yolçu';
const FAMILY = 'Sınaqova';
const NOTE = 'Sınaq: Dubayda "ofisiant" işi vəd olunub, pasportu alınıb.';
/** The call came in 29 days ago (a paper log entered late), so the reflection period ends in days. */
const CALL_DAY = addDays(todayInCalendar(), -29);
const REFLECTION_START = addDays(todayInCalendar(), -28);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

before(async () => {
  if (!(await session.start())) return;
  t = session.app;
  const admin = await t.as('administrator');
  const agency = await t.db.kysely.selectFrom('agencies').select('id').where('code', '=', ngo.code).executeTakeFirstOrThrow();
  ngo.id = agency.id;
  const res = await admin.post('/api/users', { username: ngo.username, displayName: 'Test NGO worker', agencyId: ngo.id, roles: ['case_worker'] });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  await t.activate(ngo.username, res.body.oneTimeCode.code);
});
after(() => session.close());

async function shot(page: Page, name: string) {
  const dir = process.env.AZAD_E2E_SCREENSHOTS;
  if (dir) await page.screenshot({ path: path.join(dir, `journey-${name}.png`), fullPage: true });
}
/** A home-page work queue's link, found by its label. */
const queueLink = (page: Page, queue: string) => page.getByTestId('work-queues').getByRole('link').filter({ hasText: queue });
/** The count beside a home-page work queue, or 0 when the queue is not shown. */
async function queueCount(page: Page, queue: string) {
  await page.getByTestId('work-queues').waitFor();
  const link = queueLink(page, queue);
  return (await link.count()) === 0 ? 0 : Number(await link.locator('.work-count').textContent());
}

const FIRST = '1–2 operator: the call, then a tip for the police';
const open = (tc: TestContext, needs: keyof typeof story) => session.open(tc, tc.name !== FIRST && !story[needs] ? 'an earlier step did not complete' : undefined);

test(FIRST, async (tc) => {
  const tab = await open(tc, 'contactId');
  if (!tab) return;
  const { page, problems } = tab;
  await signIn(page, t.users.hotline_operator.username);
  await navLink(page, az.nav.hotlineNew).click();
  await heading(page, az.hotline.newTitle).waitFor();
  await page.locator('#call-topic').selectOption('report_trafficking');
  await page.locator('#call-startedAt').fill(`${CALL_DAY}T10:15`);
  await page.locator('#call-callerType').selectOption('relative');
  await page.locator('#call-notes').fill(NOTE);
  await page.locator('#call-phones').fill('050 765 43 21');
  await page.locator('#call-notes').press('Tab');
  await page.locator('#call-phones').press('Enter');
  await page.getByRole('heading', { level: 2, name: az.hotline.savedTitle }).waitFor();

  // Step 2: the tip, from the same screen; the operator does not open a victim record here.
  await page.getByLabel(az.hotline.tipSummary, { exact: true }).waitFor();
  await page.getByRole('button', { name: az.hotline.fileTip }).click();
  await page.getByRole('status').filter({ hasText: az.hotline.tipFiled }).waitFor();
  const operator = await t.as('hotline_operator');
  const tips = await operator.get('/api/hotline/tips');
  assert.equal(tips.body.items.length, 1);
  story.tipId = tips.body.items[0].id;
  story.contactId = tips.body.items[0].contactId;
  assert.ok(story.contactId, 'the tip names its call');
  const contact = await operator.get(`/api/hotline/contacts/${story.contactId}`);
  assert.equal(contact.body.startedAt.slice(0, 10), CALL_DAY);
  assert.equal(contact.body.personId, null);
  // The NGO, not yet involved, sees neither the call nor the tip.
  const outsider = await t.as('case_worker');
  assert.notEqual((await outsider.get(`/api/hotline/tips/${story.tipId}`)).status, 200);
  assert.deepEqual(problems, []);
});

test('3 police: the tip on the home page, and a potential-victim record from its call', async (tc) => {
  const tab = await open(tc, 'tipId');
  if (!tab) return;
  const { page, problems } = tab;
  await signIn(page, t.users.police_investigator.username);
  assert.equal(await queueCount(page, az.home.queues.tips), 1, 'one tip awaits the police');
  await queueLink(page, az.home.queues.tips).click();
  await heading(page, az.tips.title).waitFor();
  await page.locator(`a[href="/hotline/tips/${story.tipId}"]`).first().click();
  await page.getByText(NOTE, { exact: false }).first().waitFor();
  await page.getByRole('link', { name: az.tips.openContact }).click();

  // The police register her from the call; the contact date is the call's.
  await page.locator('#victim-givenName').fill(GIVEN);
  await page.locator('#victim-familyName').fill(FAMILY);
  await page.getByLabel(az.genders.female, { exact: true }).check();
  await page.getByRole('button', { name: az.hotline.createVictim }).click();
  const code = page.getByTestId('victim-case-code');
  await code.waitFor();
  story.caseCode = (await code.textContent()) ?? '';
  assert.match(story.caseCode, /^AZ-\d{4}-\d{5}$/);
  await code.click();
  await heading(page, story.caseCode).waitFor();
  story.personId = page.url().split('/persons/')[1] ?? '';
  await page.getByRole('heading', { level: 2, name: az.person.calls }).waitFor();
  await page.locator('#calls tbody tr').first().waitFor();
  assert.equal(await page.locator('#calls tbody tr').count(), 1, 'the person page lists the call');
  const police = await t.as('police_investigator');
  const person = await police.get(`/api/persons/${story.personId}`);
  assert.equal(person.body.contactDate, CALL_DAY);
  assert.equal(person.body.identity.givenName, GIVEN);
  // The operator who took the call sees the link, but the record is the police's.
  const operator = await t.as('hotline_operator');
  assert.equal((await operator.get(`/api/hotline/contacts/${story.contactId}`)).body.personId, story.personId);
  await shot(page, '3-police-person');
  assert.deepEqual(problems, []);
});

test('4–6 police: identification, the reflection period on the home page, consent and referral to the NGO', async (tc) => {
  const tab = await open(tc, 'personId');
  if (!tab) return;
  const { page, problems } = tab;
  await signIn(page, t.users.police_investigator.username);
  await page.goto(`/persons/${story.personId}`);
  await heading(page, story.caseCode).waitFor();

  let form = await addForm(page, 'decisions', az.person.addDecision);
  await form.getByLabel(az.person.decisionStatus, { exact: true }).selectOption('identified');
  await form.getByRole('button', { name: az.person.saveDecision }).click();
  await section(page, 'decisions').getByRole('status').filter({ hasText: az.person.decisionSaved }).waitFor();

  form = await addForm(page, 'reflection', az.person.startReflection);
  await form.locator('#reflection-startDate').fill(REFLECTION_START);
  await form.getByRole('button', { name: az.person.startReflection }).click();
  await section(page, 'reflection').getByRole('status').filter({ hasText: az.person.reflectionStarted }).waitFor();

  // Step 5: the period ends within days, so the home page says so and leads to it.
  await page.goto('/');
  assert.equal(await queueCount(page, az.home.queues.reflection), 1);
  await queueLink(page, az.home.queues.reflection).click();
  await page.getByRole('link', { name: story.caseCode }).click();
  await heading(page, story.caseCode).waitFor();

  // Step 6: her consent to the NGO, then the referral.
  form = await addForm(page, 'consents', az.person.addConsent);
  await form.getByLabel(az.person.purpose, { exact: true }).selectOption('referral');
  await form.getByLabel(az.person.consentAgency).selectOption(ngo.id);
  await form.getByRole('button', { name: az.person.saveConsent }).click();
  await section(page, 'consents').getByRole('status').filter({ hasText: az.person.consentSaved }).waitFor();
  form = await addForm(page, 'referrals', az.person.addReferral);
  await form.getByLabel(az.person.referTo).selectOption(ngo.id);
  await form.getByText(az.person.consentOnFile).waitFor();
  await form.getByRole('button', { name: az.person.refer }).click();
  await section(page, 'referrals').getByRole('status').filter({ hasText: az.person.referralSaved }).waitFor();
  await shot(page, '6-police-referred');
  assert.deepEqual(problems, []);
});

test('7 NGO: the referral on its home page, accepted from the inbox; the identity is now readable', async (tc) => {
  const tab = await open(tc, 'personId');
  if (!tab) return;
  const { page, problems } = tab;
  await signIn(page, ngo.username);
  assert.equal(await queueCount(page, az.home.queues.referrals), 1, 'one new referral for the NGO');
  await queueLink(page, az.home.queues.referrals).click();
  await heading(page, az.referrals.title).waitFor();
  const row = page.getByRole('row').filter({ hasText: story.caseCode });
  await row.getByRole('button', { name: `${az.referrals.acceptedAction} ${story.caseCode}` }).click();
  // The inbox shows new referrals: the answered one leaves it.
  await row.waitFor({ state: 'detached' });
  const referrals = (await (await t.as('coordinator')).get(`/api/persons/${story.personId}/referrals`)).body.items as { status: string }[];
  assert.deepEqual(referrals.map((r) => r.status), ['accepted']);
  await page.goto('/');
  assert.equal(await queueCount(page, az.home.queues.referrals), 0, 'the queue empties once answered');
  await page.goto(`/persons/${story.personId}`);
  await heading(page, story.caseCode).waitFor();
  assert.match((await section(page, 'identity').textContent()) ?? '', new RegExp(`${GIVEN}.*${FAMILY}`));
  // Another NGO, not referred, cannot open it.
  const other = await t.as('case_worker');
  assert.equal((await other.get(`/api/persons/${story.personId}`)).status, 404);
  assert.deepEqual(problems, []);
});

test('8–10 NGO: the allowance and its correction, a note and an attachment, closure', async (tc) => {
  const tab = await open(tc, 'personId');
  if (!tab) return;
  const { page, problems } = tab;
  await signIn(page, ngo.username);
  await page.goto(`/persons/${story.personId}`);
  await heading(page, story.caseCode).waitFor();

  // Step 8: the allowance typed as 70, voided with a reason, and recorded again as 700.
  const payments = section(page, 'payments');
  const amountLabel = fill(az.person.amount, { currency: 'AZN' });
  let form = await addForm(page, 'payments', az.person.addPayment);
  await form.getByLabel(az.person.paymentKind, { exact: true }).selectOption('one_time_allowance');
  await form.getByLabel(amountLabel, { exact: true }).fill('70');
  await form.getByRole('button', { name: az.person.savePayment }).click();
  const wrong = payments.getByRole('row').filter({ hasText: '70' }).filter({ hasText: 'Birdəfəlik müavinət' }).first();
  await wrong.waitFor();
  await wrong.locator('summary', { hasText: az.person.correct }).click();
  await wrong.getByLabel(az.person.voidReason, { exact: true }).fill('Məbləğ səhv yazılıb: 700 olmalıdır');
  await wrong.getByRole('button', { name: az.person.void }).click();
  await payments.getByText(/Məbləğ səhv yazılıb/).waitFor();
  form = await addForm(page, 'payments', az.person.addPayment);
  await form.getByLabel(az.person.paymentKind, { exact: true }).selectOption('one_time_allowance');
  assert.equal(await form.getByLabel(amountLabel, { exact: true }).inputValue(), '700');
  await form.getByRole('button', { name: az.person.savePayment }).click();
  await payments.getByRole('status').waitFor();
  const coordinator = await t.as('coordinator');
  const ledger = (await coordinator.get(`/api/persons/${story.personId}/payments`)).body.items as { amount: number; voidedAt: string | null }[];
  assert.deepEqual(ledger.map((p) => [p.amount, p.voidedAt !== null]).sort(), [[70, true], [700, false]], 'the wrong entry stays, voided; the right one stands');

  // Step 9: a note and a scanned consent form.
  form = await addForm(page, 'notes', az.casework.addNote);
  await form.locator('#note-body').fill('Sınaq: ilk görüş sığınacaqda keçdi.');
  await form.getByRole('button', { name: az.casework.saveNote }).click();
  await section(page, 'notes').getByTestId('note').filter({ hasText: 'ilk görüş' }).waitFor();
  form = await addForm(page, 'attachments', az.casework.addAttachment);
  await form.locator('#attachment-contentBase64').setInputFiles({ name: 'razilig.pdf', mimeType: 'application/pdf', buffer: PDF });
  await form.locator('#attachment-description').fill('Razılıq forması');
  await form.getByRole('button', { name: az.casework.upload }).click();
  await section(page, 'attachments').getByTestId('attachment').filter({ hasText: 'razilig.pdf' }).waitFor();
  // The police, who own the record, read the NGO's note; the hotline operator does not.
  const police = await t.as('police_investigator');
  assert.equal((await police.get(`/api/persons/${story.personId}/notes`)).body.items.length, 1);
  const operator = await t.as('hotline_operator');
  assert.notEqual((await operator.get(`/api/persons/${story.personId}/notes`)).status, 200);

  // Step 10: closure.
  form = await addForm(page, 'close', az.person.closeCase);
  await form.getByLabel(az.person.closeReason, { exact: true }).selectOption('reintegrated');
  await form.getByRole('button', { name: az.person.closeCase }).click();
  await page.getByTestId('case-status').filter({ hasText: az.caseStatuses.reintegrated }).waitFor();
  await shot(page, '10-ngo-closed');
  const detail = await coordinator.get(`/api/persons/${story.personId}`);
  assert.equal(detail.body.closure.reason, 'reintegrated');
  assert.deepEqual(problems, []);
});

test('the coordinator sees the whole story on the timeline', async (tc) => {
  const tab = await open(tc, 'personId');
  if (!tab) return;
  const { page, problems } = tab;
  await signIn(page, t.users.coordinator.username);
  await page.goto(`/persons/${story.personId}`);
  await heading(page, story.caseCode).waitFor();
  const timeline = section(page, 'timeline');
  for (const kind of ['call', 'identification', 'reflection_started', 'consent', 'referral', 'payment', 'closed'] as const) {
    await timeline.getByText(az.timeline.kinds[kind], { exact: false }).first().waitFor();
  }
  await shot(page, 'coordinator-timeline');
  assert.deepEqual(problems, []);
});
