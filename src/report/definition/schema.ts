// The report definition language: what the coordinator edits. Every figure, sentence, table and
// chart of a year's report is data validated here (docs/report-definition.md is the manual).
// Shared with the web editor, so this file imports only zod.
import { z } from 'zod';

export const REPORT_LANGS = ['az', 'en', 'ru'] as const;
export const ReportLang = z.enum(REPORT_LANGS);
export type ReportLang = z.infer<typeof ReportLang>;

/** Text in the report's languages; which ones must be filled is checked against `languages`. */
export const Text = z.strictObject({ az: z.string().max(20_000).optional(), en: z.string().max(20_000).optional(), ru: z.string().max(20_000).optional() });
export type Text = z.infer<typeof Text>;

export const FigureId = z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/, 'a dotted lowercase id such as "victims.identified"');
const Slug = z.string().regex(/^[a-z0-9][a-z0-9_+-]*$/, 'a lowercase code such as "shelter"');
const Codes = z.array(z.string().min(1).max(80)).min(1).max(200);

/** Which records a figure counts. */
export const SOURCES = ['persons', 'decisions', 'exploitation', 'services', 'payments', 'referrals', 'reflection_periods', 'contacts', 'facts', 'cases', 'defendants', 'sentences', 'searches', 'submitted', 'activities'] as const;
export const Source = z.enum(SOURCES);
export type Source = z.infer<typeof Source>;

/** What is counted: distinct persons, cases or children, records, or an amount (or an activity's people or copies) summed. */
export const COUNTS = ['persons', 'records', 'cases', 'children', 'amount', 'median_per_person', 'value', 'participants', 'trainers', 'copies'] as const;
export const Count = z.enum(COUNTS);
export type Count = z.infer<typeof Count>;

/**
 * An article with all its parts ("144-1": 144-1, 144-1.1, 144-1.2 …), one part only ("243.1"),
 * or explicitly: `{ "article": "243", "parts": "none" }` (the article named without a part) or
 * `{ "article": "243", "parts": ["1", "2"] }`.
 */
export const ArticleRef = z.union([
  z.string().regex(/^[0-9]+([-.][0-9]+)*$/, 'an article such as "144-1" or a part such as "243.1"'),
  z.strictObject({ article: z.string().regex(/^[0-9]+(-[0-9]+)*$/), parts: z.union([z.enum(['all', 'none']), z.array(z.string().regex(/^[0-9]+$/)).min(1)]) }),
]);
export type ArticleRef = z.infer<typeof ArticleRef>;

export const Filters = z.strictObject({
  articles: z.array(ArticleRef).min(1).max(50).optional(),
  /** Which of a record's articles must match: any of them (default) or the principal (first) one. */
  articleField: z.enum(['any', 'principal']).optional(),
  online: z.boolean().optional(),
  platforms: Codes.optional(),
  /** Service kinds, payment kinds or activity kinds (profile codes). */
  kinds: Codes.optional(),
  agencies: Codes.optional(),
  agencyKinds: Codes.optional(),
  agencyLevels: Codes.optional(),
  sex: Codes.optional(),
  age: z.strictObject({ min: z.number().int().min(0).max(130).optional(), max: z.number().int().min(0).max(130).optional() }).optional(),
  citizenship: Codes.optional(),
  countryOfExploitation: Codes.optional(),
  /** Forms of exploitation (profile codes): of the person's latest exploitation event, or of the event. */
  forms: Codes.optional(),
  regions: Codes.optional(),
  /** A victim identified by the end of the year, or a potential victim not (yet) identified then. */
  personStatus: z.enum(['victim', 'potential']).optional(),
  /** Defendants: procedural stage; searches: `local` or `interpol`; decisions, cases, referrals, searches: status. */
  stage: Codes.optional(),
  search: Codes.optional(),
  status: Codes.optional(),
  /** Services given to victims' children (counted as children) rather than to the victims. */
  children: z.boolean().optional(),
  /** Only persons referred in the same year to agencies of these kinds or codes. */
  referredTo: z.strictObject({ agencies: Codes.optional(), agencyKinds: Codes.optional() }).optional(),
  /** Cases opened before the year (e.g. completed this year, "opened in earlier years"). */
  openedBefore: z.boolean().optional(),
  groups: Codes.optional(),
  channels: Codes.optional(),
  topics: Codes.optional(),
  punishments: Codes.optional(),
  confiscation: z.boolean().optional(),
  /** Submitted figures: the catalogue's indicator ids summed across agencies, and an attribute of them. */
  indicators: z.array(FigureId).min(1).max(50).optional(),
  attribute: Slug.optional(),
  abroad: z.boolean().optional(),
  /** Activities: who a training was for (`judges`, `police`, …). */
  audiences: Codes.optional(),
});
export type Filters = z.infer<typeof Filters>;

export const Band = z.strictObject({ key: Slug, min: z.number().int().min(0).optional(), max: z.number().int().min(0).optional() });

export const Breakdown = z.strictObject({
  by: z.string().regex(/^[a-z_]+$/),
  /**
   * `all`: a subject counts under every key that applies ("of whom …", parts may overlap);
   * `first` or `latest`: each subject once, under its first or latest record's key (parts add up).
   */
  pick: z.enum(['all', 'first', 'latest']).optional(),
  /** Fold raw codes into printed keys: `{ "medical": ["medical_therapeutic", "medical_other"] }`. */
  groups: z.record(Slug, z.array(z.string().min(1)).min(1)).optional(),
  /** The key for codes no group names; without it they are left out (overlapping) or unknown. */
  rest: Slug.optional(),
  /** Keys always printed, even at zero, in this order. */
  keys: z.array(z.string().min(1)).optional(),
  /** Age bands, by completed years at the record's date: `[{ "key": "18-25", "min": 18, "max": 24 }]`. */
  bands: z.array(Band).optional(),
  /** Years before the report year fold into one "first-last" key (years of exploitation). */
  foldEarlierYears: z.boolean().optional(),
});
export type Breakdown = z.infer<typeof Breakdown>;

export const Formula = z.union([
  z.strictObject({ part: FigureId, key: z.string().min(1) }),
  z.strictObject({ sum: z.array(FigureId).min(1).max(50) }),
  z.strictObject({ cumulative: FigureId, from: z.number().int().min(1990).max(2100) }),
  z.strictObject({ value: FigureId, breakdownOf: FigureId }),
  /** value(percent), or its part `key`, as a percentage of value(of), rounded to `decimals` (default 1). */
  z.strictObject({ percent: FigureId, key: z.string().min(1).optional(), of: FigureId, decimals: z.number().int().min(0).max(2).optional() }),
], { error: 'a formula is one of {"part": id, "key": k}, {"sum": [ids]}, {"cumulative": id, "from": year 1990-2100}, {"value": id, "breakdownOf": id}, {"percent": id, "key"?: k, "of": id, "decimals"?: 0-2}' });
export type Formula = z.infer<typeof Formula>;

export const FigureDef = z.strictObject({
  id: FigureId,
  label: Text,
  /** Words added to the generated "counted as …" description. */
  note: Text.optional(),
  unit: z.enum(['count', 'people', 'azn']).optional(),
  from: Source.optional(),
  /** Which of the source's dates puts a record in the year (docs/report-definition.md lists them). */
  date: z.string().regex(/^[a-z_]+$/).optional(),
  count: Count.optional(),
  where: Filters.optional(),
  breakdown: Breakdown.optional(),
  /** A list printed as names (`{~id}`), e.g. the countries where wanted persons hide. */
  categories: z.string().regex(/^[a-z_]+$/).optional(),
  formula: Formula.optional(),
});
export type FigureDef = z.infer<typeof FigureDef>;

export const ChartType = z.enum(['pie', 'bar', 'hbar', 'series']);

export const Block = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('text'), id: Slug.optional(), text: Text }),
  z.strictObject({ kind: z.literal('narrative'), id: Slug, label: Text }),
  z.strictObject({ kind: z.literal('table'), figure: FigureId, caption: Text, keyLabel: Text, top: z.number().int().min(1).max(200).optional() }),
  z.strictObject({
    kind: z.literal('chart'),
    id: Slug,
    type: ChartType,
    figure: FigureId,
    title: Text,
    /** Bars: the largest `top` parts and one "other" bar for the rest. */
    top: z.number().int().min(1).max(50).optional(),
    /** Only these breakdown keys (e.g. three articles of one chapter); the rest are left out. */
    keys: z.array(z.string().min(1)).optional(),
    /** Series charts: the first year shown (imported aggregates fill years before the records). */
    from: z.number().int().min(1990).max(2100).optional(),
  }),
]);
export type Block = z.infer<typeof Block>;

export const Section = z.strictObject({ id: Slug, title: Text, blocks: z.array(Block).max(200) });
export type Section = z.infer<typeof Section>;

export const ReportDefinition = z.strictObject({
  format: z.literal('azad-report-definition/1'),
  languages: z.array(ReportLang).min(1),
  /** `{year}` is replaced by the report year. */
  title: Text,
  subtitle: Text.optional(),
  figures: z.array(FigureDef).max(1000),
  sections: z.array(Section).min(1).max(50),
  /** Labels of breakdown keys the profile does not name: `{ "sex": { "female": { "az": "Qadın", … } } }`. */
  labels: z.record(z.string().regex(/^[a-z_]+$/), z.record(z.string(), Text)).optional(),
  /** Fixed colours per category, the same in every chart: `{ "female": "#c0504d" }`. */
  colors: z.record(z.string(), z.string().regex(/^#[0-9a-fA-F]{6}$/)).optional(),
});
export type ReportDefinition = z.infer<typeof ReportDefinition>;
