// The one entry point for screening a text, used by the CLI, the API and the evaluation.
import fs from 'node:fs';
import { featureMargin, NGRAMS, DENSE_NAMES, type NgramConfig } from './features.ts';
import type { Indicator } from './indicators.ts';
import { INDICATORS } from './indicators.ts';
import { detectLanguage } from './language.ts';
import { findHits, type Hit } from './matcher.ts';
import { calibrated, unpackWeights, type LinearModel, type Platt } from './model.ts';
import { normalise, toOriginal, type Normalised } from './normalise.ts';
import { analyse, type Analysis } from './scoring.ts';
import { judgeGenre, type Genre } from './genre.ts';
import { MAX_TEXT_CHARS, type Channel, type ScreenLang, type ScreenResult } from './schema.ts';

export const MODEL_PATH = new URL('../../data/screening/model.json', import.meta.url);

export interface ModelFile {
  version: 1;
  dense: string[];
  ngrams: NgramConfig;
  dims: number;
  bias: number;
  weights: [number, number][];
  platt: Platt;
  threshold: number;
  note: string;
}

export interface ScreeningModel {
  linear: LinearModel;
  platt: Platt;
  threshold: number;
}

export function modelFromFile(f: ModelFile): ScreeningModel {
  if (f.dense.join() !== DENSE_NAMES.join() || JSON.stringify(f.ngrams) !== JSON.stringify(NGRAMS)) {
    throw new Error('data/screening/model.json does not match the feature set: run npm run train:screening');
  }
  return { linear: { weights: unpackWeights(f.weights, f.dims), bias: f.bias }, platt: f.platt, threshold: f.threshold };
}

let loaded: ScreeningModel | undefined;
/** The committed model, read once per process. */
export function screeningModel(): ScreeningModel {
  loaded ??= modelFromFile(JSON.parse(fs.readFileSync(MODEL_PATH, 'utf8')) as ModelFile);
  return loaded;
}

export interface Examined {
  text: string;
  norm: Normalised;
  hits: Hit[];
  analysis: Analysis;
  genre: Genre;
  lang: ScreenLang;
  warnings: string[];
}

/** Normalise, match and analyse, without the model (shared by training and screening). */
export function examine(input: { text: string; lang?: ScreenLang }): Examined {
  const warnings: string[] = [];
  let text = input.text;
  if (text.length > MAX_TEXT_CHARS) {
    let cut = MAX_TEXT_CHARS;
    if (/[\uD800-\uDBFF]/.test(text[cut - 1]!)) cut--;
    text = text.slice(0, cut);
    warnings.push(`text truncated to ${cut} of ${input.text.length} characters`);
  }
  const norm = normalise(text, { lang: input.lang });
  const hits = findHits(norm, undefined, text);
  const analysis = analyse(hits, norm.text);
  const genre = judgeGenre(norm, text);
  const lang = input.lang ?? detectLanguage(text, norm, hits).lang;
  return { text, norm, hits, analysis, genre, lang, warnings };
}

/** Screen one text: a calibrated score, a flag, and every indicator with its evidence spans. */
export function screenText(
  input: { id: string; text: string; lang?: ScreenLang; channel?: Channel },
  model: ScreeningModel = screeningModel(),
): ScreenResult {
  const ex = examine(input);
  const score = scoreExamined(ex, model, input.channel);
  const indicators = evidenceOf(ex);
  // A flag always rests on evidence a reviewer can see: no indicator, no flag, whatever the score.
  // A text about trafficking (news, awareness) is never flagged; its indicators are still shown.
  const flagged = score >= model.threshold && indicators.length > 0 && ex.genre.genre === 'first_party';
  const genre = { genre: ex.genre.genre, about: Math.round(ex.genre.about * 1000) / 1000, cues: ex.genre.cues };
  // An unflagged item never reads as above the threshold: its score stops just below it.
  const shown = flagged ? score : Math.min(score, model.threshold - 0.0001);
  const result: ScreenResult = { id: input.id, score: Math.round(shown * 10000) / 10000, flagged, lang: ex.lang, indicators, genre, threshold: model.threshold };
  if (ex.warnings.length) result.warnings = ex.warnings;
  return result;
}

const byListOrder = (a: { code: Indicator }, b: { code: Indicator }) => INDICATORS.indexOf(a.code) - INDICATORS.indexOf(b.code);
type Span = { start: number; end: number };
const byStart = (a: Span, b: Span) => a.start - b.start;

/**
 * Each indicator's evidence, built only for the result: original ranges of the hits that survived
 * analysis (the other hits are never mapped back), distinct, none inside another, by position.
 */
function evidenceOf(ex: Examined): ScreenResult['indicators'] {
  const out: ScreenResult['indicators'] = [];
  for (const e of [...ex.analysis.indicators].sort(byListOrder)) {
    const spans: Span[] = [];
    for (const hit of e.hits) {
      const h = toOriginal(ex.norm, hit.nStart, hit.nEnd);
      if (h.end <= h.start) continue;
      let dup = false;
      for (const o of spans) if (o.start === h.start && o.end === h.end) dup = true;
      if (!dup) spans.push(h);
    }
    // A span inside a longer span of the same indicator adds nothing for the reviewer.
    const kept: Span[] = [];
    for (const h of spans) {
      let inside = false;
      for (const o of spans) if (o !== h && o.start <= h.start && o.end >= h.end) inside = true;
      if (!inside) kept.push(h);
    }
    if (!kept.length) continue;
    kept.sort(byStart);
    out.push({ code: e.code, evidence: kept.map((h) => ({ start: h.start, end: h.end, text: ex.text.slice(h.start, h.end) })) });
  }
  return out;
}

/** The model's calibrated probability, lowered by the genre: × (1 − about). */
export function scoreExamined(ex: Examined, model: ScreeningModel, channel?: Channel): number {
  return calibrated(model.platt, featureMargin(model.linear.weights, model.linear.bias, ex.analysis, ex.norm.text, channel)) * (1 - ex.genre.about);
}
