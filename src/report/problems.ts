// The stable codes of everything the report can complain about: the validation panel's problems
// (validation.ts, build.ts) and the definition checker's errors (definition/check.ts, store.ts).
// Each carries its values as `params`, so the web app says it in the user's language; the English
// `message` stays for the CLI, the logs and older clients.
import { z } from 'zod';

/** Codes of the validation panel (docs/report-definition.md, "What is checked"). */
export const PROBLEM_CODES = [
  'not_submitted',
  'no_data',
  'median_no_data',
  'share_no_base',
  'breakdown_sum',
  'part_exceeds_whole',
  'negative',
  'history_conflict',
  'narrative_missing',
  'previous_year_changed',
  'unknown_part',
  'parts_not_listed',
  'zero_part',
  'unlabelled',
  'chart_empty',
  'partial_unknown',
  'cumulative_gap',
] as const;
export const ProblemCode = z.enum(PROBLEM_CODES);
export type ProblemCode = z.infer<typeof ProblemCode>;

/** Codes of the definition checker's errors, one per kind of mistake. */
export const DEFINITION_CODES = [
  'shape',
  'text_empty',
  'duplicate_figure',
  'no_label',
  'from_and_formula',
  'from_or_formula',
  'unknown_date',
  'unknown_count',
  'unknown_filter',
  'unknown_service_kind',
  'unknown_payment_kind',
  'unknown_agency',
  'unknown_article',
  'unknown_breakdown',
  'bands_not_age',
  'unknown_dimension',
  'group_overlap',
  'country_code',
  'unknown_code',
  'unknown_indicator',
  'attribute_needs_indicators',
  'attribute_missing',
  'rest_needs_groups',
  'not_a_band',
  'not_a_group',
  'no_parts',
  'not_a_part',
  'formula_unknown_figure',
  'formula_cycle',
  'duplicate_section',
  'placeholder_unknown_figure',
  'duplicate_narrative',
  'block_unknown_figure',
  'duplicate_chart',
  'unknown_article_part',
  'placeholder_forms',
] as const;
export const DefinitionCode = z.enum(DEFINITION_CODES);
export type DefinitionCode = z.infer<typeof DefinitionCode>;

/**
 * Where a part is asked for (`no_parts`, `not_a_part`): the web app words `detail` by this:
 * a formula's part key, a placeholder, a table, a chart of a type, a chart's key.
 */
export const PART_PLACES = ['formula_part', 'placeholder', 'table', 'chart', 'chart_key'] as const;
export type PartPlace = (typeof PART_PLACES)[number];

/** The values a message is made of (figure ids, codes, counts; lists joined with ", "). */
export const ProblemParams = z.record(z.string(), z.union([z.string(), z.number()]));
export type ProblemParams = z.infer<typeof ProblemParams>;

/** A definition checker error: the path of the field, its code and values, and the English message. */
export interface DefinitionProblem {
  path: string;
  code: DefinitionCode;
  params: ProblemParams;
  message: string;
}

/** `"a", "b"`: codes quoted and joined, as every message lists them. */
export const listed = (codes: Iterable<string>) => [...codes].map((c) => `"${c}"`).join(', ');
