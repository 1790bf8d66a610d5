// Number agreement in sentences: `{id|one:person|other:persons}` prints the number (and its change)
// followed by the word form the language's plural rules (Intl.PluralRules) choose for the value;
// ru has one, few and many ("1 человек", "3 человека", "6 человек"), az and en one and other.
import { LOCALES } from './labels.ts';
import type { ReportLang } from './schema.ts';

/** The plural categories a language has for the numbers the report prints: every one must be given. */
export const pluralCategories = (lang: ReportLang): string[] => [...new Intl.PluralRules(LOCALES[lang]).resolvedOptions().pluralCategories].sort();

/** "one:person|other:persons" → { one: "person", other: "persons" }; null when malformed. */
export function parseForms(forms: string): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (const item of forms.split('|')) {
    const m = /^\s*([a-z]+)\s*:(.*)$/.exec(item);
    if (!m || m[1] === undefined || m[2] === undefined || !m[2].trim() || m[1] in out) return null;
    out[m[1]] = m[2].trim();
  }
  return out;
}

/** What is wrong with a placeholder's word forms in a language; null when they are complete. */
export function formsProblem(forms: string, lang: ReportLang): string | null {
  const parsed = parseForms(forms);
  const need = pluralCategories(lang);
  const example = `e.g. {id|${need.map((c) => `${c}:…`).join('|')}}`;
  if (!parsed) return `word forms are written "category:word" separated by "|", each category once (${example})`;
  const unknown = Object.keys(parsed).filter((c) => !need.includes(c));
  if (unknown.length) return `${unknown.map((c) => `"${c}"`).join(', ')} is not a plural category of ${lang}; ${lang} has ${need.join(', ')} (${example})`;
  const missing = need.filter((c) => !(c in parsed));
  if (missing.length) return `the ${lang} text needs every plural form of ${lang}: ${missing.join(', ')} missing (${example})`;
  return null;
}

/** The word form for a value in a language (the `other` form if the forms are incomplete). */
export function wordFor(value: number, forms: string, lang: ReportLang): string {
  const parsed = parseForms(forms) ?? {};
  return parsed[new Intl.PluralRules(LOCALES[lang]).select(value)] ?? parsed.other ?? '';
}

/** A placeholder's word forms checked for one language: none on a list placeholder, and complete. */
export function placeholderFormsProblem(p: { list: string; forms: string | null }, lang: ReportLang): string | null {
  if (p.forms === null) return null;
  if (p.list) return 'a list placeholder ({*id}, {+id}, {~id}) takes no word forms';
  return formsProblem(p.forms, lang);
}

/** A printed number followed by its word form: "6 (+3) человек"; a missing value takes the `other` form. */
export function withWord(text: string, value: number | null | undefined, forms: string, lang: ReportLang): string {
  const word = typeof value === 'number' ? wordFor(value, forms, lang) : (parseForms(forms)?.other ?? '');
  return word ? `${text} ${word}` : text;
}
