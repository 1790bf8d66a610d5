// A cumulative total ("since 2005") adds up the years it has: the panel names the years of its
// range that have neither records nor an imported aggregate, so "since 2005" cannot quietly mean
// "since the records began".
import type { Evaluated } from './definition/evaluate.ts';
import type { ReportDefinition } from './definition/schema.ts';
import type { Problem } from './validation.ts';

/** Years as "2005–2022, 2024". */
const spans = (years: number[]) => {
  const out: string[] = [];
  for (let i = 0; i < years.length; ) {
    let j = i;
    while (j + 1 < years.length && years[j + 1] === (years[j] as number) + 1) j++;
    out.push(i === j ? String(years[i]) : `${years[i]}–${years[j]}`);
    i = j + 1;
  }
  return out.join(', ');
};

/** A `cumulative_gap` warning per cumulative figure whose range has years with nothing counted. */
export function cumulativeGaps(def: ReportDefinition, evaluated: Evaluated): Problem[] {
  return def.figures.flatMap((f): Problem[] => {
    const m = f.formula;
    if (!m || !('cumulative' in m)) return [];
    const points = new Map(evaluated.series(m.cumulative, m.from).map((p) => [p.year, p]));
    const empty: number[] = [];
    for (let y = m.from; y <= evaluated.year; y++) {
      const p = points.get(y);
      if (!p || (p.source === 'records' && p.value === 0)) empty.push(y);
    }
    if (empty.length === 0) return [];
    return [{ severity: 'warning', code: 'cumulative_gap', figure: f.id, params: { figure: f.id, from: m.from, years: spans(empty) }, message: `${f.id} adds up ${m.cumulative} from ${m.from}, but ${spans(empty)} ${empty.length === 1 ? 'has' : 'have'} neither records nor imported aggregates (import them as historical_aggregate records with azad import, or POST /api/reports/history); the total counts nothing for ${empty.length === 1 ? 'that year' : 'those years'}` }];
  });
}
