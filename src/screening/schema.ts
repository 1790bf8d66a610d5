// Screening request and response shapes, shared by the CLI, the API and the web app.
import { z } from 'zod';
import { INDICATORS } from './indicators.ts';

export const CHANNELS = ['job_ad', 'social_post', 'chat', 'hotline_note', 'news', 'awareness'] as const;
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

export const SCREEN_LANGS = ['az', 'ru', 'en', 'tr', 'mixed'] as const;
export const ScreenLang = z.enum(SCREEN_LANGS);
export type ScreenLang = z.infer<typeof ScreenLang>;

/** Longest text screened; longer texts are cut here and the result carries a warning. */
export const MAX_TEXT_CHARS = 100_000;

export const ScreenInput = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  text: z.string(),
  lang: ScreenLang.optional(),
  channel: Channel.optional(),
});
export type ScreenInput = z.input<typeof ScreenInput>;

export const EvidenceSpan = z.object({ start: z.number().int(), end: z.number().int(), text: z.string() });
export const IndicatorResult = z.object({ code: z.enum(INDICATORS), evidence: z.array(EvidenceSpan) });
/** The genre judgement: a first-party item, or a text about trafficking (news, awareness), with its cues. */
export const GenreResult = z.object({
  genre: z.enum(['first_party', 'about']),
  about: z.number(),
  cues: z.array(z.object({ kind: z.string(), start: z.number().int(), end: z.number().int(), text: z.string() })),
});
export const ScreenResult = z.object({
  id: z.string(),
  score: z.number(),
  flagged: z.boolean(),
  lang: ScreenLang,
  indicators: z.array(IndicatorResult),
  genre: GenreResult.optional(),
  /** The model's threshold: a score at or above it always comes with a flag. */
  threshold: z.number().optional(),
  warnings: z.array(z.string()).optional(),
});
export type ScreenResult = z.infer<typeof ScreenResult>;

// The API.
export const ScreenTextInput = z.strictObject({
  text: z.string().trim().min(1).max(MAX_TEXT_CHARS),
  lang: ScreenLang.optional(),
  channel: Channel.optional(),
});
export const BatchInput = z.strictObject({ jsonl: z.string().min(1) });
export const LineErrorSchema = z.object({ line: z.number().int(), id: z.string().optional(), error: z.string() });
export const BatchResult = z.object({ results: z.array(z.union([ScreenResult, LineErrorSchema])) });

export const Verdict = z.enum(['true_alarm', 'false_alarm']);
export type Verdict = z.infer<typeof Verdict>;
/** A verdict on one indicator of an item, or on the item's flag as a whole ("item"). */
export const DecisionInput = z.strictObject({ code: z.union([z.enum(INDICATORS), z.literal('item')]), verdict: Verdict });
export const LinkInput = z
  .strictObject({ hotlineTipId: z.uuid().nullable().optional(), crimeFactId: z.uuid().nullable().optional() })
  .refine((v) => v.hotlineTipId !== undefined || v.crimeFactId !== undefined, { message: 'give hotlineTipId or crimeFactId' });

export const ItemSummary = z.object({
  id: z.uuid(),
  createdAt: z.string(),
  lang: ScreenLang,
  channel: Channel.nullable(),
  score: z.number(),
  flagged: z.boolean(),
  codes: z.array(z.string()),
  verdict: Verdict.nullable(),
});
export const ItemList = z.object({ items: z.array(ItemSummary) });
export const ItemListQuery = z.strictObject({
  flagged: z.enum(['true', 'false']).optional(),
  reviewed: z.enum(['true', 'false']).optional(),
});
export const ItemDetail = ItemSummary.extend({
  text: z.string(),
  indicators: z.array(IndicatorResult),
  decisions: z.array(z.object({ code: z.string(), verdict: Verdict })),
  hotlineTipId: z.uuid().nullable(),
  crimeFactId: z.uuid().nullable(),
});
export type ItemDetail = z.infer<typeof ItemDetail>;
export const ScreeningStats = z.object({ kept: z.number(), flagged: z.number(), reviewed: z.number(), trueAlarms: z.number(), falseAlarms: z.number() });

// The first-responder questionnaire.
export const QAnswer = z.enum(['yes', 'no', 'unknown', 'declined']);
export const QuestionnaireInput = z.strictObject({
  lang: z.enum(['az', 'en', 'ru']),
  answers: z.record(z.string(), QAnswer),
  personId: z.uuid().nullable().optional(),
  notes: z.string().trim().max(4000).optional(),
});
export const RecommendedAction = z.enum(['shelter', 'refer_police', 'call_152', 'none']);
export const QuestionnaireResult = z.object({
  id: z.uuid(),
  personId: z.uuid().nullable(),
  createdAt: z.string(),
  lang: z.enum(['az', 'en', 'ru']),
  answers: z.record(z.string(), QAnswer),
  indicators: z.array(z.enum(INDICATORS)),
  action: RecommendedAction,
  notes: z.string().nullable(),
});
export const QuestionnaireList = z.object({ items: z.array(QuestionnaireResult) });
export const QuestionList = z.object({
  questions: z.array(z.object({ id: z.string(), ilo: z.string(), code: z.enum(INDICATORS).nullable(), warnsOn: z.enum(['yes', 'no']), text: z.object({ az: z.string(), en: z.string(), ru: z.string() }) })),
});
