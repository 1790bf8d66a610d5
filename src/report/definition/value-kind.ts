// What kind of number a figure's value is, as the documents print it.
import { countOf } from './compile.ts';
import type { FigureDef } from './schema.ts';

/** A share formula's value is a percentage; otherwise the figure's `unit`, by default a count. */
export function unitOf(f: FigureDef): string {
  return f.unit ?? (f.formula && 'percent' in f.formula ? 'percent' : 'count');
}

/**
 * Why a figure without a value prints "no data" (a warning) rather than "—" (an error): a median over
 * nobody, or a share of a figure that is 0. Null when the value is simply missing (a share of a
 * figure no submission reports is missing too). The panel and the documents both ask this.
 */
export function noDataReason(f: FigureDef, value: (id: string) => number | null | undefined): 'median' | 'share' | null {
  if (f.formula && 'percent' in f.formula) return value(f.formula.percent) !== null && value(f.formula.of) === 0 ? 'share' : null;
  return !f.formula && countOf(f) === 'median_per_person' ? 'median' : null;
}
