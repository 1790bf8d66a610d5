// The report as a language-neutral document: headings, paragraphs, tables and charts, filled
// with figures. HTML, Word and PDF are all rendered from this one model, so they cannot disagree.
import { chartOption, chartTitle, type ChartData } from './charts.ts';
import { SECTIONS, SUBTITLE, TITLE, type Lang } from './definition.ts';
import type { Figure } from './figure.ts';
import { formatQualified, Qualifier } from '../submissions/schema.ts';
import { formatDelta, type ReportFigure } from './report.ts';

export type DocBlock =
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; text: string; placeholder?: boolean }
  | { kind: 'table'; caption: string; head: [string, string]; rows: [string, string][] }
  | { kind: 'chart'; id: string; title: string; option: Record<string, unknown> };

export interface ReportDocument {
  year: number;
  lang: Lang;
  title: string;
  blocks: DocBlock[];
}

const LOCALE: Record<Lang, string> = { az: 'az-Latn-AZ', en: 'en-GB' };
export const formatNumber = (n: number, lang: Lang) => new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 2 }).format(n);

const MISSING = '[—]';

/** Fills `{id}`, `{=id}` and `{id#key}` placeholders; unknown figures print a visible gap. */
export function fill(template: string, figures: ReadonlyMap<string, ReportFigure>, lang: Lang): string {
  return template.replace(/\{([=~]?)([a-z0-9_.]+)(?:#([^}]+))?\}/g, (_, mode: string, id: string, key: string | undefined) => {
    const f = figures.get(id);
    if (!f) return MISSING;
    if (mode === '~') return (f.categories ?? []).map(region(lang)).join(', ') || '—';
    const bare = mode === '=';
    const value = key === undefined ? f.value : (f.breakdown?.[key] ?? 0);
    if (value === null) return lang === 'az' ? 'məlumat yoxdur' : 'not available';
    const delta = key === undefined ? f.delta : (f.breakdownDelta?.[key] ?? null);
    const qualifier = key === undefined ? Qualifier.safeParse(f.qualifier) : null;
    const text = qualifier?.success ? formatQualified(value, qualifier.data, lang) : formatNumber(value, lang);
    return bare || delta === null ? text : `${text} ${formatDelta(delta, lang)}`;
  });
}

function tableRows(f: Figure, label: (key: string) => string, lang: Lang): [string, string][] {
  const rows: [string, string][] = Object.entries(f.breakdown ?? {})
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => [label(k), formatNumber(n, lang)]);
  if (f.unknown) rows.push([lang === 'az' ? 'Məlum deyil' : 'Unknown', formatNumber(f.unknown, lang)]);
  rows.push([lang === 'az' ? 'Cəmi' : 'Total', f.value === null ? '—' : formatNumber(f.value, lang)]);
  return rows;
}

const region = (lang: Lang) => {
  const names = new Intl.DisplayNames([LOCALE[lang]], { type: 'region' });
  return (code: string) => {
    try {
      return names.of(code) ?? code;
    } catch {
      return code;
    }
  };
};

export function buildDocument(year: number, lang: Lang, figures: readonly ReportFigure[], narratives: ReadonlyMap<string, string>, chartData: Omit<ChartData, 'figures'>): ReportDocument {
  const byId = new Map(figures.map((f) => [f.id, f]));
  const data: ChartData = { ...chartData, figures: byId };
  const blocks: DocBlock[] = [{ kind: 'paragraph', text: SUBTITLE[lang] }];
  for (const section of SECTIONS) {
    blocks.push({ kind: 'heading', level: 1, text: section.title[lang] });
    for (const b of section.blocks) {
      switch (b.kind) {
        case 'text':
          blocks.push({ kind: 'paragraph', text: fill(b.text[lang], byId, lang) });
          break;
        case 'narrative': {
          const text = narratives.get(b.id)?.trim();
          if (text) for (const para of text.split(/\n{2,}/)) blocks.push({ kind: 'paragraph', text: para.trim() });
          else blocks.push({ kind: 'paragraph', text: lang === 'az' ? `[${b.label.az}: mətn hələ yazılmayıb]` : `[${b.label.en}: text not yet written]`, placeholder: true });
          break;
        }
        case 'table': {
          const f = byId.get(b.figure);
          if (f) blocks.push({ kind: 'table', caption: b.caption[lang], head: [b.keyLabel[lang], lang === 'az' ? 'Say' : 'Number'], rows: tableRows(f, b.figure.includes('country') ? region(lang) : (k) => k, lang) });
          break;
        }
        case 'chart': {
          const option = chartOption(b.chart, data, lang);
          if (option) blocks.push({ kind: 'chart', id: b.chart, title: chartTitle(b.chart, data, lang), option });
          break;
        }
        default: {
          const never: never = b;
          throw new Error(`unknown block ${JSON.stringify(never)}`);
        }
      }
    }
  }
  return { year, lang, title: TITLE[lang](year), blocks };
}
