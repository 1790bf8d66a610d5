import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import os from 'node:os';
import path from 'node:path';
import { restoreBackup, writeBackup } from '../backup/backup.ts';
import { loadSyntheticSubmissions } from '../demo/submissions.ts';
import { agencyId, intake } from '../test/factories.ts';
import { freshDatabase, startTestApp, type Client, type TestApp } from '../test/harness.ts';
import { todayInCalendar } from '../victims/schema.ts';
import { chromiumPath } from './pdf.ts';

// Publishing renders the PDF with Chromium; without it locally these tests skip (CI installs it).
const noChromium = !fs.existsSync(chromiumPath()) && !process.env.CI ? 'Chromium not installed' : false;

let t: TestApp;
let coordinator: Client;
let police: Client;
let Y: number;

async function identify(on: string) {
  const p = await intake(police, { contactDate: on });
  const d = await police.post(`/api/persons/${p.id}/decisions`, { status: 'identified', decidedOn: on, decidingAgencyId: await agencyId(t, 'mia') });
  assert.equal(d.status, 201, JSON.stringify(d.body));
  return p;
}

before(async () => {
  t = await startTestApp();
  coordinator = await t.as('coordinator');
  police = await t.as('police_investigator');
  Y = Number(todayInCalendar().slice(0, 4));
  await identify(`${Y}-01-01`);
});
after(() => t.close());

test('who may read, write and publish the report', async () => {
  assert.equal((await (await t.as('analyst')).get(`/api/reports/${Y}`)).status, 200, 'analysts read aggregates');
  assert.equal((await (await t.as('case_worker')).get(`/api/reports/${Y}`)).status, 403);
  assert.equal((await (await t.as('administrator')).get(`/api/reports/${Y}`)).status, 403);
  assert.equal((await police.post(`/api/reports/${Y}/publish`, {})).status, 403);
  assert.equal((await (await t.as('analyst')).request('PUT', `/api/reports/${Y}/narratives/tasks`, { az: 'x', en: 'x' })).status, 403);
  assert.equal((await (await t.as('analyst')).get(`/api/reports/${Y}/figures/victims.identified/sources`)).status, 403, 'aggregates only: no records');
});

test('the overview carries figures with changes, the validation panel and chart data', async () => {
  const res = await coordinator.get(`/api/reports/${Y}`);
  assert.equal(res.status, 200);
  const identified = res.body.figures.find((f: { id: string }) => f.id === 'victims.identified');
  assert.deepEqual({ value: identified.value, delta: identified.delta }, { value: 1, delta: 1 });
  const [part] = Object.keys(identified.breakdown);
  assert.ok(part, 'victims.identified has a part');
  const ru = (await coordinator.get(`/api/reports/${Y}?lang=ru`)).body.figures.find((f: { id: string }) => f.id === 'victims.identified');
  assert.match(ru.partLabels[part], /^(Женщины|Мужчины|женщины|мужчины)/, 'parts are named in the asked language, not by code');
  const cumulative = (await coordinator.get(`/api/reports/${Y}?lang=ru`)).body.figures.find((f: { id: string }) => f.id === 'victims.cumulative.by_sex');
  assert.equal(cumulative.partLabels[part], ru.partLabels[part], "a formula's parts are named by the figure it derives from");
  assert.ok(res.body.problems.some((p: { code: string }) => p.code === 'narrative_missing'), 'empty narrative blocks are listed');
  // Nothing is submitted by the agencies in this database: their figures are named, nothing else fails.
  const errors = res.body.problems.filter((p: { severity: string }) => p.severity === 'error');
  assert.ok(errors.length > 0);
  // … and the narrative blocks no one has written yet, which a published edition would leave out.
  assert.deepEqual([...new Set(errors.map((p: { code: string }) => p.code))].sort(), ['narrative_missing', 'not_submitted']);
});

test('narratives are written in both languages; an unknown block is refused', async () => {
  const ok = await coordinator.request('PUT', `/api/reports/${Y}/narratives/tasks`, { az: 'Rəqəmsal vasitələrlə qurbanların müəyyən edilməsi.', en: 'Identifying victims with digital tools.' });
  assert.equal(ok.status, 204);
  const res = await coordinator.get(`/api/reports/${Y}`);
  assert.equal(res.body.narratives.find((n: { id: string }) => n.id === 'tasks').en, 'Identifying victims with digital tools.');
  const bad = await coordinator.request('PUT', `/api/reports/${Y}/narratives/nonsense`, { az: 'x', en: 'x' });
  assert.equal(bad.status, 404);
  assert.equal(bad.body.error.fields[0].path, 'blockId');
});

test('historical aggregates: a breakdown that does not add up is refused whole, naming the row', async () => {
  const res = await coordinator.post('/api/reports/history', {
    aggregates: [
      { id: 'victims.identified', year: 2005, value: 44, breakdown: { female: 40, male: 4 }, source: 'MIA report 2005' },
      { id: 'victims.identified', year: 2006, value: 58, breakdown: { female: 50, male: 4 }, source: 'MIA report 2006' },
    ],
  });
  assert.equal(res.status, 400);
  assert.equal(res.body.error.fields[0].path, 'aggregates.1.breakdown');
  const stored = await t.db.kysely.selectFrom('historical_aggregates').select('year').execute();
  assert.equal(stored.length, 0, 'nothing from the refused file is stored');
});

test('the records behind a figure, as far as the user may see them', async () => {
  const res = await police.get(`/api/reports/${Y}/figures/victims.identified/sources`);
  assert.equal(res.status, 200);
  assert.equal(res.body.persons.length, 1);
  assert.deepEqual(res.body.records, [{ figure: 'victims.identified', source: 'persons', records: 1 }]);
  // Crime facts are not about persons: no persons, but the records behind the figure, not a 404.
  const facts = await police.get(`/api/reports/${Y}/figures/crimes.trafficking/sources`);
  assert.equal(facts.status, 200, JSON.stringify(facts.body));
  assert.deepEqual(facts.body.persons, []);
  assert.deepEqual(facts.body.records, [{ figure: 'crimes.trafficking', source: 'facts', records: 0 }]);
  const formula = await police.get(`/api/reports/${Y}/figures/legal_aid.bar.court/sources`);
  assert.equal(formula.status, 200);
  assert.deepEqual(formula.body.records.map((r: { figure: string }) => r.figure), ['legal_aid.bar.total'], 'a formula names the record figures it reads');
  // An agency's figure: the approved submissions behind it.
  await loadSyntheticSubmissions(t.db.kysely, t.ctx.profile, { seed: 1, coordinatorUsername: t.users.coordinator.username, reporterUsername: t.users.agency_reporter.username });
  const judges = await coordinator.get('/api/reports/2023/figures/training.judges/sources');
  assert.equal(judges.status, 200);
  assert.deepEqual(judges.body.persons, []);
  assert.ok(judges.body.submissions.length >= 1, JSON.stringify(judges.body));
  const approved = await t.db.kysely.selectFrom('submissions').select('status').where('id', 'in', judges.body.submissions.map((x: { submissionId: string }) => x.submissionId)).execute();
  assert.ok(approved.every((r) => r.status === 'approved'), 'only approved submissions stand behind a report figure');

});

test('publishing: blocked by errors unless overridden with a reason; frozen; diff; corrected edition', { skip: noChromium }, async () => {
  // Besides the missing submissions, an imported figure for last year that the records contradict is an error
  // (an import for a year without records is the ordinary "years before the records" case).
  await identify(`${Y - 1}-06-01`);
  const imp = await coordinator.post('/api/reports/history', { aggregates: [{ id: 'victims.identified', year: Y - 1, value: 5, breakdown: { female: 5 }, source: 'typed from a letter' }] });
  assert.equal(imp.status, 200, JSON.stringify(imp.body));
  const overview = await coordinator.get(`/api/reports/${Y}`);
  assert.ok(overview.body.problems.some((p: { code: string; severity: string }) => p.code === 'history_conflict' && p.severity === 'error'));

  const blocked = await coordinator.post(`/api/reports/${Y}/publish`, {});
  assert.equal(blocked.status, 409);
  assert.equal(blocked.body.error.fields[0].path, 'overrideReason');
  assert.match(blocked.body.error.fields[0].message, /imported aggregate says 5/);
  assert.match(blocked.body.error.fields[0].message, /no approved submission/);

  const reason = 'The 2005-era letter is being re-checked; published on the Coordinator’s instruction.';
  const pub = await coordinator.post(`/api/reports/${Y}/publish`, { overrideReason: reason });
  assert.equal(pub.status, 201, JSON.stringify(pub.body));
  assert.equal(pub.body.edition, 1);
  const trail = await t.db.kysely.selectFrom('audit_log').select('details').where('action', '=', 'report.publish').where('target_type', '=', 'report_edition').execute();
  assert.equal(trail.length, 1);
  assert.equal((trail[0]?.details as { overrideReason: string }).overrideReason, reason);

  const docx = await coordinator.request('GET', `/api/reports/${Y}/editions/1/docx?lang=en`);
  assert.equal(docx.status, 200);
  assert.match(docx.headers.get('content-type') ?? '', /wordprocessingml/);
  const editions = (await coordinator.get(`/api/reports/${Y}/editions`)).body.items;
  assert.equal(editions[0].documents.length, 10, 'html, docx, pdf in az, en and ru, and json');
  const pdfRes = await fetch(`${t.url}/api/reports/${Y}/editions/1/pdf?lang=az`, { headers: { cookie: coordinator.cookie ?? '' } });
  const pdf = Buffer.from(await pdfRes.arrayBuffer());
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  assert.equal(createHash('sha256').update(pdf).digest('hex'), pdfRes.headers.get('x-content-sha256'));

  // Records change after publication: the edition does not; the diff shows it.
  await identify(`${Y}-01-01`);
  const diff = await coordinator.get(`/api/reports/${Y}/diff`);
  assert.deepEqual(
    diff.body.changes.filter((c: { id: string }) => c.id === 'victims.identified').map((c: { published: number; live: number }) => [c.published, c.live]),
    [[1, 2]],
  );
  const json = await coordinator.get(`/api/reports/${Y}/editions/1/json`);
  assert.equal(json.body.figures.find((f: { id: string }) => f.id === 'victims.identified').value, 1, 'the frozen JSON keeps the published value');
  await assert.rejects(sql`update report_editions set figures = '[]'::jsonb`.execute(t.db.kysely), /frozen/);
  await assert.rejects(sql`delete from report_documents`.execute(t.db.kysely), /frozen/);

  const noLog = await coordinator.post(`/api/reports/${Y}/publish`, { overrideReason: reason });
  assert.equal(noLog.status, 400);
  assert.equal(noLog.body.error.fields[0].path, 'changelog');
  const second = await coordinator.post(`/api/reports/${Y}/publish`, { overrideReason: reason, changelog: 'A victim identified in January was recorded late.' });
  assert.equal(second.status, 201);
  const after2 = (await coordinator.get(`/api/reports/${Y}/editions`)).body.items;
  assert.deepEqual(after2.map((e: { edition: number; supersededAt: string | null }) => [e.edition, e.supersededAt === null]), [[2, true], [1, false]]);

  // Editions survive a backup and restore exactly, the superseding link included.
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'azad-report-backup-')), 'b.jsonl.gz');
  await writeBackup(t.db.kysely, file, { key: t.ctx.fieldKey });
  const copy = await freshDatabase();
  try {
    await restoreBackup(copy.kysely, file, { secret: { key: t.ctx.fieldKey }, key: t.ctx.fieldKey });
    const hashes = async (db: typeof copy.kysely) => (await db.selectFrom('report_editions').select(['edition', 'sha256', 'supersedes_id']).orderBy('edition').execute()).map((e) => [e.edition, e.sha256, e.supersedes_id !== null]);
    assert.deepEqual(await hashes(copy.kysely), await hashes(t.db.kysely));
    assert.equal((await copy.kysely.selectFrom('report_documents').select('id').execute()).length, 20);
  } finally {
    await copy.close();
  }
});
