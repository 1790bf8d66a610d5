// Text normalisation for screening. Every output character remembers which original UTF-16
// range produced it, so a match in the normalised text maps back to exact original offsets.
//
// Output shape: tokens separated by single spaces, with one space before the first and after
// the last token, so lexicon patterns written as " stem" or " word " carry their own word
// boundaries and the Aho–Corasick pass needs no boundary callback.

/** Azerbaijani Cyrillic (1958–1991 alphabet, still used by older writers) to Latin. */
const AZ_CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'q', ғ: 'ğ', д: 'd', е: 'e', ә: 'ə', ж: 'j', з: 'z', и: 'i', ы: 'ı',
  ј: 'y', к: 'k', ҝ: 'g', л: 'l', м: 'm', н: 'n', о: 'o', ө: 'ö', п: 'p', р: 'r', с: 's', т: 't',
  у: 'u', ү: 'ü', ф: 'f', х: 'x', һ: 'h', ч: 'ç', ҹ: 'c', ш: 'ş', й: 'y', ц: 'ts', щ: 'şç',
  ъ: '', ь: '', э: 'e', ю: 'yu', я: 'ya', ё: 'yo',
};
/** Letters that exist in Azerbaijani Cyrillic but not in Russian: their presence decides the script. */
const AZ_CYRILLIC_ONLY = /[ӘәҜҝҒғҸҹҺһӨөҮүЈј]/;

// Lookalikes across scripts, lower case (the fold happens first).
const CYR_TO_LAT: Record<string, string> = { а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', і: 'i', ј: 'j', к: 'k', м: 'm', т: 't', в: 'b', н: 'h' };
const LAT_TO_CYR: Record<string, string> = { a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', y: 'у', x: 'х', k: 'к', m: 'м', t: 'т', b: 'в', h: 'н' };
const byCode = (m: Record<string, string>) => new Map(Object.entries(m).map(([k, v]) => [k.charCodeAt(0), v.charCodeAt(0)]));
const CYR_TO_LAT_CODE = byCode(CYR_TO_LAT);
const LAT_TO_CYR_CODE = byCode(LAT_TO_CYR);

// Inside a word that also holds letters, these stand in for letters ("p@sport", "pa$$port", "v1za").
const LEET: Record<string, string> = { '@': 'a', $: 's', '0': 'o', '1': 'i', '3': 'e', '€': 'e' };
const LEET_CODE = new Map(Object.entries(LEET).map(([k, v]) => [k.charCodeAt(0), v.charCodeAt(0)]));

// Latin diacritics folded away: people often type Azerbaijani and Turkish without them.
const LATIN_FOLD: Record<string, string> = { ə: 'e', ş: 's', ç: 'c', ğ: 'g', ö: 'o', ü: 'u', ı: 'i', â: 'a', î: 'i', û: 'u', é: 'e', è: 'e', ä: 'a', ñ: 'n' };

/** Emoji that stand in for words in recruitment posts; each becomes a language-neutral token. */
export const EMOJI_TOKENS: Record<string, string> = {
  '✈': 'emoplane', '🛫': 'emoplane', '🛬': 'emoplane', '🎫': 'emoplane',
  '💰': 'emofunds', '💵': 'emofunds', '💶': 'emofunds', '💲': 'emofunds', '🤑': 'emofunds', '💸': 'emofunds',
  '🛂': 'emodocument', '📕': 'emodocument', '💃': 'emodancer', '🍸': 'emobar', '🍾': 'emobar', '🏨': 'emohotel',
  '💍': 'emoring', '👰': 'emoring', '🔞': 'emoadult', '💋': 'emolips', '👧': 'emogirl', '👩': 'emogirl',
  '🇹🇷': 'emoabroad', '🇦🇪': 'emoabroad', '🇶🇦': 'emoabroad', '🇷🇺': 'emoabroad', '🇧🇭': 'emoabroad', '🌍': 'emoabroad',
  '⏰': 'emourgent', '🔥': 'emourgent', '❗': 'emourgent', '‼': 'emourgent', '⚡': 'emourgent',
};

export interface Normalised {
  /** The normalised text: " tok tok … tok ". */
  text: string;
  /** For each normalised UTF-16 unit, the original start offset. */
  from: Int32Array;
  /** For each normalised UTF-16 unit, the original end offset (exclusive). */
  to: Int32Array;
  /** Whether the text was read as Azerbaijani Cyrillic (transliterated to Latin). */
  azCyrillic: boolean;
}

export interface NormaliseOptions {
  /** Language hint; "az" turns on the Azerbaijani Cyrillic table even without its own letters. */
  lang?: string;
}

// Character classes, memoised: Unicode property regexes per character dominate the cost otherwise.
// A BMP character's classes live in a table filled on first sight (bit 128: known); the rare
// characters outside the BMP in a map.
const LETTER = 1;
const CYRILLIC = 2;
const LATIN = 4;
const MARK = 8;
const KNOWN = 128;
const RE_LETTER = /\p{L}/u;
const RE_CYRILLIC = /\p{Script=Cyrillic}/u;
const RE_LATIN = /\p{Script=Latin}/u;
const RE_MARK = /[\p{M}\p{Cf}]/u;
const bmpClasses = new Uint8Array(65536);
const astralClasses = new Map<string, number>();
const classesOf = (c: string) => (RE_LETTER.test(c) ? LETTER : 0) | (RE_CYRILLIC.test(c) ? CYRILLIC : 0) | (RE_LATIN.test(c) ? LATIN : 0) | (RE_MARK.test(c) ? MARK : 0) | KNOWN;
function classes(c: string): number {
  if (c.length === 1) {
    const code = c.charCodeAt(0);
    const v = bmpClasses[code]!;
    return v ? v : (bmpClasses[code] = classesOf(c));
  }
  let v = astralClasses.get(c);
  if (v === undefined) astralClasses.set(c, (v = classesOf(c)));
  return v;
}
/** The classes of a code point: a table lookup for the BMP. */
function classesCp(cp: number): number {
  if (cp < 0x10000) {
    const v = bmpClasses[cp]!;
    return v ? v : (bmpClasses[cp] = classesOf(String.fromCharCode(cp)));
  }
  return classes(String.fromCodePoint(cp));
}
const isLetter = (c: string) => (classes(c) & LETTER) !== 0;
const letterAt = (code: number) => (classesCp(code) & LETTER) !== 0;
const isCyrillic = (c: string) => (classes(c) & CYRILLIC) !== 0;
const foldMemo = new Map<number | string, string>();

/** Explicit case fold. İ/I/ı/i all become i: `'İ'.toLowerCase()` is two units and would shift offsets. */
export function foldChar(c: string): string {
  if (c === 'İ' || c === 'I' || c === 'ı') return 'i';
  if (c.length === 1) {
    const code = c.charCodeAt(0);
    if (code < 0x80) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : c;
  }
  const key = c.length === 1 ? c.charCodeAt(0) : c;
  let v = foldMemo.get(key);
  if (v === undefined) {
    const lower = c.toLowerCase();
    foldMemo.set(key, (v = lower.length === c.length ? lower : c));
  }
  return v;
}

const EMOJI_KEYS = Object.keys(EMOJI_TOKENS).sort((a, b) => b.length - a.length);
/**
 * Spaced-out letters ("p a s p o r t"), the definition: found by spacedRunAt's scan (the
 * expression is costly on the texts that pass maySpace); the tests hold the two to the same matches.
 */
export const SPACED_RUN = /(?<!\p{L})\p{L}(?:[ .\-_*·]\p{L}){3,}(?!\p{L})/gu;

let dropBuf = new Uint8Array(4096);
/** All zeros, never written: the answer for the many texts without a spaced-letters run (no fill per text). */
let noDrops = new Uint8Array(4096);

/**
 * Whether a BMP-only text holds letter, separator, letter, separator, letter, separator, letter
 * anywhere: what SPACED_RUN needs at the least, checked without running the Unicode regex.
 */
function maySpace(text: string): boolean {
  const len = text.length;
  for (let i = 0; i + 6 < len; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return true;
    if (!isSpacedSeparator(text.charCodeAt(i + 1))) continue;
    if (!isSpacedSeparator(text.charCodeAt(i + 3)) || !isSpacedSeparator(text.charCodeAt(i + 5))) continue;
    if (letterAt(c) && letterAt(text.charCodeAt(i + 2)) && letterAt(text.charCodeAt(i + 4)) && letterAt(text.charCodeAt(i + 6))) return true;
  }
  for (let i = Math.max(0, len - 6); i < len; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return true;
  }
  return false;
}

/** Single letters separated by one separator, at least four in a row ("p a s p o r t"): the separators to drop. */
export function spacedSeparators(text: string): Uint8Array {
  if (!maySpace(text)) {
    if (noDrops.length < text.length) noDrops = new Uint8Array(text.length * 2);
    return noDrops;
  }
  if (dropBuf.length < text.length) dropBuf = new Uint8Array(text.length * 2);
  const drop = dropBuf;
  drop.fill(0, 0, text.length);
  // SPACED_RUN's matches, found by a scan of code points: from each code point on, leftmost
  // first, as matchAll reads them.
  let p = 0;
  while (p < text.length) {
    const end = spacedRunAt(text, p);
    if (end < 0) {
      p += codePointAt(text, p) > 0xffff ? 2 : 1;
      continue;
    }
    for (let i = p + 1; i < end; i++) if (!isLetter(text[i]!)) drop[i] = 1;
    p = end;
  }
  return drop;
}

/** The code point at i, or a lone surrogate's unit (what the expression's /u reading sees there). */
function codePointAt(text: string, i: number): number {
  return text.codePointAt(i)!;
}

/** Whether the code point ending just before i is a letter (the expression's lookbehind). */
function letterBefore(text: string, i: number): boolean {
  if (i === 0) return false;
  const lo = text.charCodeAt(i - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && i >= 2) {
    const hi = text.charCodeAt(i - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return letterAt(((hi - 0xd800) << 10) + (lo - 0xdc00) + 0x10000);
  }
  return letterAt(lo);
}

/**
 * The end of SPACED_RUN's match starting at p, or -1: a letter not after a letter, then greedily
 * separator-and-letter pairs; when a letter follows the last one, the expression gives back one
 * pair (its lookahead then sees a separator); at least three pairs must remain.
 */
function spacedRunAt(text: string, p: number): number {
  const first = codePointAt(text, p);
  if (!letterAt(first) || letterBefore(text, p)) return -1;
  let q = p + (first > 0xffff ? 2 : 1);
  let pairs = 0;
  let previous = -1;
  while (q + 1 < text.length && isSpacedSeparator(text.charCodeAt(q))) {
    const c = codePointAt(text, q + 1);
    if (!letterAt(c)) break;
    previous = q;
    q += 1 + (c > 0xffff ? 2 : 1);
    pairs++;
  }
  if (q < text.length && letterAt(codePointAt(text, q))) {
    pairs--;
    q = previous;
  }
  return pairs >= 3 ? q : -1;
}

/** Unit kinds; units live in parallel arrays, not one object per character. */
const WORD = 0;
const EMOJI = 1;
const SEP = 2;
const BRK = 3;

/** Sentence and quote boundaries survive normalisation as "|": negation does not reach across them. */
const BREAKS = new Set(['.', '!', '?', ';', '\n', '«', '»', '"', '|', '“', '”', '•']);

// Small character sets as bits of one table by code unit: a typed-array read per character where a
// Set lookup (a hash probe) used to be, and these tests run on nearly every character.
const IS_LEET = 1;
const IS_SPACED_SEPARATOR = 2;
const IS_BREAK = 4;
/** First code units of the emoji keys: most characters above U+2000 are ruled out by one lookup. */
const IS_EMOJI_FIRST = 8;
const charFlags = new Uint8Array(65536);
const flag = (chars: Iterable<string>, bit: number) => {
  for (const c of chars) charFlags[c.charCodeAt(0)] = charFlags[c.charCodeAt(0)]! | bit;
};
flag(Object.keys(LEET), IS_LEET);
flag(' .-_*·', IS_SPACED_SEPARATOR);
flag(BREAKS, IS_BREAK);
flag(EMOJI_KEYS, IS_EMOJI_FIRST);
/** The flags of a code point (none outside the BMP, and none for EMPTY). */
const flagsOf = (c: number) => (c >= 0 && c < 0x10000 ? charFlags[c]! : 0);
const isLeet = (c: number) => (flagsOf(c) & IS_LEET) !== 0;
const isSpacedSeparator = (code: number) => (charFlags[code]! & IS_SPACED_SEPARATOR) !== 0;
export const BREAK = '|';
const SPACE = 32;
const BAR = 124;

/** A unit's code point, or EMPTY for a dropped unit (a mark, a spacing separator); an emoji's key index. */
const EMPTY = -1;

interface Units {
  cp: Int32Array;
  start: Int32Array;
  end: Int32Array;
  kind: Uint8Array;
  n: number;
}

// ASCII classes by code: 1 letter or digit or stand-in symbol, 2 break, 0 separator.
const ASCII_CLASS = new Uint8Array(128);
for (let k = 0; k < 128; k++) {
  const c = String.fromCharCode(k);
  ASCII_CLASS[k] = /[A-Za-z0-9]/.test(c) || c in LEET ? 1 : BREAKS.has(c) ? 2 : 0;
}

// Reused between calls (one text at a time per thread), grown when a longer text comes.
const unitBuf: Units = { cp: new Int32Array(0), start: new Int32Array(0), end: new Int32Array(0), kind: new Uint8Array(0), n: 0 };

function units(text: string, drop: Uint8Array): Units {
  const u = unitBuf;
  if (u.start.length < text.length) {
    const cap = Math.max(4096, text.length * 2);
    u.cp = new Int32Array(cap);
    u.start = new Int32Array(cap);
    u.end = new Int32Array(cap);
    u.kind = new Uint8Array(cap);
  }
  let n = 0;
  const { cp: cps, start: starts, end: ends, kind: kinds } = u;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      // ASCII fast path: most of the text, and no Unicode property lookups needed.
      const cls = ASCII_CLASS[code]!;
      cps[n] = drop[i] ? EMPTY : code;
      kinds[n] = drop[i] || cls === 1 ? WORD : cls === 2 ? BRK : SEP;
      starts[n] = i;
      ends[n++] = i + 1;
      i++;
      continue;
    }
    if (code > 0x2000 && charFlags[code]! & IS_EMOJI_FIRST) {
      const e = EMOJI_KEYS.findIndex((k) => text.startsWith(k, i));
      if (e >= 0) {
        cps[n] = e;
        kinds[n] = EMOJI;
        starts[n] = i;
        ends[n++] = i + EMOJI_KEYS[e]!.length;
        i += EMOJI_KEYS[e]!.length;
        continue;
      }
    }
    const cp = code >= 0xd800 && code <= 0xdbff ? text.codePointAt(i)! : code;
    const end = i + (cp > 0xffff ? 2 : 1);
    const cl = classesCp(cp);
    if (drop[i] || cl & MARK) {
      cps[n] = EMPTY;
      kinds[n] = WORD;
    } else {
      // Outside ASCII no digit counts (only 0-9) and the one stand-in symbol is €.
      cps[n] = cp;
      kinds[n] = cl & LETTER || isLeet(cp) ? WORD : flagsOf(cp) & IS_BREAK ? BRK : SEP;
    }
    starts[n] = i;
    ends[n++] = end;
    i = end;
  }
  u.n = n;
  return u;
}

/** The output under construction: UTF-16 codes with their original ranges, in buffers reused across calls. */
class Out {
  codes = new Uint16Array(4096);
  from = new Int32Array(4096);
  to = new Int32Array(4096);
  n = 0;
  reset() {
    this.n = 0;
  }
  push(s: string, start: number, end: number) {
    for (let k = 0; k < s.length; k++) this.code(s.charCodeAt(k), start, end);
  }
  code(c: number, start: number, end: number) {
    if (this.n === this.codes.length) this.grow();
    const k = this.n++;
    this.codes[k] = c;
    this.from[k] = start;
    this.to[k] = end;
  }
  last(back = 1): number {
    return this.n >= back ? this.codes[this.n - back]! : -1;
  }
  space(start: number, end: number) {
    if (this.last() !== SPACE) this.code(SPACE, start, end);
  }
  private grow() {
    const size = this.codes.length * 2;
    const codes = new Uint16Array(size);
    const from = new Int32Array(size);
    const to = new Int32Array(size);
    codes.set(this.codes);
    from.set(this.from);
    to.set(this.to);
    this.codes = codes;
    this.from = from;
    this.to = to;
  }
}
const shared = new Out();

/** Normalise a text for matching, keeping a map from every output unit back to the original. */
export function normalise(text: string, options: NormaliseOptions = {}): Normalised {
  const azCyrillic = AZ_CYRILLIC_ONLY.test(text) || (options.lang === 'az' && /\p{Script=Cyrillic}/u.test(text));
  const us = units(text, spacedSeparators(text));
  const out = shared;
  out.reset();
  out.code(SPACE, 0, 0);
  let i = 0;
  while (i < us.n) {
    const kind = us.kind[i]!;
    const start = us.start[i]!;
    const end = us.end[i]!;
    if (kind === SEP) {
      out.space(start, end);
      i++;
      continue;
    }
    if (kind === BRK) {
      if (out.last() === BAR || out.last(2) === BAR) {
        i++;
        continue;
      }
      out.space(start, end);
      out.code(BAR, start, end);
      out.code(SPACE, start, end);
      i++;
      continue;
    }
    if (kind === EMOJI) {
      out.space(start, start);
      out.push(EMOJI_TOKENS[EMOJI_KEYS[us.cp[i]!]!]!, start, end);
      out.code(SPACE, end, end);
      i++;
      continue;
    }
    let j = i;
    while (j < us.n && us.kind[j] === WORD) j++;
    emitWord(us, i, j, azCyrillic, out);
    i = j;
  }
  out.space(text.length, text.length);
  const { text: normText, from, to } = skeleton(out);
  return { text: normText, from, to, azCyrillic };
}

// Latin spelling skeleton. Russian typed in Latin letters has no one scheme ("zhenih", "jenih";
// "besplatnyy", "besplatnij"), so Latin text and patterns alike collapse the usual alternatives.
// Applied to every Latin letter run: a collision can only make two patterns look alike, and
// patterns are whole phrases. Digraphs: shch sch sh → s, ch → c, zh → i, kh → h, ts → c,
// yu iu → u, ya ia → a, yo → o; single letters x → h, y j → i, w → v, q → k.
const ch = (c: string) => c.charCodeAt(0);
const [A, Z, C, H, I, J, K, O, Q, S, T, U, W, X, Y, ZZ] = ['a', 'z', 'c', 'h', 'i', 'j', 'k', 'o', 'q', 's', 't', 'u', 'w', 'x', 'y', 'z'].map(ch) as number[] as [number, number, number, number, number, number, number, number, number, number, number, number, number, number, number, number];
const V = ch('v');

/** The skeleton of the Latin letter at `i`: [replacement code, units consumed]. */
function digraph(c: number, n1: number, n2: number, n3: number): number {
  // Returns replacement * 8 + length.
  switch (c) {
    case S:
      if (n1 === H && n2 === C && n3 === H) return S * 8 + 4;
      if (n1 === C && n2 === H) return S * 8 + 3;
      if (n1 === H) return S * 8 + 2;
      return S * 8 + 1;
    case C:
      return n1 === H ? C * 8 + 2 : C * 8 + 1;
    case ZZ:
      return n1 === H ? I * 8 + 2 : ZZ * 8 + 1;
    case K:
      return n1 === H ? H * 8 + 2 : K * 8 + 1;
    case T:
      return n1 === S ? C * 8 + 2 : T * 8 + 1;
    case Y:
      if (n1 === U) return U * 8 + 2;
      if (n1 === A) return A * 8 + 2;
      if (n1 === O) return O * 8 + 2;
      return I * 8 + 1;
    case I:
      if (n1 === U) return U * 8 + 2;
      if (n1 === A) return A * 8 + 2;
      return I * 8 + 1;
    case X:
      return H * 8 + 1;
    case J:
      return I * 8 + 1;
    case W:
      return V * 8 + 1;
    case Q:
      return K * 8 + 1;
    default:
      return c * 8 + 1;
  }
}

function skeleton(out: Out): { text: string; from: Int32Array; to: Int32Array } {
  const { codes, from, to, n } = out;
  // In place: the output never runs ahead of the input (m <= i).
  let m = 0;
  let i = 0;
  while (i < n) {
    const c = codes[i]!;
    let rep = c;
    let len = 1;
    if (c >= A && c <= Z) {
      const d = digraph(c, i + 1 < n ? codes[i + 1]! : -1, i + 2 < n ? codes[i + 2]! : -1, i + 3 < n ? codes[i + 3]! : -1);
      rep = d >> 3;
      len = d & 7;
      // Doubled letters collapse ("besplatnii", "pa$$port", "ofiss").
      if (m > 0 && codes[m - 1] === rep) {
        to[m - 1] = to[i + len - 1]!;
        i += len;
        continue;
      }
    }
    const f = from[i]!;
    const t = to[i + len - 1]!;
    codes[m] = rep;
    from[m] = f;
    to[m] = t;
    m++;
    i += len;
  }
  // The codes' bytes read as UTF-16 by Node's decoder: every code unit kept as it is (lone
  // surrogates too), several times faster than String.fromCharCode.apply over a typed array.
  const text = Buffer.from(codes.buffer, codes.byteOffset, m * 2).toString('utf16le');
  // Both offset maps are views of a shared slab, never written again once handed out: a typed
  // array of its own lives off the heap and costs about a microsecond to allocate, a view a
  // twentieth of that. A full slab is left to the results that still hold views of it.
  if (slabUsed + 2 * m > slab.length) {
    slab = new Int32Array(Math.max(SLAB, 2 * m));
    slabUsed = 0;
  }
  const at = slabUsed;
  slab.set(from.subarray(0, m), at);
  slab.set(to.subarray(0, m), at + m);
  slabUsed += 2 * m;
  return { text, from: slab.subarray(at, at + m), to: slab.subarray(at + m, at + 2 * m) };
}

const SLAB = 1 << 16;
let slab = new Int32Array(0);
let slabUsed = 0;

// Reused between words: the folded code points of the current word (EMPTY for dropped units).
let folded = new Int32Array(256);

function emitWord(us: Units, from: number, to: number, azCyrillic: boolean, out: Out) {
  const len = to - from;
  if (folded.length < len) folded = new Int32Array(len * 2);
  let cyr = 0;
  let lat = 0;
  for (let k = 0; k < len; k++) {
    const cp = us.cp[from + k]!;
    const c = (folded[k] = cp === EMPTY ? EMPTY : foldCp(cp));
    if (c === EMPTY) continue;
    if (c < 0x80) {
      if (c >= 97 && c <= 122) lat++;
      continue;
    }
    const cl = classesCp(c);
    if (!(cl & LETTER)) continue;
    if (cl & CYRILLIC) cyr++;
    else if (cl & LATIN) lat++;
  }
  // In Azerbaijani Cyrillic text every Cyrillic letter goes through the table instead.
  const mixed = cyr > 0 && lat > 0 && !azCyrillic;
  const toLatin = mixed ? lat >= cyr : false;
  for (let k = 0; k < len; k++) {
    let c = folded[k]!;
    if (c === EMPTY) continue;
    const start = us.start[from + k]!;
    const end = us.end[from + k]!;
    if (c < 0x80 && !mixed) {
      // ASCII fast path: only the stand-in symbols need a look.
      if (charFlags[c]! & IS_LEET && leetInside(folded, k, len)) c = LEET_CODE.get(c)!;
      out.code(c, start, end);
      continue;
    }
    if (mixed) {
      const swap = (toLatin ? CYR_TO_LAT_CODE : LAT_TO_CYR_CODE).get(c);
      if (swap !== undefined) c = swap;
    }
    if (isLeet(c) && leetInside(folded, k, len)) {
      out.code(LEET_CODE.get(c)!, start, end);
      continue;
    }
    const sp = c < 0x10000 ? spelledCode(c, azCyrillic) : -1;
    if (sp >= 0) out.code(sp, start, end);
    else out.push(spelled(String.fromCodePoint(c), azCyrillic), start, end);
  }
}

/** The case fold of a code point (foldChar), by table for the BMP. */
const foldTable = new Int32Array(65536);
function foldCp(cp: number): number {
  if (cp < 0x80) return cp >= 65 && cp <= 90 ? cp + 32 : cp;
  if (cp < 0x10000) {
    const v = foldTable[cp]!;
    return v ? v - 1 : (foldTable[cp] = foldChar(String.fromCharCode(cp)).charCodeAt(0) + 1) - 1;
  }
  return foldChar(String.fromCodePoint(cp)).codePointAt(0)!;
}

/** A BMP letter's spelling when it is one code unit (else -1: use spelled()), by table per script reading. */
const spelledTables = [new Int32Array(65536), new Int32Array(65536)];
function spelledCode(c: number, azCyrillic: boolean): number {
  const t = spelledTables[azCyrillic ? 1 : 0]!;
  let v = t[c]!;
  if (v === 0) {
    const s = spelled(String.fromCharCode(c), azCyrillic);
    v = t[c] = s.length === 1 ? s.charCodeAt(0) + 1 : -1;
  }
  return v > 0 ? v - 1 : -1;
}

/** A letter's spelling in the normalised text: the Azerbaijani Cyrillic table, diacritics folded away. */
function spelled(c: string, azCyrillic: boolean): string {
  let v = c;
  if (isCyrillic(v)) {
    if (azCyrillic && v in AZ_CYRILLIC) v = AZ_CYRILLIC[v]!;
    else if (v === 'ё') v = 'е';
  }
  v = v.length === 1 ? (LATIN_FOLD[v] ?? v) : [...v].map((x) => LATIN_FOLD[x] ?? x).join('');
  if (v.length === 1 && v.charCodeAt(0) > 0x7f) v = stripMarks(v);
  return v;
}

const stripMemo = new Map<string, string>();
function stripMarks(c: string): string {
  let v = stripMemo.get(c);
  if (v === undefined) stripMemo.set(c, (v = isCyrillic(c) ? c : c.normalize('NFD').replace(/\p{M}/gu, '')));
  return v;
}

/** A stand-in symbol counts as a letter only with letters on both sides of its run ("p@sport", not "100manat"). */
function leetInside(folded: Int32Array, k: number, len: number): boolean {
  let l = k - 1;
  while (l >= 0 && (folded[l] === EMPTY || isLeet(folded[l]!))) l--;
  let r = k + 1;
  while (r < len && (folded[r] === EMPTY || isLeet(folded[r]!))) r++;
  return l >= 0 && r < len && (classesCp(folded[l]!) & LETTER) !== 0 && (classesCp(folded[r]!) & LETTER) !== 0;
}

/** Original [start, end) for the normalised range [nStart, nEnd). */
export function toOriginal(n: Normalised, nStart: number, nEnd: number): { start: number; end: number } {
  let s = nStart;
  let e = nEnd;
  while (s < e && n.text[s] === ' ') s++;
  while (e > s && n.text[e - 1] === ' ') e--;
  if (s >= e) return { start: n.from[nStart] ?? 0, end: n.from[nStart] ?? 0 };
  return { start: n.from[s]!, end: n.to[e - 1]! };
}

/** Normalise a lexicon pattern the same way as text, keeping the boundary spaces it was written with. */
export function normalisePattern(pattern: string, azCyrillic = false): string {
  const lead = pattern.startsWith(' ') || !pattern.startsWith('~');
  const trail = pattern.endsWith(' ');
  const body = normalise(pattern.replace(/^~/, '').trim(), { lang: azCyrillic ? 'az' : undefined }).text.trim();
  return `${lead ? ' ' : ''}${body}${trail ? ' ' : ''}`;
}
