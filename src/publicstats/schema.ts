// The public statistics: the profile's table list (profiles/<cc>/public-statistics.json) and what
// the anonymous API returns. Shared with the web page; nothing here imports server code.
import { z } from 'zod';

export const PUBLIC_LANGS = ['az', 'en', 'ru'] as const;
export const PublicLang = z.enum(PUBLIC_LANGS);
export type PublicLang = z.infer<typeof PublicLang>;

const Words = z.strictObject({ az: z.string().min(1), en: z.string().min(1), ru: z.string().min(1) });
const TableId = z.string().regex(/^[a-z][a-z0-9-]{1,60}$/, 'lower-case words joined by hyphens');

export const PublicTableSpec = z.strictObject({
  id: TableId,
  /** The report figure (a reference id of the report definition) whose total and parts the table shows. */
  figure: z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/, 'a figure id such as victims.identified'),
  /** Replaces the figure's own label as the table's title. */
  title: Words.optional(),
  /** A running total (a `cumulative` formula) of the table with this id: suppressed consistently with it. */
  cumulativeOf: TableId.optional(),
  /** Bars drawn under the table on the public page. */
  chart: z.boolean().default(true),
});
export type PublicTableSpec = z.infer<typeof PublicTableSpec>;

/** The country profile's public statistics: which tables, and the disclosure rule (docs/public-statistics.md). */
export const PublicStatsConfig = z
  .strictObject({
    /** Counts from 1 to threshold − 1 are hidden (primary suppression). */
    threshold: z.number().int().min(2).max(100).default(5),
    /** Whether a zero is itself sensitive ("nobody of that kind"); by default zeros are shown. */
    zerosSensitive: z.boolean().default(false),
    tables: z.array(PublicTableSpec).max(50),
  })
  .superRefine((c, ctx) => {
    const ids = c.tables.map((t) => t.id);
    c.tables.forEach((t, i) => {
      if (ids.indexOf(t.id) !== i) ctx.addIssue({ code: 'custom', path: ['tables', i, 'id'], message: `${t.id} appears twice` });
      if (t.cumulativeOf && !ids.slice(0, i).includes(t.cumulativeOf)) ctx.addIssue({ code: 'custom', path: ['tables', i, 'cumulativeOf'], message: `${t.cumulativeOf} must be a table listed before this one` });
    });
  });
export type PublicStatsConfig = z.infer<typeof PublicStatsConfig>;

/** A number, or the mark of a hidden one; a hidden value is never sent, not even as zero. */
export const PublicValue = z.union([z.strictObject({ value: z.number() }), z.strictObject({ suppressed: z.literal(true) })]);
export type PublicValue = z.infer<typeof PublicValue>;

export const PublicCell = z.union([z.strictObject({ key: z.string(), label: z.string(), value: z.number() }), z.strictObject({ key: z.string(), label: z.string(), suppressed: z.literal(true) })]);
export type PublicCell = z.infer<typeof PublicCell>;

export const PublicTable = z.object({
  id: z.string(),
  title: z.string(),
  /** partition: the parts add up to the total; overlapping: a person may count under several parts; none: a total alone. */
  parts: z.enum(['partition', 'overlapping', 'none']),
  chart: z.boolean(),
  total: PublicValue,
  cells: z.array(PublicCell),
});
export type PublicTable = z.infer<typeof PublicTable>;

export const PublicEdition = z.object({ year: z.number().int(), edition: z.number().int(), publishedAt: z.string(), current: z.boolean() });
export const PublicEditions = z.object({ threshold: z.number().int(), editions: z.array(PublicEdition) });
export type PublicEditions = z.infer<typeof PublicEditions>;

export const PublicTables = z.object({
  year: z.number().int(),
  edition: z.number().int(),
  publishedAt: z.string(),
  lang: PublicLang,
  threshold: z.number().int(),
  /** What a hidden cell shows in CSV and on the page. */
  mark: z.string(),
  legend: z.string(),
  tables: z.array(PublicTable),
});
export type PublicTables = z.infer<typeof PublicTables>;

export const PublicDictionary = z.object({
  lang: PublicLang,
  threshold: z.number().int(),
  zerosSensitive: z.boolean(),
  mark: z.string(),
  rule: z.string(),
  tables: z.array(z.object({ id: z.string(), title: z.string(), countedAs: z.string(), parts: z.enum(['partition', 'overlapping', 'none']), cumulativeOf: z.string().nullable(), cells: z.array(z.object({ key: z.string(), label: z.string() })) })),
});
export type PublicDictionary = z.infer<typeof PublicDictionary>;

export const PublicYearParams = z.strictObject({ year: z.coerce.number().int().min(2005).max(2100) });
export const PublicTableParams = z.strictObject({ year: z.coerce.number().int().min(2005).max(2100), table: TableId, format: z.enum(['csv', 'json']) });
export const PublicTablesQuery = z.strictObject({ lang: PublicLang.default('az'), edition: z.coerce.number().int().min(1).max(1000).optional() });
export const PublicLangQuery = z.strictObject({ lang: PublicLang.default('az') });
