// Pie chart shares: each rounded once, from the exact share. Whole percentages are allotted by
// the largest remainder so that they add up to 100 (39, 10, 1 and 1 of 51 → 76, 20, 2, 2, not
// 77 + 20 + 2 + 2 = 101); a share under 1% keeps one decimal (0.3%) rather than print as 0%.

/** Whole percentages of `values` that add up to 100, by the largest remainder. */
export function wholeShares(values: readonly number[]): number[] {
  const total = values.reduce((s, n) => s + n, 0);
  if (total <= 0) return values.map(() => 0);
  const exact = values.map((n) => (n / total) * 100);
  const out = exact.map(Math.floor);
  const order = exact.map((p, i) => [p - Math.floor(p), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let left = 100 - out.reduce((s, n) => s + n, 0), k = 0; left > 0; left--, k++) {
    const i = order[k % order.length]?.[1] as number;
    out[i] = (out[i] ?? 0) + 1;
  }
  return out;
}

/** The printed share of each value: its whole percentage, or one decimal under 1%. */
export function printedShares(values: readonly number[]): number[] {
  const total = values.reduce((s, n) => s + n, 0);
  const whole = wholeShares(values);
  return values.map((n, i) => {
    const p = total ? (n / total) * 100 : 0;
    return p > 0 && p < 1 ? Math.round(p * 10) / 10 : (whole[i] ?? 0);
  });
}
