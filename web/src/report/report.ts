// The report's wire types, inferred from the server's schemas.
import type { z } from 'zod';
import type { FigureDef, ReportDefinition, Text } from '../../../src/report/definition/schema.ts';
import type { DefinitionOut, Diff, Edition, PreviewOut, ReportOverview, Sources } from '../../../src/report/schema.ts';

export type Overview = z.infer<typeof ReportOverview>;
export type EditionData = z.infer<typeof Edition>;
export type DiffData = z.infer<typeof Diff>;
export type SourcesData = z.infer<typeof Sources>;
export type DefinitionData = z.infer<typeof DefinitionOut>;
export type PreviewData = z.infer<typeof PreviewOut>;
export type { FigureDef, ReportDefinition, Text };

/** The languages a report is written in, in the order the editor shows them. */
export const REPORT_LANGS = ['az', 'en', 'ru'] as const;
export type ReportLang = (typeof REPORT_LANGS)[number];

/** The report language that follows the interface language. */
export const reportLang = (uiLanguage: string): ReportLang => (REPORT_LANGS as readonly string[]).includes(uiLanguage) ? (uiLanguage as ReportLang) : 'en';
