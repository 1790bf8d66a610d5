import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { buildReport, reportJson } from '../report/build.ts';
import { agencyId, daysAgo, intake } from '../test/factories.ts';
import { startTestApp, type Client, type TestApp } from '../test/harness.ts';
import { addDays } from '../victims/status.ts';
import { ANONYMISED_NAME } from './anonymise.ts';
import { runRetention } from './run.ts';

let t: TestApp;
let police: Client;
let coordinator: Client;
let dir: string;
before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'azad-retention-'));
  t = await startTestApp({ config: { attachments: { dir, maxBytes: 1024 * 1024 } } });
  police = await t.as('police_investigator');
  coordinator = await t.as('coordinator');
});
after(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex').toString('base64');

/** A person whose case closed `daysAgo(1)`: identified or not, with a note and a file. */
async function closedCase(opts: { identified: boolean; notes?: boolean; birthDate?: string }) {
  const p = await intake(police, opts.birthDate ? { identity: { givenName: 'Saxlanan', familyName: 'Sınaqova', birthDate: opts.birthDate } } : {});
  if (opts.identified) {
    const d = await police.post(`/api/persons/${p.id}/decisions`, { status: 'identified', decidedOn: daysAgo(10), decidingAgencyId: t.users.police_investigator.agencyId, note: 'Qərar qeydi' });
    assert.equal(d.status, 201, JSON.stringify(d.body));
  }
  if (opts.notes) {
    assert.equal((await police.post(`/api/persons/${p.id}/notes`, { body: 'Şəxsin adı çəkilən qeyd' })).status, 201);
    const a = await police.post(`/api/persons/${p.id}/attachments`, { filename: 'pasport.png', mediaType: 'image/png', contentBase64: PNG });
    assert.equal(a.status, 201, JSON.stringify(a.body));
  }
  const c = await police.post(`/api/persons/${p.id}/close`, { reason: 'reintegrated', closedOn: daysAgo(1), note: 'Bağlanış qeydi' });
  assert.equal(c.status, 204, JSON.stringify(c.body));
  return p;
}

const snapshot = async () => {
  const persons = await t.db.kysely.selectFrom('persons').selectAll().orderBy('id').execute();
  const notes = await t.db.kysely.selectFrom('case_notes').select(['id', 'person_id']).orderBy('id').execute();
  const files = await t.db.kysely.selectFrom('attachments').select(['id', 'person_id']).orderBy('id').execute();
  const contacts = await t.db.kysely.selectFrom('hotline_contacts').selectAll().orderBy('id').execute();
  return JSON.stringify({ persons, notes, files, contacts });
};
const ctx = () => ({ key: t.ctx.fieldKey, profile: t.ctx.profile, attachmentsDir: dir });
const year = new Date().getUTCFullYear();

test('retention anonymises exactly what is due: dry run changes nothing; held and not-yet-due records are untouched; the report figures stay', async () => {
  // Profile az: not confirmed 5 years after closure; identified victims 10; children 10 after 18.
  const notConfirmed = await closedCase({ identified: false, notes: true });
  const held = await closedCase({ identified: false });
  const victim = await closedCase({ identified: true, notes: true });
  const child = await closedCase({ identified: true, birthDate: `${year - 10}-05-05` });
  const open = await intake(police);
  const hotline = await t.db.kysely
    .insertInto('hotline_contacts')
    .values({ agency_id: await agencyId(t, t.ctx.profile.agencies.find((a) => a.kind === 'hotline')!.code), started_at: new Date(Date.now() - 4 * 366 * 86_400_000), duration_seconds: 60, channel: 'phone', language: 'az', caller_type: 'victim', topic: 'labour', region: null, outcome: 'advice', referred_agency_id: null, follow_up_due: null, follow_up_done_at: null, person_id: null, notes_enc: Buffer.from('x'), created_by: null })
    .returning('id')
    .executeTakeFirstOrThrow();

  const hold = await coordinator.post(`/api/persons/${held.id}/legal-hold`, { reason: 'Məhkəmə qərarı 12/2026' });
  assert.equal(hold.status, 201, JSON.stringify(hold.body));
  assert.equal((await coordinator.post(`/api/persons/${held.id}/legal-hold`, { reason: 'again' })).status, 409, 'one hold in force at a time');
  assert.equal((await police.post(`/api/persons/${held.id}/legal-hold`, { reason: 'x' })).status, 403, 'only the coordinator holds');
  const holds = await coordinator.get(`/api/persons/${held.id}/legal-hold`);
  assert.equal(holds.body.active.reason, 'Məhkəmə qərarı 12/2026');

  const asOf = addDays(daysAgo(1), 5 * 366);
  const before = await snapshot();
  const reportBefore = JSON.stringify(reportJson(await buildReport(t.db.kysely, t.ctx.profile, year)).figures);
  const auditBefore = await t.db.kysely.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();

  const dry = await coordinator.get(`/api/retention/due?asOf=${asOf}`);
  assert.equal(dry.status, 200, JSON.stringify(dry.body));
  const kind = (k: string) => dry.body.kinds.find((x: { kind: string }) => x.kind === k);
  assert.deepEqual(kind('not_confirmed_case_closed'), { kind: 'not_confirmed_case_closed', years: 5, due: 2, held: 1, anonymised: 0 });
  assert.equal(kind('victim_case_closed').due, 0, 'identified victims are kept 10 years');
  assert.equal(kind('child_case_closed').due, 0, 'a child is kept until 10 years after turning 18');
  assert.equal(kind('hotline_contact').due, 1);
  assert.deepEqual(new Set(dry.body.items.map((i: { id: string }) => i.id)), new Set([notConfirmed.id, held.id, hotline.id]));
  assert.equal((await police.get(`/api/retention/due?asOf=${asOf}`)).status, 403);
  const direct = await runRetention(t.db.kysely, ctx(), { dryRun: true, asOf });
  assert.equal(direct.items.length, 3);
  assert.equal(await snapshot(), before, 'a dry run changes nothing');

  const run = await runRetention(t.db.kysely, ctx(), { dryRun: false, asOf });
  assert.equal(run.kinds.find((k) => k.kind === 'not_confirmed_case_closed')?.anonymised, 1);
  assert.equal(run.kinds.find((k) => k.kind === 'hotline_contact')?.anonymised, 1);

  const after = JSON.parse(await snapshot());
  const beforeRows = JSON.parse(before);
  const changed = after.persons.filter((p: { id: string }, i: number) => JSON.stringify(p) !== JSON.stringify(beforeRows.persons[i])).map((p: { id: string }) => p.id);
  assert.deepEqual(changed, [notConfirmed.id], 'only the due, unheld person changed');
  for (const untouched of [held, victim, child, open]) assert.ok(!changed.includes(untouched.id));

  const row = after.persons.find((p: { id: string }) => p.id === notConfirmed.id);
  for (const col of ['family_name_enc', 'patronymic_enc', 'birth_date_enc', 'documents_enc', 'phones_enc', 'address_enc', 'closure_note_enc']) assert.equal(row[col], null, col);
  assert.deepEqual(row.match_keys, []);
  assert.ok(row.anonymised_at);
  const was = beforeRows.persons.find((p: { id: string }) => p.id === notConfirmed.id);
  for (const col of ['gender', 'birth_year', 'citizenship', 'contact_date', 'closed_on', 'closure_reason', 'identification_status', 'case_code']) assert.deepEqual(row[col], was[col], `${col} kept`);
  assert.equal(after.notes.filter((n: { person_id: string }) => n.person_id === notConfirmed.id).length, 0, 'case notes deleted');
  assert.equal(after.files.filter((n: { person_id: string }) => n.person_id === notConfirmed.id).length, 0, 'attachment rows deleted');
  assert.equal(after.notes.filter((n: { person_id: string }) => n.person_id === victim.id).length, 1, 'not-yet-due notes kept');
  const keptFile = after.files.find((n: { person_id: string }) => n.person_id === victim.id);
  assert.deepEqual(fs.readdirSync(dir), [`${keptFile.id}.bin`], 'only the kept attachment is still on disk');
  assert.equal(after.contacts.find((c: { id: string }) => c.id === hotline.id).notes_enc, null);

  // The coordinator still opens the record: the case code and statistics, no identity.
  const detail = await coordinator.get(`/api/persons/${notConfirmed.id}`);
  assert.equal(detail.status, 200);
  assert.equal(detail.body.identity.givenName, ANONYMISED_NAME);
  assert.equal(detail.body.identity.familyName, null);
  assert.equal(detail.body.closure.note, null);

  // The figures of the year's report are the same.
  assert.equal(JSON.stringify(reportJson(await buildReport(t.db.kysely, t.ctx.profile, year)).figures), reportBefore);
  const total = await sql<{ n: number }>`select count(*)::int as n from persons where extract(year from contact_date) = ${year}`.execute(t.db.kysely);
  assert.ok(total.rows[0]!.n >= 5);

  // One entry per anonymised record plus the run summary.
  const entries = await t.db.kysely.selectFrom('audit_log').select(['action', 'target_id', 'details']).where('seq', '>', Number(auditBefore.n)).orderBy('seq').execute();
  assert.deepEqual(entries.filter((e) => e.action === 'retention.anonymise').map((e) => e.target_id).sort(), [notConfirmed.id, hotline.id].sort());
  assert.equal(entries.filter((e) => e.action === 'retention.anonymise').length, 2);
  assert.equal(entries.filter((e) => e.action === 'retention.run').length, 1);

  // A second run finds nothing new; clearing the hold lets the next run take the held one.
  const again = await runRetention(t.db.kysely, ctx(), { dryRun: false, asOf });
  assert.equal(again.items.filter((i) => !i.held).length, 0);
  assert.equal((await coordinator.post(`/api/persons/${held.id}/legal-hold/clear`, { reason: 'Qərar ləğv edildi' })).status, 204);
  assert.equal((await coordinator.post(`/api/persons/${held.id}/legal-hold/clear`, { reason: 'again' })).status, 409);
  const third = await runRetention(t.db.kysely, ctx(), { dryRun: false, asOf });
  assert.equal(third.kinds.find((k) => k.kind === 'not_confirmed_case_closed')?.anonymised, 1);
  const history = await coordinator.get(`/api/persons/${held.id}/legal-hold`);
  assert.equal(history.body.active, null);
  assert.equal(history.body.history[0].clearReason, 'Qərar ləğv edildi');
});

test('the daily job inside the server anonymises what is due, with no actor in the trail', async () => {
  const p = await closedCase({ identified: false });
  // Seven years ago: past the five-year period as of today.
  await sql`update persons set contact_date = contact_date - interval '7 years', closed_on = closed_on - interval '7 years' where id = ${p.id}`.execute(t.db.kysely);
  const { startRetentionJob } = await import('./job.ts');
  const stop = startRetentionJob(t.ctx, t.app.log, { firstRunMs: 1, everyMs: 60_000 });
  try {
    for (let i = 0; i < 100; i++) {
      const row = await t.db.kysely.selectFrom('persons').select('anonymised_at').where('id', '=', p.id).executeTakeFirstOrThrow();
      if (row.anonymised_at) break;
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    stop();
  }
  const entry = await t.db.kysely.selectFrom('audit_log').select(['actor_id', 'details']).where('action', '=', 'retention.anonymise').where('target_id', '=', p.id).executeTakeFirst();
  assert.ok(entry, 'anonymised and audited');
  assert.equal(entry.actor_id, null);
});

test('a legal hold on a record merged into another holds the survivor: retention leaves both, and the due list says held', async () => {
  const held = await closedCase({ identified: false, notes: true });
  const survivor = await closedCase({ identified: false });
  assert.equal((await coordinator.post(`/api/persons/${held.id}/legal-hold`, { reason: 'Məhkəmə qərarı 7/2026' })).status, 201);
  const m = await coordinator.post('/api/duplicates/merges', { survivorId: survivor.id, mergedId: held.id });
  assert.equal(m.status, 201, JSON.stringify(m.body));
  const asOf = addDays(daysAgo(1), 6 * 366);
  const due = await coordinator.get(`/api/retention/due?asOf=${asOf}`);
  const item = (due.body as { items: { id: string; held: boolean }[] }).items.find((i) => i.id === survivor.id);
  assert.equal(item?.held, true, 'the survivor is listed as held');
  await runRetention(t.db.kysely, ctx(), { dryRun: false, asOf });
  const rows = await t.db.kysely.selectFrom('persons').select(['id', 'anonymised_at', 'family_name_enc']).where('id', 'in', [held.id, survivor.id]).execute();
  for (const r of rows) assert.equal(r.anonymised_at, null, `${r.id === held.id ? 'the held record' : 'the survivor'} is not anonymised`);
  const notes = await t.db.kysely.selectFrom('case_notes').select('id').where('person_id', '=', survivor.id).execute();
  assert.equal(notes.length, 1, "the held record's note, moved to the survivor, stays");
});
