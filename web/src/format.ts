// Dates, labels and role names in the interface language.
import { useTranslation } from 'react-i18next';
import type { Role } from '../../src/access/roles.ts';
import { labelOf, type Label } from '../../src/profile/schema.ts';
import { useProfile } from './data.ts';

const LOCALES = { az: 'az-Latn-AZ', en: 'en-GB', ru: 'ru-RU' } as const;
/** Until the profile has loaded; times are shown in the country's zone, not the browser's. */
const FALLBACK_TIME_ZONE = 'Asia/Baku';

export function useFormat() {
  const { t, i18n } = useTranslation();
  const profile = useProfile();
  const timeZone = profile.data?.settings.timezone ?? FALLBACK_TIME_ZONE;
  const locale = LOCALES[i18n.language as keyof typeof LOCALES] ?? LOCALES.az;
  const dateTime = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone });
  return {
    dateTime: (iso: string | null | undefined) => (iso ? dateTime.format(new Date(iso)) : t('common.none')),
    label: (l: Label | undefined) => (l ? labelOf(l, i18n.language, 'az') : t('common.none')),
    role: (r: Role) => t(`roles.${r}`),
    roles: (rs: readonly Role[]) => rs.map((r) => t(`roles.${r}`)).join(', '),
  };
}
