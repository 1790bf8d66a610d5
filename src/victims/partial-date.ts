// Dates as a victim tells them: a year ("2019"), a year and month ("2019-05") or a full date.
// Shared by the server, the web app and the CLI; no dependencies beyond zod.
import { z } from 'zod';

export type Precision = 'year' | 'month' | 'day';
export const PRECISIONS = ['year', 'month', 'day'] as const satisfies readonly Precision[];

const SHAPE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
/** The shape as a JSON Schema pattern (the interchange docs name such fields "date as told"). */
export const PARTIAL_DATE_PATTERN = SHAPE.source;
const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Whether a text is a real year, month or day in ISO 8601 form (no 2023-13, no 2023-02-30). */
export function isPartialDate(s: string): boolean {
  const m = SHAPE.exec(s);
  if (!m) return false;
  const year = Number(m[1]);
  if (year < 1) return false;
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  return day >= 1 && day <= daysIn(year, month);
}

/** How much of the date is known, read from its length. */
export const precisionOf = (s: string): Precision => (s.length === 4 ? 'year' : s.length === 7 ? 'month' : 'day');

/** The first day the date names: how it is stored and ordered ("2019" → 2019-01-01). */
export function firstDayOf(s: string): string {
  const p = precisionOf(s);
  return p === 'year' ? `${s}-01-01` : p === 'month' ? `${s}-01` : s;
}

/** The last day the date names ("2019" → 2019-12-31, "2024-02" → 2024-02-29). */
export function lastDayOf(s: string): string {
  const p = precisionOf(s);
  if (p === 'year') return `${s}-12-31`;
  if (p === 'month') return `${s}-${pad(daysIn(Number(s.slice(0, 4)), Number(s.slice(5, 7))))}`;
  return s;
}

/** The date as told, from its stored first day and precision. */
export const toldDate = (firstDay: string, precision: Precision | string): string => (precision === 'year' ? firstDay.slice(0, 4) : precision === 'month' ? firstDay.slice(0, 7) : firstDay);

/** The year the date names: what reports count it by. */
export const yearOf = (s: string) => Number(s.slice(0, 4));

/**
 * In the future only when the period it names starts after today: "2026" is not in the future on
 * 7 December 2026, nor is "2026-12"; "2027" is.
 */
export const isFutureDate = (s: string, today: string) => s > today.slice(0, s.length);

/**
 * An end before its start only when the whole of the end's period lies before the start's:
 * "2023" to "2023-05" overlap and pass, "2023-04" to "2023-05" does not.
 */
export const endsBeforeStart = (start: string, end: string) => lastDayOf(end) < firstDayOf(start);

/** The shape alone (imports, queries): a year, a year and month, or a date. */
const SHAPE_MESSAGE = 'must be a year, a year and month, or a date: YYYY, YYYY-MM or YYYY-MM-DD';
export const PartialDateText = z.string().regex(SHAPE, { message: SHAPE_MESSAGE, abort: true }).refine(isPartialDate, { message: SHAPE_MESSAGE, abort: true });

/** A date as told that has happened; `today` is the calendar's (the profile's time zone). */
export const partialDate = (today: () => string) => PartialDateText.refine((s) => !isFutureDate(s, today()), 'must not be in the future');
