// End-to-end: the 152 hotline through the web app in a real Chromium, against the real server on a
// fresh database — a call logged from the keyboard on the fast entry screen, a potential-victim
// record and a tip from it on the same screen, the police tip queue, the phone search, and an NGO
// that sees none of it. Every name, number and account is invented.
// Run: node --import tsx --test e2e/hotline.test.ts
import assert from 'node:assert/strict';
import { after, before, test, type TestContext } from 'node:test';
import { daysAgo } from '../src/test/factories.ts';
import type { TestApp } from '../src/test/harness.ts';
import az from '../web/src/i18n/az.json' with { type: 'json' };
import { BrowserSession, fill, focusedId, heading, navLink, optional, signIn } from './session.ts';

const session = new BrowserSession();
let t: TestApp;
const ngo = { code: 'clean_world', username: 'e2e.hotline.ngo-worker' };
/** What the first step created, for the later ones. */
const story = { contactId: '', tipId: '', caseCode: '' };
const NOTE = 'Sınaq: Türkiyədə iş təklifi, pasport alınıb.';

before(async () => {
  if (!(await session.start())) return;
  t = session.app;
  const admin = await t.as('administrator');
  const agency = await t.db.kysely.selectFrom('agencies').select('id').where('code', '=', ngo.code).executeTakeFirstOrThrow();
  const res = await admin.post('/api/users', { username: ngo.username, displayName: 'Test NGO worker', agencyId: agency.id, roles: ['case_worker'] });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  // The person chooses their password with the one-time code, as a real newcomer does.
  await t.activate(ngo.username, res.body.oneTimeCode.code);
});

after(() => session.close());

const STEP1 = 'operator: a call logged from the keyboard in under a minute, then a potential victim and a tip from the same screen';

const open = (tc: TestContext) => session.open(tc, !story.tipId && tc.name !== STEP1 ? 'the fast entry step did not complete' : undefined);

test(STEP1, async (tc) => {
  const tab = await open(tc);
  if (!tab) return;
  const { page, problems } = tab;
  await signIn(page, t.users.hotline_operator.username);

  // The call comes in: the operator opens the fast entry screen.
  const opened = Date.now();
  await navLink(page, az.nav.hotlineNew).click();
  await heading(page, az.hotline.newTitle).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'call-topic');
  assert.equal(await page.locator('#call-channel').inputValue(), 'phone_152');
  assert.equal(await page.locator('#call-language').inputValue(), 'az');
  assert.match(await page.locator('#call-startedAt').inputValue(), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
  assert.match(await page.locator('#call-durationSeconds').inputValue(), /^\d+:\d{2}$/);

  // Topic: arrow keys choose in a closed select; the third topic is "reporting suspected trafficking".
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  assert.equal(await page.locator('#call-topic').inputValue(), 'report_trafficking');
  // Its template fills the outcome and the notes.
  assert.equal(await page.locator('#call-outcome').inputValue(), 'tip_forwarded');
  const template = (await page.locator('#call-notes').inputValue()).trim();
  assert.match(template, /^Nə baş verib: …/);

  await page.keyboard.press('Tab');
  assert.equal(await focusedId(page), 'call-callerType');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.locator('#call-callerType').inputValue(), 'relative');
  await page.keyboard.press('Tab');
  assert.equal(await focusedId(page), 'call-notes');
  await page.keyboard.press('Control+End');
  await page.keyboard.type(` ${NOTE}`);
  await page.keyboard.press('Tab');
  assert.equal(await focusedId(page), 'call-phones');
  await page.keyboard.type('050 123 45 67, 12-34');
  await page.keyboard.press('Tab');
  assert.equal(await focusedId(page), 'call-handles');
  await page.keyboard.type('@recruiter.baku');
  // Enter in a one-line field saves.
  await page.keyboard.press('Enter');

  await page.getByRole('heading', { level: 2, name: az.hotline.savedTitle }).waitFor();
  const entryMs = Date.now() - opened;
  console.log(`fast entry: ${(entryMs / 1000).toFixed(1)} s from opening the screen to the saved contact`);
  assert.ok(entryMs < 60_000, `the call took ${entryMs} ms to log`);
  assert.equal(await focusedId(page), 'saved-title', 'focus moves to the confirmation');

  // The invalid number is a warning, not an error: shown, and the contact saved.
  const warnings = page.getByTestId('save-warnings');
  await warnings.waitFor();
  assert.match((await warnings.textContent()) ?? '', new RegExp(`«12-34»: ${az.hotline.invalidPhone}`));
  await page.getByRole('status').filter({ hasText: az.hotline.saved }).waitFor();

  const operator = await t.as('hotline_operator');
  const list = await operator.get('/api/hotline/contacts');
  assert.equal(list.body.items.length, 1);
  story.contactId = list.body.items[0].id;
  const detail = await operator.get(`/api/hotline/contacts/${story.contactId}`);
  assert.equal(detail.body.topic, 'report_trafficking');
  assert.equal(detail.body.outcome, 'tip_forwarded');
  assert.equal(detail.body.callerType, 'relative');
  assert.equal(detail.body.channel, 'phone_152');
  assert.ok(detail.body.notes.endsWith(NOTE));
  assert.ok(detail.body.durationSeconds >= 0 && detail.body.durationSeconds < 120);
  const ids = detail.body.identifiers as { kind: string; value: string; normalized: string; valid: boolean }[];
  assert.deepEqual(ids.map((i) => [i.kind, i.valid]).sort(), [['handle', true], ['phone', false], ['phone', true]]);
  assert.equal(ids.find((i) => i.value === '050 123 45 67')?.normalized, '+994501234567');

  // A potential-victim record from the call, without leaving the screen.
  await page.getByLabel(az.intake.givenName, { exact: true }).fill('Sınaq');
  await page.getByLabel(optional(az.intake.familyName), { exact: true }).fill('Zəngçiyeva');
  await page.getByLabel(az.genders.female, { exact: true }).check();
  await page.getByRole('button', { name: az.hotline.createVictim }).click();
  const caseCode = page.getByTestId('victim-case-code');
  await caseCode.waitFor();
  story.caseCode = (await caseCode.textContent()) ?? '';
  assert.match(story.caseCode, /^AZ-\d{4}-\d{5}$/);
  await page.getByRole('status').filter({ hasText: fill(az.hotline.victimCreated, { caseCode: story.caseCode }) }).waitFor();

  // A tip for the police: the summary and numbers come from the call.
  assert.equal(await page.getByLabel(az.hotline.tipSummary, { exact: true }).inputValue(), detail.body.notes);
  assert.equal(await page.locator('#tip-phones').inputValue(), '050 123 45 67, 12-34');
  assert.equal(await page.locator('#tip-handles').inputValue(), '@recruiter.baku');
  await page.getByRole('button', { name: az.hotline.fileTip }).click();
  await page.getByRole('status').filter({ hasText: az.hotline.tipFiled }).waitFor();
  const tips = await operator.get('/api/hotline/tips');
  assert.equal(tips.body.items.length, 1);
  story.tipId = tips.body.items[0].id;
  assert.equal(tips.body.items[0].contactId, story.contactId);

  // The contact page: the linked record, and the invalid number marked.
  const linked = await operator.get(`/api/hotline/contacts/${story.contactId}`);
  assert.ok(linked.body.personId);
  await page.getByRole('link', { name: az.hotline.openContact }).click();
  await page.getByRole('link', { name: story.caseCode }).waitFor();
  await page.getByTestId('identifiers').getByText(az.hotline.keptAsWritten).waitFor();
  assert.equal(await page.getByTestId('identifiers').getByText(az.hotline.keptAsWritten).count(), 1);

  // The person's page lists the call behind it.
  await page.getByRole('link', { name: story.caseCode }).click();
  await page.getByRole('heading', { level: 2, name: az.person.calls }).waitFor();
  await page.locator('#calls tbody tr').first().waitFor();
  assert.equal(await page.locator('#calls tbody tr').count(), 1);

  // "New call" starts an empty form again.
  await navLink(page, az.nav.hotlineNew).click();
  await page.waitForFunction(() => document.activeElement?.id === 'call-topic');
  assert.equal(await page.locator('#call-topic').inputValue(), '');
  assert.equal(await page.locator('#call-notes').inputValue(), '');

  assert.deepEqual(problems, []);
});

test('police: the tip is in the queue and goes into review', async (tc) => {
  const tab = await open(tc);
  if (!tab) return;
  const { page, problems } = tab;
  await signIn(page, t.users.police_investigator.username);
  await navLink(page, az.nav.tips).click();
  await heading(page, az.tips.title).waitFor();
  const row = page.locator('tbody tr', { has: page.locator(`a[href="/hotline/tips/${story.tipId}"]`) });
  await row.waitFor();
  assert.match((await row.textContent()) ?? '', new RegExp(az.tipStatuses.new));
  await row.getByRole('link').first().click();
  await page.getByTestId('tip-status').filter({ hasText: az.tipStatuses.new }).waitFor();
  await page.getByText(NOTE, { exact: false }).waitFor();
  await page.getByTestId('identifiers').getByText('@recruiter.baku').waitFor();

  assert.equal(await page.getByLabel(az.tips.newStatus, { exact: true }).inputValue(), 'in_review');
  await page.getByRole('button', { name: az.tips.setStatus }).click();
  await page.getByRole('status').filter({ hasText: fill(az.tips.statusSaved, { status: az.tipStatuses.in_review }) }).waitFor();
  await page.getByTestId('tip-status').filter({ hasText: az.tipStatuses.in_review }).waitFor();
  const tip = await (await t.as('police_investigator')).get(`/api/hotline/tips/${story.tipId}`);
  assert.equal(tip.body.status, 'in_review');

  // The queue filtered by status.
  await navLink(page, az.nav.tips).click();
  await page.getByLabel(az.tips.status, { exact: true }).selectOption('in_review');
  await page.waitForURL(/status=in_review/);
  await page.locator(`a[href="/hotline/tips/${story.tipId}"]`).waitFor();
  assert.deepEqual(problems, []);
});

test('operator: the number in another format finds the contact and the tip; the statistics count the call', async (tc) => {
  const tab = await open(tc);
  if (!tab) return;
  const { page, problems } = tab;
  await signIn(page, t.users.hotline_operator.username);
  await navLink(page, az.nav.hotline).click();
  await heading(page, az.hotline.listTitle).waitFor();
  await page.locator(`tbody a[href="/hotline/contacts/${story.contactId}"]`).waitFor();

  await page.getByLabel(az.hotline.searchLabel, { exact: true }).fill('+994 50 123 45 67');
  await page.keyboard.press('Enter');
  const results = page.locator('section.search-results');
  await results.getByRole('status').filter({ hasText: '+994501234567' }).waitFor();
  await results.locator(`tbody a[href="/hotline/contacts/${story.contactId}"]`).first().waitFor();
  await results.locator(`a[href="/hotline/tips/${story.tipId}"]`).waitFor();
  assert.equal(await results.locator('tbody tr').count(), 2);

  await navLink(page, az.nav.hotlineStats).click();
  await heading(page, az.stats.title).waitFor();
  await page.getByTestId('stats-total').filter({ hasText: /^1$/ }).waitFor();
  await page.getByTestId('stats-topic').getByRole('rowheader', { name: 'Şübhəli insan alveri barədə məlumat' }).waitFor();
  await page.getByTestId('stats-channel').getByRole('rowheader', { name: az.contactChannels.phone_152 }).waitFor();
  assert.deepEqual(problems, []);
});

test('operator: my follow-ups mark the overdue one in words and take "Done"', async (tc) => {
  const tab = await open(tc);
  if (!tab) return;
  const { page, problems } = tab;
  const operator = await t.as('hotline_operator');
  const res = await operator.post('/api/hotline/contacts', {
    startedAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
    durationSeconds: 95,
    channel: 'whatsapp',
    language: 'ru',
    callerType: 'self',
    topic: 'help_request',
    outcome: 'follow_up',
    followUpDue: daysAgo(1),
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  await signIn(page, t.users.hotline_operator.username);
  await navLink(page, az.nav.followUps).click();
  await heading(page, az.followUps.title).waitFor();
  const row = page.locator('tr.row--overdue');
  await row.waitFor();
  await row.getByText(az.followUps.overdue, { exact: true }).waitFor();
  await row.getByRole('button', { name: az.followUps.done, exact: false }).click();
  await page.getByRole('status').filter({ hasText: az.followUps.doneNotice.split(':')[0] ?? '' }).waitFor();
  await page.getByText(az.followUps.none).waitFor();
  const after = await operator.get('/api/hotline/follow-ups');
  assert.equal(after.body.items.length, 0);
  assert.deepEqual(problems, []);
});

test('an NGO case worker sees no hotline contact, not even by its address', async (tc) => {
  const tab = await open(tc);
  if (!tab) return;
  const { page, problems } = tab;
  await signIn(page, ngo.username);
  await navLink(page, az.nav.hotline).click();
  await heading(page, az.hotline.listTitle).waitFor();
  await page.getByText(az.common.noResults).waitFor();
  assert.equal(await page.locator(`a[href="/hotline/contacts/${story.contactId}"]`).count(), 0);
  await page.goto(`/hotline/contacts/${story.contactId}`);
  await heading(page, az.notFound.title).waitFor();
  assert.equal(await page.getByText(NOTE).count(), 0);
  await page.goto(`/hotline/tips/${story.tipId}`);
  await heading(page, az.notFound.title).waitFor();
  assert.deepEqual(problems, []);
});

test('police: a potential victim from the hotline\'s call on its page, a later call linked by case code, both calls on the person\'s timeline', async (tc) => {
  const tab = await session.open(tc);
  if (!tab) return;
  const { page, problems } = tab;
  const operator = await t.as('hotline_operator');
  const call = (minutesAgo: number, topic: string) =>
    operator.post('/api/hotline/contacts', {
      startedAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
      durationSeconds: 120,
      channel: 'phone_152',
      language: 'az',
      callerType: 'relative',
      topic,
      outcome: 'tip_forwarded',
      notes: 'Sınaq: qonşu qızın pasportunu götürüblər.',
    });
  const first = await call(30, 'report_trafficking');
  const second = await call(10, 'missing_person');
  assert.equal(first.status, 201);

  await signIn(page, t.users.police_investigator.username);
  await page.goto(`/hotline/contacts/${first.body.id}`);
  await page.getByLabel(az.intake.givenName, { exact: true }).fill('Zəncir');
  await page.getByLabel(az.genders.female, { exact: true }).check();
  await page.getByRole('button', { name: az.hotline.createVictim }).click();
  const code = page.getByTestId('victim-case-code');
  await code.waitFor();
  const caseCode = (await code.textContent()) ?? '';
  assert.match(caseCode, /^AZ-\d{4}-\d{5}$/);

  // The later call: linked by the case code from its own page.
  await page.goto(`/hotline/contacts/${second.body.id}`);
  await page.getByLabel(az.hotline.linkCaseCode, { exact: true }).fill('AZ-0000-00000');
  await page.getByRole('button', { name: az.hotline.linkAction }).click();
  await page.getByText(az.hotline.linkNoPerson).first().waitFor();
  await page.getByLabel(az.hotline.linkCaseCode, { exact: true }).fill(caseCode);
  await page.getByRole('button', { name: az.hotline.linkAction }).click();
  await page.getByRole('link', { name: caseCode }).click();

  const timeline = page.locator('ol.timeline');
  await timeline.waitFor();
  const calls = timeline.locator('li', { hasText: az.timeline.kinds.call });
  await calls.nth(1).waitFor();
  assert.equal(await calls.count(), 2, 'both calls on the timeline');
  assert.deepEqual(problems, []);
});
