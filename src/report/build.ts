// One report build: figures, problems, narratives and chart data for a year, and its renderings.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Profile } from '../profile/schema.ts';
import type { Lang } from './definition.ts';
import { buildDocument } from './document.ts';
import { renderDocx } from './docx.ts';
import { reportSeries, type ReportSeries } from './history.ts';
import { renderHtml } from './html.ts';
import { renderPdf } from './pdf.ts';
import { compareYears, type ReportFigure } from './report.ts';
import { validateReport, type Problem } from './validation.ts';

export const FORMATS = ['html', 'docx', 'pdf', 'json'] as const;
export type Format = (typeof FORMATS)[number];
export const LANGS = ['az', 'en'] as const;

export interface ReportBuild {
  year: number;
  figures: ReportFigure[];
  problems: Problem[];
  narratives: Record<Lang, Map<string, string>>;
  series: ReportSeries;
}

export async function narrativesFor(db: Kysely<Database>, year: number): Promise<Record<Lang, Map<string, string>>> {
  const rows = await db.selectFrom('report_narratives').select(['block_id', 'lang', 'text']).where('year', '=', year).execute();
  const out: Record<Lang, Map<string, string>> = { az: new Map(), en: new Map() };
  for (const r of rows) if (r.lang === 'az' || r.lang === 'en') out[r.lang].set(r.block_id, r.text);
  return out;
}

/** The published edition in force for a year, if any. */
export async function currentEdition(db: Kysely<Database>, year: number) {
  return db.selectFrom('report_editions').selectAll().where('year', '=', year).where('superseded_at', 'is', null).orderBy('edition', 'desc').executeTakeFirst();
}

export async function buildReport(db: Kysely<Database>, profile: Profile, year: number, onStep?: (done: number, total: number) => void): Promise<ReportBuild> {
  // Y−1 is computed once, for the changes and for the panel's checks alike.
  const { figures, previous } = await compareYears(db, profile, year, onStep);
  const prevEdition = await currentEdition(db, year - 1);
  const publishedPrevious = prevEdition ? new Map((prevEdition.figures as ReportFigure[]).map((f) => [f.id, f.value])) : null;
  const narratives = await narrativesFor(db, year);
  const series = await reportSeries(db, year);
  const imported = await db.selectFrom('historical_aggregates').select(['figure_id', 'year', 'value']).where('year', 'in', [year, year - 1]).execute();
  const problems = validateReport({
    year,
    figures,
    previous,
    publishedPrevious,
    // Both languages are published: a block missing in either is missing.
    narratives: new Map([...narratives.az].filter(([id]) => narratives.en.get(id)?.trim())),
    submittedIds: new Set(profile.indicators.indicators.map((i) => i.id)),
    imported: new Map(imported.map((r) => [`${r.figure_id}@${r.year}`, Number(r.value)])),
    chartData: { year, series },
  });
  return { year, figures, problems, narratives, series };
}

/** The machine-readable report, keyed by the reference ids. */
export const reportJson = (b: ReportBuild) => ({
  year: b.year,
  figures: b.figures.map((f) => ({ id: f.id, value: f.value, delta: f.delta, breakdown: f.breakdown ?? null, unknown: f.unknown ?? null })),
});

export interface Rendered {
  format: Format;
  lang: Lang | 'all';
  content: Buffer;
  contentType: string;
  fileName: string;
}

const TYPES: Record<Format, string> = {
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  json: 'application/json',
};

export async function render(b: ReportBuild, format: Format, lang: Lang, footer: string): Promise<Rendered> {
  if (format === 'json') return { format, lang: 'all', content: Buffer.from(`${JSON.stringify(reportJson(b), null, 2)}\n`), contentType: TYPES.json, fileName: `azad-report-${b.year}.json` };
  const doc = buildDocument(b.year, lang, b.figures, b.narratives[lang], { year: b.year, series: b.series });
  const html = renderHtml(doc, footer);
  const content = format === 'html' ? Buffer.from(html) : format === 'docx' ? await renderDocx(doc, footer) : await renderPdf(html);
  return { format, lang, content, contentType: TYPES[format], fileName: `azad-report-${b.year}-${lang}.${format}` };
}

export const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
