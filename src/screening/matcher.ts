// One Aho–Corasick pass over the normalised text finds every cue of every language at once.
import { CONTEXTS, INDICATORS, type Cue } from './indicators.ts';
import { az } from './lexicon/az.ts';
import { en } from './lexicon/en.ts';
import { neutral } from './lexicon/neutral.ts';
import { ru } from './lexicon/ru.ts';
import { tr } from './lexicon/tr.ts';
import { latinVariants } from './lexicon/translit.ts';
import type { Lexicon } from './lexicon/types.ts';
import { normalisePattern, toOriginal, type Normalised } from './normalise.ts';
import { findConcepts } from './concepts/match.ts';
import { PhraseAutomaton } from './automaton.ts';

export type LexiconLang = 'az' | 'en' | 'ru' | 'tr' | 'neutral';

export interface PatternData {
  cue: Cue;
  lang: LexiconLang;
}

export interface Hit {
  cue: Cue;
  lang: LexiconLang;
  /** Range in the normalised text, without the boundary spaces of the pattern. */
  nStart: number;
  nEnd: number;
  /** Range in the original text. */
  start: number;
  end: number;
  /** Found by the concept matcher, which applies its own negation. */
  concept?: boolean;
}

const LEXICONS: Record<LexiconLang, Lexicon> = { az, en, ru, tr, neutral };

/** Every (normalised pattern, cue, language) of the rule base, deduplicated. */
export function rulePatterns(): { pattern: string; data: PatternData }[] {
  const seen = new Set<string>();
  const out: { pattern: string; data: PatternData }[] = [];
  const add = (raw: string, data: PatternData) => {
    const pattern = normalisePattern(raw);
    const key = `${pattern}\u0000${data.cue}\u0000${data.lang}`;
    if (pattern.trim() === '' || seen.has(key)) return;
    seen.add(key);
    out.push({ pattern, data });
  };
  for (const [lang, lexicon] of Object.entries(LEXICONS) as [LexiconLang, Lexicon][]) {
    for (const [cue, patterns] of Object.entries(lexicon) as [Cue, string[]][]) {
      for (const p of patterns) {
        add(p, { cue, lang });
        if (lang === 'ru') for (const v of latinVariants(p)) add(v, { cue, lang });
      }
    }
  }
  return out;
}

const CUE_INDEX = new Map<string, number>([...INDICATORS, ...CONTEXTS].map((c, i) => [c, i]));
const cueIndex = (c: Cue) => CUE_INDEX.get(c)!;

let compiled: PhraseAutomaton<PatternData> | undefined;

/** The compiled rule base (built once per process). */
export function ruleMatcher(): PhraseAutomaton<PatternData> {
  compiled ??= new PhraseAutomaton(rulePatterns());
  return compiled;
}

/** All cue hits in a normalised text, with their original offsets: phrases, then concepts. */
export function findHits(n: Normalised, matcher = ruleMatcher(), original?: string): Hit[] {
  const hits: Hit[] = [];
  // Numeric keys (cue, start, end): string keys per match cost more than the matching itself.
  const seen = new Set<number>();
  const span = n.text.length + 1;
  const text = n.text;
  const entries = matcher.entries;
  matcher.scan(text, (id, mStart, mEnd) => {
    const data = entries[id]!.data;
    const key = (cueIndex(data.cue) * span + mStart) * span + mEnd;
    if (seen.has(key)) return;
    seen.add(key);
    let nStart = mStart;
    let nEnd = mEnd;
    while (nStart < nEnd && text.charCodeAt(nStart) === 32) nStart++;
    while (nEnd > nStart && text.charCodeAt(nEnd - 1) === 32) nEnd--;
    const { start, end } = toOriginal(n, nStart, nEnd);
    hits.push({ cue: data.cue, lang: data.lang, nStart, nEnd, start, end });
  });
  if (original !== undefined) {
    for (const c of findConcepts(n, original)) {
      for (const p of c.parts) {
        const key = (cueIndex(c.cue) * span + p.nStart) * span + p.nEnd;
        if (seen.has(key)) continue;
        seen.add(key);
        hits.push({ cue: c.cue, lang: 'neutral', ...p, concept: true });
      }
    }
  }
  return hits;
}
