// Figure definitions → SQL. Figures over the same records and the same date share one grouped
// pass: one scan, every figure an aggregate with its own FILTER, every breakdown a grouping set.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Profile } from '../../profile/schema.ts';
import type { Figure } from '../figure.ts';
import type { Breakdown, Count, FigureDef, Filters } from './schema.ts';
import { articleFilter, IN_LISTS, SOURCE_SPECS, type Ctx, type DateSpec, type SourceSpec } from './sources.ts';

type Sql = RawBuilder<unknown>;
type Db = Kysely<Database>;

export interface PassOptions {
  profile: Profile;
  /** The first year each figure is needed for (else the pass's first year): later years only get its aggregates. */
  firstYear?: ReadonlyMap<string, number>;
  /** Indicator ids an indicator continues under a new name (the catalogue's `renamedFrom`). */
  renames?: ReadonlyMap<string, readonly string[]>;
}

/** A record figure's place in a pass. */
interface Planned {
  def: FigureDef;
  count: Count;
  cond: Sql;
  /** The conditions `cond` joins: none for a figure of every row. */
  parts: Sql[];
  key: Sql | null;
  category: Sql | null;
  /** Set when the subject's first or latest key is picked by `distinct on` over the rows the figure counts (not by a window over every row). */
  pick?: 'latest' | 'first';
}

export const countOf = (def: FigureDef): Count => def.count ?? SOURCE_SPECS[def.from ?? 'persons'].defaultCount;
export const dateOf = (def: FigureDef): string => def.date ?? SOURCE_SPECS[def.from ?? 'persons'].defaultDate;

/** The condition of one figure: its filters, plus the source's standing rules it does not override. */
function condition(def: FigureDef, spec: SourceSpec, ctx: Ctx, opts: PassOptions): Sql {
  const parts = conditionParts(def, spec, ctx, opts);
  return parts.length ? sql`(${sql.join(parts, sql` and `)})` : sql`true`;
}

/** The conditions a figure's rows must all meet, one per filter (a pass computes each distinct one once a row). */
function conditionParts(def: FigureDef, spec: SourceSpec, ctx: Ctx, opts: PassOptions): Sql[] {
  const where: Filters = def.where ?? {};
  const parts: Sql[] = [];
  if (spec.always && where[spec.always.filter] === undefined) parts.push(spec.always.cond);
  // Without an attribute a submitted figure sums the counts only: amounts beside them never add to a count.
  if (def.from === 'submitted' && where.attribute === undefined) parts.push(sql`v.attribute = ''`);
  for (const [name, value] of Object.entries(where) as [keyof Filters, unknown][]) {
    if (value === undefined || name === 'articleField') continue;
    if (name === 'articles') {
      const f = articleFilter(def.from ?? 'persons', value as never, ctx, where.articleField ?? 'any');
      if (f) parts.push(f);
      continue;
    }
    if (name === 'indicators') {
      const ids = (value as string[]).flatMap((id) => [id, ...(opts.renames?.get(id) ?? [])]);
      parts.push(sql`v.indicator_id in (${sql.join(ids.map((id) => sql.val(id)))})`);
      continue;
    }
    if (name === 'attribute') {
      parts.push(sql`v.attribute = ${value as string}`);
      continue;
    }
    const fn = spec.filters[name] as ((v: unknown, c: Ctx) => Sql) | undefined;
    if (!fn) throw new Error(`figure ${def.id}: no filter "${name}" for ${def.from}`);
    parts.push(fn(value, ctx));
  }
  return parts;
}

/** The breakdown key of a row: the dimension, banded and grouped as the definition says. */
function keyExpr(b: Breakdown, spec: SourceSpec, ctx: Ctx): Sql {
  const dim = spec.dims[b.by];
  if (!dim) throw new Error(`no breakdown "${b.by}"`);
  let e: Sql = dim(ctx);
  if (b.bands?.length) {
    const whens = b.bands.map((band) => sql`when ${e} between ${band.min ?? 0} and ${band.max ?? 1000} then ${band.key}`);
    e = sql`(case ${sql.join(whens, sql` `)} end)`;
  } else e = sql`(${e})::text`;
  if (b.groups) {
    const whens = Object.entries(b.groups).map(([key, codes]) => sql`when ${e} in (${sql.join(codes.map((c) => sql.val(c)))}) then ${key}`);
    e = sql`(case when ${e} is null then null ${sql.join(whens, sql` `)} else ${b.rest ?? null} end)`;
  }
  return e;
}

/** Counting distinct subjects where a subject has several rows: each once, under its first or latest key. */
function needsPick(def: FigureDef, count: Count, spec: SourceSpec) {
  const pick = def.breakdown?.pick ?? 'latest';
  return pick !== 'all' && !spec.rowIsSubject.includes(count);
}

/** Distinct subjects (persons, cases, children) counted after folding the rows to one per subject and year. */
const folds = (def: FigureDef, count: Count, spec: SourceSpec) => ['persons', 'cases', 'children'].includes(count) && !spec.rowIsSubject.includes(count) && (def.breakdown?.pick ?? 'latest') !== 'all' && !def.categories;

function plan(def: FigureDef, spec: SourceSpec, ctx: Ctx, yr: Sql, opts: PassOptions): Planned {
  const count = countOf(def);
  const parts = conditionParts(def, spec, ctx, opts);
  const cond = parts.length ? sql`(${sql.join(parts, sql` and `)})` : sql`true`;
  let key: Sql | null = null;
  if (def.breakdown) {
    key = keyExpr(def.breakdown, spec, ctx);
    if (needsPick(def, count, spec)) {
      const desc = (def.breakdown.pick ?? 'latest') === 'latest';
      // Folded per subject (runPass), the key is picked by a query of its own: no sort of every row for a window.
      if (folds(def, count, spec)) return { def, count, cond, parts, key, category: null, pick: desc ? 'latest' : 'first' };
      const order = sql.join(spec.order.map((o) => (desc ? sql`${o} desc` : sql`${o} asc`)));
      key = sql`first_value(${key}) over (partition by ${yr}, ${spec.subjects[count] as Sql}, ${cond} order by ${order})`;
    }
  }
  const category = def.categories ? (spec.dims[def.categories]?.(ctx) ?? null) : null;
  return { def, count, cond, parts, key, category };
}

/** Figure i's aggregates for year y, named `a<i>_<y>` (and `r`, `u`, `src`, `q`, `cats` likewise). */
function aggregates(p: Planned, i: number, y: number | null, spec: SourceSpec, inYear: (y: number) => Sql, cond: Sql): Sql[] {
  const c = y === null ? cond : sql`(${cond} and ${inYear(y)})`;
  const as = (name: string) => sql.ref(y === null ? `${name}${i}` : `${name}${i}_${y}`);
  const subject = sql.ref(`s_${p.count}`);
  const out: Sql[] = [];
  switch (p.count) {
    case 'value':
      out.push(sql`sum(${subject}) filter (where ${c} and b.v_state = 'reported' and ${subject} is not null)::float8 as ${as('a')}`);
      out.push(sql`count(*) filter (where ${c} and b.v_state = 'reported' and ${subject} is not null)::int as ${as('r')}`);
      out.push(sql`count(*) filter (where ${c} and b.v_state = 'unknown')::int as ${as('u')}`);
      out.push(sql`array_agg(distinct b.v_source) filter (where ${c} and b.v_state <> 'not_applicable') as ${as('src')}`);
      out.push(sql`array_agg(distinct b.v_qualifier) filter (where ${c} and b.v_state = 'reported' and b.v_qualifier is not null) as ${as('q')}`);
      break;
    case 'amount':
    case 'participants':
    case 'trainers':
    case 'copies':
    case 'median_per_person':
      out.push(sql`coalesce(sum(${subject}) filter (where ${c}), 0)::float8 as ${as('a')}`);
      break;
    default:
      // A row that is its own subject is counted by its key, which is never null; left without an
      // "is not null" test, a figure of every row shares its aggregate with the pass's row count.
      out.push(spec.rowIsSubject.includes(p.count) ? sql`count(*) filter (where ${c})::int as ${as('a')}` : sql`count(distinct ${subject}) filter (where ${c})::int as ${as('a')}`);
  }
  if (p.category) out.push(sql`array_agg(distinct ${sql.ref(`cat${i}`)}) filter (where ${c} and ${sql.ref(`cat${i}`)} is not null) as ${as('cats')}`);
  return out;
}

/** Per year, per figure: the total row and the breakdown rows of one pass. */
export type YearFigures = Map<number, Map<string, Figure>>;

const put = (out: YearFigures, year: number, f: Figure) => {
  if (!out.has(year)) out.set(year, new Map());
  out.get(year)?.set(f.id, f);
};

/**
 * One pass: every figure over one source and one date, for the years `from`..`to`.
 * Returns each figure for each year that has rows; years without rows are filled by the caller.
 */
export async function runPass(db: Db, defs: FigureDef[], from: number, to: number, opts: PassOptions): Promise<YearFigures> {
  const source = defs[0]?.from ?? 'persons';
  const spec = SOURCE_SPECS[source];
  const date = dateOf(defs[0] as FigureDef);
  const d = spec.dates[date] as DateSpec;
  const tz = opts.profile.settings.timezone;
  // `timestamp at time zone text` is immutable, so these fold to constants once per query.
  const instant = (y: number) => sql`(${`${y}-01-01 00:00:00`}::timestamp at time zone ${tz})`;
  const bounds = (a: number, b: number) => sql.join(Array.from({ length: b - a + 2 }, (_, i) => instant(a + i)));
  // A timestamp's year in the profile's calendar: which of the years' first instants it follows (a binary search, no time-zone conversion per row).
  const yrCol =
    d.kind === 'interval' ? sql`ys.yr`
    : d.kind === 'period' ? d.expr
    : d.stamp ? sql`(${from - 1} + width_bucket(${d.stamp}, array[${bounds(from, to)}]))`
    : sql`date_part('year', ${d.expr({ profile: opts.profile, yr: sql`0`, date })})::int`;
  const ctx: Ctx = { profile: opts.profile, yr: yrCol, date };
  const planned = defs.map((def) => plan(def, spec, ctx, yrCol, opts));
  const counts = [...new Set(planned.flatMap((p): Count[] => (p.count === 'median_per_person' ? ['median_per_person', 'persons'] : [p.count])))];
  // The rows' columns, by name: the year, subjects, keys, orders and each figure's condition `c<i>`.
  const cols: [Sql, string][] = [[yrCol, 'yr']];
  for (const c of counts) cols.push([spec.subjects[c] as Sql, `s_${c}`]);
  if (source === 'submitted') cols.push([sql`v.state`, 'v_state'], [sql`v.qualifier`, 'v_qualifier'], [sql`a.code || '|' || sb.id::text`, 'v_source']);
  planned.forEach((p, i) => {
    if (p.key) cols.push([p.key, `k${i}`]);
    if (p.category) cols.push([sql`(${p.category})::text`, `cat${i}`]);
  });
  if (planned.some((p) => p.pick)) spec.order.forEach((o, j) => cols.push([o, `o${j}`]));
  // Figures often share a condition (ten services figures test "identified by 31 December"): each
  // distinct one is then computed once a row, below a fence (offset 0) that keeps the planner from
  // inlining it back into every figure, and a figure's condition is an AND of those columns.
  const atoms = new Map<string, number>();
  const atomSql: Sql[] = [];
  const uses: number[] = [];
  const atomsOf = planned.map((p) =>
    p.parts.map((part) => {
      const c = part.compile(db);
      const key = `${c.sql}\u0000${JSON.stringify(c.parameters)}`;
      let n = atoms.get(key);
      if (n === undefined) {
        n = atomSql.length;
        atoms.set(key, n);
        atomSql.push(part);
        uses.push(0);
      }
      uses[n] = (uses[n] ?? 0) + 1;
      return n;
    }),
  );
  const shareAtoms = uses.some((n) => n > 1);
  const condOf = (ns: number[]) => (ns.length ? sql`(${sql.join(ns.map((n) => atomSql[n] as Sql), sql` and `)})` : sql`true`);
  // A row's year for the aggregates: its date against constant bounds, which costs less per row and
  // per aggregate than the year computed from it (the aggregates are each filtered to a year). Every
  // row is within the pass's years (the WHERE below), so the first year needs no lower bound and the
  // last no upper one: with Y−1 and Y, one comparison a row and aggregate instead of two.
  const within = (y: number, col: Sql, start: (y: number) => Sql) => {
    const parts = [...(y > from ? [sql`${col} >= ${start(y)}`] : []), ...(y < to ? [sql`${col} < ${start(y + 1)}`] : [])];
    return parts.length ? sql.join(parts, sql` and `) : sql`true`;
  };
  let inYear = (y: number): Sql => sql`yr = ${sql.lit(y)}`;
  if (d.kind === 'point' && d.stamp) {
    cols.push([d.stamp, 'ts']);
    inYear = (y) => within(y, sql`ts`, instant);
  } else if (d.kind === 'point') {
    cols.push([d.expr({ profile: opts.profile, yr: sql`0`, date }), 'dt']);
    inYear = (y) => within(y, sql`dt`, (b) => sql`make_date(${sql.lit(b)}, 1, 1)`);
  }
  const join = ('join' in d && d.join) || sql``;
  const years = d.kind === 'interval' ? sql`cross join generate_series(${from}::int, ${to}::int) as ys(yr)` : sql``;
  // A timestamp is bounded by the instants the years begin in the profile's calendar, so an index on it serves.
  const range =
    d.kind === 'interval' ? d.cond(ctx)
    : d.kind === 'period' ? sql`${d.expr} between ${from} and ${to}`
    : d.stamp ? sql`${d.stamp} >= ${instant(from)} and ${d.stamp} < ${instant(to + 1)}`
    : sql`${d.expr(ctx)} between make_date(${from}, 1, 1) and make_date(${to}, 12, 31)`;
  const where = spec.where ? sql`${spec.where} and ${range}` : range;
  // Distinct subjects (persons, cases, children) are first folded to one row per subject and year,
  // so each figure is a plain count there instead of a count(distinct) that sorts the rows again.
  // "Of whom" parts (pick: all) of distinct subjects: the total from the fold per subject, the parts
  // from the distinct (subject, key) pairs; count(distinct) under grouping sets sorted the rows per set.
  const overlapping = (p: Planned) => ['persons', 'cases', 'children'].includes(p.count) && !spec.rowIsSubject.includes(p.count) && p.def.breakdown?.pick === 'all' && !p.category && p.key !== null;
  const bySubject = (p: Planned) => folds(p.def, p.count, spec) || overlapping(p);
  const out: YearFigures = new Map();
  const yearsOf = (i: number) => span(Math.max(from, opts.firstYear?.get((planned[i] as Planned).def.id) ?? from), to);
  const pass: Pass = { planned, years: yearsOf, all: span(from, to), pivot: to - from < PIVOT_YEARS };
  // The fold counts each subject; the parts come from queries of their own (below), so it holds no
  // ordered aggregate and the planner may hash it instead of sorting every row.
  const foldPass: Pass = { ...pass, planned: planned.map((p) => (bySubject(p) ? { ...p, key: null } : p)) };
  const direct = planned.map((_, i) => i).filter((i) => !bySubject(planned[i] as Planned));
  // With several queries the rows are materialized once (below): their conditions are then bits of
  // a few int columns rather than a boolean column per figure (narrower rows, read by each query).
  // A fold per subject is one bit_or whose distinct results are counted, not a bool_or and two counts
  // per figure. A single query without a fold is inlined: there each condition stays an expression.
  const foldCounts = SUBJECTS.filter((count) => planned.some((p) => bySubject(p) && p.count === count));
  const queryCount = (direct.length ? 1 : 0) + foldCounts.length + planned.filter((p) => overlapping(p) || (p.pick && bySubject(p)) || p.count === 'median_per_person').length;
  const masked = queryCount > 1 || foldCounts.length > 0;
  const condRef = (i: number): Sql => (masked ? sql`((${sql.ref(`m${word(i)}`)} & ${sql.lit(bit(i))}) <> 0)` : sql.ref(`c${i}`));
  // The pass's queries, each over the rows `b`, and what each does with its rows (in this order).
  const queries: { q: Sql; done: (rows: Record<string, unknown>[]) => void }[] = [];
  // Direct figures that all count rows under several distinct conditions are counted per combination
  // of their keys first (grouped); with one condition the grouping sets share a single count, and
  // counting first would only add a hash of every combination (measured on the persons pass).
  const countsFirst = (idx: number[]) => idx.every((i) => countsRows(planned[i] as Planned, spec)) && new Set(idx.map((i) => (atomsOf[i] as number[]).join())).size > 1;
  if (direct.length > 1 && direct.every((i) => valueOnly(planned[i] as Planned))) queries.push({ q: perFigure(direct, condRef), done: (rows) => collect(out, planned, direct, fromPerFigure(rows, pass, direct)) });
  else if (direct.length) queries.push({ q: grouped(sql`b`, pass, direct, inYear, (p, i, y) => aggregates(p, i, y, spec, inYear, condRef(i)), countsFirst(direct)), done: (rows) => collect(out, planned, direct, byYear(rows, pass, direct)) });
  for (const count of foldCounts) {
    const idx = planned.map((_, i) => i).filter((i) => bySubject(planned[i] as Planned) && planned[i]?.count === count);
    const s = sql.ref(`s_${count}`);
    // Per subject and year the OR of its rows' bits (the figures it counts in), then how many subjects share each result.
    const words = [...new Set(idx.map(word))];
    const bits = (w: number) => idx.filter((i) => word(i) === w).reduce((m, i) => m | bit(i), 0);
    const perSubject = sql`select yr, ${sql.join(words.map((w) => sql`bit_or(${sql.ref(`m${w}`)} & ${sql.lit(bits(w))}) as ${sql.ref(`g${w}`)}`))} from b where ${s} is not null group by yr, ${s}`;
    const gs = sql.join(words.map((w) => sql.ref(`g${w}`)));
    queries.push({ q: sql`select yr, ${gs}, count(*)::int as n from (${perSubject}) x group by yr, ${gs}`, done: (rows) => collect(out, foldPass.planned, idx, foldedRows(rows, foldPass, idx)) });
  }
  for (const [i, p] of planned.entries()) {
    if (!overlapping(p)) continue;
    const [c, k, s] = [condRef(i), sql.ref(`k${i}`), sql.ref(`s_${p.count}`)];
    const q = sql`select yr, k, count(*)::int as a from (select yr, ${k} as k from b where ${c} and ${s} is not null group by yr, ${k}, ${s}) z where k is not null group by yr, k`;
    queries.push({ q, done: (rows) => parts(out, p.def.id, rows) });
  }
  for (const [i, p] of planned.entries()) {
    if (!p.pick || !bySubject(p)) continue;
    // A subject's key: that of its latest (or first) row the figure counts, as first_value over the rows would give.
    const [c, k, s] = [condRef(i), sql.ref(`k${i}`), sql.ref(`s_${p.count}`)];
    const order = sql.join(spec.order.map((_, j) => (p.pick === 'latest' ? sql`${sql.ref(`o${j}`)} desc` : sql`${sql.ref(`o${j}`)} asc`)));
    const q = sql`select yr, k, count(*)::int as a from (select distinct on (yr, ${s}) yr, ${k} as k from b where ${c} and ${s} is not null order by yr, ${s}, ${order}) z group by yr, k`;
    queries.push({ q, done: (rows) => parts(out, p.def.id, rows) });
  }
  for (const [i, p] of planned.entries()) if (p.count === 'median_per_person') queries.push({ q: median(condRef(i)), done: (rows) => medians(out, p, rows) });
  // A figure's condition: a column of its own, or a bit of a mask (`masked`); over shared atoms when there are.
  const condCols = (cond: (i: number) => Sql): [Sql, string][] => planned.map((_, i) => [cond(i), `c${i}`]);
  // Masked, each atom is tested once a row whatever the figures sharing it, so no fence is needed.
  const masks = masked ? maskColumns(db, planned.length, atomSql, atomsOf) : null;
  const inner = [...cols, ...(masks ? masks.cols : shareAtoms ? atomSql.map((a, n): [Sql, string] => [a, `x${n}`]) : condCols((i) => condOf(atomsOf[i] as number[])))].map(([e, name]) => sql`${e} as ${sql.ref(name)}`);
  const lookups = sql.join(masks?.joins ?? [], sql` `);
  // Optional joins (an agency, the latest exploitation event) only when something in the pass reads them.
  const probe = sql`select ${sql.join(inner)} from ${spec.from} ${join} ${years} ${lookups} where ${where}`.compile(db).sql;
  const joins = usedJoins(db, spec.joins ?? [], probe);
  let innerSql = sql`select ${sql.join(inner)} from ${spec.from} ${sql.join(joins, sql` `)} ${join} ${years} ${lookups} where ${where}`;
  if (shareAtoms && !masks) {
    const conds = condCols((i) => {
      const ns = atomsOf[i] as number[];
      return ns.length ? sql`(${sql.join(ns.map((n) => sql.ref(`x${n}`)), sql` and `)})` : sql`true`;
    }).map(([e, name]) => sql`${e} as ${sql.ref(name)}`);
    innerSql = sql`select ${sql.join(cols.map(([, name]) => sql.ref(name)))}, ${sql.join(conds)} from (${innerSql} offset 0) u`;
  }

  if (queries.length === 1) {
    const [one] = queries as [(typeof queries)[number]];
    one.done((await sql<Record<string, unknown>>`with b as (${innerSql}) ${one.q}`.execute(db)).rows);
  } else {
    // Several queries read the rows once: one statement over a materialized CTE, each query's rows as JSON.
    const each = queries.map((x, n) => sql`(select coalesce(json_agg(t), '[]'::json) from (${x.q}) t) as ${sql.ref(`q${n}`)}`);
    const row = (await sql<Record<string, Record<string, unknown>[]>>`with b as materialized (${innerSql}) select ${sql.join(each)}`.execute(db)).rows[0] ?? {};
    queries.forEach((x, n) => x.done(row[`q${n}`] ?? []));
  }
  return out;
}

/** The optional joins `text` reads, and those their own SQL reads in turn (the latest exploitation event reads the person). */
function usedJoins(db: Db, joins: { alias: string; sql: Sql }[], text: string): Sql[] {
  const reads = (t: string, alias: string) => new RegExp(`(\\b|")${alias}"?\\.`).test(t);
  const used = new Set<number>();
  let seen = text;
  for (let more = true; more; ) {
    more = false;
    joins.forEach((j, n) => {
      if (used.has(n) || !reads(seen, j.alias)) return;
      used.add(n);
      seen += ` ${j.sql.compile(db).sql}`;
      more = true;
    });
  }
  return joins.filter((_, n) => used.has(n)).map((j) => j.sql);
}

/**
 * The figures' conditions as bits of int columns (`m<word>`), each word the AND of one term per
 * atom: `case when atom then <every bit> else <every bit but those of the figures that test it> end`,
 * so a figure's bit stays set exactly when all its atoms hold (a null atom clears it, as a filter
 * drops the row), and an atom several figures share is tested once a row. Atoms that test one column
 * against lists (`column in (…)`, two or more on the column: the services' 18 on the kind) are one
 * lookup a row instead: a join to a VALUES list with, for each value any of them names, the word's
 * bits that value leaves set; a value in no list (or null) matches no row and leaves only the bits of
 * figures that test none of them.
 */
function maskColumns(db: Db, figures: number, atoms: Sql[], atomsOf: number[][]): { cols: [Sql, string][]; joins: Sql[] } {
  const words = [...new Set(Array.from({ length: figures }, (_, i) => word(i)))];
  const all = (w: number) => Array.from({ length: figures }, (_, i) => i).reduce((m, i) => (word(i) === w ? m | bit(i) : m), 0);
  // The bits of the figures of word w that test atom n.
  const users = (n: number, w: number) => atomsOf.reduce((m, ns, i) => (word(i) === w && ns.includes(n) ? m | bit(i) : m), 0);
  const byCol = new Map<string, { col: Sql; members: { n: number; values: readonly string[] }[] }>();
  atoms.forEach((a, n) => {
    const list = IN_LISTS.get(a);
    if (!list) return;
    const c = list.col.compile(db);
    const key = `${c.sql}\u0000${JSON.stringify(c.parameters)}`;
    const g = byCol.get(key) ?? { col: list.col, members: [] };
    g.members.push({ n, values: list.values });
    byCol.set(key, g);
  });
  const looked = new Set<number>();
  const terms = new Map<number, Sql[]>(words.map((w) => [w, []]));
  const joins: Sql[] = [];
  for (const { col, members } of byCol.values()) {
    if (members.length < 2) continue;
    const alias = `l${joins.length}`;
    members.forEach((m) => looked.add(m.n));
    // The bits a value leaves set in word w: all but those of figures with a list here that lacks it.
    const left = (w: number, v: string | null) => all(w) & ~members.reduce((m, x) => (v !== null && x.values.includes(v) ? m : m | users(x.n, w)), 0);
    const values = [...new Set(members.flatMap((m) => m.values))];
    const rows = values.map((v) => sql`(${sql.join([sql.val(v), ...words.map((w) => sql.lit(left(w, v)))])})`);
    const names = sql.join([sql.ref('v'), ...words.map((w) => sql.ref(`m${w}`))]);
    joins.push(sql`left join (values ${sql.join(rows)}) as ${sql.table(alias)}(${names}) on ${sql.ref(`${alias}.v`)} = (${col})::text`);
    for (const w of words) if (left(w, null) !== all(w)) terms.get(w)?.push(sql`coalesce(${sql.ref(`${alias}.m${w}`)}, ${sql.lit(left(w, null))})`);
  }
  atoms.forEach((a, n) => {
    if (looked.has(n)) return;
    for (const w of words) {
      const u = users(n, w);
      if (u) terms.get(w)?.push(sql`(case when ${a} then ${sql.lit(all(w))} else ${sql.lit(all(w) & ~u)} end)`);
    }
  });
  const cols = words.map((w): [Sql, string] => {
    const t = terms.get(w) ?? [];
    return [t.length ? sql`(${sql.join(t, sql` & `)})` : sql.lit(all(w)), `m${w}`];
  });
  return { cols, joins };
}

/** A submitted figure's sum, without breakdown or categories: five aggregates whatever the figure. */
const valueOnly = (p: Planned) => p.count === 'value' && !p.key && !p.category;

/**
 * Summed values grouped by figure: each row joined to the figures whose condition it meets (an
 * unnest of its conditions), then five aggregates per figure and year as rows, instead of five
 * columns per figure and year (630 for the shipped definition's 63, planned and compiled each time).
 */
function perFigure(idx: number[], cond: (i: number) => Sql): Sql {
  const hits = sql.join(idx.map(cond));
  const s = sql.ref('s_value');
  return sql`select f.n::int as n, yr,
      sum(${s}) filter (where b.v_state = 'reported' and ${s} is not null)::float8 as a,
      count(*) filter (where b.v_state = 'reported' and ${s} is not null)::int as r,
      count(*) filter (where b.v_state = 'unknown')::int as u,
      array_agg(distinct b.v_source) filter (where b.v_state <> 'not_applicable') as src,
      array_agg(distinct b.v_qualifier) filter (where b.v_state = 'reported' and b.v_qualifier is not null) as q
    from b cross join lateral unnest(array[${hits}]) with ordinality as f(hit, n)
    where f.hit group by f.n, yr`;
}

/** `perFigure`'s rows (one per figure and year) as one row per year, named as `collect` reads them (`a<i>`, `src<i>`, …). */
function fromPerFigure(rows: Record<string, unknown>[], pass: Pass, idx: number[]): Record<string, unknown>[] {
  const byYr = new Map<number, Record<string, unknown>>();
  for (const r of rows) {
    const n = Number(r.n) - 1;
    const i = idx[n] as number;
    const y = Number(r.yr);
    // With each year a column, a figure is computed only from the first year it is needed for.
    if (pass.pivot && !pass.years(i).includes(y)) continue;
    const row = byYr.get(y) ?? { yr: y };
    for (const name of ['a', 'r', 'u', 'src', 'q']) row[`${name}${i}`] = r[name];
    byYr.set(y, row);
  }
  return [...byYr.values()];
}

/** A figure whose aggregate is a count of rows (`count(*) filter`), which adds up across groups. */
const countsRows = (p: Planned, spec: SourceSpec) => spec.rowIsSubject.includes(p.count) && !['value', 'amount', 'participants', 'trainers', 'copies', 'median_per_person'].includes(p.count) && !p.category;

/** Distinct subjects a fold counts. */
const SUBJECTS = ['persons', 'cases', 'children'] as const;

/** Figure i's condition as a bit: 30 to an int column (`m<word>`), so bit_or and JavaScript's bitwise operators both hold it. */
const word = (i: number) => Math.floor(i / 30);
const bit = (i: number) => 1 << i % 30;

/**
 * A fold's rows (a year, each subject's OR of bits, how many subjects had it) as the rows `collect`
 * reads: one per year with subjects, a figure's count there being the subjects whose bits hold it.
 * With each year a column (`pivot`), a figure has a count only for the years it is computed for.
 */
function foldedRows(rows: Record<string, unknown>[], pass: Pass, idx: number[]): Record<string, unknown>[] {
  const counts = new Map<number, Map<number, number>>();
  const first = new Map(idx.map((i) => [i, pass.pivot ? (pass.years(i)[0] ?? Infinity) : -Infinity]));
  for (const r of rows) {
    const y = Number(r.yr);
    const n = Number(r.n);
    const year = counts.get(y) ?? new Map<number, number>();
    counts.set(y, year);
    for (const i of idx) {
      if (y < (first.get(i) as number)) continue;
      year.set(i, (year.get(i) ?? 0) + ((Number(r[`g${word(i)}`]) & bit(i)) !== 0 ? n : 0));
    }
  }
  return [...counts].map(([y, year]) => ({ yr: y, ...Object.fromEntries([...year].map(([i, n]) => [`a${i}`, n])) }));
}

/** Up to this many years a pass computes each year as a column of its own (Y−1 and Y, the usual case). */
const PIVOT_YEARS = 2;

const span = (a: number, b: number) => Array.from({ length: Math.max(0, b - a + 1) }, (_, i) => a + i);

/** A pass's figures and the years each is computed for. */
interface Pass {
  planned: Planned[];
  years: (i: number) => number[];
  all: number[];
  /** Each year a column (few years), else a group (a long series: every aggregate per year per row would cost more). */
  pivot: boolean;
}

/**
 * One aggregate query over `from`: the totals and a grouping set per breakdown. With few years each
 * year is a column of its own (`a<i>_<y>`, an aggregate filtered to the year) rather than a group:
 * hashing every row by its year cost more than the scan itself on the largest table; `byYear` turns
 * the rows back into one per year and grouping set, as `collect` reads them.
 *
 * `counts` (every aggregate a count of rows, `a<i>` or `a<i>_<y>`): the rows are first counted per
 * combination of the keys (and year), then the grouping sets add those counts up. A hashed grouping
 * set advances every aggregate of the query for each row, so eight counts under five sets were forty
 * a row (the registry's facts); counted first, eight a row, and the sets add up a few dozen rows.
 */
function grouped(from: Sql, pass: Pass, idx: number[], inYear: (y: number) => Sql, aggs: (p: Planned, i: number, y: number | null) => Sql[], counts = false): Sql {
  const keyed = idx.filter((i) => pass.planned[i]?.key);
  const ks = keyed.map((i) => sql.ref(`k${i}`));
  const groupings = keyed.flatMap((i) => [sql`grouping(${sql.ref(`k${i}`)}) as ${sql.ref(`g${i}`)}`, sql.ref(`k${i}`)]);
  const yrs = pass.pivot ? [] : [sql`yr`];
  const sets = sql`grouping sets ((${sql.join(yrs)}), ${sql.join(ks.map((k) => sql`(${sql.join([...yrs, k])})`))})`;
  const aggCols: Sql[] = pass.pivot ? pass.all.map((y) => sql`count(*) filter (where ${inYear(y)})::int as ${sql.ref(`n_${y}`)}`) : [];
  for (const i of idx) for (const y of pass.pivot ? pass.years(i) : [null]) aggCols.push(...aggs(pass.planned[i] as Planned, i, y));
  if (counts && keyed.length) {
    const names = [...(pass.pivot ? pass.all.map((y) => `n_${y}`) : []), ...idx.flatMap((i) => (pass.pivot ? pass.years(i).map((y) => `a${i}_${y}`) : [`a${i}`]))];
    const inner = sql`select ${sql.join([...yrs, ...ks, ...aggCols])} from ${from} group by ${sql.join([...yrs, ...ks])}`;
    return sql`select ${sql.join([...yrs, ...groupings, ...names.map((n) => sql`sum(${sql.ref(n)})::int as ${sql.ref(n)}`)])} from (${inner}) c group by ${sets}`;
  }
  if (!pass.pivot) return sql`select ${sql.join([...yrs, ...groupings, ...aggCols])} from ${from} group by ${keyed.length ? sets : sql`yr`}`;
  return sql`select ${sql.join([...aggCols.slice(0, pass.all.length), ...groupings, ...aggCols.slice(pass.all.length)])} from ${from}${keyed.length ? sql` group by ${sets}` : sql``}`;
}

/** A grouped query's rows turned back into one row per year and grouping set, as `collect` reads them. */
function byYear(rows: Record<string, unknown>[], pass: Pass, idx: number[]): Record<string, unknown>[] {
  if (!pass.pivot) return rows;
  const keyed = idx.filter((i) => pass.planned[i]?.key);
  const out: Record<string, unknown>[] = [];
  for (const r of rows) {
    for (const y of pass.all) {
      if (Number(r[`n_${y}`]) === 0) continue;
      const row: Record<string, unknown> = { yr: y };
      for (const i of keyed) {
        row[`g${i}`] = r[`g${i}`];
        row[`k${i}`] = r[`k${i}`];
      }
      for (const [name, v] of Object.entries(r)) {
        const m = /^([a-z]+\d+)_(\d+)$/.exec(name);
        if (m && Number(m[2]) === y) row[m[1] as string] = v;
      }
      out.push(row);
    }
  }
  return out;
}

/** Figures from a grouped query's rows: totals first, then the parts of each breakdown. */
function collect(out: YearFigures, planned: Planned[], idx: number[], rows: Record<string, unknown>[]) {
  const keyed = idx.filter((i) => planned[i]?.key);
  const totals = rows.filter((r) => keyed.every((i) => Number(r[`g${i}`]) === 1));
  for (const i of idx) {
    for (const r of totals) {
      const f = totalFigure(planned[i] as Planned, i, r);
      if (f) put(out, Number(r.yr), f);
    }
  }
  for (const i of keyed) {
    const p = planned[i] as Planned;
    for (const r of rows.filter((x) => Number(x[`g${i}`]) === 0)) {
      const f = out.get(Number(r.yr))?.get(p.def.id);
      if (!f) continue;
      const key = r[`k${i}`] as string | null;
      const n = Number(r[`a${i}`] ?? 0);
      if (key === null) {
        if (f.parts === 'partition') f.unknown = (f.unknown ?? 0) + n;
      } else if (n !== 0) (f.breakdown as Record<string, number>)[key] = round(n);
    }
  }
}

function totalFigure(p: Planned, i: number, r: Record<string, unknown>): Figure | null {
  const f: Figure = { id: p.def.id, value: round(Number(r[`a${i}`] ?? 0)) };
  if (p.count === 'value') {
    const sources = (r[`src${i}`] as string[] | null) ?? [];
    if (sources.length === 0) return null;
    f.value = Number(r[`r${i}`]) > 0 ? round(Number(r[`a${i}`])) : null;
    const unknown = Number(r[`u${i}`] ?? 0);
    if (unknown) f.unknown = unknown;
    const qs = (r[`q${i}`] as string[] | null) ?? [];
    if (qs.length) f.qualifier = qs.length === 1 ? qs[0] : 'about';
    f.sources = sources.sort().map((s) => ({ agencyCode: s.split('|')[0] as string, submissionId: s.split('|')[1] as string }));
  }
  if (p.def.breakdown) {
    f.breakdown = Object.fromEntries((p.def.breakdown.keys ?? []).map((k) => [k, 0]));
    f.parts = (p.def.breakdown.pick ?? 'latest') === 'all' ? 'overlapping' : 'partition';
    if (f.parts === 'partition') f.unknown = f.unknown ?? 0;
  }
  if (p.category) f.categories = ((r[`cats${i}`] as string[] | null) ?? []).sort();
  return f;
}

/** The parts of a figure, by key and year, into the figures the fold made (a partition's subjects without a key are its unknown part). */
function parts(out: YearFigures, id: string, rows: Record<string, unknown>[]) {
  for (const r of rows) {
    const f = out.get(Number(r.yr))?.get(id);
    const n = Number(r.a ?? 0);
    if (!f) continue;
    if (r.k === null || r.k === undefined) {
      if (f.parts === 'partition') f.unknown = (f.unknown ?? 0) + n;
    } else if (n !== 0) (f.breakdown as Record<string, number>)[r.k as string] = round(n);
  }
}

/** The median of what each person received in the year ("each was given AZN 5,300"), per year, over the rows `b`. */
const median = (cond: Sql): Sql => sql`
  select yr, percentile_cont(0.5) within group (order by total)::float8 as m from (
    select yr, s_persons, sum(s_median_per_person) as total from b where ${cond} group by yr, s_persons
  ) x group by yr`;

function medians(out: YearFigures, p: Planned, rows: Record<string, unknown>[]) {
  // A year with no payments has no median: "no data", not 0.
  for (const year of out.values()) {
    const f = year.get(p.def.id);
    if (f) f.value = null;
  }
  for (const r of rows) {
    const f = out.get(Number(r.yr))?.get(p.def.id);
    if (f) f.value = r.m === null ? null : round(Number(r.m));
  }
}

export const round = (x: number) => Math.round(x * 100) / 100;

/** The distinct persons a record figure counts in a year, as a query of `id`s; null if its records are not about persons. */
export function personCondition(def: FigureDef, profile: Profile, year: number): Sql | null {
  return recordQuery(def, profile, year, 'persons');
}

/** How many records of its source a record figure reads in a year, as a query of one `n` (any source). */
export function recordCountQuery(def: FigureDef, profile: Profile, year: number): Sql | null {
  return recordQuery(def, profile, year, 'count');
}

function recordQuery(def: FigureDef, profile: Profile, year: number, what: 'persons' | 'count'): Sql | null {
  const source = def.from;
  if (!source) return null;
  const spec = SOURCE_SPECS[source];
  if (what === 'persons' && !spec.person) return null;
  const d = spec.dates[dateOf(def)] as DateSpec;
  const yr = d.kind === 'interval' ? sql`ys.yr` : d.kind === 'period' ? d.expr : sql`extract(year from ${d.expr({ profile, yr: sql`0`, date: dateOf(def) })})::int`;
  const ctx: Ctx = { profile, yr, date: dateOf(def) };
  const cond = condition(def, spec, ctx, { profile });
  const join = ('join' in d && d.join) || sql``;
  const years = d.kind === 'interval' ? sql`cross join generate_series(${year}::int, ${year}::int) as ys(yr)` : sql``;
  const range = d.kind === 'interval' ? d.cond(ctx) : sql`${yr} = ${year}`;
  const from = sql`from ${spec.from} ${sql.join((spec.joins ?? []).map((j) => j.sql), sql` `)} ${join} ${years} where ${spec.where ? sql`${spec.where} and ` : sql``}${range} and ${cond}`;
  return what === 'persons' ? sql`select distinct ${spec.person} as id ${from} and ${spec.person} is not null` : sql`select count(*)::int as n ${from}`;
}
