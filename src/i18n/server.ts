// The server's answers in the caller's language. Accept-Language picks az, en or ru; the texts are
// the web app's own translations (one set of words for both), zod's bundled locales word its
// default validation messages, and anything without a translation stays in English.
import i18next, { type TFunction } from 'i18next';
import { z } from 'zod';
import az from '../../web/src/i18n/az.json' with { type: 'json' };
import en from '../../web/src/i18n/en.json' with { type: 'json' };
import ru from '../../web/src/i18n/ru.json' with { type: 'json' };
import { matchFieldMessage } from './field-messages.ts';

export const serverLanguages = ['az', 'en', 'ru'] as const;
export type ServerLanguage = (typeof serverLanguages)[number];

/** The best of az, en and ru in an Accept-Language header (q-values honoured); English when none fits. */
export function languageOf(header: string | string[] | undefined): ServerLanguage {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  const ranked = text
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(params.map((p) => p.trim()).find((p) => p.startsWith('q='))?.slice(2) ?? '1');
      return { lang: tag.trim().toLowerCase().split('-')[0] ?? '', q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((x) => x.q > 0 && (serverLanguages as readonly string[]).includes(x.lang))
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return (ranked[0]?.lang as ServerLanguage | undefined) ?? 'en';
}

const i18n = i18next.createInstance();
void i18n.init({ initAsync: false, resources: { az: { translation: az }, en: { translation: en }, ru: { translation: ru } }, fallbackLng: 'en', interpolation: { escapeValue: false }, returnNull: false });
/** The interface's translations in `lang`, for what the server words itself (errors, printed summaries). */
export const tFor = (lang: ServerLanguage): TFunction => i18n.getFixedT(lang);

const zodLocales = { az: z.locales.az(), en: z.locales.en(), ru: z.locales.ru() };
type ZodIssue = Parameters<(typeof zodLocales)['en']['localeError']>[0];
// A finished issue carries what the locale needs (its input only when parsed with reportInput).
const asRaw = (issue: object) => issue as ZodIssue;
const wordOf = (r: unknown) => (typeof r === 'string' ? r : ((r as { message?: string } | undefined)?.message ?? ''));

/**
 * One field message in `lang`: a message the server words itself (matched by its English text),
 * else zod's default message for the issue in that language; a custom English one stays as it is.
 */
export function localiseFieldMessage(message: string, lang: ServerLanguage, finished?: object): string {
  const issue = finished ? asRaw(finished) : undefined;
  if (lang === 'en') return message;
  if (message === 'unknown field') return tFor(lang)('fieldErrors.unknownField');
  const known = matchFieldMessage(message);
  if (known) return tFor(lang)(known.key, known.values);
  if (issue && wordOf(zodLocales.en.localeError(issue)) === message) return wordOf(zodLocales[lang].localeError(issue)) || message;
  return message;
}

/** The page-level message for an error code in `lang`, when the interface has one; else `fallback`. */
export function localiseErrorMessage(code: string, fallback: string, lang: ServerLanguage, params?: Record<string, string | number>): string {
  if (lang === 'en') return fallback;
  const minutes = code === 'account_locked' ? params?.minutes : undefined;
  if (minutes !== undefined) return tFor(lang)('errors.lockedFor', { count: Number(minutes) });
  return Object.hasOwn(en.errors, code) ? tFor(lang)(`errors.${code as keyof typeof en.errors}`) : fallback;
}
