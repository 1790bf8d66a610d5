import { z } from 'zod';
import { ReportDefinition, Source } from './definition/schema.ts';
import { Figure } from './figure.ts';
import { HistoricalAggregate } from './history.ts';
import { Problem } from './validation.ts';

export const YearParams = z.strictObject({ year: z.coerce.number().int().min(2005).max(2100) });
export const ReportLang = z.enum(['az', 'en', 'ru']);
export const ReportFormat = z.enum(['html', 'docx', 'pdf', 'json']);

export const ReportFigureOut = Figure.extend({ delta: z.number().nullable(), breakdownDelta: z.record(z.string(), z.number()).optional() });

export const Edition = z.object({
  id: z.uuid(),
  year: z.number().int(),
  edition: z.number().int(),
  sha256: z.string(),
  changelog: z.string().nullable(),
  overrideReason: z.string().nullable(),
  publishedAt: z.string(),
  publishedBy: z.string().nullable(),
  supersededAt: z.string().nullable(),
  documents: z.array(z.object({ format: z.string(), lang: z.string(), sha256: z.string() })),
});

/** Everything the report page shows: figures with their labels and definitions in words, the panel, editions, charts. */
export const ReportOverview = z.object({
  year: z.number().int(),
  languages: z.array(ReportLang),
  definition: z.object({ source: z.enum(['stored', 'inherited', 'profile']), fromYear: z.number().int().nullable() }),
  figures: z.array(ReportFigureOut.extend({ label: z.string(), countedAs: z.string(), unit: z.string(), partLabels: z.record(z.string(), z.string()) })),
  problems: z.array(Problem),
  editions: z.array(Edition),
  narratives: z.array(z.object({ id: z.string(), label: z.string(), az: z.string(), en: z.string(), ru: z.string() })),
  /** `legend`: a pie's parts, which the page lists beside the chart rather than around it. */
  charts: z.array(z.object({ id: z.string(), title: z.string(), option: z.record(z.string(), z.unknown()), legend: z.array(z.object({ name: z.string(), text: z.string(), color: z.string() })).nullable() })),
});

export const DefinitionOut = z.object({ year: z.number().int(), source: z.enum(['stored', 'inherited', 'profile']), fromYear: z.number().int().nullable(), definition: ReportDefinition });
export const PreviewBody = z.strictObject({ definition: ReportDefinition, lang: ReportLang.default('en') });
export const PreviewOut = z.object({ html: z.string(), problems: z.array(Problem), figures: z.array(ReportFigureOut) });
export const OverviewQuery = z.strictObject({ lang: ReportLang.default('en') });

export const PublishBody = z.strictObject({
  overrideReason: z.string().trim().min(10, 'at least 10 characters: say why the report is published with errors').max(2000).optional(),
  changelog: z.string().trim().min(5).max(4000).optional(),
});
export const Published = z.object({ id: z.uuid(), year: z.number().int(), edition: z.number().int(), sha256: z.string(), publishedAt: z.string(), problems: z.number().int() });

export const NarrativeParams = YearParams.extend({ blockId: z.string().regex(/^[a-z0-9_+-]+$/) });
export const NarrativeBody = z.strictObject({ az: z.string().max(20_000), en: z.string().max(20_000), ru: z.string().max(20_000).default('') });

export const EditionParams = YearParams.extend({ edition: z.coerce.number().int().min(1), format: ReportFormat });
export const LangQuery = z.strictObject({ lang: ReportLang.default('az') });

export const Diff = z.object({
  year: z.number().int(),
  edition: z.number().int(),
  changes: z.array(z.object({ id: z.string(), published: z.number().nullable(), live: z.number().nullable(), publishedBreakdown: z.record(z.string(), z.number()).nullable(), liveBreakdown: z.record(z.string(), z.number()).nullable() })),
});

export const HistoryImportBody = z.strictObject({ aggregates: z.array(HistoricalAggregate).min(1).max(10_000) });

export const SourceParams = YearParams.extend({ figureId: z.string().regex(/^[a-z0-9_.]+$/) });
export const Sources = z.object({
  figure: z.string(),
  year: z.number().int(),
  persons: z.array(z.object({ id: z.uuid(), caseCode: z.string(), identifiedOn: z.string().nullable() })),
  /** For agencies' figures: the approved submissions summed into it. */
  submissions: z.array(z.object({ agencyCode: z.string(), submissionId: z.string() })),
  /** Every figure kind: the record figures it reads, each with its source and how many records count (crime facts, cases, contacts …). */
  records: z.array(z.object({ figure: z.string(), source: Source, records: z.number().int() })),
});
