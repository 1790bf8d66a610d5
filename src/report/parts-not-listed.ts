// The panel's `parts_not_listed` check, per language: each language's sentence is published on its
// own, so a remainder ({+id}) dropped from the ru text alone loses parts from the ru report.
import { placeholders } from './definition/check.ts';
import type { ReportDefinition } from './definition/schema.ts';
import type { ReportFigure } from './report.ts';
import type { Problem } from './validation.ts';

/** A sentence that names some parts of a partition must not silently drop the others, in any language. */
export function partsNotListed(def: ReportDefinition, byId: ReadonlyMap<string, ReportFigure>): Problem[] {
  const out = new Map<string, { id: string; section: string; missed: string; langs: string[] }>();
  for (const s of def.sections) {
    for (const [j, b] of s.blocks.entries()) {
      if (b.kind !== 'text') continue;
      for (const lang of def.languages) {
        const ps = placeholders(b.text[lang] ?? '');
        const rests = new Set(ps.filter((p) => p.list === '+' || p.list === '*' || p.list === '%').map((p) => p.id));
        const named = new Map<string, Set<string>>();
        for (const p of ps) if (p.key) named.set(p.id, new Set([...(named.get(p.id) ?? []), p.key]));
        for (const [id, keys] of named) {
          const f = byId.get(id);
          if (!f || rests.has(id) || f.parts === 'overlapping') continue;
          const missed = Object.entries(f.breakdown ?? {}).filter(([k, n]) => n !== 0 && !keys.has(k));
          const unknown = f.unknown ?? 0;
          if (!missed.length && !unknown) continue;
          const text = [...missed.map(([k, n]) => `${k} (${n})`), ...(unknown ? [`unknown (${unknown})`] : [])].join(', ');
          // One warning per sentence and figure, naming the languages that drop the parts.
          const key = `${s.id}|${j}|${id}|${text}`;
          const seen = out.get(key);
          if (seen) seen.langs.push(lang);
          else out.set(key, { id, section: s.id, missed: text, langs: [lang] });
        }
      }
    }
  }
  return [...out.values()].map((w) => ({
    severity: 'warning',
    code: 'parts_not_listed',
    figure: w.id,
    params: { section: w.section, figure: w.id, parts: w.missed, langs: w.langs.join(', ') },
    message: `A sentence of "${w.section}" lists parts of ${w.id} but not ${w.missed} (in ${w.langs.join(', ')}); add {+${w.id}} to print the rest`,
  }));
}
