import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildApp } from '../http/app.ts';
import type { App } from '../http/types.ts';
import type { ReportFigure } from '../report/report.ts';
import { loadFixture } from '../report/fixtures/load.ts';
import { makeClient, startTestApp, type TestApp } from '../test/harness.ts';
import type { AddressInfo } from 'node:net';
import { attack } from './attack.ts';
import { loadPublicStatsConfig, protectAll, publishedEditions, tablesOf } from './editions.ts';
import { freezeEdition } from './freeze.ts';
import { allCells } from './model.ts';
import { isSensitive } from './suppress.ts';

let t: TestApp;
const config = loadPublicStatsConfig('az');
const rule = { threshold: config.threshold, zerosSensitive: config.zerosSensitive };

before(async () => {
  t = await startTestApp();
  await loadFixture(t.db.kysely, { key: t.ctx.fieldKey, profile: t.ctx.profile }, 'az-2023');
});
after(() => t.close());

/** Moves `n` from one part of a figure's breakdown to another: a revision that makes a small cell. */
const move = (id: string, from: string, to: string, n: number) => (figures: ReportFigure[]) =>
  figures.map((f) => (f.id === id && f.breakdown ? { ...f, breakdown: { ...f.breakdown, [from]: (f.breakdown[from] ?? 0) - n, [to]: (f.breakdown[to] ?? 0) + n } } : f));

test('before anything is published, nothing is public; the draft report has figures all the same', async () => {
  const anon = t.anonymous();
  const list = await anon.get('/api/public/editions');
  assert.equal(list.status, 200, JSON.stringify(list.body));
  assert.deepEqual(list.body.editions, []);
  assert.equal((await anon.get('/api/public/editions/2023/tables')).status, 404);
  const draft = await (await t.as('coordinator')).get('/api/reports/2023');
  assert.ok(draft.body.figures.find((f: { id: string }) => f.id === 'victims.identified').value > 0, 'the draft has figures the public never sees');
});

test('the fixture editions (2022, 2023 and a revision of 2023): every table protected, and the attacker recovers no hidden cell', async () => {
  const by = t.users.coordinator.id;
  await freezeEdition(t.db.kysely, t.ctx.profile, 2022, { by, publishedAt: new Date('2023-05-20T10:00:00Z') });
  await freezeEdition(t.db.kysely, t.ctx.profile, 2023, { by, publishedAt: new Date('2024-05-21T10:00:00Z') });
  // A corrected edition moves victims from the smallest age band to the largest, leaving a small count behind.
  const rows0 = await publishedEditions(t.db.kysely, t.ctx.profile);
  const y2023 = rows0.find((r) => r.year === 2023)?.figures as ReportFigure[];
  const ages = y2023.find((f) => f.id === 'victims.by_age')?.breakdown ?? {};
  const bands = Object.entries(ages).filter(([, v]) => v > 0).sort((a, b) => a[1] - b[1]);
  const [small, big] = [bands[0] as [string, number], bands.at(-1) as [string, number]];
  assert.ok(small[1] >= 5, `the smallest band (${small[1]}) is shown in the first edition`);
  await freezeEdition(t.db.kysely, t.ctx.profile, 2023, { by, figures: move('victims.by_age', small[0], big[0], small[1] - 2)(y2023), publishedAt: new Date('2024-07-01T10:00:00Z') });

  const rows = await publishedEditions(t.db.kysely, t.ctx.profile);
  assert.deepEqual(rows.map((r) => [r.year, r.edition, r.current]), [[2022, 1, true], [2023, 1, false], [2023, 2, true]]);
  const all = protectAll(rows, config);
  let hidden = 0;
  let primaries = 0;
  let naiveAttacked = false;
  for (const [i, p] of all.entries()) {
    const earlier = all.slice(0, i).filter((o) => o.row.year === p.row.year).map((o) => o.tables);
    const previousYear = all.slice(0, i).filter((o) => o.row.year === p.row.year - 1).at(-1)?.tables;
    assert.ok(p.tables.tables.length >= 8, `edition ${p.row.year}/${p.row.edition} has its tables`);
    for (const table of p.tables.tables) {
      for (const c of allCells(table)) {
        if (isSensitive(c.value, rule)) assert.ok(c.suppressed, `${p.row.year}/${p.row.edition} ${table.id}.${c.key} = ${c.value} is shown`);
        hidden += Number(c.suppressed);
        primaries += Number(c.reason === 'primary');
      }
    }
    assert.deepEqual(attack(p.tables, { earlier, previousYear }), [], `edition ${p.row.year}/${p.row.edition}`);
    // Hiding only the small cells is not safe: the attack is real.
    const naive = tablesOf(p.row, config);
    for (const table of naive.tables) for (const c of allCells(table)) c.suppressed = isSensitive(c.value, rule);
    if (!naiveAttacked && naive.tables.some((x) => x.parts === 'partition' && x.cells.filter((c) => c.suppressed).length === 1 && !x.total.suppressed)) {
      assert.ok(attack(naive, { earlier, previousYear }).length > 0, 'a lone small cell is given away by its total');
      naiveAttacked = true;
    }
  }
  assert.ok(naiveAttacked, 'some table of the fixture has a lone small cell');
  const revised = all.at(-1)?.tables.tables.find((x) => x.id === 'victims-by-age');
  assert.deepEqual(revised?.cells.filter((c) => c.suppressed).map((c) => c.reason).sort(), ['primary', 'secondary'], 'the revision hides the new small band and a complement');
  assert.ok(revised?.cells.filter((c) => c.suppressed).every((c) => c.key === small[0] || c.key === big[0]), 'the complement is a band the revision changed, not one shown unchanged before');
  assert.ok(primaries > 0 && hidden > primaries, `the fixture has small cells (${primaries}) and complements (${hidden - primaries})`);
  const shown = all.at(-1)?.tables.tables.map((x) => `${x.id}: ${[x.total, ...x.cells].map((c) => (c.suppressed ? `${c.key}=x` : `${c.key}=${c.value}`)).join(' ')}`);
  // AZAD_SHOW_TABLES=1 prints what the public sees of the last edition.
  if (process.env.AZAD_SHOW_TABLES) process.stdout.write(`${shown?.join('\n')}\n`);
});

test('anonymous reads: editions, tables (hidden cells carry no number), CSV and JSON downloads, the dictionary, in az, en and ru', async () => {
  const anon = t.anonymous();
  const list = await anon.get('/api/public/editions');
  assert.deepEqual(list.body.editions.map((e: { year: number; edition: number; current: boolean }) => [e.year, e.edition, e.current]), [[2023, 2, true], [2023, 1, false], [2022, 1, true]]);
  assert.equal(list.body.threshold, 5);

  for (const lang of ['az', 'en', 'ru']) {
    const res = await anon.get(`/api/public/editions/2023/tables?lang=${lang}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.edition, 2, 'the edition in force by default');
    assert.equal(res.body.mark, 'x');
    const sex = res.body.tables.find((x: { id: string }) => x.id === 'victims-by-sex');
    assert.ok(sex.title.length > 3);
    let hiddenCells = 0;
    for (const table of res.body.tables) {
      for (const c of [table.total, ...table.cells]) {
        if ('suppressed' in c) {
          hiddenCells++;
          assert.deepEqual(Object.keys(c).filter((k) => k !== 'key' && k !== 'label'), ['suppressed'], 'a hidden cell says nothing else, not why');
        } else assert.ok(c.value === 0 || c.value >= 5, `${table.id}: ${c.value} shown`);
      }
    }
    assert.ok(hiddenCells > 0);
  }
  const first = await anon.get('/api/public/editions/2023/tables?edition=1&lang=en');
  assert.equal(first.body.edition, 1);

  const tables = (await anon.get('/api/public/editions/2023/tables?lang=en')).body.tables as { id: string; total: object; cells: { key: string; suppressed?: true; value?: number }[] }[];
  const withHidden = tables.find((x) => x.cells.some((c) => c.suppressed)) as (typeof tables)[number];
  const csv = await anon.request('GET', `/api/public/editions/2023/tables/${withHidden.id}/csv?lang=ru`);
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
  assert.match(csv.headers.get('content-disposition') ?? '', /attachment; filename="azad-2023-e2-/);
  const lines = String(csv.body).replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.equal(lines[0], 'ключ,часть,число');
  const hiddenKey = withHidden.cells.find((c) => c.suppressed)?.key as string;
  assert.match(lines.find((l) => l.startsWith(`${hiddenKey},`)) ?? '', /,x$/);
  const json = await anon.get(`/api/public/editions/2023/tables/${withHidden.id}/json?lang=az`);
  assert.equal(json.status, 200);
  assert.deepEqual(json.body.table.cells.find((c: { key: string }) => c.key === hiddenKey), { key: hiddenKey, label: json.body.table.cells.find((c: { key: string }) => c.key === hiddenKey).label, suppressed: true });
  assert.equal((await anon.get('/api/public/editions/2023/tables/no-such-table/json')).status, 404);
  assert.equal((await anon.get('/api/public/editions/2023/tables/victims-by-sex/xlsx')).status, 400);
  assert.equal((await anon.get('/api/public/editions/2024/tables')).status, 404, 'no edition of 2024: nothing, though records may exist');
  assert.equal((await anon.get('/api/public/editions/2023/tables?edition=9')).status, 404);

  for (const lang of ['az', 'en', 'ru']) {
    const dict = await anon.get(`/api/public/dictionary?lang=${lang}`);
    assert.equal(dict.status, 200);
    assert.match(dict.body.rule, /\b4\b/, 'counts from 1 to 4 are hidden');
    assert.ok(dict.body.tables.length >= 8);
    assert.ok(dict.body.tables.every((x: { countedAs: string }) => x.countedAs.length > 0));
  }
  // Public calls are in the trail, without an actor.
  const rows = await t.db.kysely.selectFrom('audit_log').select(['actor_id', 'action']).where('action', '=', 'GET /api/public/editions').execute();
  assert.ok(rows.length >= 1 && rows.every((r) => r.actor_id === null));
});

test('the public routes are the only new anonymous ones, and they are rate-limited per address', async () => {
  const open = t.app.routeList
    .filter((r) => r.url.startsWith('/api/') && (r.config as { public?: boolean } | undefined)?.public && !r.url.startsWith('/api/docs'))
    .map((r) => `${String(r.method)} ${r.url}`)
    .filter((r) => !r.startsWith('HEAD'))
    .sort();
  assert.deepEqual(open, [
    'GET /api/health',
    'GET /api/openapi.json',
    'GET /api/public/dictionary',
    'GET /api/public/editions',
    'GET /api/public/editions/:year/tables',
    'GET /api/public/editions/:year/tables/:table/:format',
    'POST /api/auth/reset',
    'POST /api/auth/login',
  ].sort());

  let limited: App | undefined;
  try {
    limited = await buildApp({ ...t.ctx, config: { ...t.ctx.config, limits: { ...t.ctx.config.limits, public: { max: 2, seconds: 3600 } } } }, { logger: false });
    await limited.listen({ host: '127.0.0.1', port: 0 });
    const anon = makeClient(`http://127.0.0.1:${(limited.server.address() as AddressInfo).port}`);
    assert.equal((await anon.get('/api/public/editions')).status, 200);
    assert.equal((await anon.get('/api/public/dictionary')).status, 200);
    const refused = await anon.get('/api/public/editions');
    assert.equal(refused.status, 429);
    assert.equal(refused.body.error.code, 'rate_limited');
    assert.ok(Number(refused.headers.get('retry-after')) >= 1);
  } finally {
    await limited?.close();
  }
});
