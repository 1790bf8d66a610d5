// Feature vectors for the screening model: indicator evidence and context (dense, named) plus
// hashed character n-grams of the normalised text (sparse).
import { CHANNELS } from './schema.ts';
import { INDICATORS, STRENGTH } from './indicators.ts';
import { ruleScore, type Analysis } from './scoring.ts';

export interface Sparse {
  idx: number[];
  val: number[];
}

export const DENSE_NAMES = [
  ...INDICATORS.map((c) => `ind:${c}`),
  'ctx:abroad', 'ctx:news', 'ctx:awareness', 'ctx:legit', 'ctx:negation', 'negated_hits',
  'n_indicators', 'strength_sum', 'any_strong', 'groups_counted', 'rule_score', 'reported_strength', 'legit_strength',
  ...CHANNELS.map((c) => `channel:${c}`),
];

export interface NgramConfig {
  bits: number;
  min: number;
  max: number;
}
export const NGRAMS: NgramConfig = { bits: 16, min: 3, max: 5 };

let seenBits = new Uint8Array(0);

/** Hashed character n-grams, binary, scaled to unit length; indices start at `offset`. */
export function ngramFeatures(text: string, offset: number, cfg: NgramConfig = NGRAMS): Sparse {
  const mask = (1 << cfg.bits) - 1;
  if (seenBits.length !== mask + 1) seenBits = new Uint8Array(mask + 1);
  const found: number[] = [];
  // FNV-1a grown one character at a time: every n-gram starting at i in one inner loop, no slices.
  for (let i = 0; i + cfg.min <= text.length; i++) {
    let h = 0x811c9dc5;
    for (let n = 1; n <= cfg.max && i + n <= text.length; n++) {
      h = Math.imul(h ^ text.charCodeAt(i + n - 1), 0x01000193);
      if (n < cfg.min) continue;
      const b = (h >>> 0) & mask;
      if (!seenBits[b]) {
        seenBits[b] = 1;
        found.push(b);
      }
    }
  }
  for (const b of found) seenBits[b] = 0;
  const idx = found.map((b) => offset + b);
  const v = idx.length ? 1 / Math.sqrt(idx.length) : 0;
  return { idx, val: idx.map(() => v) };
}

export function denseFeatures(a: Analysis, channel?: string): number[] {
  const present = new Set(a.indicators.map((e) => e.code));
  const strength = a.indicators.reduce((s, e) => s + STRENGTH[e.code], 0);
  const rule = ruleScore(a);
  const reporting = a.contexts.news > 0 || a.contexts.awareness > 0 ? 1 : 0;
  const legit = a.contexts.legit > 0 ? 1 : 0;
  const cap = (x: number) => Math.min(x, 3) / 3;
  return [
    ...INDICATORS.map((c) => (present.has(c) ? 1 : 0)),
    cap(a.contexts.abroad), cap(a.contexts.news), cap(a.contexts.awareness), cap(a.contexts.legit), cap(a.contexts.negation), cap(a.negated.length),
    cap(present.size) , strength / 10, a.indicators.some((e) => STRENGTH[e.code] === 3) ? 1 : 0, rule.groupsCounted / 2, rule.score / 5,
    (reporting * strength) / 10, (legit * strength) / 10,
    ...CHANNELS.map((c) => (c === channel ? 1 : 0)),
  ];
}

/** Dense features first, then the n-grams. */
export function featurise(a: Analysis, normText: string, channel?: string): Sparse {
  const dense = denseFeatures(a, channel);
  const grams = ngramFeatures(normText, DENSE_NAMES.length);
  const idx: number[] = [];
  const val: number[] = [];
  dense.forEach((v, i) => {
    if (v !== 0) {
      idx.push(i);
      val.push(v);
    }
  });
  return { idx: [...idx, ...grams.idx], val: [...val, ...grams.val] };
}
