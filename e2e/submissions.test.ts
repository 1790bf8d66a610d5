// End-to-end: an agency's annual figures through the web app in a real Chromium — the reporter fills
// in the form (a part-of rule refuses an impossible figure next to its field), submits; the
// coordinator returns it with a comment; the reporter fixes and resubmits; the coordinator approves
// and the period is locked against edits. All figures are the published 2023 ones; people invented.
// Run: node --import tsx --test e2e/submissions.test.ts
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import indicators from '../profiles/az/indicators.json' with { type: 'json' };
import { logInClient, TEST_PASSWORD, type TestApp } from '../src/test/harness.ts';
import az from '../web/src/i18n/az.json' with { type: 'json' };
import { BrowserSession, heading, navLink, signIn } from './session.ts';

const session = new BrowserSession();
let t: TestApp;
const reporter = { code: 'ministry_justice', username: 'e2e.justice.reporter' };
const label = (id: string) => indicators.indicators.find((i) => i.id === id)!.label.az;
const JUDGES = 'training.judges';
const CANDIDATES = 'training.justice_candidates';
const BIRTHS = 'prevention.birth_registrations';
const UNREGISTERED = 'prevention.birth_registrations.previously_unregistered';

before(async () => {
  if (!(await session.start())) return;
  t = session.app;
  const admin = await t.as('administrator');
  const agency = await t.db.kysely.selectFrom('agencies').select('id').where('code', '=', reporter.code).executeTakeFirstOrThrow();
  const res = await admin.post('/api/users', { username: reporter.username, displayName: 'Test justice reporter', agencyId: agency.id, roles: ['agency_reporter'] });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  // The person chooses their password with the one-time code, as a real newcomer does.
  await t.activate(reporter.username, res.body.oneTimeCode.code);
});
after(() => session.close());

const value = (page: Page, id: string) => page.getByLabel(label(id), { exact: true });
const status = (page: Page) => page.getByTestId('submission-status');
/** Waits until the status badge shows `text`: it re-renders after the notice, once the submission reloads. */
const statusIs = (page: Page, text: string) => status(page).filter({ hasText: new RegExp(`^${text}$`) }).waitFor();

test('reporter submits, coordinator returns with a comment, reporter fixes and resubmits, coordinator approves, the period is locked', async (tc) => {
  const tabA = await session.open(tc);
  if (!tabA) return;
  const tabB = (await session.open(tc))!;
  const rep = tabA.page;
  const coord = tabB.page;

  // The reporter opens their agency's form for 2023.
  await signIn(rep, reporter.username);
  await navLink(rep, az.nav.submissions).click();
  await heading(rep, az.submissions.title).waitFor();
  await rep.getByRole('link', { name: az.submissions.openForm }).click();
  await rep.getByLabel(az.submissions.period).fill('2023');
  await rep.getByRole('button', { name: az.submissions.open, exact: true }).click();
  await heading(rep, az.submissions.formTitle.replace('{{period}}', '2023')).waitFor();

  await value(rep, JUDGES).fill('75');
  await value(rep, CANDIDATES).fill('400');
  await rep.getByLabel(`${label(CANDIDATES)}: ${az.submissions.qualifier}`, { exact: true }).selectOption('more_than');
  await value(rep, BIRTHS).fill('4746');
  // A part larger than its whole: refused, with the message next to the field naming both figures.
  await value(rep, UNREGISTERED).fill('4800');
  await rep.getByRole('button', { name: az.submissions.submit }).click();
  const fieldError = rep.locator(`[id="error-${UNREGISTERED}"]`);
  await fieldError.waitFor();
  const message = (await fieldError.textContent()) ?? '';
  assert.match(message, /\(4,800\)/);
  assert.match(message, /Child birth registrations formalised \(4,746\)/);
  assert.equal(await value(rep, UNREGISTERED).getAttribute('aria-invalid'), 'true');

  // A slip the rule cannot catch: 472 instead of 427.
  await value(rep, UNREGISTERED).fill('472');
  await rep.getByRole('button', { name: az.submissions.submit }).click();
  await rep.getByText(az.submissions.submittedNotice).waitFor();
  await statusIs(rep, az.submissions.statuses.submitted);

  // The coordinator finds it in the review queue and returns it with a comment.
  await signIn(coord, t.users.coordinator.username);
  await navLink(coord, az.nav.submissions).click();
  await heading(coord, az.submissions.queueTitle).waitFor();
  await coord.getByRole('link', { name: 'Ədliyyə Nazirliyi' }).click();
  await coord.getByTestId(`figure-${CANDIDATES}`).waitFor();
  assert.equal(await coord.getByTestId(`figure-${CANDIDATES}`).textContent(), '400-dən çox');
  const COMMENT = 'Nazirliyin məktubunda 427 yazılıb, 472 yox.';
  await coord.getByLabel(az.submissions.comment, { exact: true }).fill(COMMENT);
  await coord.getByRole('button', { name: az.submissions.returnAction }).click();
  await coord.getByText(az.submissions.returnedNotice).waitFor();
  await statusIs(coord, az.submissions.statuses.returned);

  // The reporter sees the comment, fixes the figure and resubmits.
  await rep.reload();
  await rep.getByTestId('thread').getByText(COMMENT, { exact: false }).waitFor();
  await statusIs(rep, az.submissions.statuses.returned);
  assert.equal(await value(rep, UNREGISTERED).inputValue(), '472');
  await value(rep, UNREGISTERED).fill('427');
  await rep.getByRole('button', { name: az.submissions.submit }).click();
  await rep.getByText(az.submissions.submittedNotice).waitFor();

  // The coordinator approves: the period is locked.
  await coord.reload();
  assert.equal(await coord.getByTestId(`figure-${UNREGISTERED}`).textContent(), '427');
  await coord.getByRole('button', { name: az.submissions.approveAction }).click();
  await coord.getByText(az.submissions.approvedNotice).waitFor();
  await statusIs(coord, az.submissions.statuses.approved);

  // Locked against edits: the form is read-only, and the server refuses a change all the same.
  await rep.reload();
  await rep.getByText(az.submissions.lockedNotice).waitFor();
  assert.equal(await value(rep, UNREGISTERED).isDisabled(), true);
  assert.equal(await rep.getByRole('button', { name: az.submissions.submit }).count(), 0);
  const api = await logInClient(t.url, reporter.username, TEST_PASSWORD);
  const agencyId = (await api.get('/api/me')).body.user.agencyId;
  const edit = await api.put('/api/submissions/form', { agencyId, period: '2023', values: [{ indicatorId: UNREGISTERED, value: 500 }] });
  assert.equal(edit.status, 409);
  assert.equal(edit.body.error.code, 'period_locked');

  assert.deepEqual([...tabA.problems, ...tabB.problems], []);
});
