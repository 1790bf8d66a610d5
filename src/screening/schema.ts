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
export const ScreenResult = z.object({
  id: z.string(),
  score: z.number(),
  flagged: z.boolean(),
  lang: ScreenLang,
  indicators: z.array(IndicatorResult),
  warnings: z.array(z.string()).optional(),
});
export type ScreenResult = z.infer<typeof ScreenResult>;
