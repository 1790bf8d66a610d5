// What kind of number a figure's value is, as the documents print it.
import { countOf } from './compile.ts';
import type { FigureDef } from './schema.ts';

/** A share formula's value is a percentage; otherwise the figure's `unit`, by default a count. */
export function unitOf(f: FigureDef): string {
  return f.unit ?? (f.formula && 'percent' in f.formula ? 'percent' : 'count');
}

/** A missing value that is a fact, "no data" and a warning: a median over nobody, a share of a figure that is 0. */
export const noValueIsNoData = (f: FigureDef): boolean => (f.formula ? 'percent' in f.formula : countOf(f) === 'median_per_person');
