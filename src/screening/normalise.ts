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

// Inside a word that also holds letters, these stand in for letters ("p@sport", "pa$$port", "v1za").
const LEET: Record<string, string> = { '@': 'a', $: 's', '0': 'o', '1': 'i', '3': 'e', '€': 'e' };

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
const memo = (re: RegExp) => {
  const cache = new Map<string, boolean>();
  return (c: string) => {
    let v = cache.get(c);
    if (v === undefined) cache.set(c, (v = re.test(c)));
    return v;
  };
};
const isLetter = memo(/\p{L}/u);
const isCyrillic = memo(/\p{Script=Cyrillic}/u);
const isLatin = memo(/\p{Script=Latin}/u);
const isMark = memo(/[\p{M}\p{Cf}]/u);
const foldMemo = new Map<string, string>();
const isDigit = (c: string) => c >= '0' && c <= '9';

/** Explicit case fold. İ/I/ı/i all become i: `'İ'.toLowerCase()` is two units and would shift offsets. */
export function foldChar(c: string): string {
  if (c === 'İ' || c === 'I' || c === 'ı') return 'i';
  if (c.length === 1) {
    const code = c.charCodeAt(0);
    if (code < 0x80) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : c;
  }
  let v = foldMemo.get(c);
  if (v === undefined) {
    const lower = c.toLowerCase();
    foldMemo.set(c, (v = lower.length === c.length ? lower : c));
  }
  return v;
}

const EMOJI_KEYS = Object.keys(EMOJI_TOKENS).sort((a, b) => b.length - a.length);
const SPACED_RUN = /(?<!\p{L})\p{L}(?:[ .\-_*·]\p{L}){3,}(?!\p{L})/gu;

/** Single letters separated by one separator, at least four in a row ("p a s p o r t"). */
function spacedSeparators(text: string): Uint8Array {
  const drop = new Uint8Array(text.length);
  for (const m of text.matchAll(SPACED_RUN)) {
    for (let i = m.index + 1; i < m.index + m[0].length; i++) if (!isLetter(text[i]!)) drop[i] = 1;
  }
  return drop;
}

interface Unit {
  c: string;
  start: number;
  end: number;
  kind: 'word' | 'emoji' | 'sep' | 'break';
}

/** Sentence and quote boundaries survive normalisation as "|": negation does not reach across them. */
const BREAKS = new Set(['.', '!', '?', ';', '\n', '«', '»', '"', '|', '“', '”', '•']);
export const BREAK = '|';

function units(text: string, drop: Uint8Array): Unit[] {
  const out: Unit[] = [];
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      // ASCII fast path: most of the text, and no Unicode property lookups needed.
      const c = text[i]!;
      const letter = (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
      if (drop[i]) out.push({ c: '', start: i, end: i + 1, kind: 'word' });
      else if (letter || (code >= 48 && code <= 57) || c in LEET) out.push({ c, start: i, end: i + 1, kind: 'word' });
      else out.push({ c, start: i, end: i + 1, kind: BREAKS.has(c) ? 'break' : 'sep' });
      i++;
      continue;
    }
    const emoji = code > 0x2000 ? EMOJI_KEYS.find((k) => text.startsWith(k, i)) : undefined;
    if (emoji) {
      out.push({ c: emoji, start: i, end: i + emoji.length, kind: 'emoji' });
      i += emoji.length;
      continue;
    }
    const cp = text.codePointAt(i)!;
    const c = String.fromCodePoint(cp);
    const end = i + c.length;
    if (drop[i]) out.push({ c: '', start: i, end, kind: 'word' });
    else if (isMark(c)) out.push({ c: '', start: i, end, kind: 'word' });
    else if (isLetter(c) || isDigit(c) || c in LEET) out.push({ c, start: i, end, kind: 'word' });
    else out.push({ c, start: i, end, kind: BREAKS.has(c) ? 'break' : 'sep' });
    i = end;
  }
  return out;
}

/** Normalise a text for matching, keeping a map from every output unit back to the original. */
export function normalise(text: string, options: NormaliseOptions = {}): Normalised {
  const azCyrillic = AZ_CYRILLIC_ONLY.test(text) || (options.lang === 'az' && /\p{Script=Cyrillic}/u.test(text));
  const us = units(text, spacedSeparators(text));
  // Arrays, not string concatenation: endsWith on a growing rope string would flatten it each time.
  const out: string[] = [' '];
  const from: number[] = [0];
  const to: number[] = [0];
  const push = (s: string, start: number, end: number) => {
    for (let k = 0; k < s.length; k++) {
      out.push(s[k]!);
      from.push(start);
      to.push(end);
    }
  };
  const space = (start: number, end: number) => {
    if (out[out.length - 1] === ' ') return;
    push(' ', start, end);
  };

  let i = 0;
  while (i < us.length) {
    const u = us[i]!;
    if (u.kind === 'sep') {
      space(u.start, u.end);
      i++;
      continue;
    }
    if (u.kind === 'break') {
      if (out[out.length - 1] === BREAK || out[out.length - 2] === BREAK) {
        i++;
        continue;
      }
      space(u.start, u.end);
      push(`${BREAK} `, u.start, u.end);
      i++;
      continue;
    }
    if (u.kind === 'emoji') {
      space(u.start, u.start);
      push(EMOJI_TOKENS[u.c]!, u.start, u.end);
      push(' ', u.end, u.end);
      i++;
      continue;
    }
    let j = i;
    while (j < us.length && us[j]!.kind === 'word') j++;
    emitWord(us.slice(i, j), azCyrillic, push);
    i = j;
  }
  space(text.length, text.length);
  return { ...skeleton(out, from, to), azCyrillic };
}

// Latin spelling skeleton. Russian typed in Latin letters has no one scheme ("zhenih", "jenih";
// "besplatnyy", "besplatnij"), so Latin text and patterns alike collapse the usual alternatives.
// Applied to every Latin letter run: a collision can only make two patterns look alike, and
// patterns are whole phrases.
const DIGRAPHS: [string, string][] = [['shch', 's'], ['sch', 's'], ['sh', 's'], ['ch', 'c'], ['zh', 'i'], ['kh', 'h'], ['ts', 'c'], ['yu', 'u'], ['iu', 'u'], ['ya', 'a'], ['ia', 'a'], ['yo', 'o']];
const SINGLE: Record<string, string> = { x: 'h', y: 'i', j: 'i', w: 'v', q: 'k' };

function skeleton(chars: string[], from: number[], to: number[]): { text: string; from: Int32Array; to: Int32Array } {
  const o: string[] = [];
  const f: number[] = [];
  const t: number[] = [];
  let i = 0;
  while (i < chars.length) {
    const c = chars[i]!;
    let rep = c;
    let len = 1;
    if (c >= 'a' && c <= 'z') {
      for (const [d, r] of DIGRAPHS) {
        if (c === d[0] && chars[i + 1] === d[1] && (d.length < 3 || chars[i + 2] === d[2]) && (d.length < 4 || chars[i + 3] === d[3])) {
          rep = r;
          len = d.length;
          break;
        }
      }
      if (len === 1) rep = SINGLE[c] ?? c;
      // Doubled letters collapse ("besplatnii", "pa$$port", "ofiss").
      if (o[o.length - 1] === rep) {
        t[t.length - 1] = to[i + len - 1]!;
        i += len;
        continue;
      }
    }
    o.push(rep);
    f.push(from[i]!);
    t.push(to[i + len - 1]!);
    i += len;
  }
  return { text: o.join(''), from: Int32Array.from(f), to: Int32Array.from(t) };
}

function emitWord(word: Unit[], azCyrillic: boolean, push: (s: string, start: number, end: number) => void) {
  const folded = word.map((u) => foldChar(u.c));
  let cyr = 0;
  let lat = 0;
  for (const c of folded) {
    if (!c) continue;
    const code = c.charCodeAt(0);
    if (code < 0x80) {
      if (code >= 97 && code <= 122) lat++;
      continue;
    }
    if (!isLetter(c)) continue;
    if (isCyrillic(c)) cyr++;
    else if (isLatin(c)) lat++;
  }
  // In Azerbaijani Cyrillic text every Cyrillic letter goes through the table instead.
  const mixed = cyr > 0 && lat > 0 && !azCyrillic;
  const toLatin = mixed ? lat >= cyr : false;
  for (let k = 0; k < word.length; k++) {
    const u = word[k]!;
    let c = folded[k]!;
    if (!c) continue;
    if (c.length === 1 && c.charCodeAt(0) < 0x80 && !mixed) {
      // ASCII fast path: only the stand-in symbols need a look.
      push(c in LEET && leetInside(folded, k) ? LEET[c]! : c, u.start, u.end);
      continue;
    }
    if (mixed) {
      if (toLatin && CYR_TO_LAT[c]) c = CYR_TO_LAT[c]!;
      else if (!toLatin && LAT_TO_CYR[c]) c = LAT_TO_CYR[c]!;
    }
    if (c in LEET && leetInside(folded, k)) c = LEET[c]!;
    if (isCyrillic(c)) {
      if (azCyrillic && c in AZ_CYRILLIC) c = AZ_CYRILLIC[c]!;
      else if (c === 'ё') c = 'е';
    }
    c = c.length === 1 ? (LATIN_FOLD[c] ?? c) : [...c].map((x) => LATIN_FOLD[x] ?? x).join('');
    if (c.length === 1 && c.charCodeAt(0) > 0x7f) c = stripMarks(c);
    push(c, u.start, u.end);
  }
}

const stripMemo = new Map<string, string>();
function stripMarks(c: string): string {
  let v = stripMemo.get(c);
  if (v === undefined) stripMemo.set(c, (v = isCyrillic(c) ? c : c.normalize('NFD').replace(/\p{M}/gu, '')));
  return v;
}

/** A stand-in symbol counts as a letter only with letters on both sides of its run ("p@sport", not "100manat"). */
function leetInside(folded: string[], k: number): boolean {
  let l = k - 1;
  while (l >= 0 && (folded[l] === '' || folded[l]! in LEET)) l--;
  let r = k + 1;
  while (r < folded.length && (folded[r] === '' || folded[r]! in LEET)) r++;
  return l >= 0 && r < folded.length && isLetter(folded[l]!) && isLetter(folded[r]!);
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
