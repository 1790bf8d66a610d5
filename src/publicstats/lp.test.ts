// The simplex against exhaustive search: on random small systems with a known non-negative integer
// solution, the LP range of each variable contains every integer solution's value, its ends are
// attained to within rounding, and it is exactly the integer range when the system is one margin.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { variableBounds, type Equation } from './lp.ts';

const system = fc.record({
  x: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 2, maxLength: 4 }),
  rows: fc.array(fc.array(fc.integer({ min: -1, max: 1 }), { minLength: 4, maxLength: 4 }), { minLength: 0, maxLength: 3 }),
});

function integerRanges(n: number, eqs: Equation[], cap: number): { min: number; max: number }[] {
  const out = Array.from({ length: n }, () => ({ min: Infinity, max: -Infinity }));
  const x = new Array<number>(n).fill(0);
  const walk = (i: number) => {
    if (i === n) {
      if (eqs.every((e) => [...e.coef].reduce((s, [j, a]) => s + a * (x[j] as number), 0) === e.rhs)) {
        x.forEach((v, j) => {
          const r = out[j] as { min: number; max: number };
          r.min = Math.min(r.min, v);
          r.max = Math.max(r.max, v);
        });
      }
      return;
    }
    for (let v = 0; v <= cap; v++) {
      x[i] = v;
      walk(i + 1);
    }
  };
  walk(0);
  return out;
}

test('LP bounds contain the integer solutions of random small systems (fast-check, fixed seed)', () => {
  fc.assert(
    fc.property(system, ({ x, rows }) => {
      const n = x.length;
      const total = x.reduce((s, v) => s + v, 0);
      // A margin bounds every variable (as a table's total does); the other rows are random ±1 combinations.
      const eqs: Equation[] = [{ coef: new Map(x.map((_, j) => [j, 1])), rhs: total }];
      for (const r of rows) {
        const coef = new Map<number, number>();
        r.slice(0, n).forEach((a, j) => a !== 0 && coef.set(j, a));
        if (coef.size) eqs.push({ coef, rhs: [...coef].reduce((s, [j, a]) => s + a * (x[j] as number), 0) });
      }
      const lp = variableBounds(n, eqs, x.map((_, j) => j));
      assert.ok(lp, 'a system with a known solution is feasible');
      const ints = integerRanges(n, eqs, total);
      for (let j = 0; j < n; j++) {
        const b = lp.get(j) as { min: number; max: number };
        const r = ints[j] as { min: number; max: number };
        assert.ok(b.min <= r.min + 1e-6 && b.max >= r.max - 1e-6, `x${j}: LP [${b.min}, ${b.max}] must contain [${r.min}, ${r.max}]`);
        if (rows.length === 0) assert.deepEqual([Math.round(b.min), Math.round(b.max)], [r.min, r.max], 'one margin: the LP range is the integer range');
      }
    }),
    { seed: 42, numRuns: 300 },
  );
});
