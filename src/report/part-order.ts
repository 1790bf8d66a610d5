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

/**
 * How tables and charts without keys of their own order parts: the figure's `breakdown.keys` first,
 * in their order (age bands stay in age order), then the other parts largest first, the unknown
 * part after them; with no keys, everything (the unknown part too) largest first.
 */
export function displayOrder(keys: readonly string[]): (a: { key: string; value: number }, b: { key: string; value: number }) => number {
  const rank = (k: string) => (keys.length === 0 ? 0 : k === 'unknown' ? keys.length + 1 : keys.includes(k) ? keys.indexOf(k) : keys.length);
  return (a, b) => rank(a.key) - rank(b.key) || b.value - a.value;
}
