// The report as a language-neutral document: headings, paragraphs, tables and charts, filled
// with figures from the year's definition. HTML, Word and PDF are all rendered from this one
// model, so they cannot disagree.
import type { Profile } from '../profile/schema.ts';
import { formatQualified, Qualifier } from '../submissions/schema.ts';
import { chartOption, chartTitle, percent as shareOf } from './charts.ts';
import { placeholders } from './definition/check.ts';
import { noDataReason, unitOf } from './definition/value-kind.ts';
import { withWord } from './definition/plural.ts';
import type { Evaluated } from './definition/evaluate.ts';
import { azOrdinal, labeller, LOCALES, midSentence, sentenceStart, standaloneWord, WORDS, type LabelFn } from './definition/labels.ts';
import type { FigureDef, ReportDefinition, ReportLang } from './definition/schema.ts';
import { printedQualifier } from './partial-unknown.ts';
import { displayOrder, keysOf, partOrder } from './part-order.ts';
import { printedShares } from './shares.ts';
import { formatDelta, type ReportFigure } from './report.ts';

export type DocBlock =
  | { kind: 'heading'; level: 1 | 2; text: string; anchor: string }
  | { kind: 'paragraph'; text: string; placeholder?: boolean }
  | { kind: 'table'; caption: string; head: [string, string]; rows: [string, string][] }
  | { kind: 'chart'; id: string; title: string; option: Record<string, unknown> };

export interface ReportDocument {
  year: number;
  lang: ReportLang;
  title: string;
  subtitle: string;
  blocks: DocBlock[];
}

export const formatNumber = (n: number, lang: ReportLang) => new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 2 }).format(n);

/** Printed where a figure has no value; the validation panel blocks publication of it. */
export const NO_VALUE = '—';

/** The breakdown dimension of a figure, following formulas to the records they read. */
export function dimensionOf(def: ReportDefinition, id: string, seen = new Set<string>()): string | null {
  const f = def.figures.find((x) => x.id === id);
  if (!f || seen.has(id)) return null;
  seen.add(id);
  if (f.breakdown) return f.breakdown.by;
  if (f.categories) return f.categories;
  const m = f.formula;
  if (m && 'cumulative' in m) return dimensionOf(def, m.cumulative, seen);
  if (m && 'breakdownOf' in m) return dimensionOf(def, m.breakdownOf, seen);
  return null;
}

export interface FillContext {
  def: ReportDefinition;
  year: number;
  lang: ReportLang;
  figures: ReadonlyMap<string, ReportFigure>;
  label: LabelFn;
}

const join = (items: string[], lang: ReportLang) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${WORDS.and?.[lang]} ${items.at(-1)}`);

const POINTS: Record<ReportLang, string> = { az: 'faiz bəndi', en: 'pp', ru: 'п. п.' };

/** A share: "84.3%" / "84,3 %", its change in percentage points: "(+2.1 pp)". */
function percent(value: number, delta: number | null, bare: boolean, lang: ReportLang) {
  const text = new Intl.NumberFormat(LOCALES[lang], { style: 'percent', maximumFractionDigits: 2 }).format(value / 100);
  if (bare || delta === null) return text;
  return delta === 0 ? `${text} ${formatDelta(0, lang)}` : `${text} ${formatDelta(delta, lang).slice(0, -1)} ${POINTS[lang]})`;
}

/** An amount of money with kopecks prints both digits (18,500.50) and so does its change; whole manats none. */
const moneyCents = (value: number, delta: number | null) => !Number.isInteger(value) || (delta !== null && !Number.isInteger(delta));
const cents = (n: number, lang: ReportLang) => new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);

function number(value: number, delta: number | null, bare: boolean, lang: ReportLang, qualifier?: string, unit?: string) {
  const q = Qualifier.safeParse(qualifier);
  if (unit === 'azn' && !q.success && moneyCents(value, delta)) {
    const text = cents(value, lang);
    if (bare || delta === null) return text;
    return delta === 0 ? `${text} ${formatDelta(0, lang)}` : `${text} (${delta > 0 ? '+' : '-'}${cents(Math.abs(delta), lang)})`;
  }
  const text = q.success ? formatQualified(value, q.data, lang) : formatNumber(value, lang);
  return bare || delta === null ? text : `${text} ${formatDelta(delta, lang)}`;
}

/** The parts of a figure as "label: n (change)", zeros left out, the unknown part named; labels as inside a sentence. */
function partsList(f: ReportFigure, keys: string[], bare: boolean, c: FillContext, dim: string | null): string[] {
  const items = keys.filter((k) => (f.breakdown?.[k] ?? 0) !== 0).map((k) => `${midSentence(c.label(dim, k), dim, c.lang)}: ${number(f.breakdown?.[k] ?? 0, f.breakdownDelta?.[k] ?? null, bare, c.lang)}`);
  if (f.unknown) items.push(`${WORDS.unknown?.[c.lang]}: ${formatNumber(f.unknown, c.lang)}`);
  return items;
}

/**
 * The parts of a figure as "label: p%", zeros left out, the unknown part named: each part's share of
 * the figure's value. Parts that add up to it (a partition) are rounded as a pie's slices are, so
 * the printed shares add up to 100; overlapping parts ("of whom") are each rounded alone.
 */
function sharesList(f: ReportFigure, keys: string[], c: FillContext, dim: string | null): string[] {
  const shown = keys.filter((k) => (f.breakdown?.[k] ?? 0) !== 0);
  const values = [...shown.map((k) => f.breakdown?.[k] ?? 0), ...(f.unknown ? [f.unknown] : [])];
  const total = f.value ?? 0;
  if (total <= 0) return [];
  const shares = f.parts === 'partition' ? printedShares(values) : null;
  const labels = [...shown.map((k) => midSentence(c.label(dim, k), dim, c.lang)), ...(f.unknown ? [WORDS.unknown?.[c.lang] ?? 'unknown'] : [])];
  return labels.map((l, i) => `${l}: ${shares ? percent(shares[i] ?? 0, null, true, c.lang) : shareOf(values[i] ?? 0, total, c.lang)}`);
}

/** Whether position `at` of a text opens a sentence (the text's start, or after ". ", "! ", "? "). */
const opensSentence = (text: string, at: number) => /(^|[.!?]\s+)$/.test(text.slice(0, at));

/** Fills a text's placeholders (docs/report-definition.md, "Sentences"). */
export function fill(template: string, c: FillContext): string {
  const named = new Map<string, Set<string>>();
  for (const p of placeholders(template)) if (p.key) named.set(p.id, new Set([...(named.get(p.id) ?? []), p.key]));
  const withYear = template.replaceAll('{year:ordinal}', c.lang === 'az' ? azOrdinal(c.year) : String(c.year)).replaceAll('{year}', String(c.year));
  return withYear.replace(/\{([*~+%]?)(=?)([a-z][a-z0-9_.]*)(?:#([^}|]+))?(?:\|([^}]+))?\}(-\p{L}+)?/gu, (_, list: string, eq: string, id: string, key: string | undefined, forms: string | undefined, ending: string | undefined, at: number, whole: string) => {
    const bare = placeholder(list, eq, id, key, c, named);
    const f = c.figures.get(id);
    let text = forms !== undefined && !list ? withWord(bare, key !== undefined ? (f?.breakdown?.[key] ?? 0) : f?.value, forms, c.lang) : bare;
    // An Azerbaijani case ending written after the placeholder ("{id}-si") belongs to the number,
    // before its change: "7-si (+2)", not "7 (+2)-si".
    if (ending) {
      const change = c.lang === 'az' && !list ? / \([^()]*\)$/.exec(text) : null;
      text = change ? `${text.slice(0, change.index)}${ending}${change[0]}` : `${text}${ending}`;
    }
    // A list, or a value printed with words first ("more than 100,000", "no data"), opening a sentence.
    return (list || /^\p{Ll}/u.test(text)) && opensSentence(whole, at) ? sentenceStart(text, c.lang) : text;
  });
}

/** One placeholder's text (`named`: the keys the text names per figure, for `{+id}`). */
function placeholder(list: string, eq: string, id: string, key: string | undefined, c: FillContext, named: ReadonlyMap<string, Set<string>>): string {
  const f = c.figures.get(id);
  if (!f) return NO_VALUE;
  const bare = eq === '=';
  const dim = dimensionOf(c.def, id);
  if (list === '~') return (f.categories ?? []).map((code) => midSentence(c.label(dim, code), dim, c.lang)).join(', ') || (WORDS.none?.[c.lang] ?? '');
  if (list === '*') {
    const items = partsList(f, partOrder(c.def, f), bare, c, dim);
    return items.length ? join(items, c.lang) : (WORDS.none?.[c.lang] ?? '');
  }
  if (list === '%') {
    const items = sharesList(f, partOrder(c.def, f), c, dim);
    return items.length ? join(items, c.lang) : (WORDS.none?.[c.lang] ?? '');
  }
  if (list === '+') {
    const rest = partOrder(c.def, f).filter((k) => !named.get(id)?.has(k));
    const items = partsList(f, rest, bare, c, dim);
    return items.length ? `, ${items.join(', ')}` : '';
  }
  // A median over nobody (no payments in the year) is not a missing figure: there is nothing to take it of.
  // So is a share of a figure that is 0 in the year.
  const d = c.def.figures.find((x) => x.id === id);
  if (f.value === null) return d && noDataReason(d, (x) => c.figures.get(x)?.value) ? (WORDS.noData?.[c.lang] ?? NO_VALUE) : NO_VALUE;
  const unit = d ? unitOf(d) : 'count';
  if (key !== undefined) return number(f.breakdown?.[key] ?? 0, f.breakdownDelta?.[key] ?? null, bare, c.lang, undefined, unit);
  if (unit === 'percent') return percent(f.value, f.delta, bare, c.lang);
  return number(f.value, f.delta, bare, c.lang, printedQualifier(f), unit);
}

function tableRows(f: ReportFigure, c: FillContext, dim: string | null, top?: number): [string, string][] {
  const order = displayOrder(keysOf(c.def, f.id));
  const sorted = Object.entries(f.breakdown ?? {}).filter(([, n]) => n !== 0).sort(([a, x], [b, y]) => order({ key: a, value: x }, { key: b, value: y }));
  const shown = top && sorted.length > top ? sorted.slice(0, top) : sorted;
  const rows: [string, string][] = shown.map(([k, n]) => [c.label(dim, k), formatNumber(n, c.lang)]);
  const rest = sorted.slice(shown.length).reduce((s, [, n]) => s + n, 0);
  // Standing alone in a row, as "Total" and every label does ("Unknown", not "unknown").
  if (rest) rows.push([standaloneWord('other', c.lang), formatNumber(rest, c.lang)]);
  if (f.unknown) rows.push([standaloneWord('unknown', c.lang), formatNumber(f.unknown, c.lang)]);
  rows.push([WORDS.total?.[c.lang] ?? 'Total', f.value === null ? NO_VALUE : formatNumber(f.value, c.lang)]);
  return rows;
}

export interface BuildDocumentInput {
  def: ReportDefinition;
  profile: Profile;
  year: number;
  lang: ReportLang;
  figures: readonly ReportFigure[];
  narratives: ReadonlyMap<string, string>;
  evaluated: Evaluated;
  /** Drafts show where narrative text is missing; published editions leave such blocks out. */
  draft: boolean;
}

export function buildDocument(input: BuildDocumentInput): ReportDocument {
  const { def, lang, year } = input;
  const label = labeller(def, input.profile, lang);
  const byId = new Map(input.figures.map((f) => [f.id, f]));
  const c: FillContext = { def, year, lang, figures: byId, label };
  const text = (t: { az?: string; en?: string; ru?: string } | undefined) => t?.[lang] ?? '';
  const blocks: DocBlock[] = [];
  for (const section of def.sections) {
    blocks.push({ kind: 'heading', level: 1, text: fill(text(section.title), c), anchor: `s-${section.id}` });
    for (const b of section.blocks) {
      switch (b.kind) {
        case 'text':
          blocks.push({ kind: 'paragraph', text: fill(text(b.text), c) });
          break;
        case 'narrative': {
          const body = input.narratives.get(b.id)?.trim();
          if (body) for (const para of body.split(/\n{2,}/)) blocks.push({ kind: 'paragraph', text: para.trim() });
          else if (input.draft) blocks.push({ kind: 'paragraph', text: `[${text(b.label)}: ${lang === 'az' ? 'mətn hələ yazılmayıb' : lang === 'ru' ? 'текст ещё не написан' : 'text not yet written'}]`, placeholder: true });
          break;
        }
        case 'table': {
          const f = byId.get(b.figure);
          if (f) blocks.push({ kind: 'table', caption: fill(text(b.caption), c), head: [text(b.keyLabel), WORDS.number?.[lang] ?? 'Number'], rows: tableRows(f, c, dimensionOf(def, b.figure), b.top) });
          break;
        }
        case 'chart': {
          const series = b.type === 'series' ? input.evaluated.series(b.figure, b.from ?? year - 9) : null;
          const option = chartOption({ def, block: b, figure: byId.get(b.figure), dim: dimensionOf(def, b.figure), series, label, lang });
          if (option) blocks.push({ kind: 'chart', id: b.id, title: chartTitle(b, year, series, lang), option });
          break;
        }
        default: {
          const never: never = b;
          throw new Error(`unknown block ${JSON.stringify(never)}`);
        }
      }
    }
  }
  return { year, lang, title: fill(text(def.title), c), subtitle: fill(text(def.subtitle), c), blocks };
}

/** A figure as the machine-readable report gives it: labels of the figure and of every part in each language. */
export function figureJson(f: ReportFigure, def: ReportDefinition, profile: Profile, countedAs: (d: FigureDef, lang: ReportLang) => string) {
  const d = def.figures.find((x) => x.id === f.id);
  const dim = dimensionOf(def, f.id);
  const labels = Object.fromEntries(def.languages.map((l) => [l, labeller(def, profile, l)]));
  const inLangs = (fn: (lang: ReportLang) => string) => Object.fromEntries(def.languages.map((l) => [l, fn(l)]));
  return {
    id: f.id,
    label: d ? inLangs((l) => d.label[l] ?? d.label.en ?? d.label.az ?? f.id) : null,
    countedAs: d ? inLangs((l) => countedAs(d, l)) : null,
    unit: d ? unitOf(d) : 'count',
    value: f.value,
    delta: f.delta,
    qualifier: f.qualifier ?? null,
    parts: f.breakdown ? Object.entries(f.breakdown).map(([key, value]) => ({ key, value, delta: f.breakdownDelta?.[key] ?? null, label: inLangs((l) => labels[l]?.(dim, key) ?? key) })) : null,
    partsAre: f.parts ?? null,
    unknown: f.unknown ?? null,
    breakdown: f.breakdown ?? null,
    categories: f.categories ? f.categories.map((code) => ({ code, label: inLangs((l) => labels[l]?.(dim, code) ?? code) })) : null,
    sources: f.sources ?? null,
  };
}
