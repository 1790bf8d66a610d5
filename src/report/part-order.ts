// The order parts print in ({*id}, {+id}): the definition's `breakdown.keys` first, in their order,
// then every other part by its code, so a sentence reads the same whatever order the database or an
// imported aggregate gives.
import type { ReportDefinition } from './definition/schema.ts';
import type { Figure } from './figure.ts';

/** The `breakdown.keys` a figure prints in, following formulas to the figure whose parts it has. */
export function keysOf(def: ReportDefinition, id: string, seen = new Set<string>()): string[] {
  const f = def.figures.find((x) => x.id === id);
  if (!f || seen.has(id)) return [];
  seen.add(id);
  const m = f.formula;
  if (m && 'cumulative' in m) return keysOf(def, m.cumulative, seen);
  if (m && 'breakdownOf' in m) return keysOf(def, m.breakdownOf, seen);
  return f.breakdown?.keys ?? [];
}

/** A figure's part keys in print order. */
export function partOrder(def: ReportDefinition, f: Figure): string[] {
  const have = Object.keys(f.breakdown ?? {});
  const keys = keysOf(def, f.id).filter((k) => have.includes(k));
  return [...keys, ...have.filter((k) => !keys.includes(k)).sort()];
}
