// The attacker: from everything public (an edition's tables, their totals, the same year's earlier
// editions and the previous year's edition), bound each hidden cell by linear programming. A cell
// is disclosed when its least and greatest feasible integer values coincide with its true value.
import { variableBounds, type Equation } from './lp.ts';
import { allCells, cellOf, TOTAL, type Context, type EditionTables, type Table } from './model.ts';

export interface Disclosure {
  edition: string;
  table: string;
  key: string;
  value: number;
  /** Which of the attacker's assumptions recovered it. */
  assuming: string;
}

interface Term {
  v?: number;
  c?: number;
}

class System {
  vars = new Map<string, number>();
  truth: number[] = [];
  equations: Equation[] = [];
  count = 0;

  term(e: EditionTables, t: Table, key: string): Term | null {
    const cell = cellOf(t, key);
    if (!cell) return null;
    if (!cell.suppressed) return { c: cell.value };
    const id = `${e.id}|${t.id}|${key}`;
    let v = this.vars.get(id);
    if (v === undefined) {
      v = this.fresh(cell.value);
      this.vars.set(id, v);
    }
    return { v };
  }

  fresh(truth: number): number {
    this.truth[this.count] = truth;
    return this.count++;
  }

  /** Σ sign·term = 0, constants moved to the right. */
  add(terms: [number, Term][]) {
    const coef = new Map<number, number>();
    let rhs = 0;
    for (const [s, t] of terms) {
      if (t.v !== undefined) coef.set(t.v, (coef.get(t.v) ?? 0) + s);
      else rhs -= s * (t.c ?? 0);
    }
    for (const [k, a] of coef) if (a === 0) coef.delete(k);
    if (coef.size > 0) this.equations.push({ coef, rhs });
  }
}

/** The equations every table of an edition satisfies by construction. */
function tableEquations(s: System, e: EditionTables) {
  for (const t of e.tables) {
    const total = s.term(e, t, TOTAL) as Term;
    if (t.parts === 'partition' && t.cells.length) s.add([[-1, total], ...t.cells.map((c): [number, Term] => [1, s.term(e, t, c.key) as Term])]);
    if (t.parts === 'overlapping') {
      for (const c of t.cells) {
        const cell = s.term(e, t, c.key) as Term;
        if (cell.v === undefined && total.v === undefined) continue;
        // part + slack = total
        s.add([[1, cell], [1, { v: s.fresh(0) }], [-1, total]]);
      }
    }
  }
}

/** A running total: this year's = the previous year's as published + this year's flow. */
function cumulativeEquations(s: System, e: EditionTables, prev: EditionTables) {
  for (const t of e.tables) {
    if (!t.cumulativeOf) continue;
    const flow = e.tables.find((x) => x.id === t.cumulativeOf);
    const before = prev.tables.find((x) => x.id === t.id);
    if (!flow || !before) continue;
    for (const c of allCells(t)) {
      const a = s.term(e, t, c.key);
      const b = s.term(prev, before, c.key);
      const f = s.term(e, flow, c.key);
      if (a && b && f) s.add([[1, a], [-1, b], [-1, f]]);
    }
  }
}

/** A revision that left a cell unchanged: the attacker may guess that it did. */
function revisionEquations(s: System, e: EditionTables, earlier: EditionTables) {
  for (const t of e.tables) {
    const o = earlier.tables.find((x) => x.id === t.id);
    if (!o) continue;
    for (const c of allCells(t)) {
      const a = s.term(e, t, c.key);
      const b = s.term(earlier, o, c.key);
      if (a && b && (a.v !== undefined || b.v !== undefined)) s.add([[1, a], [-1, b]]);
    }
  }
}

/**
 * A value an earlier edition of the same year showed for the same cell is public already: finding
 * it again (by guessing the revision left it alone) reveals nothing new.
 */
function alreadyShown(editions: EditionTables[], editionId: string, table: string, key: string, value: number): boolean {
  const e = editions.find((x) => x.id === editionId);
  if (!e) return false;
  return editions.some((o) => {
    if (o.year !== e.year || o.edition >= e.edition) return false;
    const t = o.tables.find((x) => x.id === table);
    const c = t ? cellOf(t, key) : undefined;
    return c !== undefined && !c.suppressed && c.value === value;
  });
}

/**
 * Every hidden cell of the edition or its context that the attacker pins to its true value. The
 * equations of the tables themselves always hold; a running total linked to last year's edition
 * and "a revision left this cell alone" are guesses that may be false (records change), so the
 * attacker tries them: without, with the running totals, with each single unchanged-cell guess and
 * with all of them; a contradictory combination is dropped, as an attacker would.
 */
export function attack(edition: EditionTables, ctx: Context): Disclosure[] {
  const editions = [edition, ...ctx.earlier, ...(ctx.previousYear ? [ctx.previousYear] : [])];
  const build = () => {
    const s = new System();
    for (const e of editions) tableEquations(s, e);
    return s;
  };
  // How many unchanged-cell guesses there are: counted on a scratch system.
  const scratch = build();
  const before = scratch.equations.length;
  for (const o of ctx.earlier) revisionEquations(scratch, edition, o);
  const guesses = scratch.equations.length - before;

  const variants: { cumulative: boolean; revision: number | 'all' | null }[] = [];
  for (const cumulative of ctx.previousYear ? [false, true] : [false]) {
    variants.push({ cumulative, revision: null });
    if (guesses > 0) variants.push({ cumulative, revision: 'all' });
    if (guesses > 1) for (let i = 0; i < guesses; i++) variants.push({ cumulative, revision: i });
  }
  const found = new Map<string, Disclosure>();
  for (const variant of variants) {
    const s = build();
    if (variant.cumulative && ctx.previousYear) for (const e of [edition, ...ctx.earlier]) cumulativeEquations(s, e, ctx.previousYear);
    if (variant.revision !== null) {
      const from = s.equations.length;
      for (const o of ctx.earlier) revisionEquations(s, edition, o);
      if (variant.revision !== 'all') {
        const keep = s.equations[from + variant.revision];
        s.equations.length = from;
        if (keep) s.equations.push(keep);
      }
    }
    const ids = [...s.vars.entries()];
    const bounds = variableBounds(s.count, s.equations, ids.map(([, v]) => v));
    if (!bounds) continue;
    for (const [id, v] of ids) {
      const b = bounds.get(v);
      if (!b) continue;
      const lo = Math.ceil(b.min - 1e-6);
      const hi = Math.floor(b.max + 1e-6);
      const truth = s.truth[v] as number;
      const [ed, table, key] = id.split('|') as [string, string, string];
      if (lo >= hi && Math.round(b.min) === truth && !found.has(id) && !alreadyShown(editions, ed, table, key, truth)) {
        const assuming = [variant.cumulative ? 'cumulative' : '', variant.revision === null ? '' : 'revisions'].filter(Boolean).join('+');
        found.set(id, { edition: ed, table, key, value: truth, assuming: assuming || 'tables' });
      }
    }
  }
  return [...found.values()];
}
