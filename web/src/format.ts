// Dates, labels and role names in the interface language.
import { useTranslation } from 'react-i18next';
import type { Role } from '../../src/access/roles.ts';
import { countryName } from '../../src/i18n/countries.ts';
import { labelOf, type Label } from '../../src/profile/schema.ts';
import { precisionOf } from '../../src/victims/partial-date.ts';
import { useAgencies, useProfile } from './data.ts';

const LOCALES = { az: 'az-Latn-AZ', en: 'en-GB', ru: 'ru-RU' } as const;
const MONTHS = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'] as const;
/** Until the profile has loaded; times are shown in the country's zone, not the browser's. */
const FALLBACK_TIME_ZONE = 'Asia/Baku';

export function useFormat() {
  const { t, i18n } = useTranslation();
  const profile = useProfile();
  const agencies = useAgencies();
  const timeZone = profile.data?.settings.timezone ?? FALLBACK_TIME_ZONE;
  const lang = Object.hasOwn(LOCALES, i18n.language) ? (i18n.language as keyof typeof LOCALES) : 'az';
  const locale = LOCALES[lang];
  const dateTime = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone });
  const dayOf = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone });
  // A calendar date ('YYYY-MM-DD') is the same day everywhere: format it at UTC midnight in UTC.
  const calendar = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' });
  // Month names from our translations: browsers' locale data for az is often missing ("2026 M05").
  const monthName = (month: number) => t(`partialDate.months.${MONTHS[month - 1] ?? '01'}`);
  const none = t('common.none');
  const label = (l: Label | undefined) => (l ? labelOf(l, i18n.language, 'az') : none);
  return {
    dateTime: (iso: string | null | undefined) => (iso ? dateTime.format(new Date(iso)) : none),
    /** The day of a moment, in the country's zone. */
    day: (iso: string | null | undefined) => (iso ? dayOf.format(new Date(iso)) : none),
    /** A calendar date such as a contact or payment date. */
    date: (ymd: string | null | undefined) => (ymd ? calendar.format(new Date(`${ymd}T00:00:00Z`)) : none),
    /** A date as the person told it: "2019", "May 2019" (in the interface language) or a full date. */
    toldDate: (told: string | null | undefined) => {
      if (!told) return none;
      const precision = precisionOf(told);
      if (precision === 'year') return told;
      if (precision === 'month') return t('partialDate.monthYear', { month: monthName(Number(told.slice(5, 7))), year: told.slice(0, 4) });
      return calendar.format(new Date(`${told}T00:00:00Z`));
    },
    /** A month's name (1–12) on its own, for month pickers. */
    monthName,
    /** "Türkiyə (TR)"; the code alone where the dataset has no name for it. */
    country: (code: string | null | undefined) => {
      if (!code) return none;
      const name = countryName(code, lang);
      return name ? `${name} (${code})` : code;
    },
    countryName: (code: string) => countryName(code, lang) ?? '',
    money: (amount: number, currency: string) => new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount),
    label,
    agency: (id: string | null | undefined) => (id ? label(agencies.data?.items.find((a) => a.id === id)?.name) : none),
    role: (r: Role) => t(`roles.${r}`),
    roles: (rs: readonly Role[]) => rs.map((r) => t(`roles.${r}`)).join(', '),
  };
}
