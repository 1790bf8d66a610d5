// End-to-end: a victim's case through the web app in a real Chromium, against the real server on a
// fresh database — intake, identification, exploitation, reflection, consent and referral, the
// receiving NGO's answer, assistance and the one-time allowance, closure. Every name is invented.
// Run: node --import tsx --test e2e/victims.test.ts
// Screenshots of the person page and the list: AZAD_E2E_SCREENSHOTS=/tmp node --import tsx --test e2e/victims.test.ts
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test, type TestContext } from 'node:test';
import type { Page } from 'playwright-core';
import type { Client, TestApp } from '../src/test/harness.ts';
import az from '../web/src/i18n/az.json' with { type: 'json' };
import { addForm, BrowserSession, fill, focusedId, heading, navLink, optional, signIn, section } from './session.ts';
import { daysAgo } from '../src/test/factories.ts';

const session = new BrowserSession();
let t: TestApp;
const ngo = { a: { code: 'clean_world', id: '', username: 'e2e.ngo-a.worker' }, b: { code: 'children_of_azerbaijan', id: '', username: 'e2e.ngo-b.worker' } };
/** The person the story follows, once the intake has opened the record. */
const story = { id: '', caseCode: '' };
/** Obviously invented: "Test Sampleova", as a police officer would type it. */
const GIVEN = 'Sınaq';
const FAMILY = 'Nümunəova';
const BIRTH = '1996-03-14';

async function agencyId(code: string) {
  const row = await t.db.kysely.selectFrom('agencies').select('id').where('code', '=', code).executeTakeFirstOrThrow();
  return row.id;
}

async function intakeByApi(client: Client, given: string, family: string, contactDate: string) {
  const res = await client.post('/api/persons', { identity: { givenName: given, familyName: family, birthDate: BIRTH }, gender: 'female', channel: 'police', contactDate, citizenship: 'AZ' });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body as { id: string; caseCode: string };
}

before(async () => {
  if (!(await session.start())) return;
  t = session.app;
  const admin = await t.as('administrator');
  for (const n of [ngo.a, ngo.b]) {
    n.id = await agencyId(n.code);
    const res = await admin.post('/api/users', { username: n.username, displayName: `Test ${n.code} worker`, agencyId: n.id, roles: ['case_worker'] });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    // The person chooses their password with the one-time code, as a real newcomer does.
    await t.activate(n.username, res.body.oneTimeCode.code);
  }
  const police = await t.as('police_investigator');
  // An earlier record spelt the Latin way, for the intake's duplicate check to find.
  await intakeByApi(police, 'Sinaq', 'Numuneova', daysAgo(60));
  // A reflection period that ended ten days ago without an outcome: overdue in the queue.
  const overdue = await intakeByApi(police, 'Yoxlama', 'Gecikmiş', daysAgo(45));
  assert.equal((await police.post(`/api/persons/${overdue.id}/reflection`, { startDate: daysAgo(40) })).status, 201);
});

after(() => session.close());

const open = (tc: TestContext) => session.open(tc, !story.id && tc.name !== STEP1 ? 'the intake step did not complete' : undefined);



/** What a keyboard user types into a date field for `ymd`, in the browser's order of day, month and year. */
async function dateDigits(page: Page, ymd: string) {
  const [y, m, d] = ymd.split('-') as [string, string, string];
  const order = await page.evaluate(() =>
    new Intl.DateTimeFormat(navigator.language).formatToParts(new Date(2000, 10, 22)).map((p) => p.type).filter((p) => p === 'day' || p === 'month' || p === 'year'),
  );
  return order.map((p) => ({ day: d, month: m, year: y })[p as 'day' | 'month' | 'year']).join('');
}

async function screenshot(page: Page, name: string) {
  const dir = process.env.AZAD_E2E_SCREENSHOTS;
  if (dir) await page.screenshot({ path: path.join(dir, `azad-${name}.png`), fullPage: true });
}

const STEP1 = 'police: keyboard intake with a duplicate warning, identification, exploitation event, reflection period';

test(STEP1, async (tc) => {
  const tab = await open(tc);
  if (!tab) return;
  const { page, problems } = tab;
  await signIn(page, t.users.police_investigator.username);

  // The menu shows the new pages for the police.
  await navLink(page, az.nav.reflection).waitFor();
  await navLink(page, az.nav.referrals).waitFor();
  await navLink(page, az.nav.persons).click();
  await heading(page, az.persons.title).waitFor();
  await page.getByRole('link', { name: az.persons.new }).click();
  await heading(page, az.intake.title).waitFor();

  // Keyboard only: the cursor starts in the given name; defaults cover channel, contact date, citizenship.
  await page.waitForFunction(() => document.activeElement?.id === 'identity.givenName');
  await page.keyboard.type(GIVEN);
  await page.keyboard.press('Tab');
  assert.equal(await focusedId(page), 'identity.familyName');
  await page.keyboard.type(FAMILY);
  await page.keyboard.press('Tab');
  assert.equal(await focusedId(page), 'identity.birthDate');
  // A date field takes digits segment by segment, in the browser's date order (dd.mm.yyyy, mm/dd/yyyy…).
  await page.keyboard.type(await dateDigits(page, BIRTH));
  assert.equal(await page.locator('#identity\\.birthDate').inputValue(), BIRTH);
  // Chromium keeps focus inside a date field for one Tab after its last segment (the picker).
  for (let i = 0; i < 3 && (await focusedId(page)) === 'identity.birthDate'; i++) await page.keyboard.press('Tab');
  // Then what is known of the birth date (the full date, unless changed), and on to gender.
  assert.equal(await focusedId(page), 'identity.birthDate-precision');
  assert.equal(await page.locator('#identity\\.birthDate-precision').inputValue(), 'day');
  await page.keyboard.press('Tab');
  // Gender is a row of radio buttons: Tab lands on the first, an arrow key moves and chooses.
  assert.equal(await focusedId(page), 'gender-male');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.getByLabel(az.genders.female, { exact: true }).isChecked(), true);
  assert.equal(await page.locator('#channel').inputValue(), 'police', 'a police officer’s intake defaults to the police channel');
  assert.equal(await page.locator('#citizenship').inputValue(), 'AZ');
  assert.match(await page.locator('#contactDate').inputValue(), /^\d{4}-\d{2}-\d{2}$/);

  // The earlier, differently spelt record is offered before the new one is opened.
  const hints = page.locator('section.duplicates');
  await hints.getByRole('status').filter({ hasText: fill(az.intake.duplicatesFound_one, { count: 1 }) }).waitFor();
  assert.match((await hints.getByRole('link').first().textContent()) ?? '', /^AZ-\d{4}-\d{5}$/);

  // Enter from the radio button saves: the defaults stand for channel, contact date and citizenship.
  assert.equal(await focusedId(page), 'gender-female');
  await page.keyboard.press('Enter');

  // The person page: named by case code only, in the heading, the address and the title.
  const h1 = page.getByRole('heading', { level: 1 });
  await h1.filter({ hasText: /^AZ-\d{4}-\d{5}$/ }).waitFor();
  story.caseCode = (await h1.textContent()) ?? '';
  story.id = page.url().split('/persons/')[1] ?? '';
  assert.match(story.id, /^[0-9a-f-]{36}$/);
  assert.equal(await page.title(), `${story.caseCode} · Azad`);
  await page.getByRole('status').filter({ hasText: fill(az.intake.created, { caseCode: story.caseCode }) }).waitFor();
  assert.equal(await page.getByTestId('case-status').textContent(), az.caseStatuses.new);
  const identity = section(page, 'identity');
  await identity.getByRole('heading', { name: az.person.identityTitle }).waitFor();
  assert.match((await identity.textContent()) ?? '', new RegExp(`${GIVEN}.*${FAMILY}`));

  // Identification decision: identified.
  let form = await addForm(page, 'decisions', az.person.addDecision);
  await form.getByLabel(az.person.decisionStatus, { exact: true }).selectOption('identified');
  await form.getByRole('button', { name: az.person.saveDecision }).click();
  await section(page, 'decisions').getByRole('status').filter({ hasText: az.person.decisionSaved }).waitFor();
  await section(page, 'decisions').getByRole('cell', { name: az.identificationStatuses.identified, exact: true }).waitFor();
  await page.locator('.status-line', { hasText: az.identificationStatuses.identified }).waitFor();

  // Exploitation in Türkiye, sexual exploitation.
  form = await addForm(page, 'events', az.person.addEvent);
  assert.equal(await form.getByLabel(az.person.eventKind, { exact: true }).inputValue(), 'exploitation');
  await form.getByLabel(optional(az.person.country), { exact: true }).fill('tr');
  // As the person told it: it began some time last year and ended in January.
  const year = new Date().getUTCFullYear();
  await form.locator('#event-startDate-precision').selectOption('year');
  await form.locator('#event-startDate').fill(String(year - 1));
  await form.locator('#event-endDate-precision').selectOption('month');
  await form.locator('#event-endDate').fill(String(year));
  await form.locator('#event-endDate-month').selectOption('01');
  await form.getByLabel('Cinsi istismar', { exact: true }).check();
  await form.getByLabel('Fahişəlik', { exact: true }).check();
  await form.getByLabel(az.meansOfControl.withholds_documents, { exact: true }).check();
  await form.getByRole('button', { name: az.person.saveEvent }).click();
  await section(page, 'events').getByRole('status').filter({ hasText: az.person.eventSaved }).waitFor();
  const eventRow = section(page, 'events').getByRole('row').filter({ hasText: '(TR)' });
  await eventRow.waitFor();
  assert.match((await eventRow.textContent()) ?? '', /Cinsi istismar.*Fahişəlik/);
  // Shown as told: "2025 – yanvar 2026".
  assert.ok(((await eventRow.textContent()) ?? '').includes(`${year - 1} – ${fill(az.partialDate.monthYear, { month: az.partialDate.months['01'], year })}`));

  // The reflection period: 30 days by law, from today.
  form = await addForm(page, 'reflection', az.person.startReflection);
  await form.getByRole('button', { name: az.person.startReflection }).click();
  await section(page, 'reflection').getByText(fill(az.reflection.daysLeft_other, { count: 30 })).waitFor();
  await page.getByTestId('case-status').filter({ hasText: az.caseStatuses.in_reflection }).waitFor();

  const detail = await (await t.as('police_investigator')).get(`/api/persons/${story.id}`);
  assert.equal(detail.body.identificationStatus, 'identified');
  assert.deepEqual(detail.body.events[0].forms, ['sexual']);
  assert.equal(detail.body.events[0].country, 'TR');
  assert.deepEqual([detail.body.events[0].startDate, detail.body.events[0].endDate], [String(year - 1), `${year}-01`]);
  assert.equal(detail.body.reflection.lengthDays, 30);

  // The reflection queue: the long-overdue period is marked by class and in words.
  await navLink(page, az.nav.reflection).click();
  await heading(page, az.reflectionQueue.title).waitFor();
  const overdueRow = page.locator('tr.row--overdue');
  await overdueRow.waitFor();
  assert.match((await overdueRow.textContent()) ?? '', new RegExp(`${az.reflection.overdue}.*${fill(az.reflection.overdueBy_other, { count: 10 })}`));
  assert.equal(await page.getByRole('row').filter({ hasText: story.caseCode }).count(), 0, 'a period with 30 days left is not within 7 days');

  assert.deepEqual(problems, []);
});

test('police: consent and referral to NGO A; NGO A accepts and sees the person, NGO B sees nothing', async (tc) => {
  const police = await open(tc);
  if (!police) return;
  await signIn(police.page, t.users.police_investigator.username);
  await police.page.goto(`/persons/${story.id}`);
  await heading(police.page, story.caseCode).waitFor();

  // Consent for referral to NGO A.
  let form = await addForm(police.page, 'consents', az.person.addConsent);
  assert.equal(await form.getByLabel(az.person.purpose, { exact: true }).inputValue(), 'referral');
  await form.getByLabel(az.person.consentAgency).selectOption(ngo.a.id);
  await form.getByRole('button', { name: az.person.saveConsent }).click();
  await section(police.page, 'consents').getByRole('status').filter({ hasText: az.person.consentSaved }).waitFor();

  // Without consent (NGO B) the form asks for a reason; with it (NGO A) it does not.
  form = await addForm(police.page, 'referrals', az.person.addReferral);
  const referTo = form.getByLabel(az.person.referTo, { exact: true });
  await referTo.selectOption(ngo.b.id);
  await form.getByLabel(az.person.overrideReason, { exact: true }).waitFor();
  await referTo.selectOption(ngo.a.id);
  await form.getByText(az.person.consentOnFile).waitFor();
  assert.equal(await form.getByLabel(az.person.overrideReason, { exact: true }).count(), 0);
  await form.getByRole('button', { name: az.person.refer }).click();
  await section(police.page, 'referrals').getByRole('status').filter({ hasText: az.person.referralSaved }).waitFor();
  await section(police.page, 'referrals').getByRole('cell', { name: az.referralStatuses.sent, exact: true }).waitFor();
  assert.deepEqual(police.problems, []);

  // NGO A: the inbox, Accept, then the person with the identity panel.
  const a = await open(tc);
  if (!a) return;
  await signIn(a.page, ngo.a.username);
  await navLink(a.page, az.nav.referrals).click();
  await heading(a.page, az.referrals.title).waitFor();
  const row = a.page.getByRole('row').filter({ hasText: story.caseCode });
  await row.waitFor();
  assert.match((await row.textContent()) ?? '', new RegExp(az.referralStatuses.sent));
  assert.equal(await row.getByRole('button', { name: `${az.referrals.completedAction} ${story.caseCode}` }).count(), 0, 'a sent referral cannot be completed yet');
  await row.getByRole('button', { name: `${az.referrals.acceptedAction} ${story.caseCode}` }).click();
  await a.page.getByRole('status').filter({ hasText: fill(az.referrals.acceptedNotice, { caseCode: story.caseCode }) }).waitFor();
  await row.getByRole('cell', { name: az.referralStatuses.accepted, exact: true }).waitFor();
  await row.getByRole('button', { name: `${az.referrals.completedAction} ${story.caseCode}` }).waitFor();
  await row.getByRole('link', { name: story.caseCode }).click();
  await heading(a.page, story.caseCode).waitFor();
  await section(a.page, 'identity').getByText(GIVEN, { exact: true }).waitFor();
  // A case worker records help but no identification decision.
  assert.equal(await section(a.page, 'decisions').locator('summary').count(), 0);
  assert.deepEqual(a.problems, []);

  // NGO B: not in the list, not even by case code, and the address leads nowhere.
  const b = await open(tc);
  if (!b) return;
  await signIn(b.page, ngo.b.username);
  await navLink(b.page, az.nav.persons).click();
  await heading(b.page, az.persons.title).waitFor();
  await b.page.getByText(az.common.noResults).waitFor();
  await b.page.getByLabel(az.persons.caseCode, { exact: true }).fill(story.caseCode);
  await b.page.getByRole('button', { name: az.common.search }).click();
  await b.page.waitForURL(/caseCode=/);
  await b.page.getByText(az.common.noResults).waitFor();
  assert.equal(await b.page.getByRole('link', { name: story.caseCode }).count(), 0);
  await b.page.goto(`/persons/${story.id}`);
  await heading(b.page, az.notFound.title).waitFor();
  assert.equal(await b.page.getByText(GIVEN).count(), 0);
  assert.equal(await b.page.getByText(story.caseCode).count(), 0);
  assert.deepEqual(b.problems, []);
});

test('NGO A records psychological help and the one-time allowance of 700', async (tc) => {
  const tab = await open(tc);
  if (!tab) return;
  const { page, problems } = tab;
  await signIn(page, ngo.a.username);
  await page.goto(`/persons/${story.id}`);
  await heading(page, story.caseCode).waitFor();

  let form = await addForm(page, 'assistance', az.person.addAssistance);
  const kind = form.getByLabel(az.person.assistanceKind, { exact: true });
  const offered = await kind.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  assert.ok(offered.includes('psychological'));
  assert.ok(!offered.includes('one_time_allowance'), 'money is not offered as assistance');
  await kind.selectOption('psychological');
  assert.equal(await form.getByLabel(az.person.provider, { exact: true }).inputValue(), ngo.a.id, 'provided by one’s own agency by default');
  await form.getByRole('button', { name: az.person.saveAssistance }).click();
  await section(page, 'assistance').getByRole('status').filter({ hasText: az.person.assistanceSaved }).waitFor();
  await section(page, 'assistance').getByRole('cell', { name: 'Psixoloji yardım', exact: true }).waitFor();
  await page.getByTestId('case-status').filter({ hasText: az.caseStatuses.assisted }).waitFor();

  form = await addForm(page, 'payments', az.person.addPayment);
  await form.getByLabel(az.person.paymentKind, { exact: true }).selectOption('one_time_allowance');
  const amount = form.getByLabel(fill(az.person.amount, { currency: 'AZN' }), { exact: true });
  assert.equal(await amount.inputValue(), '700', 'the allowance’s standard amount is filled in');
  await form.getByRole('button', { name: az.person.savePayment }).click();
  const payments = section(page, 'payments');
  await payments.getByRole('status').filter({ hasText: az.person.paymentSaved.split(':')[0] ?? '' }).waitFor();
  const paid = payments.getByRole('row').filter({ hasText: 'Birdəfəlik müavinət' });
  await paid.waitFor();
  assert.match((await paid.textContent()) ?? '', /700/);

  const list = await (await t.as('coordinator')).get(`/api/persons/${story.id}/payments`);
  assert.equal(list.body.items.length, 1);
  assert.equal(list.body.items[0].amount, 700);
  assert.equal(list.body.items[0].currency, 'AZN');
  assert.equal(list.body.items[0].payerAgencyId, ngo.a.id);

  assert.deepEqual(problems, []);
});

test('the case closes as reintegrated: on the person page and in the list', async (tc) => {
  const tab = await open(tc);
  if (!tab) return;
  const { page, problems } = tab;
  await signIn(page, ngo.a.username);
  await page.goto(`/persons/${story.id}`);
  await heading(page, story.caseCode).waitFor();

  const form = await addForm(page, 'close', az.person.closeCase);
  await form.getByLabel(az.person.closeReason, { exact: true }).selectOption('reintegrated');
  await form.getByRole('button', { name: az.person.closeCase }).click();
  await section(page, 'close').getByRole('status').filter({ hasText: az.person.caseClosed }).waitFor();
  await page.getByTestId('case-status').filter({ hasText: az.caseStatuses.reintegrated }).waitFor();
  await section(page, 'timeline').getByText(az.timeline.kinds.closed).waitFor();
  await screenshot(page, 'person');

  await navLink(page, az.nav.persons).click();
  await heading(page, az.persons.title).waitFor();
  const row = page.getByRole('row').filter({ hasText: story.caseCode });
  await row.waitFor();
  assert.match((await row.textContent()) ?? '', new RegExp(az.caseStatuses.reintegrated));
  assert.equal(await page.getByText(GIVEN).count(), 0, 'the list names nobody');

  // The police list, filtered by status, shows it too.
  const police = await open(tc);
  if (!police) return;
  await signIn(police.page, t.users.police_investigator.username);
  await police.page.goto('/persons');
  await police.page.getByLabel(az.persons.status, { exact: true }).selectOption('reintegrated');
  await police.page.getByRole('button', { name: az.common.search }).click();
  await police.page.waitForURL(/status=reintegrated/);
  const policeRow = police.page.getByRole('row').filter({ hasText: story.caseCode });
  await policeRow.waitFor();
  assert.match((await policeRow.textContent()) ?? '', new RegExp(az.caseStatuses.reintegrated));
  // The unfiltered page may still be on screen while the filtered one loads: wait for the filter to apply.
  await police.page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 1, undefined, { timeout: 10_000 }).catch(() => undefined);
  assert.equal(await police.page.locator('tbody tr').count(), 1);
  await screenshot(police.page, 'persons');

  assert.deepEqual(problems, []);
  assert.deepEqual(police.problems, []);
});
