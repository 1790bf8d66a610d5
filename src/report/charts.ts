// Charts from the definition's chart blocks: ECharts options, rendered to SVG on the server and
// drawn from the same options in the browser. Pure: figures in, options out.
import { colorsOf } from './colors.ts';
import type { Figure } from './figure.ts';
import { wrapWords } from './wrap.ts';
import { printedShares } from './shares.ts';
import { displayOrder, keysOf } from './part-order.ts';
import type { SeriesPoint } from './definition/evaluate.ts';
import type { LabelFn } from './definition/labels.ts';
import { LOCALES, standaloneWord } from './definition/labels.ts';
import type { Block, ReportDefinition, ReportLang } from './definition/schema.ts';

type Option = Record<string, unknown>;
export type ChartBlock = Extract<Block, { kind: 'chart' }>;

/** The colours of one chart's categories under this definition (src/report/colors.ts). */
const coloursOf = (def: ReportDefinition, keys: string[]) => colorsOf(keys, def.colors);

const fmt = (n: number, lang: ReportLang, digits = 0) => new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: digits }).format(n);

/** A share rounded once: whole percent, or one decimal under 1% (pie charts use printedShares, which add up to 100). */
export function percent(n: number, total: number, lang: ReportLang): string {
  const p = total ? (n / total) * 100 : 0;
  return pct(p > 0 && p < 1 ? Math.round(p * 10) / 10 : Math.round(p), lang);
}

/** A percentage as the language writes it, the same as the report's text: "84%", "84 %" in Russian. */
const pct = (p: number, lang: ReportLang) => new Intl.NumberFormat(LOCALES[lang], { style: 'percent', maximumFractionDigits: 1 }).format(p / 100);

/** The width of a pie's label. */
const PIE_LABEL_PX = 150;

interface Part {
  key: string;
  label: string;
  value: number;
}

/**
 * A figure's parts and its unknown part, never a zero. The block's `keys`: only those, in that order.
 * Else the figure's `breakdown.keys` first in their order (age bands stay in age order), then the
 * other parts largest first, then the unknown part; with neither, largest first.
 */
function partsOf(f: Figure, block: ChartBlock, label: LabelFn, dim: string | null, lang: ReportLang, figureKeys: readonly string[]): Part[] {
  const entries = Object.entries(f.breakdown ?? {});
  const order = block.keys ?? null;
  const parts: Part[] = (order ? order.map((k) => [k, f.breakdown?.[k] ?? 0] as [string, number]) : entries).map(([key, value]) => ({ key, label: label(dim, key), value }));
  if (!order) {
    if (f.unknown) parts.push({ key: 'unknown', label: standaloneWord('unknown', lang), value: f.unknown });
    parts.sort(displayOrder(figureKeys));
  }
  return parts.filter((p) => p.value > 0);
}

/** The largest `top` parts and one "other" part for the rest. */
function topWithOther(parts: Part[], top: number | undefined, lang: ReportLang): Part[] {
  if (!top || parts.length <= top) return parts;
  const rest = parts.slice(top).reduce((s, p) => s + p.value, 0);
  return [...parts.slice(0, top), { key: 'other', label: standaloneWord('other', lang), value: rest }];
}

export interface ChartInput {
  def: ReportDefinition;
  block: ChartBlock;
  figure: Figure | undefined;
  /** The figure's breakdown dimension, for labels. */
  dim: string | null;
  series: SeriesPoint[] | null;
  label: LabelFn;
  lang: ReportLang;
}

export function chartOption(c: ChartInput): Option | null {
  const { def, block, figure, lang } = c;
  if (block.type === 'series') return seriesOption(c);
  if (!figure?.breakdown) return null;
  const parts = topWithOther(partsOf(figure, block, c.label, c.dim, lang, keysOf(def, block.figure)), block.top, lang);
  if (parts.length === 0) return null;
  if (block.type === 'pie') {
    const shares = printedShares(parts.map((p) => p.value));
    const colour = coloursOf(def, parts.map((p) => p.key));
    return {
      animation: false,
      series: [
        {
          type: 'pie',
          radius: ['30%', '58%'],
          center: ['50%', '52%'],
          avoidLabelOverlap: true,
          label: { overflow: 'break', width: PIE_LABEL_PX, lineHeight: 14 },
          labelLine: { length: 12, length2: 10 },
          data: parts.map((p, i) => ({ name: p.label, value: p.value, itemStyle: { color: colour.get(p.key) }, label: { formatter: wrapWords(`${p.label}: ${fmt(p.value, lang)} (${pct(shares[i] ?? 0, lang)})`, PIE_LABEL_PX) } })),
        },
      ],
    };
  }
  const horizontal = block.type === 'hbar';
  const colour = coloursOf(def, parts.map((p) => p.key));
  // Labels wrap at word boundaries within the room each bar has; they are never cut short.
  const room = horizontal ? 180 : Math.max(60, Math.floor(560 / parts.length) - 8);
  const labels = parts.map((p) => wrapWords(p.label, room));
  const longest = Math.max(...labels.flatMap((l) => l.split('\n').map((x) => x.length)));
  const category = { type: 'category', data: labels, axisLabel: horizontal ? { width: room, overflow: 'break' } : { interval: 0, width: room, overflow: 'break', rotate: room < 70 ? 30 : 0 }, ...(horizontal ? { inverse: true } : {}) };
  return {
    animation: false,
    grid: { left: horizontal ? Math.min(200, 20 + longest * 6) : 50, right: 40, top: 20, bottom: horizontal ? 30 : parts.length > 6 ? 90 : 50 },
    [horizontal ? 'yAxis' : 'xAxis']: category,
    [horizontal ? 'xAxis' : 'yAxis']: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: parts.map((p) => ({ value: p.value, itemStyle: { color: colour.get(p.key) } })), label: { show: true, position: horizontal ? 'right' : 'top' } }],
  };
}

/** Years on the axis, one stacked bar per year, the parts in fixed colours; unknown in grey. */
function seriesOption(c: ChartInput): Option | null {
  const points = c.series ?? [];
  if (points.length < 2) return null;
  const keys = [...new Set(points.flatMap((p) => Object.keys(p.breakdown)))].sort();
  const colour = coloursOf(c.def, [...keys, 'unknown']);
  const series: Option[] = keys.map((k) => ({ name: c.label(c.dim, k), type: 'bar', stack: 'all', data: points.map((p) => p.breakdown[k] ?? 0), itemStyle: { color: colour.get(k) } }));
  const unknown = points.map((p) => p.value - Object.values(p.breakdown).reduce((s, n) => s + n, 0));
  if (keys.length === 0 || unknown.some((n) => n > 0)) series.push({ name: keys.length ? standaloneWord('unknown', c.lang) : c.label(null, 'total'), type: 'bar', stack: 'all', data: unknown, itemStyle: { color: colour.get('unknown') } });
  return {
    animation: false,
    legend: { bottom: 0, type: 'plain' },
    grid: { left: 45, right: 20, top: 20, bottom: 70 },
    xAxis: { type: 'category', data: points.map((p) => String(p.year)), axisLabel: { rotate: 45 } },
    yAxis: { type: 'value', minInterval: 1 },
    series,
  };
}

/** One part of a pie as the report page lists it beside the chart: its name, "name: n (p%)", its colour. */
export interface LegendEntry {
  name: string;
  text: string;
  color: string;
}

/**
 * A pie's parts, read back from the option `chartOption` made, for the report page: there the labels
 * are a list that wraps at any width instead of text around the pie, which a narrow screen cuts.
 * Null for bars and series, whose labels sit on an axis or in ECharts' own legend.
 */
export function pieLegend(option: Option | null): LegendEntry[] | null {
  const [pie] = (option?.series ?? []) as { type: string; data: { name: string; itemStyle: { color: string }; label: { formatter: string } }[] }[];
  if (pie?.type !== 'pie') return null;
  return pie.data.map((d) => ({ name: d.name, text: d.label.formatter.replaceAll('\n', ' '), color: d.itemStyle.color }));
}

export function chartTitle(block: ChartBlock, year: number, series: SeriesPoint[] | null, lang: ReportLang): string {
  const first = series?.[0]?.year ?? year;
  return (block.title[lang] ?? block.title.en ?? '').replaceAll('{year}', String(year)).replaceAll('{from}', String(first));
}
