// The outsider exercise (docs/report-definition.md alone): synthetic 2018–2019 records, the
// agencies' 2019 spreadsheets and a 2019 definition written from the docs reproduce the chosen
// figures of the ministry's 2019 report, through the same functions `azad import`,
// `azad submissions import|submit|approve` and `azad report-definition import` call.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { after, before, test } from 'node:test';
import { sql, type SqlBool } from 'kysely';
import { agencyByCode } from '../agencies/agencies.ts';
import { fieldKey } from '../crypto/fields.ts';
import type { Db } from '../db/database.ts';
import { importLines } from '../interchange/import.ts';
import type { Profile } from '../profile/schema.ts';
import { importSubmission } from '../submissions/import.ts';
import { reviewSubmission, submitSubmission, type Who } from '../submissions/submissions.ts';
import { seededDatabase } from '../test/harness.ts';
import { buildReport, reportJson } from './build.ts';
import { saveDefinition } from './definition/store.ts';
import { buildDocument } from './document.ts';

const dir = new URL('./fixtures/outsider-2019/', import.meta.url);
const OPERATOR: Who = { userId: null, agencyId: null, national: true };
const audit = { actor: null, details: { via: 'test' } };
const AGENCIES = ['mia', 'state_labour_inspection', 'ngo_support_agency', 'ngo_coalition', 'clean_world', 'tamas'];

let profile: Profile;
let db: Db;
before(async () => {
  ({ db, profile } = await seededDatabase());
  const lines = createInterface({ input: createReadStream(new URL('records.jsonl', dir)) });
  const imported = await importLines(db.kysely, { key: fieldKey(randomBytes(32)), profile }, lines, {});
  assert.equal(imported.committed, true, JSON.stringify(imported.errors));
  for (const code of AGENCIES) {
    const agency = await agencyByCode(db.kysely, code);
    assert.ok(agency, code);
    const content = await readFile(new URL(`submission-${code}-2019.csv`, dir));
    const { id } = await db.kysely.transaction().execute((trx) => importSubmission(trx, profile, OPERATOR, { agencyId: agency.id, period: '2019', format: 'csv', content }, audit));
    await db.kysely.transaction().execute((trx) => submitSubmission(trx, profile, sql<SqlBool>`true`, id, OPERATOR, audit));
    await db.kysely.transaction().execute((trx) => reviewSubmission(trx, sql<SqlBool>`true`, id, { kind: 'approved', comment: null }, OPERATOR, audit));
  }
  const definition: unknown = JSON.parse(await readFile(new URL('definition.json', dir), 'utf8'));
  await db.kysely.transaction().execute((trx) => saveDefinition(trx, profile, 2019, definition, { userId: null }, audit));
});
after(() => db.close());

/** intended.json: a plain value, [value, parts, unknown] or [value, qualifier]. */
type Intended = number | [number, Record<string, number>, number] | [number, string];

test('every figure of the 2019 definition comes out as intended, with its parts and qualifier', async () => {
  const intended = JSON.parse(await readFile(new URL('intended.json', dir), 'utf8')) as Record<string, Intended>;
  const json = reportJson(await buildReport(db.kysely, profile, 2019));
  const byId = new Map(json.figures.map((f) => [f.id, f]));
  for (const [id, want] of Object.entries(intended)) {
    const f = byId.get(id);
    assert.ok(f, id);
    if (typeof want === 'number') assert.equal(f.value, want, id);
    else if (typeof want[1] === 'string') assert.deepEqual([f.value, f.qualifier], want, id);
    else {
      assert.equal(f.value, want[0], id);
      assert.deepEqual(Object.fromEntries((f.parts ?? []).map((p) => [p.key, p.value])), want[1], `${id} parts`);
      assert.equal(f.unknown ?? 0, want[2], `${id} unknown`);
    }
  }
  assert.deepEqual(json.problems.filter((p) => p.severity === 'error'), []);
  assert.deepEqual(json.problems.map((p) => `${p.code} ${p.figure}`).sort(), [
    'partial_unknown prevention.awareness_events',
    'unknown_part victims.by_country',
    'unknown_part victims.cumulative',
    'unknown_part victims.identified',
  ]);
});

test('the printed sentences: qualifiers kept, a qualified value opening a sentence capitalised, the unknown part named', async () => {
  const b = await buildReport(db.kysely, profile, 2019);
  const text = (lang: 'az' | 'en' | 'ru') =>
    buildDocument({ def: b.definition.definition, profile, year: 2019, lang, figures: b.figures, narratives: new Map(), evaluated: b.evaluated, draft: true })
      .blocks.flatMap((x) => (x.kind === 'paragraph' || x.kind === 'heading' ? [x.text] : [])).join('\n');
  const en = text('en');
  assert.match(en, /In 2019, 91 \(\+20\) victims of trafficking were identified \(85 women, 5 men, unknown: 1\)\./);
  assert.match(en, /More than 100,000 \(\+20,000\) awareness materials were prepared, and NGOs held more than 55 awareness events\./);
  assert.match(en, /given help: medical help: 78, psychological help: 78 and legal help: 78\./);
  assert.match(en, /Over the past 15 years, 570 people have been prosecuted for 1,514 cases of human trafficking and forced labour, and 976 victims have been identified\./);
  assert.match(text('az'), /2019-cu ildə insan alverinin 91 \(\+20\) qurbanı/);
  assert.match(text('ru'), /осуждено 42 \(\+12\) торговца людьми/);
});

test('the charts: a series 2005–2019 from the imported aggregates and the records, a pie by sex with its unknown slice', async () => {
  const b = await buildReport(db.kysely, profile, 2019);
  const doc = buildDocument({ def: b.definition.definition, profile, year: 2019, lang: 'en', figures: b.figures, narratives: new Map(), evaluated: b.evaluated, draft: true });
  const charts = new Map(doc.blocks.flatMap((x) => (x.kind === 'chart' ? [[x.id, x] as const] : [])));
  type Series = { name: string; data: unknown[] }[];
  const series = charts.get('victims_by_year')?.option.series as Series;
  assert.equal(charts.get('victims_by_year')?.title, '2005–2019: victims identified');
  const total = (i: number) => series.reduce((s, x) => s + Number(x.data[i]), 0);
  assert.deepEqual([total(0), total(13), total(14)], [63, 71, 91], '2005 from its aggregate, 2018 and 2019 from the records');
  assert.deepEqual(series.map((x) => x.name), ['Women', 'Men', 'Unknown']);
  const pie = (charts.get('victims_by_sex')?.option.series as { data: { label: { formatter: string } }[] }[])[0]?.data.map((d) => d.label.formatter);
  assert.deepEqual(pie, ['Women: 85 (93%)', 'Men: 5 (6%)', 'Unknown: 1 (1%)'], 'shares by largest remainder; the unknown slice labelled as the others are');
  const table = doc.blocks.find((x) => x.kind === 'table');
  assert.deepEqual(table?.kind === 'table' ? table.rows.slice(-2) : [], [['Unknown', '3'], ['Total', '91']]);
});
