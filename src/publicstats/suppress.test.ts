// The proof that the public tables hold: random small editions (fast-check, fixed seed) are
// protected and then attacked — by the linear-programming attacker over everything public
// (margins, other tables, the previous year's edition, an earlier edition of the same year) and,
// independently of the LP code, by exhaustive search over each table's integer solutions.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { attack } from './attack.ts';
import { variableBounds } from './lp.ts';
import { allCells, TOTAL, type Cell, type Context, type EditionTables, type Rule, type Table } from './model.ts';
import { isSensitive, protect } from './suppress.ts';

const RULE: Rule = { threshold: 5, zerosSensitive: false };
const SEED = 20261206;

const cell = (key: string, value: number): Cell => ({ key, value, suppressed: false });
const partition = (id: string, values: number[], cumulativeOf?: string): Table => ({
  id,
  parts: 'partition',
  total: cell(TOTAL, values.reduce((s, v) => s + v, 0)),
  cells: values.map((v, i) => cell(`k${i}`, v)),
  cumulativeOf,
});
const overlapping = (id: string, total: number, values: number[]): Table => ({ id, parts: 'overlapping', total: cell(TOTAL, total), cells: values.map((v, i) => cell(`k${i}`, Math.min(v, total))) });
const edition = (id: string, year: number, n: number, tables: Table[]): EditionTables => ({ id, year, edition: n, tables });

/** Every integer assignment of a partition's hidden cells that fits its published margin and cells. */
function solutions(t: Table): number[][] {
  const hidden = t.cells.filter((c) => c.suppressed);
  const rest = t.total.value - t.cells.filter((c) => !c.suppressed).reduce((s, c) => s + c.value, 0);
  const out: number[][] = [];
  const walk = (i: number, left: number, acc: number[]) => {
    if (i === hidden.length - 1) out.push([...acc, left]);
    else for (let v = 0; v <= left; v++) walk(i + 1, left - v, [...acc, v]);
  };
  if (hidden.length) walk(0, rest, []);
  return out;
}

function assertSafe(e: EditionTables, ctx: Context) {
  const found = attack(e, ctx);
  assert.deepEqual(found, [], `recovered: ${JSON.stringify(found)} from ${JSON.stringify(e)}`);
  for (const t of e.tables) {
    for (const c of allCells(t)) if (isSensitive(c.value, RULE)) assert.ok(c.suppressed, `${t.id}.${c.key} = ${c.value} is below the threshold yet shown`);
    // Independent of the LP: enumerate a partition's solutions when its margin is public.
    if (t.parts === 'partition' && !t.total.suppressed && t.cells.some((c) => c.suppressed)) {
      const sols = solutions(t);
      t.cells.filter((c) => c.suppressed).forEach((c, i) => {
        const seen = new Set(sols.map((s) => s[i]));
        assert.ok(seen.size >= 2, `${t.id}.${c.key} has a single solution by exhaustive search`);
      });
    }
  }
}

const values = (min: number, max: number) => fc.array(fc.integer({ min: 0, max: 14 }), { minLength: min, maxLength: max });

test('LP bounds: a margin with two hidden parts leaves each free; one hidden part is pinned', () => {
  // x0 + x1 = 7
  const b = variableBounds(2, [{ coef: new Map([[0, 1], [1, 1]]), rhs: 7 }], [0, 1]);
  assert.deepEqual(b?.get(0), { min: 0, max: 7 });
  // x0 + x1 = 7, x1 = 3
  const pinned = variableBounds(2, [{ coef: new Map([[0, 1], [1, 1]]), rhs: 7 }, { coef: new Map([[1, 1]]), rhs: 3 }], [0]);
  assert.deepEqual(pinned?.get(0), { min: 4, max: 4 });
  assert.equal(variableBounds(1, [{ coef: new Map([[0, 1]]), rhs: -1 }], [0]), null, 'no non-negative solution');
  assert.equal(variableBounds(2, [{ coef: new Map([[0, 1], [1, -1]]), rhs: 0 }], [0])?.get(0)?.max, Infinity);
});

test('the attacker recovers a lone hidden cell, a difference of running totals, and a cell a revision left unchanged', () => {
  const lone = edition('e', 2023, 1, [partition('a', [3, 10, 12])]);
  (lone.tables[0] as Table).cells[0]!.suppressed = true;
  assert.equal(attack(lone, { earlier: [] })[0]?.value, 3);

  const prev = edition('p', 2022, 1, [partition('a', [8, 9]), partition('cum', [30, 40], 'a')]);
  const cur = edition('c', 2023, 1, [partition('a', [2, 9]), partition('cum', [32, 49], 'a')]);
  for (const k of [0, 1]) (cur.tables[0] as Table).cells[k]!.suppressed = true;
  assert.deepEqual(attack(cur, { earlier: [], previousYear: prev }).map((d) => [d.key, d.value, d.assuming]), [['k0', 2, 'cumulative'], ['k1', 9, 'cumulative']]);

  const first = edition('r1', 2023, 1, [partition('a', [7, 6, 20])]);
  const second = edition('r2', 2023, 2, [partition('a', [3, 6, 21])]);
  for (const k of [0, 1]) (second.tables[0] as Table).cells[k]!.suppressed = true;
  assert.deepEqual(attack(second, { earlier: [first] }).map((d) => [d.key, d.value]), [['k0', 3]], 'the 6 was shown before: finding it again is no disclosure');
});

test('protect: the examples above are safe after protection', () => {
  const prev = protect(edition('p', 2022, 1, [partition('a', [8, 9]), partition('cum', [30, 40], 'a')]), { earlier: [] }, RULE).edition;
  const cur = protect(edition('c', 2023, 1, [partition('a', [2, 9]), partition('cum', [32, 49], 'a')]), { earlier: [], previousYear: prev }, RULE);
  assertSafe(cur.edition, { earlier: [], previousYear: prev });
  assert.ok(cur.edition.tables[1]?.cells.every((c) => c.suppressed), 'the running total hides what its flow hides');

  const first = protect(edition('r1', 2023, 1, [partition('a', [7, 6, 20])]), { earlier: [] }, RULE).edition;
  const second = protect(edition('r2', 2023, 2, [partition('a', [3, 6, 21])]), { earlier: [first] }, RULE);
  assertSafe(second.edition, { earlier: [first] });
  assert.equal(second.edition.tables[0]?.cells[1]?.suppressed, false, 'the unchanged 6 is no complement: a revision would give it away');
});

test("a first edition's running total minus its flow is last year's running total: a small one is hidden as if shown", () => {
  // The demo's 2024, published before any 2023 edition: men 5 this year, 9 since 2005, so 4 until 2023.
  const ctx: Context = { earlier: [] };
  const e = protect(edition('y', 2024, 1, [partition('flow', [5, 86]), partition('cum', [9, 173], 'flow')]), ctx, RULE).edition;
  assertSafe(e, ctx);
  const [flow, cum] = e.tables as [Table, Table];
  const shown = (t: Table, k: number) => (t.cells[k]?.suppressed ? null : t.cells[k]?.value);
  const men = [shown(flow, 0), shown(cum, 0)];
  assert.ok(men.includes(null), `9 − 5 would give the 4 men identified until last year: ${JSON.stringify(men)}`);
  // With last year's edition showing that running total, the difference is public already.
  const prev = protect(edition('x', 2023, 1, [partition('flow', [6, 80]), partition('cum', [6, 80], 'flow')]), { earlier: [] }, RULE).edition;
  const next = protect(edition('y', 2024, 1, [partition('flow', [5, 86]), partition('cum', [11, 166], 'flow')]), { earlier: [], previousYear: prev }, RULE).edition;
  assert.ok(allCells(next.tables[1] as Table).every((c) => !c.suppressed), 'nothing more is hidden than before');
});

test('random small editions, their previous year and a revision: no hidden cell is ever recovered', () => {
  const scenario = fc.record({
    flowPrev: values(2, 4),
    cumBase: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 4, maxLength: 4 }),
    flow: values(2, 4),
    other: values(1, 4),
    single: fc.integer({ min: 0, max: 12 }),
    over: values(1, 3),
    overTotal: fc.integer({ min: 0, max: 14 }),
    revise: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 4, maxLength: 4 }),
  });
  let runs = 0;
  let wholeEdition = 0;
  fc.assert(
    fc.property(scenario, (s) => {
      runs++;
      const n = Math.min(s.flowPrev.length, s.flow.length);
      const fp = s.flowPrev.slice(0, n);
      const f = s.flow.slice(0, n);
      const cumPrev = fp.map((v, i) => v + (s.cumBase[i] as number));
      const tablesOf = (flow: number[]) => [
        partition('flow', flow),
        partition('cum', flow.map((v, i) => (cumPrev[i] as number) + v), 'flow'),
        partition('other', s.other),
        { id: 'single', parts: 'none', total: cell(TOTAL, s.single), cells: [] } as Table,
        overlapping('over', s.overTotal, s.over),
      ];
      const prev = protect(edition('p', 2022, 1, [partition('flow', fp), partition('cum', cumPrev, 'flow')]), { earlier: [] }, RULE);
      assertSafe(prev.edition, { earlier: [] });
      const ctx1: Context = { earlier: [], previousYear: prev.edition };
      const e1 = protect(edition('e1', 2023, 1, tablesOf(f)), ctx1, RULE);
      assertSafe(e1.edition, ctx1);
      const revised = f.map((v, i) => Math.max(0, v + (s.revise[i] as number)));
      const ctx2: Context = { earlier: [e1.edition], previousYear: prev.edition };
      const e2 = protect(edition('e2', 2023, 2, tablesOf(revised)), ctx2, RULE);
      assertSafe(e2.edition, ctx2);
      wholeEdition += Number(e1.allHidden) + Number(e2.allHidden);
      // What is shown is the truth: protection only hides.
      for (const t of e2.edition.tables) for (const c of allCells(t)) assert.ok(c.suppressed || !isSensitive(c.value, RULE));
    }),
    { seed: SEED, numRuns: 200 },
  );
  // The last resort (hide a whole edition) is rare: the pattern is usually found cell by cell.
  assert.ok(wholeEdition <= runs * 0.1, `${wholeEdition} of ${2 * runs} editions were hidden whole`);
  if (process.env.AZAD_SHOW_TABLES) process.stdout.write(`${wholeEdition} of ${2 * runs} editions hidden whole\n`);
});

test('zeros are shown unless the profile calls them sensitive', () => {
  const plain = protect(edition('z', 2023, 1, [partition('a', [0, 9, 12])]), { earlier: [] }, RULE).edition;
  assert.ok(allCells(plain.tables[0] as Table).every((c) => !c.suppressed));
  const strict = protect(edition('z', 2023, 1, [partition('a', [0, 9, 12])]), { earlier: [] }, { threshold: 5, zerosSensitive: true }).edition;
  assert.equal(strict.tables[0]?.cells[0]?.suppressed, true);
  assertSafe(strict, { earlier: [] });
});
