import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { agencyId, intake } from '../test/factories.ts';
import { startTestApp, testServerUrl, type TestApp } from '../test/harness.ts';
import { todayInCalendar } from '../victims/schema.ts';
import { buildReport, reportJson } from './build.ts';
import { referencedFigures } from './definition/check.ts';
import type { ReportDefinition } from './definition/schema.ts';
import { profileDefinition } from './definition/store.ts';
import { importAggregates } from './history.ts';
import { formatDelta, reportFigures, withDelta, type ReportJson } from './report.ts';

let t: TestApp;
let Y: number;
let report: ReportJson;

before(async () => {
  t = await startTestApp();
  const police = await t.as('police_investigator');
  const mia = await agencyId(t, 'mia');
  Y = Number(todayInCalendar().slice(0, 4));
  // Y−1: two women and a man identified; Y: one woman. By hand: identified 1 (−2), female −1, male −1.
  const identified = [
    ['female', `${Y - 1}-03-01`],
    ['female', `${Y - 1}-12-31`],
    ['male', `${Y - 1}-07-01`],
    ['female', `${Y}-01-01`],
  ] as const;
  for (const [gender, on] of identified) {
    const p = await intake(police, { gender, contactDate: on });
    const d = await police.post(`/api/persons/${p.id}/decisions`, { status: 'identified', decidedOn: on, decidingAgencyId: mia });
    assert.equal(d.status, 201, JSON.stringify(d.body));
  }
  report = await reportFigures(t.db.kysely, t.ctx.profile, Y);
});
after(() => t.close());

test('each figure carries its change against the year before', () => {
  const f = report.figures.find((x) => x.id === 'victims.identified');
  assert.deepEqual({ value: f?.value, delta: f?.delta, breakdownDelta: f?.breakdownDelta }, { value: 1, delta: -2, breakdownDelta: { female: -1, male: -1 } });
  const calls = report.figures.find((x) => x.id === 'hotline.calls');
  assert.equal(calls?.delta, 0, 'no calls in either year: a true zero, not unknown');
});

test('cumulative series: imported years, then records ("650 traffickers prosecuted 2005–2024")', async () => {
  await t.db.kysely.transaction().execute((trx) =>
    importAggregates(trx, [
      { id: 'defendants.charged', year: Y - 2, value: 7, breakdown: { female: 5, male: 2 }, source: 'test' },
      { id: 'victims.identified', year: Y - 2, value: 10, breakdown: { female: 9, male: 1 }, source: 'test' },
    ], { userId: null }, { actor: null }),
  );
  const { figures } = await reportFigures(t.db.kysely, t.ctx.profile, Y);
  // Victims: 10 imported for Y−2, then the records: 3 in Y−1 (2 women, 1 man) and 1 woman in Y.
  const victims = figures.find((f) => f.id === 'victims.cumulative.by_sex');
  assert.deepEqual({ value: victims?.value, breakdown: victims?.breakdown }, { value: 14, breakdown: { female: 12, male: 2 } });
  // Persons charged: 7 imported, none in the registry since.
  const charged = figures.find((f) => f.id === 'defendants.charged.cumulative.by_sex');
  assert.equal(charged?.value, 7);
});

test('a cumulative total names the years of its range with neither records nor aggregates, and has no unknown part without a breakdown', async () => {
  const three = (x: string) => ({ az: x, en: x, ru: x });
  const shipped = await profileDefinition(t.ctx.profile);
  const definition: ReportDefinition = {
    ...shipped,
    figures: [
      ...shipped.figures.filter((f) => f.id === 'victims.identified' || f.id === 'hotline.calls'),
      { id: 'victims.since', label: three('v'), formula: { cumulative: 'victims.identified', from: Y - 4 } },
      { id: 'hotline.since', label: three('h'), formula: { cumulative: 'hotline.calls', from: Y - 3 } },
    ],
    sections: [{ id: 'main', title: three('M'), blocks: [{ kind: 'text', text: three('{victims.since} {hotline.since}') }] }],
  };
  const b = await buildReport(t.db.kysely, t.ctx.profile, Y, { definition });
  const gaps = b.problems.filter((p) => p.code === 'cumulative_gap');
  // Victims: Y−2 imported (the test above), Y−1 and Y from records; Y−4 and Y−3 have nothing.
  assert.deepEqual(gaps.map((p) => p.figure), ['victims.since', 'hotline.since']);
  assert.match(gaps[0]?.message ?? '', new RegExp(`from ${Y - 4}, but ${Y - 4}–${Y - 3} have neither records nor imported aggregates`));
  assert.match(gaps[1]?.message ?? '', new RegExp(`but ${Y - 3}–${Y} have neither`));
  assert.deepEqual(b.problems.filter((p) => p.code === 'unknown_part' && p.figure === 'hotline.since'), [], 'hotline calls have no breakdown, so no unknown part');
  const hotline = b.figures.find((f) => f.id === 'hotline.since');
  assert.deepEqual([hotline?.value, hotline?.unknown, hotline?.parts], [0, undefined, undefined]);
});

test('the report JSON carries every figure the definition prints; an empty one with value null and its problem', async () => {
  const b = await buildReport(t.db.kysely, t.ctx.profile, Y);
  const json = reportJson(b);
  const ids = json.figures.map((f) => f.id);
  assert.deepEqual(referencedFigures(b.definition.definition).filter((id) => !ids.includes(id)), []);
  const booklets = json.figures.find((f) => f.id === 'prevention.booklets.mia');
  assert.deepEqual([booklets?.value, booklets?.delta, booklets?.problems], [null, null, ['not_submitted']]);
  assert.ok(json.figures.every((f) => Array.isArray(f.problems)));
});

test('ids are unique and sorted', () => {
  const ids = report.figures.map((f) => f.id);
  assert.deepEqual(ids, [...new Set(ids)].sort((a, b) => a.localeCompare(b)));
});

test('an unknown previous value leaves the change unknown', () => {
  assert.equal(withDelta({ id: 'x', value: 5 }, { id: 'x', value: null }).delta, null);
  assert.equal(withDelta({ id: 'x', value: 5 }, undefined).delta, null);
  assert.equal(withDelta({ id: 'x', value: 5300 }, { id: 'x', value: 5350 }).delta, -50);
});

test('changes print the way the ministry prints them', () => {
  assert.equal(formatDelta(2, 'en'), '(+2)');
  assert.equal(formatDelta(-3, 'en'), '(-3)');
  assert.equal(formatDelta(0, 'en'), '(no changes)');
  assert.equal(formatDelta(0, 'az'), '(dəyişməyib)');
  assert.equal(formatDelta(591_900, 'en'), '(+591,900)');
  assert.equal(formatDelta(null, 'en'), '');
});

test('azad report writes azad-report-Y.json and refuses bad options naming them', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'azad-report-'));
  const env: NodeJS.ProcessEnv = { ...process.env, AZAD_DATA_DIR: path.join(dir, 'data'), AZAD_LOG_LEVEL: 'silent' };
  const server = testServerUrl();
  if (server) env.DATABASE_URL = (t.db as { url?: string }).url ?? server;
  const bin = new URL('../../bin/azad.js', import.meta.url).pathname;
  const bad = spawnSync(process.execPath, [bin, 'report', '--year', '20x3', '--format', 'json,odt', '--out', dir], { env, encoding: 'utf8' });
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /--year: a year from 2005/);
  assert.match(bad.stderr, /--format: "odt" is not available/);

  const ok = spawnSync(process.execPath, [bin, 'report', '--year', String(Y), '--format', 'json', '--out', path.join(dir, 'out')], { env, encoding: 'utf8' });
  assert.equal(ok.status, 0, ok.stderr);
  const written = JSON.parse(fs.readFileSync(path.join(dir, 'out', `azad-report-${Y}.json`), 'utf8')) as ReportJson;
  assert.equal(written.year, Y);
  const identified = written.figures.find((f) => f.id === 'victims.identified');
  // On PostgreSQL the CLI reads the test's own database; on PGlite a fresh, empty one.
  assert.deepEqual({ value: identified?.value, delta: identified?.delta }, server ? { value: 1, delta: -2 } : { value: 0, delta: 0 });
  fs.rmSync(dir, { recursive: true, force: true });
});
