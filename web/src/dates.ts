// Calendar dates ('YYYY-MM-DD') as the country counts them, for date fields and day counts.
import { todayIn } from '../../src/victims/calendar.ts';
import { useProfile } from './data.ts';

/** Until the profile has loaded; dates are counted in the country's zone, not the browser's. */
const FALLBACK_TIME_ZONE = 'Asia/Baku';
const DAY_MS = 86_400_000;

export { todayIn };
export { isPartialDate } from '../../src/victims/partial-date.ts';

/** Today for date fields: the default and the latest date allowed, as the server counts it (the profile's zone). */
export function useToday(): string {
  const profile = useProfile();
  return todayIn(profile.data?.settings.timezone ?? FALLBACK_TIME_ZONE);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));
