// Labels of breakdown keys in the report's languages: the definition's own labels first, then
// the profile (agencies, articles, service kinds, regions, topics), then the labels of the codes the
// system itself defines (code-labels.json: sexes, statuses, channels, stages …), then country names
// (src/i18n/countries.ts).
import { countryName } from '../../i18n/countries.ts';
export { azOrdinal } from '../../i18n/az-ordinal.ts';
import type { Profile } from '../../profile/schema.ts';
import CODE_LABELS_JSON from './code-labels.json' with { type: 'json' };
import type { ReportDefinition, ReportLang } from './schema.ts';

/** Labels of the codes the recording modules define (zod enums), per dimension, in az, en and ru. */
export const CODE_LABELS: Record<string, Record<string, Record<ReportLang, string>>> = CODE_LABELS_JSON;

export const LOCALES: Record<ReportLang, string> = { az: 'az-Latn-AZ', en: 'en-GB', ru: 'ru-RU' };

/** Words the machinery prints around figures (not figures themselves). */
export const WORDS: Record<string, Record<ReportLang, string>> = {
  unknown: { az: 'məlum deyil', en: 'unknown', ru: 'неизвестно' },
  other: { az: 'digər', en: 'other', ru: 'прочие' },
  total: { az: 'Cəmi', en: 'Total', ru: 'Всего' },
  none: { az: 'yoxdur', en: 'none', ru: 'нет' },
  noData: { az: 'məlumat yoxdur', en: 'no data', ru: 'нет данных' },
  number: { az: 'Say', en: 'Number', ru: 'Число' },
  and: { az: 'və', en: 'and', ru: 'и' },
  contents: { az: 'Mündəricat', en: 'Contents', ru: 'Содержание' },
  page: { az: 'Səhifə', en: 'Page', ru: 'Страница' },
  article: { az: 'Maddə', en: 'Art.', ru: 'Ст.' },
  draft: { az: 'layihə, dərc edilməyib', en: 'draft, not published', ru: 'проект, не опубликован' },
  edition: { az: 'nəşr', en: 'edition', ru: 'издание' },
  countedAs: { az: 'Necə hesablanır', en: 'Counted as', ru: 'Как считается' },
};

const COUNTRY_DIMS = new Set(['citizenship', 'country_of_exploitation', 'country', 'hiding_country']);

export type LabelFn = (dim: string | null, key: string) => string;

/** A label function for one language; `null` dim means a key of no known dimension. */
export function labeller(def: ReportDefinition, profile: Profile, lang: ReportLang): LabelFn {
  const pick = (l: { az?: string; en?: string; ru?: string } | undefined) => l?.[lang] ?? l?.en ?? l?.az;
  const find = (dim: string | null, key: string): string | undefined => {
    if (key === 'unknown' || key === 'other') return pick(def.labels?.[dim ?? '']?.[key]) ?? (WORDS[key] as Record<ReportLang, string>)[lang];
    const own = pick(def.labels?.[dim ?? '']?.[key]);
    if (own) return own;
    switch (dim) {
      case 'agency':
      case 'from_agency':
        return pick(profile.agencies.find((a) => a.code === key)?.label);
      case 'article':
      case 'article_part':
        return `${WORDS.article?.[lang]} ${key}`;
      case 'report_key':
        return pick(profile.criminalArticles.find((a) => a.reportKey === key)?.label);
      case 'kind':
        return pick(profile.assistanceKinds.find((k) => k.code === key)?.label) ?? pick(profile.paymentKinds.find((k) => k.code === key)?.label) ?? pick(CODE_LABELS.kind?.[key]);
      case 'region':
        return pick(profile.regions.regions.find((r) => r.code === key)?.label);
      case 'exploitation_form':
      case 'form':
        return pick(profile.exploitationForms.find((f) => f.code === key)?.label);
      case 'topic':
        return pick(profile.hotlineTopics.find((t) => t.code === key)?.label);
      default:
        if (dim && CODE_LABELS[dim]?.[key]) return pick(CODE_LABELS[dim]?.[key]);
        if (dim && COUNTRY_DIMS.has(dim)) return countryName(key, lang) ?? undefined;
        return undefined;
    }
  };
  // A label stands alone (a table row, a chart's axis: "Trafficking") in whatever case it was
  // written; a list lowers it again (midSentence). A code without a label is printed as it is.
  return (dim, key) => {
    const label = find(dim, key);
    return label === undefined ? key : sentenceStart(label, lang);
  };
}

/** Dimensions whose labels are names (countries, agencies, platforms, articles): never lower-cased. */
const NAME_DIMS = new Set([...COUNTRY_DIMS, 'agency', 'from_agency', 'platform', 'article', 'article_part', 'search', 'language']);

/**
 * A label as printed inside a sentence: labels are written as they stand alone (a chart legend,
 * "Women"), so mid-sentence the first letter drops to lower case, unless the label is a name or its
 * first word is an acronym or brand ("HIV/AIDS testing", "WhatsApp") or the second word is capitalised (a name).
 */
export function midSentence(label: string, dim: string | null, lang: ReportLang): string {
  if (dim && NAME_DIMS.has(dim)) return label;
  const [first = '', ...rest] = label.split(/\s+/);
  if (/\p{Lu}/u.test(first.slice(1))) return label;
  // A capitalised second word makes the first one part of a name ("Aid Fund payment", "State
  // Labour Inspectorate"): lower-casing it would break the name. A name later on does not
  // ("referral to the State Employment Agency").
  if (/^\p{Lu}\p{Ll}/u.test(rest[0] ?? '')) return label;
  return label.charAt(0).toLocaleLowerCase(LOCALES[lang]) + label.slice(1);
}

/** Upper-cases the first letter: a list placeholder that opens a sentence. */
export const sentenceStart = (text: string, lang: ReportLang) => text.charAt(0).toLocaleUpperCase(LOCALES[lang]) + text.slice(1);

/** "Unknown" or "Other" standing alone as a label (a table row, a legend, a bar), capitalised like every label. */
export const standaloneWord = (word: 'unknown' | 'other', lang: ReportLang) => sentenceStart(WORDS[word]?.[lang] ?? word, lang);

/** Whether a key has a label other than itself in a language (the definition check warns on raw codes). */
export function hasLabel(def: ReportDefinition, profile: Profile, dim: string, key: string, lang: ReportLang = 'en'): boolean {
  if (def.labels?.[dim]?.[key]?.[lang]) return true; // given, even if it reads as the code ("trafficking")
  const l = labeller(def, profile, lang)(dim, key);
  return l !== key || /^\d{4}(-\d{4})?$/.test(key);
}
