// One report build: figures, problems, narratives and charts for a year, and its renderings.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { invalid } from '../errors.ts';
import type { IndicatorCatalogue, Profile } from '../profile/schema.ts';
import { describe } from './definition/describe.ts';
import type { Evaluated } from './definition/evaluate.ts';
import type { DefinitionInForce } from './definition/store.ts';
import { REPORT_LANGS, type ReportDefinition, type ReportLang } from './definition/schema.ts';
import { buildDocument, figureJson } from './document.ts';
import { renderDocx } from './docx.ts';
import { renderHtml } from './html.ts';
import { renderPdf } from './pdf.ts';
import { compareYears, type ReportFigure } from './report.ts';
import { unlabelledParts } from './definition/check.ts';
import { cumulativeGaps } from './cumulative-gaps.ts';
import { withPrintedFigures } from './printed-figures.ts';
import { validateReport, type Problem } from './validation.ts';

export const FORMATS = ['html', 'docx', 'pdf', 'json'] as const;
export type Format = (typeof FORMATS)[number];
export const LANGS = REPORT_LANGS;
export type Lang = ReportLang;

export interface ReportBuild {
  year: number;
  profile: Profile;
  definition: DefinitionInForce;
  figures: ReportFigure[];
  problems: Problem[];
  narratives: Record<string, Map<string, string>>;
  evaluated: Evaluated;
  /** The year's indicator catalogue in force: its labels name indicators in "counted as". */
  catalogue: IndicatorCatalogue;
}

export async function narrativesFor(db: Kysely<Database>, year: number): Promise<Record<string, Map<string, string>>> {
  const rows = await db.selectFrom('report_narratives').select(['block_id', 'lang', 'text']).where('year', '=', year).execute();
  const out: Record<string, Map<string, string>> = Object.fromEntries(REPORT_LANGS.map((l) => [l, new Map<string, string>()]));
  for (const r of rows) out[r.lang]?.set(r.block_id, r.text);
  return out;
}

/** The published edition in force for a year, if any. */
export async function currentEdition(db: Kysely<Database>, year: number) {
  return db.selectFrom('report_editions').selectAll().where('year', '=', year).where('superseded_at', 'is', null).orderBy('edition', 'desc').executeTakeFirst();
}

/** Builds the year's report from its definition in force, or from a proposed one (the editor's preview). */
export async function buildReport(db: Kysely<Database>, profile: Profile, year: number, opts: { definition?: ReportDefinition } = {}): Promise<ReportBuild> {
  const { figures, previous, evaluated, definition, catalogue } = await compareYears(db, profile, year, opts);
  const prevEdition = await currentEdition(db, year - 1);
  const publishedPrevious = prevEdition ? new Map((prevEdition.figures as ReportFigure[]).map((f) => [f.id, f.value])) : null;
  const narratives = await narrativesFor(db, year);
  const imported = new Map([...evaluated.imported].filter(([k]) => k.endsWith(`@${year}`) || k.endsWith(`@${year - 1}`)).map(([k, h]) => [k, Number(h.value)]));
  const build: ReportBuild = { year, profile, definition, figures, problems: [], narratives, evaluated, catalogue };
  const doc = buildDocument({ def: definition.definition, profile, year, lang: 'en', figures, narratives: narratives.en ?? new Map(), evaluated, draft: true });
  const drawn = new Set(doc.blocks.flatMap((b) => (b.kind === 'chart' ? [b.id] : [])));
  const emptyCharts = definition.definition.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'chart' && !drawn.has(b.id) ? [b.id] : [])));
  build.problems = validateReport({ year, def: definition.definition, figures, previous, publishedPrevious, narratives, imported, emptyCharts });
  build.problems.push(...cumulativeGaps(definition.definition, evaluated));
  for (const u of unlabelledParts(definition.definition, profile)) build.problems.push({ severity: 'warning', code: 'unlabelled', figure: u.figure, params: u.params, message: `${u.path}: ${u.message}` });
  return build;
}

/** The machine-readable report: every figure with its labels, parts, qualifier and "counted as" in each language. */
export function reportJson(b: ReportBuild) {
  const def = b.definition.definition;
  return {
    year: b.year,
    languages: def.languages,
    definition: { source: b.definition.source, fromYear: b.definition.fromYear },
    figures: withPrintedFigures(def, b.figures).map((f) => ({ ...figureJson(f, def, b.profile, (d, lang) => describe(d, def, b.profile, lang, b.year, b.catalogue)), problems: b.problems.filter((p) => p.figure === f.id).map((p) => p.code) })),
    problems: b.problems,
  };
}

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

export async function render(b: ReportBuild, format: Format, lang: Lang, footer: string, opts: { draft: boolean } = { draft: true }): Promise<Rendered> {
  if (format === 'json') return { format, lang: 'all', content: Buffer.from(`${JSON.stringify(reportJson(b), null, 2)}\n`), contentType: TYPES.json, fileName: `azad-report-${b.year}.json` };
  const languages = b.definition.definition.languages;
  if (!languages.includes(lang)) throw invalid('This report is not written in that language', [{ path: 'lang', message: `the year's definition has ${languages.join(', ')}; not ${lang}` }]);
  const doc = buildDocument({ def: b.definition.definition, profile: b.profile, year: b.year, lang, figures: b.figures, narratives: b.narratives[lang] ?? new Map(), evaluated: b.evaluated, draft: opts.draft });
  const html = renderHtml(doc, footer);
  const content = format === 'html' ? Buffer.from(html) : format === 'docx' ? await renderDocx(doc, footer) : await renderPdf(html, doc, footer);
  return { format, lang, content, contentType: TYPES[format], fileName: `azad-report-${b.year}-${lang}.${format}` };
}

export const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
