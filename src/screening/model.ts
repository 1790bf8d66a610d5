// A small, hand-written logistic regression with Platt calibration. No maintained pure-JS package
// does calibrated sparse logistic regression without native dependencies, and this is 100 lines.
import type { Sparse } from './features.ts';
import { rng } from './corpus/rng.ts';

export interface LinearModel {
  weights: Float64Array;
  bias: number;
}

export interface TrainOptions {
  dims: number;
  epochs?: number;
  l2?: number;
  rate?: number;
  seed?: number;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function margin(m: LinearModel, x: Sparse): number {
  let z = m.bias;
  for (let k = 0; k < x.idx.length; k++) z += (m.weights[x.idx[k]!] ?? 0) * x.val[k]!;
  return z;
}

/** Logistic regression by AdaGrad SGD with L2, in a seeded order: same data, same weights. */
export function trainLogistic(xs: Sparse[], ys: number[], o: TrainOptions): LinearModel {
  const { dims, epochs = 30, l2 = 1e-4, rate = 0.5, seed = 8 } = o;
  const r = rng(seed);
  const w = new Float64Array(dims);
  const g2 = new Float64Array(dims).fill(1e-8);
  let bias = 0;
  let gb2 = 1e-8;
  // Balance the classes so the positive rate of the training split does not set the prior.
  const pos = ys.filter((y) => y === 1).length;
  const wPos = ys.length / (2 * Math.max(pos, 1));
  const wNeg = ys.length / (2 * Math.max(ys.length - pos, 1));
  const order = xs.map((_, i) => i);
  for (let e = 0; e < epochs; e++) {
    r.shuffle(order);
    for (const i of order) {
      const x = xs[i]!;
      const y = ys[i]!;
      const p = sigmoid(margin({ weights: w, bias }, x));
      const g = (p - y) * (y === 1 ? wPos : wNeg);
      for (let k = 0; k < x.idx.length; k++) {
        const j = x.idx[k]!;
        const grad = g * x.val[k]! + l2 * w[j]!;
        g2[j] = g2[j]! + grad * grad;
        w[j] = w[j]! - (rate * grad) / Math.sqrt(g2[j]!);
      }
      gb2 += g * g;
      bias -= (rate * g) / Math.sqrt(gb2);
    }
  }
  return { weights: w, bias };
}

export interface Platt {
  a: number;
  b: number;
}

/** Platt scaling: p = sigmoid(a·margin + b), fitted by Newton's method on held-out margins. */
export function fitPlatt(margins: number[], ys: number[]): Platt {
  const pos = ys.filter((y) => y === 1).length;
  const neg = ys.length - pos;
  // Platt's smoothed targets avoid infinite weights on a separable calibration set.
  const tPos = (pos + 1) / (pos + 2);
  const tNeg = 1 / (neg + 2);
  let a = 1;
  let b = 0;
  for (let it = 0; it < 100; it++) {
    let ga = 0, gb = 0, haa = 1e-6, hab = 0, hbb = 1e-6;
    margins.forEach((f, i) => {
      const t = ys[i] === 1 ? tPos : tNeg;
      const p = sigmoid(a * f + b);
      const d = p - t;
      const h = p * (1 - p);
      ga += d * f;
      gb += d;
      haa += h * f * f;
      hab += h * f;
      hbb += h;
    });
    const det = haa * hbb - hab * hab;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-9) break;
  }
  return { a, b };
}

export const calibrated = (p: Platt, m: number) => sigmoid(p.a * m + p.b);

/** Weights as sparse pairs rounded to 5 decimals, so model.json stays small and diffable. */
export function packWeights(w: Float64Array): [number, number][] {
  const out: [number, number][] = [];
  w.forEach((v, i) => {
    const r = Math.round(v * 1e5) / 1e5;
    if (r !== 0) out.push([i, r]);
  });
  return out;
}

export function unpackWeights(pairs: [number, number][], dims: number): Float64Array {
  const w = new Float64Array(dims);
  for (const [i, v] of pairs) w[i] = v;
  return w;
}
