// The concept matcher: an indicator is a combination of synonym sets ("slots") found in any word
// order within one sentence and a window of tokens, in any inflected form (stems match token
// prefixes, see stem.ts), each hit keeping its exact original offsets.
import type { Cue } from '../indicators.ts';
import { latinVariants } from '../lexicon/translit.ts';
import { BREAK, normalisePattern, type Normalised } from '../normalise.ts';
import { negativeSuffixAt, stemWord, type SynLang } from './stem.ts';
import { NUMERIC_SLOTS, numericMatches } from './numbers.ts';
import { RULES, SYNONYMS, UNNEGATED_SLOTS } from './concepts.ts';
import { PhraseAutomaton } from '../automaton.ts';

/** Farthest apart (in tokens) two parts of one concept may be. */
export const WINDOW = 12;

interface Entry {
  slot: string;
  lang: SynLang;
  /** Normalised stems, one per word. */
  words: string[];
  /** Whole-token match instead of prefix, per word. */
  exact: boolean[];
  /** The entry counts only when negated ("не отдаёт", "vermir"): "returns the passport" negated is retention. */
  negOnly: boolean;
  /** Azerbaijani or Turkish: negative suffixes and negators after the word apply. */
  azTr: boolean;
  /** One word only, and that word whole-token (`exact[0]`): read without touching the arrays. */
  single: boolean;
  exact0: boolean;
  /** Whether the slot is in the set of never-negated slots last asked with (`unnegatedIn`): a flag, not a lookup per candidate. */
  unnegatedIn?: ReadonlySet<string>;
  unnegated?: boolean;
  /** The slot's number among the rules' slots (-1: no rule names it; -2: not looked up yet). */
  ruleSlot: number;
}

export interface SlotHit {
  slot: string;
  lang: SynLang | 'num';
  /** Token range [first, last]. */
  t0: number;
  t1: number;
  /** The slot's number among the rules' slots, or -1 when no rule names it. */
  rule: number;
}

export interface ConceptHit {
  cue: Cue;
  /** Normalised ranges of the tokens that make up the evidence (mapped to the original only when shown). */
  parts: { nStart: number; nEnd: number }[];
}

const MIN_PREFIX = 4;

/** Normalise one word of an entry the way text is normalised, then reduce it to its stem. */
function entryWords(raw: string, lang: SynLang): { words: string[]; exact: boolean[] }[] {
  const exactAll = raw.startsWith('=');
  const verbatim = raw.startsWith('~');
  const body = raw.replace(/^[=~!]+/, '');
  const toks = body.split(/\s+/).filter(Boolean);
  const spell = (w: string) => normalisePattern(w, false).trim();
  const one = (w: string): { w: string; exact: boolean } => {
    if (exactAll) return { w: spell(w), exact: true };
    if (verbatim) return { w: spell(w), exact: false };
    const stem = spell(stemWord(w, lang));
    // A stem too short to stand as a prefix ("al" from "aldılar") gives way to the listed form.
    return stem.length >= MIN_PREFIX || stem === spell(w) ? { w: stem, exact: stem.length < 3 } : { w: spell(w), exact: false };
  };
  const base = toks.map(one);
  const out = [{ words: base.map((b) => b.w), exact: base.map((b) => b.exact) }];
  // Russian typed in Latin letters: every Cyrillic stem also in its common Latin spellings.
  if (lang === 'ru' && /[\u0400-\u04ff]/.test(body)) {
    const variants = base.map((b) => latinVariants(b.w).map((v) => normalisePattern(v).trim()));
    const n = Math.max(...variants.map((v) => v.length));
    for (let k = 0; k < n; k++) out.push({ words: variants.map((v) => v[Math.min(k, v.length - 1)]!), exact: base.map((b) => b.exact) });
  }
  return out;
}

interface Index {
  byPrefix: Map<string, Entry[]>;
  lengths: number[];
}

let index: Index | undefined;

/** An index of synonym sets: stems of first words → entries (also used for the genre cues). */
export function buildIndex(synonyms: Record<string, Partial<Record<SynLang, string[]>>>): Index {
  const byPrefix = new Map<string, Entry[]>();
  const seen = new Set<string>();
  for (const [slot, perLang] of Object.entries(synonyms)) {
    for (const [lang, list] of Object.entries(perLang) as [SynLang, string[]][]) {
      for (const raw of list) {
        for (const { words, exact } of entryWords(raw, lang)) {
          if (!words.length || words.some((w) => w === '')) continue;
          const negOnly = raw.startsWith('!');
          const key = `${slot}|${lang}|${negOnly}|${words.join(' ')}|${exact.join()}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const e: Entry = { slot, lang, words, exact, negOnly, azTr: lang === 'az' || lang === 'tr', single: words.length === 1, exact0: exact[0]!, unnegatedIn: undefined, unnegated: false, ruleSlot: -2 };
          byPrefix.set(words[0]!, [...(byPrefix.get(words[0]!) ?? []), e]);
        }
      }
    }
  }
  const lengths = [...new Set([...byPrefix.keys()].map((k) => k.length))].sort((a, b) => b - a);
  return { byPrefix, lengths };
}

export function conceptIndex(): Index {
  index ??= buildIndex(SYNONYMS);
  return index;
}

// Negators before a word (one or two tokens back) and after it (Azerbaijani, Turkish), in the
// normalised spelling of the text.
const spellAll = (ws: string[]) => new Set(ws.map((w) => normalisePattern(w).trim()));
const NEG_BEFORE = spellAll(['не', 'ни', 'нет', 'без', 'никаких', 'никогда', 'not', 'never', 'no', 't', 'dont', 'without', 'ne', 'nikakih', 'bez', 'heç', 'hiçbir', 'hiç']);
const NEG_AFTER = spellAll(['deyil', 'yox', 'yoxdur', 'alınmır', 'alınmaz', 'olunmur', 'tutulmur', 'değil', 'yok', 'yoktur', 'alınmıyor', 'istenmez', 'gerekmez']);

let lastText: string | undefined;
let lastTokens: { tok: string[]; at: number[] } = { tok: [], at: [] };

/**
 * The tokens of a normalised text, with their normalised ranges. The concept, genre and language
 * passes all ask for the same text in turn, so the last answer is kept (callers never change it).
 */
export function tokens(text: string): { readonly tok: readonly string[]; readonly at: readonly number[] } {
  if (text === lastText) return lastTokens;
  const tok: string[] = [];
  const at: number[] = [];
  let i = 1;
  while (i < text.length) {
    const j = text.indexOf(' ', i);
    const end = j < 0 ? text.length : j;
    if (end > i) {
      tok.push(text.slice(i, end));
      at.push(i);
    }
    i = end + 1;
  }
  lastText = text;
  lastTokens = { tok, at };
  return lastTokens;
}

/** Token index at each token's first character, reused from text to text (only token starts are read). */
let tokenAtChar = new Int32Array(1024);

/**
 * One automaton for the whole text: the phrase lexicon's patterns (given by matcher.ts) and the
 * first words (" stem") of every index asked for (concepts, genre), each tagged with where its
 * hits go. A text costs one pass over this table instead of one per pattern set. Built again when
 * a new index or phrase set first asks (once or twice per process).
 */
interface Tag {
  /** The index's number in `scanned`, or PHRASE, or WORD. */
  k: number;
  es: Entry[] | null;
  /** The phrase's entry number in its own automaton, or the word's number in its list. */
  phrase: number;
}
const PHRASE = -1;
const WORD = -2;
const scanned: Index[] = [];
let phraseSet: readonly { pattern: string }[] = [];
let wordSet: readonly string[] = [];
let combined: PhraseAutomaton<Tag> | undefined;
/** The text of the last pass (its hits below are kept until another text comes). */
let scannedText: string | undefined;
/** Per index, the candidates of the last text in the order found: where the key began, and its entries. */
let foundAt: number[][] = [];
let foundEs: Entry[][][] = [];
/** The phrase hits of the last text in the order found: entry number, start, end. */
const phraseFound: number[] = [];
/** The whole-token words of the last text in the order found: the word's number in its list. */
const wordFound: number[] = [];
/** Per entry of the shared automaton, its tag as plain arrays (the walk over the scan's hits reads no object). */
let tagIndex = new Int32Array(0);
let tagPhrase = new Int32Array(0);
let tagEntries: (Entry[] | null)[] = [];
/** The text whose token starts `tokenAtChar` holds. */
let tokenAtCharText: string | undefined;

function combinedAutomaton(): PhraseAutomaton<Tag> {
  const patterns: { pattern: string; data: Tag }[] = phraseSet.map((p, phrase) => ({ pattern: p.pattern, data: { k: PHRASE, es: null, phrase } }));
  wordSet.forEach((w, word) => patterns.push({ pattern: ` ${w} `, data: { k: WORD, es: null, phrase: word } }));
  // A first word that normalises to two ("bol'she" → "bol she") never begins a single token.
  scanned.forEach((ix, k) => {
    for (const [key, es] of ix.byPrefix) if (!key.includes(' ')) patterns.push({ pattern: ` ${key}`, data: { k, es, phrase: -1 } });
  });
  tagIndex = Int32Array.from(patterns, (p) => p.data.k);
  tagPhrase = Int32Array.from(patterns, (p) => p.data.phrase);
  tagEntries = patterns.map((p) => p.data.es);
  return new PhraseAutomaton(patterns);
}

function register(ix: Index | undefined, phrases: readonly { pattern: string }[] | undefined, words?: readonly string[]): void {
  if (words && words !== wordSet) {
    wordSet = words;
    combined = undefined;
  }
  if (ix && !scanned.includes(ix)) {
    if (scanned.length >= 8) scanned.length = 0;
    scanned.push(ix);
    combined = undefined;
  }
  if (phrases && phrases !== phraseSet) {
    phraseSet = phrases;
    combined = undefined;
  }
  if (!combined) {
    combined = combinedAutomaton();
    scannedText = undefined;
    foundAt = scanned.map(() => []);
    foundEs = scanned.map(() => []);
  }
}

/** One pass of the shared automaton over a text, unless it was the last text passed. */
function scanOnce(text: string): void {
  if (text === scannedText) return;
  for (let j = 0; j < scanned.length; j++) {
    foundAt[j]!.length = 0;
    foundEs[j]!.length = 0;
  }
  phraseFound.length = 0;
  wordFound.length = 0;
  const automaton = combined!;
  const count = automaton.scanAll(text);
  const { found, lengths } = automaton;
  const index = tagIndex;
  const phrase = tagPhrase;
  for (let h = 0; h < 2 * count; h += 2) {
    const id = found[h]!;
    const k = index[id]!;
    if (k === WORD) wordFound.push(phrase[id]!);
    else {
      const mEnd = found[h + 1]!;
      const mStart = mEnd - lengths[id]!;
      if (k === PHRASE) phraseFound.push(phrase[id]!, mStart, mEnd);
      else {
        foundAt[k]!.push(mStart);
        foundEs[k]!.push(tagEntries[id]!);
      }
    }
  }
  scannedText = text;
}

/**
 * Every phrase hit of a normalised text as (entry, start, end) triples, in the order the phrase
 * automaton of `phrases` would report them: the shared automaton reports, at each end position,
 * every pattern ending there longest first and equal ones in entry order, so the phrases among
 * them come in their own automaton's order. The concept index's first words are found in the
 * same pass.
 */
export function phraseHits(text: string, phrases: readonly { pattern: string }[]): readonly number[] {
  register(conceptIndex(), phrases);
  scanOnce(text);
  return phraseFound;
}

/**
 * Which tokens of a normalised text are one of `words` (" word " in the shared pass), as numbers
 * in that list, in text order: one per such token.
 */
export function wordHits(text: string, words: readonly string[]): readonly number[] {
  register(undefined, undefined, words);
  scanOnce(text);
  return wordFound;
}

/**
 * Entries whose first word begins a token, for every token at once, from the shared pass. A key
 * (" stem") ends inside its token, and tokens do not overlap, so the hits of one index come
 * grouped by token, in token order, shortest key first (at one end position an index has at most
 * one key, and the shared automaton reports each index's keys in the order its own would); walking
 * a group backwards gives the longest key first, the order of the per-token lookup this replaced.
 */
function candidateTokens(text: string, at: readonly number[], ix: Index, visit: (i: number, es: Entry[]) => void): void {
  register(ix, undefined);
  scanOnce(text);
  if (text !== tokenAtCharText) {
    if (tokenAtChar.length < text.length) tokenAtChar = new Int32Array(text.length * 2);
    for (let i = 0; i < at.length; i++) tokenAtChar[at[i]!] = i;
    tokenAtCharText = text;
  }
  const k = scanned.indexOf(ix);
  const starts = foundAt[k]!;
  const ess = foundEs[k]!;
  const n = starts.length;
  for (let a = 0; a < n; ) {
    const t = tokenAtChar[starts[a]! + 1]!;
    let b = a + 1;
    while (b < n && tokenAtChar[starts[b]! + 1] === t) b++;
    for (let g = b - 1; g >= a; g--) visit(t, ess[g]!);
    a = b;
  }
}

/** Azerbaijani and Turkish verbs whose negative form anywhere in a concept's span cancels it ("təhvil vermirsiniz", "əlimdən almadılar"). */
const AZ_TR_VERBS = ['ver', 'al', 'gotur', 'saxla', 'tut', 'kaitar', 'ode', 'teslim', 'et', 'ed'];
const SECOND_PERSON = /(siniz|sunuz|sin|sun|iniz|in|ain|ein)$/;
/** Rules that need a negation themselves ("pasportu vermir", "maaş vermir") are never cancelled by one. */
const NEEDS_NEGATION = new Set(['GIVE_BACK', 'NOT_PAY']);

function spanNegated(tok: readonly string[], lo: number, hi: number): boolean {
  for (let k = lo; k <= hi + 1 && k < tok.length && tok[k] !== BREAK; k++) {
    const t = tok[k]!;
    if (k > lo && negatorClass(tok, k) & NEGATES_BEFORE) return true;
    // A negative suffix has an "m" right after the verb, and no verb is shorter than two letters:
    // a token without an "m" from its third letter on (every Cyrillic token) needs no verb test.
    if (t.indexOf('m', 2) < 0) continue;
    for (const v of AZ_TR_VERBS) if (t.startsWith(v) && negativeSuffixAt(t, v.length)) return true;
  }
  return false;
}

/** A negator one or two tokens before (same sentence), a negative verb suffix, or a negator after. */
function negatedAt(tok: readonly string[], i: number, e: Entry): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 2) && tok[k] !== BREAK; k--) if (negatorClass(tok, k) & NEGATES_BEFORE) return true;
  if (!e.single) return false;
  if (e.azTr) {
    if (negativeSuffixAt(tok[i]!, e.words[0]!.length)) return true;
    for (let k = i + 1; k <= i + 2 && k < tok.length && tok[k] !== BREAK; k++) if (negatorClass(tok, k) & NEGATES_AFTER) return true;
  }
  return false;
}

const NEGATES_BEFORE = 1;
const NEGATES_AFTER = 2;
/** The token list the classes below belong to (a new list for each text), and each token's negator class (-1: not looked up yet). */
let classesOf: readonly string[] | undefined;
let negatorClasses = new Int8Array(256);
/** Whether a token is a negator before or after a word: each token looked up once per text, not once per candidate. */
function negatorClass(tok: readonly string[], k: number): number {
  if (tok !== classesOf) {
    if (negatorClasses.length < tok.length) negatorClasses = new Int8Array(tok.length * 2);
    negatorClasses.fill(-1, 0, tok.length);
    classesOf = tok;
  }
  let c = negatorClasses[k]!;
  if (c < 0) {
    const t = tok[k]!;
    c = negatorClasses[k] = (NEG_BEFORE.has(t) ? NEGATES_BEFORE : 0) | (NEG_AFTER.has(t) ? NEGATES_AFTER : 0);
  }
  return c;
}

/** Every slot found in the token list, negation applied. */
export function slotHits(text: string, original: string | undefined, tokenAt: (offset: number) => number, ix = conceptIndex(), unnegated: ReadonlySet<string> = UNNEGATED_SLOTS): SlotHit[] {
  const out: SlotHit[] = [];
  const { tok, at } = tokens(text);
  candidateTokens(text, at, ix, (i, cs) => {
    const t = tok[i]!;
    for (let c = 0; c < cs.length; c++) {
      const e = cs[c]!;
      if (e.exact0 && t.length !== e.words[0]!.length) continue;
      if (!e.single) {
        let ok = true;
        for (let k = 1; k < e.words.length && ok; k++) {
          const u = tok[i + k];
          ok = u !== undefined && (e.exact[k] ? u === e.words[k] : u.startsWith(e.words[k]!));
        }
        if (!ok) continue;
      }
      if (e.unnegatedIn !== unnegated) {
        e.unnegatedIn = unnegated;
        e.unnegated = unnegated.has(e.slot);
      }
      if (!e.unnegated) {
        if (negatedAt(tok, i, e) !== e.negOnly) continue;
        // "vermir" (they do not give back) is retention; "vermirsiniz" (you do not hand over) is not.
        if (e.negOnly && e.azTr && SECOND_PERSON.test(t)) continue;
      } else if (e.negOnly) continue;
      if (e.ruleSlot === -2) e.ruleSlot = SLOT_ID.get(e.slot) ?? -1;
      out.push({ slot: e.slot, lang: e.lang, t0: i, t1: i + e.words.length - 1, rule: e.ruleSlot });
    }
  });
  if (original !== undefined) for (const m of numericMatches(original)) out.push({ slot: m.slot, lang: 'num', t0: tokenAt(m.start), t1: tokenAt(m.end - 1), rule: SLOT_ID.get(m.slot) ?? -1 });
  return out;
}

/** Every slot a rule names, numbered. */
const SLOT_ID = new Map<string, number>();
function slotId(slot: string): number {
  let id = SLOT_ID.get(slot);
  if (id === undefined) SLOT_ID.set(slot, (id = SLOT_ID.size));
  return id;
}

interface NumberedRule {
  cue: Cue;
  /** Per part of the rule, its alternative slots as numbers. */
  parts: number[][];
  needsNegation: boolean;
}
/** The rules in the order of RULES, flattened once, with their slots as numbers. */
const NUMBERED_RULES: NumberedRule[] = RULES.flatMap(([cue, rules]) =>
  rules.map((rule) => ({ cue, parts: rule.map((alts) => alts.map(slotId)), needsNegation: rule.some((alts) => alts.some((a) => NEEDS_NEGATION.has(a))) })),
);
/** Per text: which numbered slots have a hit, and those hits in order (both cleared after each text). */
const slotPresent = new Uint8Array(SLOT_ID.size);
const hitsBySlot: SlotHit[][] = Array.from({ length: SLOT_ID.size }, () => []);

/** Whether every part of a rule has one of its slots among the hits (typed-array lookups: this runs per rule per text). */
function allPresent(rule: number[][]): boolean {
  for (const alts of rule) {
    let any = false;
    for (const a of alts) if (slotPresent[a]) any = true;
    if (!any) return false;
  }
  return true;
}

/** The token holding an original offset: the last token starting at or before it. */
function tokenAtOriginal(origStart: readonly number[], offset: number): number {
  let lo = 0;
  let hi = origStart.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (origStart[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Sentence number of each token, reused from text to text (only the first tok.length are read). */
let sentenceBuf = new Int32Array(1024);

/** Concept hits: every rule whose slots all occur in one sentence, within WINDOW tokens. */
export function findConcepts(n: Normalised, original: string): ConceptHit[] {
  const { tok, at } = tokens(n.text);
  // Original offsets of the tokens, only for texts with a numeric concept (most have none). The
  // callback is passed inline: a named one would cost esbuild's keepNames a defineProperty per text.
  let origStart: number[] | undefined;
  const hits = slotHits(n.text, original, (offset) => tokenAtOriginal((origStart ??= at.map((a) => n.from[a]!)), offset));
  if (!hits.length) return [];
  if (sentenceBuf.length < tok.length) sentenceBuf = new Int32Array(tok.length * 2);
  const sentence = sentenceBuf;
  for (let i = 0, s = 0; i < tok.length; i++) {
    if (tok[i] === BREAK) s++;
    sentence[i] = s;
  }
  // Hits of slots that no rule names are never looked up.
  for (const h of hits) {
    const id = h.rule;
    if (id < 0) continue;
    slotPresent[id] = 1;
    hitsBySlot[id]!.push(h);
  }
  const out: ConceptHit[] = [];
  const chosen: SlotHit[] = [];
  for (const { cue, parts: rule, needsNegation } of NUMBERED_RULES) {
    if (!allPresent(rule)) continue;
    // The hits of each part of the rule, in the order of its alternatives.
    const options: SlotHit[][] = [];
    for (const alts of rule) {
      const o: SlotHit[] = [];
      for (const a of alts) for (const h of hitsBySlot[a]!) o.push(h);
      options.push(o);
    }
    // Each hit of the first part anchors one candidate: the nearest hit of every other part in
    // the same sentence, on a token not taken yet.
    for (const anchor of options[0]!) {
      chosen.length = 0;
      chosen.push(anchor);
      for (let p = 1; p < options.length; p++) {
        let best: SlotHit | undefined;
        let bestD = Infinity;
        for (const h of options[p]!) {
          if (sentence[h.t0] !== sentence[anchor.t0]) continue;
          let taken = false;
          for (const c of chosen) if (c.t0 === h.t0) taken = true;
          if (taken) continue;
          const d = Math.abs(h.t0 - anchor.t0);
          if (d < bestD) {
            bestD = d;
            best = h;
          }
        }
        if (!best) break;
        chosen.push(best);
      }
      if (chosen.length !== rule.length) continue;
      let lo = chosen[0]!.t0;
      let hi = chosen[0]!.t1;
      for (const c of chosen) {
        if (c.t0 < lo) lo = c.t0;
        if (c.t1 > hi) hi = c.t1;
      }
      if (hi - lo > WINDOW) continue;
      if (!needsNegation && spanNegated(tok, lo, hi)) continue;
      out.push({ cue, parts: chosen.map((c) => ({ nStart: at[c.t0]!, nEnd: at[c.t1]! + tok[c.t1]!.length })) });
    }
  }
  for (let id = 0; id < slotPresent.length; id++) {
    if (slotPresent[id]) hitsBySlot[id]!.length = 0;
  }
  slotPresent.fill(0);
  return out;
}

export { NUMERIC_SLOTS };
