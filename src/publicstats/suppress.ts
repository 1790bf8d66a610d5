// Disclosure control of one edition's public tables (docs/public-statistics.md):
//  1. primary suppression: counts below the threshold (and zeros, when the profile says so);
//  2. carried patterns: what an earlier edition of the same year hid stays hidden, and a running
//     total hides what its year's flow or last year's running total hides;
//  3. secondary suppression: no partition may have a single hidden cell (its margin would give it
//     away), so the least valuable other cell is hidden with it;
//  4. verification: the attacker (attack.ts) bounds every hidden cell by linear programming over
//     everything public; while any is pinned, one more cell of a linked table is hidden, and as a
//     last resort the whole edition.
import { attack, type Disclosure } from './attack.ts';
import { allCells, cellOf, cloneEdition, type Cell, type Context, type EditionTables, type Rule, type Table } from './model.ts';

const hide = (c: Cell, reason: 'primary' | 'secondary') => {
  if (c.suppressed) return false;
  c.suppressed = true;
  c.reason = reason;
  return true;
};

export function isSensitive(value: number, rule: Rule): boolean {
  return (value > 0 && value < rule.threshold) || (rule.zerosSensitive && value === 0);
}

/** Whether the same cell was shown with the same value by an earlier edition (a bad complement: an attacker would guess it is unchanged). */
function shownBefore(ctx: Context, table: string, c: Cell): boolean {
  return ctx.earlier.some((e) => {
    const o = e.tables.find((t) => t.id === table);
    const x = o ? cellOf(o, c.key) : undefined;
    return x !== undefined && !x.suppressed && x.value === c.value;
  });
}

/** The cheapest published cell of a table to hide: not shown unchanged before, not zero, least value; the total last. */
function complement(t: Table, ctx: Context): Cell | undefined {
  const rank = (c: Cell) => [c === t.total ? 1 : 0, shownBefore(ctx, t.id, c) ? 1 : 0, c.value === 0 ? 1 : 0, c.value] as const;
  const open = allCells(t).filter((c) => !c.suppressed);
  open.sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return (ra[i] as number) - (rb[i] as number);
    return a.key.localeCompare(b.key);
  });
  return open[0];
}

/** Steps 2 and 3 until nothing changes. */
function carryAndComplete(e: EditionTables, ctx: Context, rule: Rule): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (const t of e.tables) {
      for (const c of allCells(t)) {
        if (ctx.earlier.some((o) => o.tables.some((x) => x.id === t.id && cellOf(x, c.key)?.suppressed))) changed = hide(c, 'secondary') || changed;
      }
      if (t.cumulativeOf) {
        const flow = e.tables.find((x) => x.id === t.cumulativeOf);
        const before = ctx.previousYear?.tables.find((x) => x.id === t.id);
        for (const c of allCells(t)) {
          const f = flow ? cellOf(flow, c.key) : undefined;
          const last = before ? cellOf(before, c.key) : undefined;
          if (f?.suppressed || last?.suppressed) changed = hide(c, 'secondary') || changed;
          // This year's running total minus its flow is last year's: when last year's edition did not
          // show it (none yet, or published later), it is a count like any other.
          else if (f && !last && isSensitive(c.value - f.value, rule)) changed = hide(c, 'secondary') || changed;
        }
      }
      if (t.parts === 'partition' && t.cells.length && allCells(t).filter((c) => c.suppressed).length === 1) {
        const other = complement(t, ctx);
        if (other) changed = hide(other, 'secondary') || changed;
      }
    }
  }
}

/** Tables of the edition an attacker's equations tie to a disclosed cell's table. */
function linkedTables(e: EditionTables, d: Disclosure): Table[] {
  const own = e.tables.find((t) => t.id === d.table);
  if (!own) return [];
  const related = e.tables.filter((t) => t !== own && (t.cumulativeOf === own.id || own.cumulativeOf === t.id));
  return [own, ...related];
}

export interface Protected {
  edition: EditionTables;
  /** Rounds of the attacker it took (1 when the heuristic pattern was safe at once). */
  rounds: number;
  /** True when no partial pattern held and the whole edition's cells are hidden. */
  allHidden: boolean;
}

/**
 * The edition with every cell marked shown or hidden so that no hidden cell — of this edition or of
 * what was shown before — can be recovered exactly from all of it together.
 */
export function protect(input: EditionTables, ctx: Context, rule: Rule): Protected {
  const e = cloneEdition(input);
  for (const t of e.tables) {
    for (const c of allCells(t)) {
      c.suppressed = false;
      delete c.reason;
      if (isSensitive(c.value, rule)) hide(c, 'primary');
    }
  }
  carryAndComplete(e, ctx, rule);
  for (let round = 1; round <= 200; round++) {
    const found = attack(e, ctx);
    if (found.length === 0) return { edition: e, rounds: round, allHidden: false };
    let progressed = false;
    for (const d of found) {
      for (const t of linkedTables(e, d)) {
        const c = complement(t, ctx);
        if (c && hide(c, 'secondary')) {
          progressed = true;
          break;
        }
      }
    }
    if (!progressed) break;
    carryAndComplete(e, ctx, rule);
  }
  // Nothing partial held: hide every cell; the edition then adds nothing to what was shown before.
  for (const t of e.tables) for (const c of allCells(t)) hide(c, 'secondary');
  return { edition: e, rounds: 0, allHidden: true };
}
