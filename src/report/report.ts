// The annual report's figures for a year, each with its change against the year before, computed
// from the year's definition (src/report/definition/): no figure is written in code.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';
import { catalogueFor, renamesIn } from '../indicators/store.ts';
import type { IndicatorCatalogue, Language, Profile } from '../profile/schema.ts';
import { evaluate, type Evaluated } from './definition/evaluate.ts';
import type { ReportDefinition } from './definition/schema.ts';
import { definitionFor, type DefinitionInForce } from './definition/store.ts';
import { Figure } from './figure.ts';
import { round } from './definition/compile.ts';

export const ReportFigure = Figure.extend({
  /** value(Y) − value(Y−1); null when either is not a number. */
  delta: z.number().nullable(),
  breakdownDelta: z.record(z.string(), z.number()).optional(),
});
export type ReportFigure = z.infer<typeof ReportFigure>;

export const ReportJson = z.object({ year: z.number().int(), figures: z.array(ReportFigure) });
export type ReportJson = z.infer<typeof ReportJson>;

export function withDelta(current: Figure, previous: Figure | undefined): ReportFigure {
  const delta = current.value !== null && typeof previous?.value === 'number' ? round(current.value - previous.value) : null;
  const out: ReportFigure = { ...current, delta };
  if (current.breakdown && previous?.breakdown) {
    const keys = new Set([...Object.keys(current.breakdown), ...Object.keys(previous.breakdown)]);
    out.breakdownDelta = Object.fromEntries([...keys].sort().map((k) => [k, round((current.breakdown?.[k] ?? 0) - (previous.breakdown?.[k] ?? 0))]));
  }
  return out;
}

export interface Compared {
  figures: ReportFigure[];
  previous: Map<string, number | null>;
  evaluated: Evaluated;
  definition: DefinitionInForce;
  /** The year's indicator catalogue in force, read once: its renames here, its labels in "counted as". */
  catalogue: IndicatorCatalogue;
}

/** Year Y's figures with their changes against Y−1 (ordered by id), and Y−1's own values. */
export async function compareYears(db: Kysely<Database>, profile: Profile, year: number, opts: { definition?: ReportDefinition } = {}): Promise<Compared> {
  const inForce: DefinitionInForce = opts.definition ? { year, source: 'stored', fromYear: year, definition: opts.definition } : await definitionFor(db, profile, year);
  const catalogue = await catalogueFor(db, profile, year);
  const evaluated = await evaluate(db, inForce.definition, year, { profile, renames: renamesIn(catalogue) });
  const current = evaluated.byYear.get(year) ?? new Map<string, Figure>();
  const previous = new Map(evaluated.byYear.get(year - 1) ?? new Map<string, Figure>());
  // Where Y−1 was imported (the year before the records began), the change is against the import.
  for (const [key, h] of evaluated.imported) {
    const [id, y] = key.split('@');
    const was = previous.get(id as string);
    if (Number(y) === year - 1 && was && was.value === 0) previous.set(id as string, { ...was, value: Number(h.value), breakdown: h.breakdown ?? was.breakdown });
  }
  const figures = [...current.values()].sort((a, b) => a.id.localeCompare(b.id)).map((f) => withDelta(f, previous.get(f.id)));
  return { figures, previous: new Map([...previous].map(([id, f]) => [id, f.value])), evaluated, definition: inForce, catalogue };
}

/** The figures of year Y with their changes against Y−1, ordered by id. */
export async function reportFigures(db: Kysely<Database>, profile: Profile, year: number): Promise<ReportJson> {
  return { year, figures: (await compareYears(db, profile, year)).figures };
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
