// The JSON report lists every figure the definition prints, so a reader sees which printed figures
// are empty: one without a value (no approved submission, no data) is there with value null.
import { referencedFigures } from './definition/check.ts';
import type { ReportDefinition } from './definition/schema.ts';
import type { ReportFigure } from './report.ts';

/** The evaluated figures plus every printed figure that has none, as value null; ordered by id. */
export function withPrintedFigures(def: ReportDefinition, figures: readonly ReportFigure[]): ReportFigure[] {
  const have = new Set(figures.map((f) => f.id));
  const empty = referencedFigures(def).filter((id) => !have.has(id)).map((id): ReportFigure => ({ id, value: null, delta: null }));
  return [...figures, ...empty].sort((a, b) => a.id.localeCompare(b.id));
}
