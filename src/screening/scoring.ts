// Evidence combination before the model: negation, reporting context, and a Delphi-style rule score.
import { GROUP, STRENGTH, isIndicator, type Context, type Indicator } from './indicators.ts';
import type { Hit } from './matcher.ts';
import { BREAK } from './normalise.ts';

/** How far (normalised characters) a negation cue reaches: "no fees", "ödəniş tələb olunmur". */
const NEGATION_REACH = 12;
const POSTPOSED = new Set(['az', 'tr']);

export interface Evidence {
  code: Indicator;
  hits: Hit[];
}

export interface Analysis {
  /** Indicators with at least one hit that is not negated, in the order of the closed list. */
  indicators: Evidence[];
  /** Indicator hits cancelled by a nearby negation cue. */
  negated: Hit[];
  contexts: Record<Context, number>;
}

/** Whether a negation cue reaches from a to b: close enough and in the same sentence. */
function near(normText: string, a: number, b: number): boolean {
  return b - a <= NEGATION_REACH && !normText.slice(a, b).includes(BREAK);
}

/** Split hits into indicator evidence, negated indicator hits and context cues. */
export function analyse(hits: Hit[], normText: string): Analysis {
  const ind: Hit[] = [];
  // Keys in the order of CONTEXTS, as a literal: one shape for every text.
  const contexts: Record<Context, number> = { abroad: 0, news: 0, awareness: 0, legit: 0, negation: 0 };
  for (const h of hits) {
    if (isIndicator(h.cue)) ind.push(h);
    else contexts[h.cue as Context]++;
  }
  // A negation word inside an indicator phrase ("не платят", "no days off") is part of that phrase.
  const negations: Hit[] = [];
  for (const h of hits) {
    if (h.cue !== 'negation') continue;
    let inside = false;
    for (const i of ind) {
      if (h.nStart < i.nEnd && i.nStart < h.nEnd) {
        inside = true;
        break;
      }
    }
    if (!inside) negations.push(h);
  }
  contexts.negation = negations.length;
  const indicators: Evidence[] = [];
  const negated: Hit[] = [];
  for (const h of ind) {
    // English and Russian negate forwards ("no fees", "без предоплаты"); Azerbaijani and Turkish
    // also negate backwards ("ödəniş tələb olunmur", "ücret alınmaz").
    let isNegated = false;
    if (!h.concept) {
      for (const n of negations) {
        if ((n.nEnd <= h.nStart && near(normText, n.nEnd, h.nStart)) || (POSTPOSED.has(n.lang) && n.nStart >= h.nEnd && near(normText, h.nEnd, n.nStart))) {
          isNegated = true;
          break;
        }
      }
    }
    if (isNegated) negated.push(h);
    else {
      // Each indicator once, in the order of its first hit that stands.
      let e: Evidence | undefined;
      for (const x of indicators) if (x.code === h.cue) e = x;
      if (e) e.hits.push(h);
      else indicators.push({ code: h.cue as Indicator, hits: [h] });
    }
  }
  return { indicators, negated, contexts };
}

const GROUP_NAMES = [...new Set(Object.values(GROUP))];
const GROUP_INDEX = new Map<string, number>(GROUP_NAMES.map((g, i) => [g, i]));
const groupAll = new Int32Array(GROUP_NAMES.length);
const groupStrong = new Int32Array(GROUP_NAMES.length);

/**
 * A rule score in the spirit of the ILO/EC Delphi method: an indicator group "counts" with two
 * strong indicators, or one strong and one other, or three of any grade. Reporting context
 * (news, awareness) halves it; a licensed-recruitment context takes a third off.
 */
export function ruleScore(a: Analysis): { strength: number; groupsCounted: number; score: number } {
  // Per group, how many indicators and how many strong ones (counters reused: this runs per text).
  groupAll.fill(0);
  groupStrong.fill(0);
  let strength = 0;
  for (const e of a.indicators) {
    const s = STRENGTH[e.code];
    const g = GROUP_INDEX.get(GROUP[e.code])!;
    strength += s;
    groupAll[g] = groupAll[g]! + 1;
    if (s === 3) groupStrong[g] = groupStrong[g]! + 1;
  }
  let groupsCounted = 0;
  for (let g = 0; g < GROUP_NAMES.length; g++) {
    const strong = groupStrong[g]!;
    const all = groupAll[g]!;
    if (strong >= 2 || (strong >= 1 && all >= 2) || all >= 3) groupsCounted++;
  }
  let score = groupsCounted * 2 + strength / 3;
  if (a.contexts.news > 0 || a.contexts.awareness > 0) score *= 0.5;
  if (a.contexts.legit > 0) score *= 0.67;
  return { strength, groupsCounted, score };
}
