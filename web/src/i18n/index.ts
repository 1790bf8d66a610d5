// Interface strings in Azerbaijani (the default), English and Russian.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { azOrdinal } from '../../../src/i18n/az-ordinal.ts';
import { Language } from '../../../src/profile/schema.ts';
import az from './az.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };

type Messages = typeof az;
// The compiler holds every translation to the Azerbaijani key set: a missing key fails `tsc`.
const messages: Record<Language, Messages> = { az, en, ru };

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

export const languages = Language.options;
export const DEFAULT_LANGUAGE: Language = 'az';
const STORAGE_KEY = 'azad.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** The language last chosen on this device, if any. */
export function storedLanguage(): Language | null {
  try {
    const v = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(v) ? v : null;
  } catch {
    return null;
  }
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : DEFAULT_LANGUAGE;
}

/** Switches the interface language, remembers it on this device and sets `<html lang>`. */
export async function changeLanguage(lang: Language) {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* storage may be disabled; the choice then lasts for this page only */
  }
  await i18next.changeLanguage(lang);
}

i18next.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

void i18next.use(initReactI18next).init({
  resources: Object.fromEntries(Object.entries(messages).map(([k, v]) => [k, { translation: v }])),
  lng: storedLanguage() ?? DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...languages],
  interpolation: { escapeValue: false }, // React escapes
  initAsync: false, // resources are bundled: ready before the first render
  // A key missing in every language is a defect; the browser tests fail on this message.
  saveMissing: true,
  missingKeyHandler: (_lngs, _ns, key) => console.error(`i18n: missing key "${key}"`),
});
// "2023-cü", "2025-ci", "3-cü nəşr": az messages write `{{year, azOrdinal}}`, never a fixed suffix.
i18next.services.formatter?.add('azOrdinal', (value) => azOrdinal(Number(value)));
document.documentElement.lang = currentLanguage();

export default i18next;
