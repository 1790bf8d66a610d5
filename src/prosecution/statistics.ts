// The registry's statistics page shows the annual report's law-enforcement figures: the same
// definitions (the year's report definition, docs/report-definition.md), computed the same way,
// so the registry and the report can never disagree.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Profile } from '../profile/schema.ts';
import { dependencies, evaluate } from '../report/definition/evaluate.ts';
import type { FigureDef, ReportLang, Source } from '../report/definition/schema.ts';
import { dimensionOf } from '../report/document.ts';
import { definitionFor } from '../report/definition/store.ts';
import { labeller } from '../report/definition/labels.ts';
import type { Figure } from './schema.ts';

const REGISTRY: readonly Source[] = ['facts', 'cases', 'defendants', 'sentences', 'searches'];

/** The figures of the year's definition that count the registry's records, and formulas over them only. */
function registryFigures(figures: readonly FigureDef[]): FigureDef[] {
  const keep = new Set(figures.filter((f) => f.from && REGISTRY.includes(f.from)).map((f) => f.id));
  for (let grew = true; grew; ) {
    grew = false;
    for (const f of figures) {
      if (!f.formula || keep.has(f.id)) continue;
      if (dependencies(f).every((d) => keep.has(d))) {
        keep.add(f.id);
        grew = true;
      }
    }
  }
  return figures.filter((f) => keep.has(f.id));
}

/**
 * The law-enforcement figures of the annual report for one calendar year, ordered by id, each
 * with its label and its parts' labels in `lang` (the same labels the report prints).
 */
export async function prosecutionFigures(db: Kysely<Database>, profile: Profile, year: number, lang: ReportLang = 'en'): Promise<Figure[]> {
  const { definition } = await definitionFor(db, profile, year);
  const figures = registryFigures(definition.figures);
  const evaluated = await evaluate(db, { ...definition, figures, sections: [{ id: 'registry', title: {}, blocks: [] }] }, year, { profile });
  const byId = new Map(definition.figures.map((f) => [f.id, f]));
  const label = labeller(definition, profile, lang);
  // The same dimension the report's own tables and sentences label parts by.
  return [...(evaluated.byYear.get(year)?.values() ?? [])]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((v) => {
      const def = byId.get(v.id);
      const dim = dimensionOf(definition, v.id);
      const labels = Object.fromEntries(Object.keys(v.breakdown ?? {}).map((k) => [k, label(dim, k)]));
      return { ...v, label: def?.label[lang] ?? def?.label.en ?? v.id, breakdownLabels: labels };
    });
}
