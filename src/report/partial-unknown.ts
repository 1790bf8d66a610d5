// A sum of agencies' answers where some answered "unknown" is a lower bound, not a total: it
// prints "at least n" and the panel warns (`partial_unknown`), so the unknown is never read as 0.
import { formatQualified, Qualifier } from '../submissions/schema.ts';
import type { ReportDefinition } from './definition/schema.ts';
import type { ReportFigure } from './report.ts';
import type { Problem } from './validation.ts';

/** How many of the agencies' answers summed into a submitted figure are "unknown" (0 for any other figure). */
const unknownAnswers = (f: ReportFigure) => (f.sources && !f.parts ? (f.unknown ?? 0) : 0);

/** The qualifier a figure prints with: the agencies' own, else "at least" when some answered unknown. */
export function printedQualifier(f: ReportFigure): string | undefined {
  return f.qualifier ?? (unknownAnswers(f) > 0 && f.value !== null ? 'at_least' : undefined);
}

/** A `partial_unknown` warning for every figure the definition uses whose sum leaves out unknown answers. */
export function partialUnknown(def: ReportDefinition, figures: readonly ReportFigure[]): Problem[] {
  const used = new Set(def.figures.map((d) => d.id));
  return figures.flatMap((f): Problem[] => {
    const n = unknownAnswers(f);
    if (!used.has(f.id) || n === 0 || f.value === null) return [];
    const of = f.sources?.length ?? n;
    // The agencies' own qualifier wins over "at least" ("more than 55" stays), so say which one prints.
    const qualifier = Qualifier.parse(printedQualifier(f));
    const printed = formatQualified(f.value, qualifier, 'en');
    return [{ severity: 'warning', code: 'partial_unknown', figure: f.id, params: { figure: f.id, unknown: n, answers: of, value: f.value, qualifier, printed_az: formatQualified(f.value, qualifier, 'az'), printed_en: printed, printed_ru: formatQualified(f.value, qualifier, 'ru') }, message: `${f.id}: ${n} of the ${of} agency answers summed here ${n === 1 ? 'is' : 'are'} "unknown"; the sum ${f.value} is a lower bound and prints as "${printed}"` }];
  });
}
