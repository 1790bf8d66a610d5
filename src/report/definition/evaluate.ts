// A definition's figures for a year and the years its changes, series and cumulative totals need:
// record figures in grouped passes (compile.ts), then formulas, with imported aggregates for years
// before the records.
import type { Kysely } from 'kysely';
import { onOneSnapshot } from '../../db/snapshot.ts';
import type { Database } from '../../db/schema.ts';
import type { Figure } from '../figure.ts';
import { countOf, dateOf, round, runPass, type PassOptions, type YearFigures } from './compile.ts';
import type { FigureDef, ReportDefinition } from './schema.ts';

export interface SeriesPoint {
  year: number;
  value: number;
  breakdown: Record<string, number>;
  source: 'records' | 'imported';
}

export interface Evaluated {
  year: number;
  byYear: YearFigures;
  /** A figure year by year from `from` to the report year: imported aggregates where there are, records elsewhere. */
  series(id: string, from: number): SeriesPoint[];
  /** Imported aggregates by "id@year". */
  imported: ReadonlyMap<string, HistoryRow>;
}

/** Years before the report year a figure is needed for: Y−1 always; series and cumulative totals further back. */
export function neededFrom(def: ReportDefinition, year: number): Map<string, number> {
  const need = new Map(def.figures.map((f) => [f.id, year - 1]));
  const lower = (id: string, y: number) => {
    if ((need.get(id) ?? Infinity) > y && need.has(id)) {
      need.set(id, y);
      return true;
    }
    return false;
  };
  for (const s of def.sections) for (const b of s.blocks) if (b.kind === 'chart' && b.type === 'series') lower(b.figure, b.from ?? year - 9);
  for (const f of def.figures) if (f.formula && 'cumulative' in f.formula) lower(f.formula.cumulative, f.formula.from);
  for (let changed = true; changed; ) {
    changed = false;
    for (const f of def.figures) {
      const y = need.get(f.id) ?? year - 1;
      for (const dep of dependencies(f)) if (!(f.formula && 'cumulative' in f.formula)) changed = lower(dep, y) || changed;
    }
  }
  return need;
}

export function dependencies(f: FigureDef): string[] {
  const m = f.formula;
  if (!m) return [];
  if ('part' in m) return [m.part];
  if ('sum' in m) return m.sum;
  if ('cumulative' in m) return [m.cumulative];
  if ('percent' in m) return [m.percent, m.of];
  return [m.value, m.breakdownOf];
}

/** Formulas in an order where each comes after what it reads; a cycle is an error. */
export function formulaOrder(figures: readonly FigureDef[]): FigureDef[] {
  const byId = new Map(figures.map((f) => [f.id, f]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const out: FigureDef[] = [];
  const visit = (f: FigureDef) => {
    if (done.has(f.id)) return;
    if (visiting.has(f.id)) throw new Error(`figure ${f.id} depends on itself`);
    visiting.add(f.id);
    for (const d of dependencies(f)) {
      const dep = byId.get(d);
      if (dep) visit(dep);
    }
    visiting.delete(f.id);
    done.add(f.id);
    if (f.formula) out.push(f);
  };
  figures.forEach(visit);
  return out;
}

export interface HistoryRow {
  figure_id: string;
  year: number;
  value: string | number;
  breakdown: Record<string, number> | null;
}

/** A pass sorts and hashes a year or two of a table's rows: with PostgreSQL's default 4 MB, the services pass spilled to disk. */
const PASS_SETTINGS = { work_mem: '64MB' };

/** The record figures by pass: one per source and date ("services|given"), in the definition's order. */
export function passesOf(def: ReportDefinition): Map<string, FigureDef[]> {
  const passes = new Map<string, FigureDef[]>();
  for (const f of def.figures) {
    if (f.formula || !f.from) continue;
    const k = `${f.from}|${dateOf(f)}`;
    passes.set(k, [...(passes.get(k) ?? []), f]);
  }
  return passes;
}

export async function evaluate(db: Kysely<Database>, def: ReportDefinition, year: number, opts: PassOptions): Promise<Evaluated> {
  const need = neededFrom(def, year);
  const byYear: YearFigures = new Map();
  const passes = passesOf(def);
  // Every pass and the imported aggregates read one snapshot, so the figures agree with each other
  // even while records are being written; on PostgreSQL the passes share it across connections.
  const groups = [...passes.values()];
  const [historyRows, ...got] = await onOneSnapshot<unknown>(db, [
    (q) => q.selectFrom('historical_aggregates').select(['figure_id', 'year', 'value', 'breakdown']).where('year', '<=', year).execute(),
    ...groups.map((defs) => (q: Kysely<Database>) => runPass(q, defs, Math.min(...defs.map((f) => need.get(f.id) ?? year - 1)), year, { ...opts, firstYear: need })),
  ], { settings: PASS_SETTINGS });
  groups.forEach((defs, n) => {
    for (const [y, figs] of got[n] as YearFigures) for (const [id, f] of figs) put(byYear, y, id, f);
    for (const f of defs) {
      for (let y = need.get(f.id) ?? year - 1; y <= year; y++) {
        const have = byYear.get(y)?.get(f.id);
        if (!have && countOf(f) !== 'value') put(byYear, y, f.id, zero(f));
        const now = byYear.get(y)?.get(f.id);
        if (now && f.breakdown?.foldEarlierYears) foldEarlierYears(now, y);
      }
    }
  });
  const history = historyRows as HistoryRow[];
  const imported = new Map(history.map((h) => [`${h.figure_id}@${h.year}`, h]));

  const series = (id: string, from: number): SeriesPoint[] => {
    const out: SeriesPoint[] = [];
    for (let y = from; y <= year; y++) {
      const h = imported.get(`${id}@${y}`);
      if (h) out.push({ year: y, value: Number(h.value), breakdown: { ...(h.breakdown ?? {}) }, source: 'imported' });
      else {
        const f = byYear.get(y)?.get(id);
        out.push({ year: y, value: f?.value ?? 0, breakdown: { ...(f?.breakdown ?? {}) }, source: 'records' });
      }
    }
    // A series starts at its first imported year or its first year with records.
    const first = out.findIndex((p) => p.source === 'imported' || p.value !== 0);
    return first < 0 ? out.slice(-1) : out.slice(first);
  };

  for (const f of formulaOrder(def.figures)) {
    for (let y = need.get(f.id) ?? year - 1; y <= year; y++) {
      const got = formula(f, (id) => byYear.get(y)?.get(id), y, series);
      if (got) put(byYear, y, f.id, got);
    }
  }
  return { year, byYear, series, imported };
}

function put(out: YearFigures, year: number, id: string, f: Figure) {
  if (!out.has(year)) out.set(year, new Map());
  out.get(year)?.set(id, f);
}

function zero(f: FigureDef): Figure {
  // A median over nobody is no number at all ("no data", a median_no_data warning), never 0.
  const z: Figure = { id: f.id, value: countOf(f) === 'median_per_person' ? null : 0 };
  if (f.breakdown) {
    z.breakdown = Object.fromEntries((f.breakdown.keys ?? []).map((k) => [k, 0]));
    z.parts = (f.breakdown.pick ?? 'latest') === 'all' ? 'overlapping' : 'partition';
    if (z.parts === 'partition') z.unknown = 0;
  }
  if (f.categories) z.categories = [];
  return z;
}

/** Years before the figure's year fold into one "first-last" key, as the ministry prints "2016-2022". */
function foldEarlierYears(f: Figure, year: number) {
  const b = f.breakdown ?? {};
  const earlier = Object.keys(b).filter((k) => /^\d{4}$/.test(k) && Number(k) < year);
  if (earlier.length === 0) return;
  const years = earlier.map(Number);
  const label = Math.min(...years) === Math.max(...years) ? String(years[0]) : `${Math.min(...years)}-${Math.max(...years)}`;
  const total = earlier.reduce((s, k) => s + (b[k] ?? 0), 0);
  for (const k of earlier) delete b[k];
  f.breakdown = { [label]: total, ...b };
}

function formula(f: FigureDef, get: (id: string) => Figure | undefined, year: number, series: Evaluated['series']): Figure | null {
  const m = f.formula;
  if (!m) return null;
  if ('part' in m) {
    const of = get(m.part);
    if (!of) return null;
    return { id: f.id, value: of.value === null ? null : (of.breakdown?.[m.key] ?? 0) };
  }
  if ('sum' in m) {
    const parts = m.sum.map(get);
    if (parts.some((p) => !p)) return null;
    const values = parts.map((p) => p?.value ?? null);
    const out: Figure = { id: f.id, value: values.some((v) => v === null) ? null : round(values.reduce((s: number, v) => s + (v ?? 0), 0)) };
    const qs = [...new Set(parts.map((p) => p?.qualifier).filter((q): q is string => Boolean(q)))];
    if (qs.length) out.qualifier = qs.length === 1 ? qs[0] : 'about';
    return out;
  }
  if ('cumulative' in m) {
    const points = series(m.cumulative, m.from).filter((p) => p.year <= year);
    const breakdown: Record<string, number> = {};
    let value = 0;
    for (const p of points) {
      value += p.value;
      for (const [k, n] of Object.entries(p.breakdown)) breakdown[k] = (breakdown[k] ?? 0) + n;
    }
    const parts = Object.values(breakdown).reduce((s, n) => s + n, 0);
    // A figure without a breakdown adds up to a total with no parts, not to an "unknown" part.
    if (!get(m.cumulative)?.parts) return { id: f.id, value: round(value) };
    return { id: f.id, value: round(value), breakdown, unknown: round(value - parts), parts: 'partition' };
  }
  if ('percent' in m) {
    const a = get(m.percent);
    const b = get(m.of);
    if (!a || !b) return null;
    const part = m.key === undefined ? a.value : a.value === null ? null : (a.breakdown?.[m.key] ?? 0);
    // A share of nothing is no number ("no data", a share_no_base warning), never 0% or a division by zero.
    if (part === null || b.value === null || b.value === 0) return { id: f.id, value: null };
    const scale = 10 ** (m.decimals ?? 1);
    return { id: f.id, value: Math.round((part / b.value) * 100 * scale) / scale };
  }
  const v = get(m.value);
  const b = get(m.breakdownOf);
  if (!v) return null;
  return { id: f.id, value: v.value, breakdown: { ...(b?.breakdown ?? {}) }, parts: 'overlapping' };
}
