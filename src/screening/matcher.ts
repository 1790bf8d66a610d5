// One Aho–Corasick pass over the normalised text finds every cue of every language at once.
import type { Cue } from './indicators.ts';
import { az } from './lexicon/az.ts';
import { en } from './lexicon/en.ts';
import { neutral } from './lexicon/neutral.ts';
import { ru } from './lexicon/ru.ts';
import { tr } from './lexicon/tr.ts';
import { latinVariants } from './lexicon/translit.ts';
import type { Lexicon } from './lexicon/types.ts';
import { normalisePattern, type Normalised } from './normalise.ts';
import { findConcepts, phraseHits } from './concepts/match.ts';
import { PhraseAutomaton } from './automaton.ts';

export type LexiconLang = 'az' | 'en' | 'ru' | 'tr' | 'neutral';

export interface PatternData {
  cue: Cue;
  lang: LexiconLang;
}

export interface Hit {
  cue: Cue;
  lang: LexiconLang;
  /** Range in the normalised text, without the boundary spaces of the pattern (`toOriginal` maps it back; only evidence shown is mapped). */
  nStart: number;
  nEnd: number;
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


let compiled: PhraseAutomaton<PatternData> | undefined;

/** Every pattern once per cue: a phrase listed for two languages keeps its first language. */
export function distinctPatterns(): { pattern: string; data: PatternData }[] {
  const seen = new Set<string>();
  return rulePatterns().filter((p) => !seen.has(`${p.pattern}\u0000${p.data.cue}`) && !!seen.add(`${p.pattern}\u0000${p.data.cue}`));
}

/** The compiled rule base (built once per process). */
export function ruleMatcher(): PhraseAutomaton<PatternData> {
  compiled ??= new PhraseAutomaton(distinctPatterns());
  return compiled;
}

/** A phrase hit without the boundary spaces of its pattern; `raw` keeps the matched range with them. */
function pushPhrase(hits: Hit[], raw: number[], text: string, data: PatternData, mStart: number, mEnd: number): void {
  let nStart = mStart;
  let nEnd = mEnd;
  while (nStart < nEnd && text.charCodeAt(nStart) === 32) nStart++;
  while (nEnd > nStart && text.charCodeAt(nEnd - 1) === 32) nEnd--;
  hits.push({ cue: data.cue, lang: data.lang, nStart, nEnd });
  raw.push(mStart, mEnd);
}

/** All cue hits in a normalised text, with their original offsets: phrases, then concepts. */
export function findHits(n: Normalised, matcher = ruleMatcher(), original?: string): Hit[] {
  const hits: Hit[] = [];
  // The matched range of each phrase hit, boundary spaces included: concept parts are checked against it.
  const raw: number[] = [];
  const text = n.text;
  const entries = matcher.entries;
  // A pattern occurs once per cue in the automaton, so no phrase hit repeats (cue, start, end).
  if (original !== undefined) {
    // The whole pipeline: phrases and the concepts' and genre's first words in one shared pass.
    const ph = phraseHits(text, entries);
    for (let k = 0; k < ph.length; k += 3) pushPhrase(hits, raw, text, entries[ph[k]!]!.data, ph[k + 1]!, ph[k + 2]!);
  } else matcher.scan(text, (id, mStart, mEnd) => pushPhrase(hits, raw, text, entries[id]!.data, mStart, mEnd));
  if (original !== undefined) {
    const phrases = hits.length;
    for (const c of findConcepts(n, original)) {
      for (const p of c.parts) {
        let dup = false;
        for (let k = 0; k < hits.length && !dup; k++) {
          const h = hits[k]!;
          dup = h.cue === c.cue && (k < phrases ? raw[2 * k] === p.nStart && raw[2 * k + 1] === p.nEnd : h.nStart === p.nStart && h.nEnd === p.nEnd);
        }
        if (!dup) hits.push({ cue: c.cue, lang: 'neutral', nStart: p.nStart, nEnd: p.nEnd, concept: true });
      }
    }
  }
  return hits;
}
