// Agency submissions: shared with the web app and the CLI, so this file imports only zod (and the profile's zod schemas).
import { z } from 'zod';

import { IndicatorAttribute, IndicatorUnit, Label, Qualifier } from '../profile/schema.ts';

export { Qualifier };

/** Zero is a reported value of 0; unknown and not applicable are different answers, never 0. */
export const ValueState = z.enum(['reported', 'unknown', 'not_applicable']);
export type ValueState = z.infer<typeof ValueState>;

export const SubmissionStatus = z.enum(['draft', 'submitted', 'returned', 'approved']);
export type SubmissionStatus = z.infer<typeof SubmissionStatus>;

/** A reporting period: a year ("2023") or a quarter ("2023-Q2"). */
export const Period = z.string().regex(/^(19|20)\d{2}(-Q[1-4])?$/, 'a year like 2023 or a quarter like 2023-Q2');
export type Period = z.infer<typeof Period>;
export const periodTypeOf = (period: string): 'year' | 'quarter' => (period.includes('-Q') ? 'quarter' : 'year');

/** The last day of a period and the day its submission falls due (deadlineDays after it). */
export function periodDeadline(period: string, deadlineDays: { year: number; quarter: number }): string {
  const year = Number(period.slice(0, 4));
  const q = period.includes('-Q') ? Number(period.slice(-1)) : 4;
  const end = new Date(Date.UTC(year, q * 3, 0));
  end.setUTCDate(end.getUTCDate() + deadlineDays[periodTypeOf(period)]);
  return end.toISOString().slice(0, 10);
}

/** '' for an indicator's count; otherwise one of its attributes' ids (`azn`), a separate answer beside the count. */
export const AttributeId = z.union([z.literal(''), z.string().regex(/^[a-z][a-z0-9_]*$/, 'an attribute id such as "azn"')]);

/** The longest note on a figure, typed on the form or imported from a file. */
export const NOTE_MAX = 500;

export const ValueInput = z.strictObject({
  indicatorId: z.string().min(1).max(100),
  attribute: AttributeId.optional(),
  state: ValueState.default('reported'),
  value: z.number().finite().nullable().optional(),
  qualifier: Qualifier.nullable().optional(),
  note: z.string().trim().max(NOTE_MAX).nullable().optional(),
});
export type ValueInput = z.infer<typeof ValueInput>;

export const SaveFormInput = z.strictObject({
  agencyId: z.uuid(),
  period: Period,
  values: z.array(ValueInput).max(500),
});
export type SaveFormInput = z.infer<typeof SaveFormInput>;

export const FormQuery = z.strictObject({ agencyId: z.uuid(), period: Period });
export const CommentInput = z.strictObject({ comment: z.string().trim().min(1).max(2000) });
export const ApproveInput = z.strictObject({ comment: z.string().trim().min(1).max(2000).optional() });
export const ReopenInput = z.strictObject({ reason: z.string().trim().min(5).max(2000) });

export const SubmissionValue = z.object({
  indicatorId: z.string(),
  attribute: z.string(),
  state: ValueState,
  value: z.number().nullable(),
  qualifier: Qualifier.nullable(),
  note: z.string().nullable(),
});
export type SubmissionValue = z.infer<typeof SubmissionValue>;

export const SubmissionEvent = z.object({
  kind: z.enum(['submitted', 'returned', 'approved', 'reopened', 'comment', 'imported']),
  comment: z.string().nullable(),
  username: z.string().nullable(),
  at: z.string(),
});

export const SubmissionSummary = z.object({
  id: z.uuid(),
  agencyId: z.uuid(),
  agencyCode: z.string(),
  period: Period,
  status: SubmissionStatus,
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type SubmissionSummary = z.infer<typeof SubmissionSummary>;

export const Submission = SubmissionSummary.extend({
  values: z.array(SubmissionValue),
  events: z.array(SubmissionEvent),
});
export type Submission = z.infer<typeof Submission>;

export const SubmissionList = z.object({ items: z.array(SubmissionSummary) });
export const SubmissionListQuery = z.strictObject({ period: Period.optional(), status: SubmissionStatus.optional() });

/** One agency's form for one period: the indicators it reports and what it has entered so far. */
export const Form = z.object({
  agencyId: z.uuid(),
  agencyCode: z.string(),
  period: Period,
  indicators: z.array(z.object({ id: z.string(), label: Label, unit: IndicatorUnit, qualifier: Qualifier.optional(), attributes: z.array(IndicatorAttribute) })),
  submission: Submission.nullable(),
});
export type Form = z.infer<typeof Form>;

export const CompletenessQuery = z.strictObject({ period: Period });
export const Completeness = z.object({
  period: Period,
  deadline: z.string(),
  items: z.array(
    z.object({
      agencyId: z.uuid(),
      agencyCode: z.string(),
      submissionId: z.uuid().nullable(),
      status: z.union([SubmissionStatus, z.literal('missing')]),
      submittedAt: z.string().nullable(),
      late: z.boolean(),
    }),
  ),
});
export type Completeness = z.infer<typeof Completeness>;

/** A national figure from approved submissions (and the activities register), for the annual report. */
export const Figure = z.object({
  id: z.string(),
  /** Set for an attribute's figure (`azn`): the amounts beside the indicator's count, summed apart from it. */
  attribute: z.string().optional(),
  value: z.number().nullable(),
  qualifier: z.string().optional(),
  breakdown: z.record(z.string(), z.number()).optional(),
  /** How many reporting agencies answered "unknown". */
  unknown: z.number().int().optional(),
  sources: z.array(z.object({ agencyCode: z.string(), submissionId: z.string() })),
});
export type Figure = z.infer<typeof Figure>;
export const FiguresQuery = z.strictObject({ year: z.coerce.number().int().min(1990).max(2100) });
export const FigureList = z.object({ year: z.number(), items: z.array(Figure) });

/** A spreadsheet upload: the file travels base64-encoded in JSON, like every other body. */
export const ImportInput = z.strictObject({
  agencyId: z.uuid(),
  period: Period,
  format: z.enum(['xlsx', 'csv']),
  contentBase64: z.string().min(1).max(8_000_000),
});
export const TemplateQuery = z.strictObject({ agencyId: z.uuid(), period: Period, format: z.enum(['xlsx', 'csv']).default('xlsx'), lang: z.enum(['az', 'en', 'ru']).optional() });

const numberLocale = { az: 'az-Latn-AZ', en: 'en-GB', ru: 'ru-RU' } as const;

// Azerbaijani suffixes follow the last spoken word of the number (vowel harmony).
const lastWord = (n: number): string => {
  const units = ['', 'bir', 'iki', 'üç', 'dörd', 'beş', 'altı', 'yeddi', 'səkkiz', 'doqquz'];
  const tens = ['', 'on', 'iyirmi', 'otuz', 'qırx', 'əlli', 'altmış', 'yetmiş', 'səksən', 'doxsan'];
  const i = Math.trunc(Math.abs(n));
  if (i === 0) return 'sıfır';
  if (i % 10) return units[i % 10] ?? '';
  if (i % 100) return tens[(i % 100) / 10] ?? '';
  if (i % 1000) return 'yüz';
  return i % 1_000_000 ? 'min' : 'milyon';
};
const lastVowel = (w: string) => [...w].reverse().find((ch) => 'aıoueəiöü'.includes(ch)) ?? 'ə';
const azAblative = (n: number) => ('aıou'.includes(lastVowel(lastWord(n))) ? 'dan' : 'dən');
const azDative = (n: number) => {
  const w = lastWord(n);
  const back = 'aıou'.includes(lastVowel(w));
  const vowelEnd = 'aıoueəiöü'.includes(w.slice(-1));
  return (vowelEnd ? 'y' : '') + (back ? 'a' : 'ə');
};

/** "more than 50", "50-dən çox", "более 50"; a plain number without a qualifier. */
export function formatQualified(value: number, qualifier: Qualifier | null | undefined, lang: string): string {
  const l = (lang.split('-')[0] ?? 'en') as keyof typeof numberLocale;
  const n = new Intl.NumberFormat(numberLocale[l] ?? 'en-GB').format(value);
  if (!qualifier) return n;
  if (l === 'az') {
    switch (qualifier) {
      case 'more_than': return `${n}-${azAblative(value)} çox`;
      case 'at_least': return `ən azı ${n}`;
      case 'nearly': return `${n}-${azDative(value)} yaxın`;
      case 'about': return `təxminən ${n}`;
      case 'less_than': return `${n}-${azAblative(value)} az`;
    }
  }
  const words = l === 'ru'
    ? { more_than: 'более', at_least: 'не менее', nearly: 'почти', about: 'около', less_than: 'менее' }
    : { more_than: 'more than', at_least: 'at least', nearly: 'nearly', about: 'about', less_than: 'fewer than' };
  return `${words[qualifier]} ${n}`;
}
