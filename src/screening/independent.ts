// The frozen, hand-written independent evaluation set (data/screening/independent.jsonl) and the
// figures of issue 15 on it. Only `npm run eval:screening` and its test read this file for figures
// (bench/screening-dump.ts screens it to prove a speed change left results unchanged): never the
// trainer, the corpus generator or the lexicons (docs/screening.md, "firewall").
import fs from 'node:fs';
import { INDICATORS, type Indicator } from './indicators.ts';
import { averagePrecision, precisionRecall } from './metrics.ts';
import type { Channel, ScreenLang, ScreenResult } from './schema.ts';

export const INDEPENDENT_PATH = new URL('../../data/screening/independent.jsonl', import.meta.url);

export const VARIANTS = ['az', 'az-Cyrl', 'ru', 'ru-Latn', 'en', 'tr', 'mixed'] as const;
export type Variant = (typeof VARIANTS)[number];

export interface IndependentItem {
  id: string;
  variant: Variant;
  lang: ScreenLang;
  script: 'Latn' | 'Cyrl';
  channel: Channel;
  label: 0 | 1;
  indicators: Indicator[];
  text: string;
}

export function readIndependent(): IndependentItem[] {
  return fs
    .readFileSync(INDEPENDENT_PATH, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as IndependentItem);
}

const r3 = (x: number) => (Number.isNaN(x) ? null : Math.round(x * 1000) / 1000);

export interface Judged {
  label: 0 | 1;
  channel: Channel;
  indicators: readonly string[];
  result: ScreenResult;
}

function block(rows: Judged[]) {
  const ys = rows.map((r) => r.label);
  const pr = precisionRecall(rows.map((r) => r.result.flagged), ys);
  return { n: rows.length, pr_auc: r3(averagePrecision(rows.map((r) => r.result.score), ys)), precision: r3(pr.precision), recall: r3(pr.recall) };
}

/** Macro-F1 over the indicator codes that occur in the gold labels or the predictions. */
export function indicatorF1(rows: Judged[]) {
  const per: Record<string, { support: number; f1: number | null }> = {};
  const f1s: number[] = [];
  for (const code of INDICATORS) {
    let tp = 0, fp = 0, fn = 0;
    for (const r of rows) {
      const gold = r.indicators.includes(code);
      const pred = r.result.indicators.some((i) => i.code === code);
      if (gold && pred) tp++;
      else if (pred) fp++;
      else if (gold) fn++;
    }
    if (tp + fp + fn === 0) continue;
    const f1 = (2 * tp) / (2 * tp + fp + fn);
    f1s.push(f1);
    per[code] = { support: tp + fn, f1: r3(f1) };
  }
  return { macro_f1: r3(f1s.reduce((s, x) => s + x, 0) / Math.max(f1s.length, 1)), per_indicator: per };
}

/** The issue-15 figures for a set of judged items: overall, per group, P/R, reporting texts flagged, indicator F1. */
export function report(rows: Judged[], groupOf: (r: Judged, k: number) => string) {
  const groups = new Map<string, Judged[]>();
  rows.forEach((r, k) => groups.set(groupOf(r, k), [...(groups.get(groupOf(r, k)) ?? []), r]));
  const byChannel = new Map<string, Judged[]>();
  for (const r of rows) byChannel.set(r.channel, [...(byChannel.get(r.channel) ?? []), r]);
  const reporting = rows.filter((r) => r.channel === 'news' || r.channel === 'awareness');
  return {
    overall: { ...block(rows), base_rate: r3(rows.filter((r) => r.label === 1).length / rows.length) },
    per_language: Object.fromEntries([...groups.entries()].sort().map(([k, v]) => [k, block(v)])),
    per_channel: Object.fromEntries([...byChannel.entries()].sort().map(([k, v]) => [k, block(v)])),
    news_awareness_flagged: reporting.length ? r3(reporting.filter((r) => r.result.flagged).length / reporting.length) : null,
    indicators: indicatorF1(rows),
  };
}
