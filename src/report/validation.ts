// The validation panel: every problem that would make a published figure wrong or unexplained.
import { z } from 'zod';
import { chartIds, chartOption, type ChartData } from './charts.ts';
import { narrativeIds, referencedFigures } from './definition.ts';
import type { ReportFigure } from './report.ts';

export const Problem = z.object({
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  figure: z.string().nullable(),
  message: z.string(),
});
export type Problem = z.infer<typeof Problem>;

export interface ValidationInput {
  year: number;
  figures: readonly ReportFigure[];
  previous: ReadonlyMap<string, number | null>;
  /** The previous year's published figures, when that year was published. */
  publishedPrevious: ReadonlyMap<string, number | null> | null;
  narratives: ReadonlyMap<string, string>;
  /** Ids the agencies submit (the profile's indicator catalogue): missing means not yet approved. */
  submittedIds: ReadonlySet<string>;
  /** Imported aggregates for Y and Y−1 ("id@year" → value), to compare with what the records give. */
  imported: ReadonlyMap<string, number>;
  chartData: Omit<ChartData, 'figures'>;
}

export function validateReport(input: ValidationInput): Problem[] {
  const problems: Problem[] = [];
  const byId = new Map(input.figures.map((f) => [f.id, f]));
  const add = (severity: Problem['severity'], code: string, figure: string | null, message: string) => problems.push({ severity, code, figure, message });

  for (const id of referencedFigures()) {
    if (byId.has(id)) continue;
    if (input.submittedIds.has(id)) add('error', 'not_submitted', id, `${id}: no approved submission for ${input.year} yet (see the completeness view)`);
    else add('error', 'figure_missing', id, `The report's text names ${id}, which no source produces`);
  }

  for (const f of input.figures) {
    if (f.value !== null && f.value < 0) add('error', 'negative', f.id, `${f.id} is negative (${f.value})`);
    const parts = Object.values(f.breakdown ?? {});
    if (f.parts === 'partition') {
      const sum = parts.reduce((s, n) => s + n, 0) + (f.unknown ?? 0);
      if (f.value !== null && sum !== f.value) add('error', 'breakdown_sum', f.id, `${f.id}: the parts sum to ${sum}, not ${f.value}`);
      if (f.unknown) add('warning', 'unknown_part', f.id, `${f.id}: ${f.unknown} of ${f.value} are recorded without this detail (printed as "unknown: ${f.unknown}")`);
    }
    if (f.parts === 'overlapping' && f.value !== null) {
      for (const [k, n] of Object.entries(f.breakdown ?? {})) if (n > f.value) add('error', 'part_exceeds_whole', f.id, `${f.id}: the part "${k}" (${n}) is larger than the whole (${f.value})`);
    }
    // No check of delta against value(Y) − value(Y−1): the change is computed from exactly those two values.
    const prev = input.previous.get(f.id);
    const published = input.publishedPrevious?.get(f.id);
    if (input.publishedPrevious && typeof published === 'number' && typeof prev === 'number' && published !== prev) {
      add('warning', 'previous_year_changed', f.id, `${f.id}: ${input.year - 1} was published as ${published}, the records now give ${prev}; the printed change uses ${prev}`);
    }
  }
  for (const [key, value] of input.imported) {
    const [id, y] = key.split('@') as [string, string];
    const records = Number(y) === input.year ? byId.get(id)?.value : input.previous.get(id);
    if (typeof records === 'number' && records !== value) {
      add('error', 'history_conflict', id, `${id} for ${y}: the imported aggregate says ${value}, the records give ${records}; the cumulative series and the printed change would disagree`);
    }
  }
  for (const id of narrativeIds) if (!input.narratives.get(id)?.trim()) add('warning', 'narrative_missing', null, `The narrative block "${id}" has no text yet`);
  const data: ChartData = { ...input.chartData, figures: byId };
  for (const id of chartIds) if (!chartOption(id, data, 'en')) add('warning', 'chart_empty', null, `The chart "${id}" has no data and is left out`);
  return problems;
}

export const hasErrors = (problems: readonly Problem[]) => problems.some((p) => p.severity === 'error');
