// Agreement with the annual report: where a return and the report count the same thing for the
// same calendar year, they must agree; a disagreement is a finding in the output, never silence.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Profile } from '../profile/schema.ts';
import { reportFigures } from '../report/report.ts';
import { wholeCalendarYear } from './period.ts';
import type { Finding, Period } from './schema.ts';

/** One comparison: the report figure (or one part of its breakdown) and the return's own count of it. */
export interface Shared {
  figure: string;
  part?: string;
  ours: number;
  /** What the return's row is, in words, for the message. */
  what: string;
}

export type ReportValues = Map<string, { value: number | null; breakdown?: Record<string, number> }>;

/** The annual report's figures for the period's calendar year, or null when the period is not one. */
export async function reportValuesFor(db: Kysely<Database>, profile: Profile, period: Period): Promise<ReportValues | null> {
  const year = wholeCalendarYear(period);
  if (year === null) return null;
  const r = await reportFigures(db, profile, year);
  return new Map(r.figures.map((f) => [f.id, { value: f.value, breakdown: f.breakdown }]));
}

export function compareWithReport(report: ReportValues | null, period: Period, shared: Shared[]): Finding[] {
  if (report === null) {
    return [{ code: 'report_not_comparable', severity: 'info', message: `The period ${period.from} – ${period.to} is not a calendar year: the annual report has no figures for it, so nothing was compared.` }];
  }
  const out: Finding[] = [];
  for (const s of shared) {
    const f = report.get(s.figure);
    if (!f) {
      out.push({ code: 'report_not_comparable', severity: 'warning', figure: s.figure, ...(s.part ? { part: s.part } : {}), ours: s.ours, message: `The annual report's definition has no figure "${s.figure}" to compare ${s.what} with.` });
      continue;
    }
    const theirs = s.part === undefined ? f.value : (f.breakdown?.[s.part] ?? 0);
    if (theirs !== s.ours) {
      out.push({ code: 'report_disagrees', severity: 'error', figure: s.figure, ...(s.part ? { part: s.part } : {}), ours: s.ours, report: theirs, message: `${s.what}: this return counts ${s.ours}, the annual report's ${s.figure}${s.part ? ` (${s.part})` : ''} says ${theirs ?? 'nothing'}.` });
    }
  }
  return out;
}
