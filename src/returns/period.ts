import { invalid } from '../errors.ts';
import type { Period } from './schema.ts';

/** A calendar year as a period. */
export const calendarYear = (year: number): Period => ({ from: `${year}-01-01`, to: `${year}-12-31` });

/**
 * The US TIP report's year: 1 April to 31 March. The 2025 report covers 1 April 2024 – 31 March 2025,
 * so `tipYear(2025)` is that period (Federal Register 2024-27815).
 */
export const tipYear = (reportYear: number): Period => ({ from: `${reportYear - 1}-04-01`, to: `${reportYear}-03-31` });

/** The calendar year a period is exactly, or null: only such a period compares with an annual report. */
export function wholeCalendarYear(p: Period): number | null {
  const y = Number(p.from.slice(0, 4));
  return p.from === `${y}-01-01` && p.to === `${y}-12-31` ? y : null;
}

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

/** `--period 2023`, or `--from`/`--to`: checked, every problem named. */
export function parsePeriod(opts: { period?: string; from?: string; to?: string }): Period {
  if (opts.period !== undefined) {
    if (opts.from !== undefined || opts.to !== undefined) throw invalid('Invalid period', [{ path: '--period', message: 'give --period or --from/--to, not both' }]);
    if (!/^\d{4}$/.test(opts.period)) throw invalid('Invalid period', [{ path: '--period', message: `a year such as 2023, not "${opts.period}"` }]);
    return calendarYear(Number(opts.period));
  }
  const problems = [];
  if (opts.from === undefined || !isDate(opts.from)) problems.push({ path: '--from', message: 'a date YYYY-MM-DD is required (or --period YEAR)' });
  if (opts.to === undefined || !isDate(opts.to)) problems.push({ path: '--to', message: 'a date YYYY-MM-DD is required (or --period YEAR)' });
  if (problems.length) throw invalid('Invalid period', problems);
  return checkedPeriod({ from: opts.from!, to: opts.to! });
}

/** A period whose end is not before its start, and at most ten years long. */
export function checkedPeriod(p: Period): Period {
  if (p.to < p.from) throw invalid('Invalid period', [{ path: 'to', message: 'must not be before from' }]);
  if (Number(p.to.slice(0, 4)) - Number(p.from.slice(0, 4)) > 10) throw invalid('Invalid period', [{ path: 'to', message: 'a period spans at most ten years' }]);
  return p;
}

export const periodLabel = (p: Period) => `${p.from} – ${p.to}`;
export const periodSlug = (p: Period) => {
  const y = wholeCalendarYear(p);
  return y === null ? `${p.from}_${p.to}` : String(y);
};
