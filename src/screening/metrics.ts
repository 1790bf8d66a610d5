// Precision–recall measures for the evaluation and for choosing the threshold.

/** Area under the precision–recall curve as average precision (step-wise, no interpolation). */
export function averagePrecision(scores: number[], ys: number[]): number {
  const pos = ys.filter((y) => y === 1).length;
  if (pos === 0) return NaN;
  const order = scores.map((s, i) => [s, ys[i]!] as const).sort((a, b) => b[0] - a[0]);
  let tp = 0;
  let ap = 0;
  let i = 0;
  while (i < order.length) {
    // Tied scores enter together: one point on the curve per distinct score.
    let j = i;
    let tpHere = 0;
    while (j < order.length && order[j]![0] === order[i]![0]) tpHere += order[j++]![1];
    tp += tpHere;
    ap += (tpHere / pos) * (tp / j);
    i = j;
  }
  return ap;
}

export function precisionRecall(flags: boolean[], ys: number[]): { precision: number; recall: number; tp: number; fp: number; fn: number } {
  let tp = 0, fp = 0, fn = 0;
  flags.forEach((f, i) => {
    if (f && ys[i] === 1) tp++;
    else if (f) fp++;
    else if (ys[i] === 1) fn++;
  });
  return { precision: tp + fp ? tp / (tp + fp) : NaN, recall: tp + fn ? tp / (tp + fn) : NaN, tp, fp, fn };
}

/**
 * The threshold: the dev-split score with the best F-beta. beta = 0.5 weighs precision twice as
 * much as recall, because reviewers must not drown in false alarms. Ties go to the higher score.
 */
export function chooseThreshold(scores: number[], ys: number[], beta = 0.5): number {
  const candidates = [...new Set(scores)].sort((a, b) => a - b);
  let best = 0.5;
  let bestF = -1;
  const b2 = beta * beta;
  for (const t of candidates) {
    const { precision: p, recall: r } = precisionRecall(scores.map((s) => s >= t), ys);
    const f = p + r > 0 ? ((1 + b2) * p * r) / (b2 * p + r) : 0;
    if (f >= bestF) {
      bestF = f;
      best = t;
    }
  }
  return best;
}
