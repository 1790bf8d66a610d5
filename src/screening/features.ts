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

/** One bit per bucket (8 KB for 16 bits: it stays in the first-level cache, a byte per bucket did not). */
let seenBits = new Int32Array(0);
let foundBuf = new Int32Array(1024);

/** The distinct hashed n-gram buckets of a text, in order of first occurrence (a shared buffer). */
function ngramBuckets(text: string, cfg: NgramConfig): { buf: Int32Array; n: number } {
  const mask = (1 << cfg.bits) - 1;
  const words = Math.max(1, (mask + 1) >>> 5);
  if (seenBits.length !== words) seenBits = new Int32Array(words);
  if (foundBuf.length < text.length * (cfg.max - cfg.min + 1)) foundBuf = new Int32Array(text.length * (cfg.max - cfg.min + 1) * 2);
  let n = 0;
  if (cfg.min === 3 && cfg.max === 5) return trigramsToFivegrams(text, mask);
  // FNV-1a grown one character at a time: every n-gram starting at i in one inner loop, no slices.
  for (let i = 0; i + cfg.min <= text.length; i++) {
    let h = 0x811c9dc5;
    for (let k = 1; k <= cfg.max && i + k <= text.length; k++) {
      h = Math.imul(h ^ text.charCodeAt(i + k - 1), 0x01000193);
      if (k < cfg.min) continue;
      const b = (h >>> 0) & mask;
      const bit = 1 << (b & 31);
      const w = seenBits[b >>> 5]!;
      if (!(w & bit)) {
        seenBits[b >>> 5] = w | bit;
        foundBuf[n++] = b;
      }
    }
  }
  for (let k = 0; k < n; k++) seenBits[foundBuf[k]! >>> 5] = 0;
  return { buf: foundBuf, n };
}

/**
 * ngramBuckets for the model's 3–5-grams, unrolled: the same hashes in the same order (at each
 * start, the 3-gram, then the 4-gram, then the 5-gram while the text lasts), each character read once.
 */
function trigramsToFivegrams(text: string, mask: number): { buf: Int32Array; n: number } {
  // The module's buffers as locals: a reassignable module binding is read through its context
  // (with a hole check) at every use in the loop.
  const bits = seenBits;
  const found = foundBuf;
  const len = text.length;
  let n = 0;
  let c1 = len > 0 ? text.charCodeAt(0) : 0;
  let c2 = len > 1 ? text.charCodeAt(1) : 0;
  let c3 = len > 2 ? text.charCodeAt(2) : 0;
  let c4 = len > 3 ? text.charCodeAt(3) : 0;
  for (let i = 0; i + 3 <= len; i++) {
    const c5 = i + 4 < len ? text.charCodeAt(i + 4) : 0;
    let h = Math.imul(0x811c9dc5 ^ c1, 0x01000193);
    h = Math.imul(h ^ c2, 0x01000193);
    h = Math.imul(h ^ c3, 0x01000193);
    let b = (h >>> 0) & mask;
    let w = bits[b >>> 5]!;
    let bit = 1 << (b & 31);
    if (!(w & bit)) {
      bits[b >>> 5] = w | bit;
      found[n++] = b;
    }
    if (i + 4 <= len) {
      h = Math.imul(h ^ c4, 0x01000193);
      b = (h >>> 0) & mask;
      w = bits[b >>> 5]!;
      bit = 1 << (b & 31);
      if (!(w & bit)) {
        bits[b >>> 5] = w | bit;
        found[n++] = b;
      }
      if (i + 5 <= len) {
        h = Math.imul(h ^ c5, 0x01000193);
        b = (h >>> 0) & mask;
        w = bits[b >>> 5]!;
        bit = 1 << (b & 31);
        if (!(w & bit)) {
          bits[b >>> 5] = w | bit;
          found[n++] = b;
        }
      }
    }
    c1 = c2;
    c2 = c3;
    c3 = c4;
    c4 = c5;
  }
  // Clearing the whole 8 KB at once costs less than a scattered write per bucket found.
  bits.fill(0);
  return { buf: found, n };
}

/** Hashed character n-grams, binary, scaled to unit length; indices start at `offset`. */
export function ngramFeatures(text: string, offset: number, cfg: NgramConfig = NGRAMS): Sparse {
  const { buf, n } = ngramBuckets(text, cfg);
  const idx = new Array<number>(n);
  for (let k = 0; k < n; k++) idx[k] = offset + buf[k]!;
  const v = n ? 1 / Math.sqrt(n) : 0;
  return { idx, val: idx.map(() => v) };
}

/**
 * The linear model's margin on the features of `featurise`, without building the vector: the
 * same terms added in the same order, so the result is bit for bit the same.
 */
export function featureMargin(weights: Float64Array, bias: number, a: Analysis, normText: string, channel?: string): number {
  let z = bias;
  const dense = fillDense(a, channel, denseBuf);
  for (let i = 0; i < dense.length; i++) {
    const v = dense[i]!;
    if (v !== 0) z += (weights[i] ?? 0) * v;
  }
  const { buf, n } = ngramBuckets(normText, NGRAMS);
  const v = n ? 1 / Math.sqrt(n) : 0;
  const offset = DENSE_NAMES.length;
  const scaled = inHundredThousandths(weights);
  if (scaled) {
    // The same weight, read from half the bytes: k / 1e5 is the very double k / 1e5 was parsed as.
    for (let k = 0; k < n; k++) z += ((scaled[offset + buf[k]!] ?? 0) / 1e5) * v;
  } else for (let k = 0; k < n; k++) z += (weights[offset + buf[k]!] ?? 0) * v;
  return z;
}

/**
 * The weights as whole hundred-thousandths, when every weight is exactly one (model.json rounds
 * them to five decimals): the n-grams' random reads of the weights miss the cache, and a 32-bit
 * table is half the size of the 64-bit one. Division is correctly rounded, so k / 1e5 gives back
 * the same double as the decimal it came from; a weight that is not such a quotient (a model
 * fresh from training) keeps the 64-bit table.
 */
const scaledOf = new WeakMap<Float64Array, Int32Array | null>();
function inHundredThousandths(weights: Float64Array): Int32Array | null {
  let s = scaledOf.get(weights);
  if (s !== undefined) return s;
  s = new Int32Array(weights.length);
  for (let i = 0; i < weights.length; i++) {
    const k = Math.round(weights[i]! * 1e5);
    if (!(Math.abs(k) < 2 ** 31) || k / 1e5 !== weights[i]! || Object.is(weights[i], -0)) {
      s = null;
      break;
    }
    s[i] = k;
  }
  scaledOf.set(weights, s);
  return s;
}

const cap = (x: number) => Math.min(x, 3) / 3;

/** Reused by the model's margin (one text at a time per thread): no feature array per text. */
const denseBuf = new Float64Array(DENSE_NAMES.length);
const INDICATOR_INDEX = new Map<string, number>(INDICATORS.map((c, i) => [c, i]));

/** The dense features in DENSE_NAMES order, written into `out` (every slot is written). */
function fillDense(a: Analysis, channel: string | undefined, out: Float64Array): Float64Array {
  out.fill(0, 0, INDICATORS.length);
  let present = 0;
  let strength = 0;
  let anyStrong = 0;
  // Analysis lists each indicator once, so the count of entries is the count of distinct codes.
  for (const e of a.indicators) {
    out[INDICATOR_INDEX.get(e.code)!] = 1;
    present++;
    strength += STRENGTH[e.code];
    if (STRENGTH[e.code] === 3) anyStrong = 1;
  }
  const rule = ruleScore(a);
  const reporting = a.contexts.news > 0 || a.contexts.awareness > 0 ? 1 : 0;
  const legit = a.contexts.legit > 0 ? 1 : 0;
  let i = INDICATORS.length;
  out[i++] = cap(a.contexts.abroad);
  out[i++] = cap(a.contexts.news);
  out[i++] = cap(a.contexts.awareness);
  out[i++] = cap(a.contexts.legit);
  out[i++] = cap(a.contexts.negation);
  out[i++] = cap(a.negated.length);
  out[i++] = cap(present);
  out[i++] = strength / 10;
  out[i++] = anyStrong;
  out[i++] = rule.groupsCounted / 2;
  out[i++] = rule.score / 5;
  out[i++] = (reporting * strength) / 10;
  out[i++] = (legit * strength) / 10;
  for (const c of CHANNELS) out[i++] = c === channel ? 1 : 0;
  return out;
}

export function denseFeatures(a: Analysis, channel?: string): number[] {
  return Array.from(fillDense(a, channel, new Float64Array(DENSE_NAMES.length)));
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
