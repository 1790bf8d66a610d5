// k-anonymity for a released table of records: generalise, then suppress, as CTDC does (docs/returns/ctdc.md).

export type Row = Record<string, string | number>;

/**
 * A quasi-identifier: the columns that carry it (all of them are generalised together, so a
 * derived column never gives a generalised value away) and its generalisation levels. Level i
 * sets `levels[i - 1]` of its columns to the missing code; the last level should cover every column.
 */
export interface QuasiIdentifier {
  name: string;
  columns: string[];
  levels: string[][];
}

/** The order in which the quasi-identifiers are generalised: each step is (quasi-identifier, level). */
export type Step = [name: string, level: number];

const keyOf = (row: Row, qis: QuasiIdentifier[]) => JSON.stringify(qis.flatMap((q) => q.columns.map((c) => row[c] ?? null)));

/** Every combination of quasi-identifier values in the rows, with how many rows carry it. */
export function classes(rows: Row[], qis: QuasiIdentifier[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) {
    const k = keyOf(r, qis);
    out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}

export interface Anonymised {
  rows: Row[];
  /** Rows that no generalisation could hide in a group of k: left out of the file. */
  dropped: number;
  /** Rows generalised at some step (a quasi-identifier set to the missing code). */
  generalised: number;
}

/**
 * Local recoding: at each step, only the rows in a group smaller than k are generalised (the
 * quasi-identifier's columns at that level set to `missing`); what is still in a group smaller
 * than k after every step is dropped. Every combination left occurs at least k times.
 */
export function kAnonymise(input: Row[], qis: QuasiIdentifier[], steps: Step[], k: number, missing: string | number): Anonymised {
  let rows = input.map((r) => ({ ...r }));
  const touched = new Set<Row>();
  const small = () => {
    const c = classes(rows, qis);
    return rows.filter((r) => (c.get(keyOf(r, qis)) ?? 0) < k);
  };
  for (const [name, level] of steps) {
    const q = qis.find((x) => x.name === name);
    if (!q) throw new Error(`k-anonymity: unknown quasi-identifier ${name}`);
    const cols = q.levels[level - 1];
    if (!cols) throw new Error(`k-anonymity: ${name} has no level ${level}`);
    const unsafe = small();
    if (!unsafe.length) break;
    for (const r of unsafe) {
      for (const c of cols) r[c] = missing;
      touched.add(r);
    }
  }
  const unsafe = new Set(small());
  const kept = rows.filter((r) => !unsafe.has(r));
  rows = kept;
  return { rows, dropped: unsafe.size, generalised: kept.filter((r) => touched.has(r)).length };
}

/** The smallest group in the rows (Infinity for no rows): k-anonymous iff it is at least k. */
export function smallestClass(rows: Row[], qis: QuasiIdentifier[]): number {
  return Math.min(...classes(rows, qis).values());
}
