// Country names in az, en and ru from a maintained dataset (i18n-iso-countries), for the web app and
// the server alike. Not the runtime's Intl.DisplayNames: its names are whatever ICU data the browser
// or Node was built with, and some builds (Debian's Chromium) name countries in English in az.
// Only these three locale files are imported, so the web bundle carries no other language.
import az from 'i18n-iso-countries/langs/az.json' with { type: 'json' };
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import ru from 'i18n-iso-countries/langs/ru.json' with { type: 'json' };

export type CountryLanguage = 'az' | 'en' | 'ru';

/** Per code the dataset's name, or a list whose first entry is the name and the rest are aliases. */
type Names = Record<string, string | string[]>;
const NAMES: Record<CountryLanguage, Names> = { az: az.countries, en: en.countries, ru: ru.countries };

/** The name of an ISO 3166-1 alpha-2 code ("AE") in a language; null for a code the dataset lacks. */
export function countryName(code: string, lang: CountryLanguage): string | null {
  if (!/^[A-Z]{2}$/.test(code)) return null;
  const n = NAMES[lang][code];
  return (Array.isArray(n) ? n[0] : n) ?? null;
}
