// End-to-end: the national coordinator, in a real Chromium, merges two synthetic records of one
// person (the police's, in Latin script, and a shelter's, in Cyrillic) after a confirmation, undoes
// the merge; then looks at what a retention run would anonymise and puts a record on legal hold.
// Run: node --import tsx --test e2e/duplicates.test.ts
// Screenshots of both pages: AZAD_E2E_SCREENSHOTS=/tmp node --import tsx --test e2e/duplicates.test.ts
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { sql } from 'kysely';
import type { Client, TestApp } from '../src/test/harness.ts';
import { daysAgo } from '../src/test/factories.ts';
import az from '../web/src/i18n/az.json' with { type: 'json' };
import { BrowserSession, fill, heading, navLink, signIn } from './session.ts';

const session = new BrowserSession();
let t: TestApp;

async function intake(client: Client, given: string, family: string, channel = 'police') {
  const res = await client.post('/api/persons', { identity: { givenName: given, familyName: family, birthDate: '1993-04-21' }, gender: 'female', channel, contactDate: daysAgo(30), citizenship: 'AZ' });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body as { id: string; caseCode: string };
}

async function screenshot(page: Page, name: string) {
  const dir = process.env.AZAD_E2E_SCREENSHOTS;
  if (dir) await page.screenshot({ path: path.join(dir, `azad-${name}.png`), fullPage: true });
}

before(async () => {
  if (!(await session.start())) return;
  t = session.app;
});
after(() => session.close());

test('coordinator: merges two synthetic duplicates after confirming, then undoes the merge', async (tc) => {
  const tab = await session.open(tc);
  if (!tab) return;
  const { page, problems } = tab;
  page.setDefaultTimeout(30_000);
  const a = await intake(await t.as('police_investigator'), 'Nümunə', 'Təkrarova');
  const b = await intake(await t.as('case_worker'), 'Нюмуне', 'Тякрарова', 'ngo');
  const [first, second] = a.id < b.id ? [a, b] : [b, a];
  const note = await (await t.as('case_worker')).post(`/api/persons/${b.id}/notes`, { body: 'Sığınacağın qeydi' });
  assert.equal(note.status, 201);

  await signIn(page, t.users.coordinator.username);
  await navLink(page, az.nav.duplicates).click();
  await heading(page, az.duplicates.title).waitFor();
  const row = page.getByTestId(`pair-${first.caseCode}-${second.caseCode}`);
  await row.waitFor();
  // The score is explained part by part, and no name is on the page.
  assert.match(await row.innerText(), new RegExp(fill(az.duplicates.partLine, { part: az.duplicates.parts.birthDate, verdict: az.duplicates.verdicts.same, points: '0.25', weight: '0.25' }).replace(/[()]/g, '\\$&')));
  const text = await page.locator('main').innerText();
  assert.ok(!text.includes('Nümunə') && !text.includes('Нюмуне'), 'no names');

  await screenshot(page, 'duplicates');
  // Merge: a confirmation first; Cancel leaves everything as it was.
  await row.getByRole('button', { name: new RegExp(`^${az.duplicates.merge}`) }).click();
  const dialog = page.getByRole('dialog', { name: az.duplicates.mergeTitle });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: az.common.cancel }).click();
  await dialog.waitFor({ state: 'hidden' });
  assert.equal((await t.db.kysely.selectFrom('person_merges').select('id').execute()).length, 0, 'nothing merged on Cancel');

  await row.getByRole('button', { name: new RegExp(`^${az.duplicates.merge}`) }).click();
  await dialog.getByLabel(a.caseCode, { exact: true }).check();
  await dialog.getByLabel(`${az.duplicates.reason} (${az.common.optional})`).fill('Eyni şəxs, iki qurumda');
  await screenshot(page, 'duplicates-merge');
  await dialog.getByRole('button', { name: az.duplicates.confirmMerge, exact: true }).click();
  await page.getByText(fill(az.duplicates.merged, { merged: b.caseCode, survivor: a.caseCode })).waitFor();
  assert.equal((await t.db.kysely.selectFrom('persons').select('merged_into').where('id', '=', b.id).executeTakeFirstOrThrow()).merged_into, a.id);
  assert.equal((await t.db.kysely.selectFrom('case_notes').select('person_id').where('id', '=', note.body.id).executeTakeFirstOrThrow()).person_id, a.id, "the shelter's note moved");
  await row.waitFor({ state: 'detached' });

  // Undo, again after a confirmation: the merged record is back as it was.
  const merge = page.getByTestId(`merge-${b.caseCode}`);
  await merge.getByRole('button', { name: new RegExp(`^${az.duplicates.undo}`) }).click();
  const undo = page.getByRole('dialog', { name: az.duplicates.undoTitle });
  await undo.getByRole('button', { name: az.duplicates.confirmUndo, exact: true }).click();
  await page.getByText(az.duplicates.undone).waitFor();
  assert.equal((await t.db.kysely.selectFrom('persons').select('merged_into').where('id', '=', b.id).executeTakeFirstOrThrow()).merged_into, null);
  assert.equal((await t.db.kysely.selectFrom('case_notes').select('person_id').where('id', '=', note.body.id).executeTakeFirstOrThrow()).person_id, b.id, 'the note went back');
  await row.waitFor();

  // Keeping them apart as one person, then taking that back.
  await row.getByRole('button', { name: new RegExp(`^${az.duplicates.samePerson}`) }).click();
  const link = page.getByTestId(`link-${first.caseCode}-${second.caseCode}`);
  await link.waitFor();
  await row.waitFor({ state: 'detached' });
  await link.getByRole('button', { name: new RegExp(`^${az.duplicates.unlink}`) }).click();
  await page.getByText(az.duplicates.unlinked).waitFor();
  await row.waitFor();
  assert.deepEqual(problems, []);
});

test('coordinator: a retention dry run per kind, a legal hold placed with a reason', async (tc) => {
  const tab = await session.open(tc);
  if (!tab) return;
  const { page, problems } = tab;
  page.setDefaultTimeout(30_000);
  const police = await t.as('police_investigator');
  const closed = [];
  for (const [given, family] of [['Köhnə', 'Bağlıyeva'], ['Qədim', 'Sınaqova']] as const) {
    const p = await intake(police, given, family);
    assert.equal((await police.post(`/api/persons/${p.id}/close`, { reason: 'closed', closedOn: daysAgo(1) })).status, 204);
    // Closed six years ago: past the five years of a case never confirmed.
    await sql`update persons set closed_on = closed_on - interval '6 years' where id = ${p.id}`.execute(t.db.kysely);
    closed.push(p);
  }
  const [held, gone] = closed as [{ id: string; caseCode: string }, { id: string; caseCode: string }];

  await signIn(page, t.users.coordinator.username);
  await navLink(page, az.nav.retention).click();
  await heading(page, az.retention.title).waitFor();
  const kind = page.getByTestId('kind-not_confirmed_case_closed');
  await kind.waitFor();
  assert.deepEqual((await kind.locator('td').allInnerTexts()).map((s) => s.trim()), ['5', '2', '0', '2']);
  await page.getByTestId(`due-${gone.caseCode}`).getByText(az.retention.heldNo).waitFor();

  // A hold, with its reason, through the confirmation dialog.
  await page.getByTestId(`due-${held.caseCode}`).getByRole('button', { name: new RegExp(`^${az.retention.hold}`) }).click();
  const dialog = page.getByRole('dialog', { name: az.retention.holdTitle });
  await dialog.getByLabel(az.retention.holdReason).fill('Məhkəmə qərarı 7/2026');
  await dialog.getByRole('button', { name: az.retention.confirmHold, exact: true }).click();
  await page.getByText(fill(az.retention.holdPlaced, { caseCode: held.caseCode })).waitFor();
  await page.getByTestId(`hold-${held.caseCode}`).getByText('Məhkəmə qərarı 7/2026').waitFor();
  await page.getByTestId(`due-${held.caseCode}`).getByText(az.retention.heldYes).waitFor();
  assert.deepEqual((await kind.locator('td').allInnerTexts()).map((s) => s.trim()), ['5', '2', '1', '1']);
  await screenshot(page, 'retention');
  const hold = await t.db.kysely.selectFrom('retention_holds').select(['person_id', 'cleared_at']).execute();
  assert.deepEqual(hold, [{ person_id: held.id, cleared_at: null }]);
  // The dry run changed nothing.
  assert.equal((await t.db.kysely.selectFrom('persons').select('anonymised_at').where('id', '=', gone.id).executeTakeFirstOrThrow()).anonymised_at, null);
  assert.deepEqual(problems, []);
});
