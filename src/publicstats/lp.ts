// The attacker's tool: the least and greatest value a variable can take over { A·x = b, x ≥ 0 }.
// A dense two-phase simplex with Bland's rule (no cycling); the systems are small (one edition's
// suppressed cells, a few hundred at most), so clarity wins over speed. No maintained pure-JS LP
// library fits, and this one is short enough to read in one sitting.

const EPS = 1e-9;

/** One equation Σ coef·x = rhs over variables by index. */
export interface Equation {
  coef: Map<number, number>;
  rhs: number;
}

export interface Bounds {
  min: number;
  /** Infinity when nothing bounds the variable from above. */
  max: number;
}

interface Tableau {
  rows: number[][];
  basis: number[];
  cols: number;
}

function pivot(t: Tableau, r: number, c: number) {
  const row = t.rows[r] as number[];
  const p = row[c] as number;
  for (let k = 0; k < row.length; k++) row[k] = (row[k] as number) / p;
  for (let i = 0; i < t.rows.length; i++) {
    if (i === r) continue;
    const other = t.rows[i] as number[];
    const f = other[c] as number;
    if (Math.abs(f) < EPS) continue;
    for (let k = 0; k < other.length; k++) other[k] = (other[k] as number) - f * (row[k] as number);
  }
  t.basis[r] = c;
}

/** Minimises cost·x from the tableau's feasible basis; the tableau is changed in place. */
function minimise(t: Tableau, cost: number[]): number {
  const rhs = t.cols;
  for (;;) {
    let entering = -1;
    for (let j = 0; j < t.cols && entering < 0; j++) {
      if (t.basis.includes(j)) continue;
      let d = cost[j] ?? 0;
      for (let i = 0; i < t.rows.length; i++) d -= (cost[t.basis[i] as number] ?? 0) * (t.rows[i]?.[j] as number);
      if (d < -EPS) entering = j;
    }
    if (entering < 0) break;
    let leave = -1;
    let best = Infinity;
    for (let i = 0; i < t.rows.length; i++) {
      const a = t.rows[i]?.[entering] as number;
      if (a <= EPS) continue;
      const ratio = (t.rows[i]?.[rhs] as number) / a;
      if (ratio < best - EPS || (Math.abs(ratio - best) <= EPS && (t.basis[i] as number) < (t.basis[leave] as number))) {
        best = ratio;
        leave = i;
      }
    }
    if (leave < 0) return -Infinity;
    pivot(t, leave, entering);
  }
  let z = 0;
  for (let i = 0; i < t.rows.length; i++) z += (cost[t.basis[i] as number] ?? 0) * (t.rows[i]?.[rhs] as number);
  return z;
}

/** A feasible basis for the system (phase 1), or null when the system has no non-negative solution. */
function feasible(n: number, equations: readonly Equation[]): Tableau | null {
  const m = equations.length;
  const rows = equations.map((e, i) => {
    const sign = e.rhs < 0 ? -1 : 1;
    const row = new Array<number>(n + m + 1).fill(0);
    for (const [j, a] of e.coef) row[j] = (row[j] as number) + sign * a;
    row[n + i] = 1;
    row[n + m] = sign * e.rhs;
    return row;
  });
  const t: Tableau = { rows, basis: equations.map((_, i) => n + i), cols: n + m };
  const cost = new Array<number>(n + m).fill(0).map((_, j) => (j >= n ? 1 : 0));
  if (minimise(t, cost) > 1e-7) return null;
  // Drive artificial variables out of the basis; a row where none can leave is redundant.
  const keep: number[] = [];
  for (let i = 0; i < t.rows.length; i++) {
    if ((t.basis[i] as number) < n) {
      keep.push(i);
      continue;
    }
    const row = t.rows[i] as number[];
    const j = row.findIndex((a, k) => k < n && Math.abs(a) > EPS);
    if (j >= 0) {
      pivot(t, i, j);
      keep.push(i);
    }
  }
  return {
    rows: keep.map((i) => [...(t.rows[i] as number[]).slice(0, n), (t.rows[i] as number[])[n + m] as number]),
    basis: keep.map((i) => t.basis[i] as number),
    cols: n,
  };
}

const copy = (t: Tableau): Tableau => ({ rows: t.rows.map((r) => [...r]), basis: [...t.basis], cols: t.cols });

/**
 * Bounds of every listed variable over the real non-negative solutions of the equations; null when
 * there is no solution at all. Over the integers the range can only be narrower; callers that need
 * integer bounds round inwards (for table sums with integer margins the vertices are integral anyway).
 */
export function variableBounds(n: number, equations: readonly Equation[], vars: readonly number[]): Map<number, Bounds> | null {
  const base = feasible(n, equations);
  if (!base) return null;
  const out = new Map<number, Bounds>();
  for (const v of vars) {
    const cost = new Array<number>(n).fill(0);
    cost[v] = 1;
    const min = minimise(copy(base), cost);
    cost[v] = -1;
    const negMax = minimise(copy(base), cost);
    out.set(v, { min: Math.max(0, min), max: negMax === -Infinity ? Infinity : Math.max(0, -negMax) });
  }
  return out;
}
