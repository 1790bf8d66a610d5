// End-to-end: the criminal-justice registry through the web app in a real Chromium, against the real
// server on a fresh database — a crime registered and linked to an identified victim, a case opened,
// two persons charged, the investigation completed, the case sent to court, a conviction and its
// sentence, and a wanted person marked detained. Every name is invented.
// Run: node --import tsx --test e2e/prosecution.test.ts
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { agencyId, daysAgo, intake } from '../src/test/factories.ts';
import type { TestApp } from '../src/test/harness.ts';
import az from '../web/src/i18n/az.json' with { type: 'json' };
import { BrowserSession, fill, heading, navLink, signIn } from './session.ts';

const session = new BrowserSession();
let t: TestApp;
const setup = { victimId: '', caseCode: '', wantedId: '', mia: '', court: '' };

before(async () => {
  if (!(await session.start())) return;
  t = session.app;
  const police = await t.as('police_investigator');
  setup.mia = await agencyId(t, 'mia_anti_trafficking');
  setup.court = await agencyId(t, 'serious_crimes_court');
  // An identified victim, and an earlier case with a suspect on the local wanted list.
  const victim = await intake(police);
  const decided = await police.post(`/api/persons/${victim.id}/decisions`, { status: 'identified', decidedOn: daysAgo(5), decidingAgencyId: setup.mia });
  assert.equal(decided.status, 201, JSON.stringify(decided.body));
  setup.victimId = victim.id;
  setup.caseCode = victim.caseCode;
  const fact = await police.post('/api/prosecution/facts', { registeredOn: daysAgo(40), articles: ['244'] });
  const earlier = await police.post('/api/prosecution/cases', { number: 'E2E-0', openedOn: daysAgo(39), articles: ['244'], factIds: [fact.body.id], investigatingAgencyId: setup.mia });
  const suspect = await police.post(`/api/prosecution/cases/${earlier.body.id}/persons`, { identity: { givenName: 'Axtarılan' }, sex: 'male', role: 'organiser', stage: 'suspect', on: daysAgo(38) });
  const wanted = await police.post('/api/prosecution/wanted', { prosecutedPersonId: suspect.body.id, search: 'local', article: '244', since: daysAgo(30) });
  assert.equal(wanted.status, 201, JSON.stringify(wanted.body));
  setup.wantedId = wanted.body.id;
});

after(() => session.close());

test('police: a fact linked to an identified victim, a case, two persons charged, court, conviction, sentence; a wanted person detained', async (tc) => {
  const tab = await session.open(tc);
  if (!tab) return;
  const { page, problems } = tab;
  await signIn(page, t.users.police_investigator.username);
  const p = az.prosecution;
  const status = (text: string) => page.getByRole('status').filter({ hasText: text }).waitFor();
  const open = (summary: string) => page.locator('summary', { hasText: summary }).click();

  // Register the fact, online via Telegram, linked to the victim by case code.
  await navLink(page, az.nav.crimeFacts).click();
  await heading(page, p.factsTitle).waitFor();
  await page.getByRole('link', { name: p.registerFact }).click();
  await heading(page, p.registerFact).waitFor();
  await page.locator('#fact-articles').selectOption('144-1');
  await page.getByLabel(p.committedOnline, { exact: true }).check();
  await page.getByLabel(p.platforms.telegram, { exact: true }).check();
  await page.locator('#fact-victimIds').fill(setup.caseCode);
  await page.getByRole('button', { name: p.registerFact }).click();
  await page.getByTestId('fact-victim-list').getByText(setup.caseCode).waitFor();
  const police = await t.as('police_investigator');
  const facts = (await police.get('/api/prosecution/facts?online=true')).body.items;
  assert.equal(facts.length, 1);
  assert.deepEqual([facts[0].articles, facts[0].platforms, facts[0].victimCount], [['144-1'], ['telegram'], 1]);

  // Open the case from the fact page.
  await open(p.openCase);
  await page.locator('#case-number').fill('E2E-1');
  await page.locator('#case-investigatingAgencyId').selectOption(setup.mia);
  await page.getByRole('button', { name: p.openCase }).click();
  await heading(page, fill(p.caseTitle, { number: 'E2E-1' })).waitFor();
  await page.getByTestId('case-status').getByText(p.caseStatuses.investigation).waitFor();

  // Charge two persons: a woman recruiter and a man transporter.
  await open(p.chargePerson);
  for (const [name, sex, role] of [['Birinci', 'female', 'recruiter'], ['İkinci', 'male', 'transporter']] as const) {
    await page.locator('#charge-identity\\.givenName').fill(name);
    await page.locator('#charge-sex').selectOption(sex);
    await page.locator('#charge-role').selectOption(role);
    await page.getByRole('button', { name: p.chargePerson }).click();
    await page.getByTestId('case-persons').getByRole('link', { name: p.roles[role] }).waitFor();
  }
  assert.equal(await page.getByTestId('case-persons').locator('tbody tr').count(), 2);

  // Complete the investigation, then send the case to court.
  await open(p.moveCase);
  for (const next of ['completed', 'sent_to_court'] as const) {
    await page.locator('#move-status').selectOption(next);
    await page.getByRole('button', { name: p.setStatus }).click();
    await status(fill(p.statusSaved, { status: p.caseStatuses[next] }));
    await page.getByTestId('case-status').getByText(p.caseStatuses[next]).waitFor();
  }
  assert.equal(await page.getByTestId('case-history-list').locator('li').count(), 3);
  assert.equal(await page.getByTestId('case-persons').getByText(p.stages.sent_to_court).count(), 2, 'the persons charged went to court with the case');

  // The conviction and the sentence of the recruiter.
  await page.getByTestId('case-persons').getByRole('link', { name: p.roles.recruiter }).click();
  await heading(page, 'Birinci').waitFor();
  await open(p.addStep);
  await page.locator('#step-stage').selectOption('convicted');
  await page.getByRole('button', { name: p.addStep }).click();
  await page.getByTestId('person-stage').getByText(p.stages.convicted).waitFor();
  await open(p.recordSentence);
  await page.locator('#sentence-imprisonmentMonths').fill('96');
  await page.getByLabel(p.confiscation, { exact: true }).check();
  await page.locator('#sentence-courtAgencyId').selectOption(setup.court);
  await page.getByRole('button', { name: p.recordSentence }).click();
  await page.getByTestId('sentence').getByText('96').waitFor();

  // The wanted list: the suspect is detained.
  await navLink(page, az.nav.wanted).click();
  await heading(page, p.wantedTitle).waitFor();
  await page.getByTestId('wanted-table').locator('tbody tr').first().waitFor();
  await page.locator(`#end-${setup.wantedId}-status`).selectOption('detained');
  await page.getByRole('button', { name: p.endSearchButton }).click();
  await status(fill(p.searchEnded, { status: p.wantedStatuses.detained }));

  // What the server holds now, and the year's figures.
  const wanted = (await police.get('/api/prosecution/wanted?status=detained')).body.items;
  assert.deepEqual(wanted.map((w: { id: string }) => w.id), [setup.wantedId]);
  const year = Number(new Date().toISOString().slice(0, 4));
  const figures = new Map(((await police.get(`/api/prosecution/figures?year=${year}`)).body.figures as { id: string; value: number; breakdown?: Record<string, number> }[]).map((f) => [f.id, f]));
  if (daysAgo(40).slice(0, 4) === String(year)) assert.equal(figures.get('cases.initiated')?.value, 2);
  assert.deepEqual(figures.get('defendants.charged')?.breakdown, { female: 1, male: 1 });
  assert.deepEqual(figures.get('defendants.sent_to_court')?.breakdown, { female: 1, male: 1 });
  assert.equal(figures.get('defendants.convicted')?.value, 1);
  assert.deepEqual(figures.get('sentences.by_type')?.breakdown, { imprisonment: 1, suspended: 0, fine: 0 });
  assert.equal(figures.get('wanted.local.detained')?.value, 1);
  assert.deepEqual(figures.get('online.facts')?.breakdown, { telegram: 1 });

  // The victim's page says, and only says, that the person is linked to proceedings.
  await page.goto(`/persons/${setup.victimId}`);
  await page.getByTestId('linked-to-proceedings').getByText(az.common.yes).waitFor();
  assert.deepEqual(problems, []);
});
