// The annual report's figures for a year, each with its change against the year before.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';
import type { Language, Profile } from '../profile/schema.ts';
import { calendarYear, Figure, type Period } from './figure.ts';
import { prosecutionFigures } from '../prosecution/statistics.ts';
import { submittedFigures } from '../submissions/statistics.ts';
import { cumulative, reportSeries } from './history.ts';
import { victimFigures } from './victim-figures.ts';

/** Every module that derives figures from records registers one function here. */
type FigureSource = (db: Kysely<Database>, profile: Profile, period: Period, year: number) => Promise<Figure[]>;
/** Cumulative figures over the historical series (imported years, then records). */
const historyFigures: FigureSource = async (db, _profile, _period, year) => {
  const s = await reportSeries(db, year);
  // "1,441 victims identified 2005–2024"; "650 traffickers prosecuted 2005–2024". A one-year "series" is no cumulative.
  const figures = [cumulative('victims.cumulative', s.victims, '.by_sex'), cumulative('defendants.charged.cumulative', s.defendants, '.by_sex')];
  return figures.filter((f): f is Figure => f !== null && !f.id.includes(`_${year}_${year}`));
};

export const figureSources: FigureSource[] = [
  victimFigures,
  historyFigures,
  // Every registry breakdown sums to its value with its unknown part (docs/prosecution.md); the panel checks it.
  async (db, _profile, _period, year) => (await prosecutionFigures(db, year)).map((f) => (f.breakdown ? { ...f, unknown: f.unknown ?? 0, parts: 'partition' as const } : f)),
  // Agencies' figures: approved submissions only, so a figure under review never reaches the report.
  (db, _profile, _period, year) => submittedFigures(db, year),
];

export const ReportFigure = Figure.extend({
  /** value(Y) − value(Y−1); null when either is not a number. */
  delta: z.number().nullable(),
  breakdownDelta: z.record(z.string(), z.number()).optional(),
});
export type ReportFigure = z.infer<typeof ReportFigure>;

export const ReportJson = z.object({ year: z.number().int(), figures: z.array(ReportFigure) });
export type ReportJson = z.infer<typeof ReportJson>;

async function figuresFor(db: Kysely<Database>, profile: Profile, year: number): Promise<Map<string, Figure>> {
  const all = (await Promise.all(figureSources.map((f) => f(db, profile, calendarYear(year), year)))).flat();
  const byId = new Map<string, Figure>();
  for (const f of all) {
    if (byId.has(f.id)) throw new Error(`figure ${f.id} is produced twice`);
    byId.set(f.id, f);
  }
  return byId;
}

export function withDelta(current: Figure, previous: Figure | undefined): ReportFigure {
  const delta = current.value !== null && typeof previous?.value === 'number' ? round(current.value - previous.value) : null;
  const out: ReportFigure = { ...current, delta };
  if (current.breakdown && previous?.breakdown) {
    const keys = new Set([...Object.keys(current.breakdown), ...Object.keys(previous.breakdown)]);
    out.breakdownDelta = Object.fromEntries([...keys].sort().map((k) => [k, round((current.breakdown?.[k] ?? 0) - (previous.breakdown?.[k] ?? 0))]));
  }
  return out;
}

const round = (x: number) => Math.round(x * 100) / 100;

/** Year Y's figures with their changes against Y−1 (ordered by id), and Y−1's own values. */
export async function compareYears(db: Kysely<Database>, profile: Profile, year: number, onStep?: (done: number, total: number) => void) {
  onStep?.(0, 2);
  const current = await figuresFor(db, profile, year);
  onStep?.(1, 2);
  const previous = await figuresFor(db, profile, year - 1);
  onStep?.(2, 2);
  const figures = [...current.values()].sort((a, b) => a.id.localeCompare(b.id)).map((f) => withDelta(f, previous.get(f.id)));
  return { figures, previous: new Map([...previous].map(([id, f]) => [id, f.value])) };
}

/** The figures of year Y with their changes against Y−1, ordered by id. */
export async function reportFigures(db: Kysely<Database>, profile: Profile, year: number, onStep?: (done: number, total: number) => void): Promise<ReportJson> {
  return { year, figures: (await compareYears(db, profile, year, onStep)).figures };
}

const NO_CHANGE: Record<Language, string> = { az: 'dəyişməyib', en: 'no changes', ru: 'без изменений' };
const LOCALE: Record<Language, string> = { az: 'az-Latn-AZ', en: 'en-GB', ru: 'ru-RU' };

/** A change printed the ministry's way: "(+2)", "(-3)", "(no changes)"; nothing when unknown. */
export function formatDelta(delta: number | null, lang: Language): string {
  if (delta === null) return '';
  if (delta === 0) return `(${NO_CHANGE[lang]})`;
  const n = new Intl.NumberFormat(LOCALE[lang]).format(Math.abs(delta));
  return `(${delta > 0 ? '+' : '-'}${n})`;
}
