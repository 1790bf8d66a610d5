// A definition is checked whole before it is stored or used: every problem at once, each named by
// its path ("figures.12.where.kinds.0"), so the coordinator can fix them in one go.
import type { FieldError } from '../../errors.ts';
import type { Profile } from '../../profile/schema.ts';
import { dependencies, formulaOrder } from './evaluate.ts';
import { SOURCE_SPECS } from './sources.ts';
import type { Block, ReportDefinition, Text } from './schema.ts';

/** `{id}`, `{=id}`, `{id#key}`, `{~id}`, `{*id}`, `{+id}` and `{year}` in a text. */
export const PLACEHOLDER = /\{([*~+]?)(=?)([a-z][a-z0-9_.]*)(?:#([^}]+))?\}/g;

export function placeholders(text: string) {
  return [...text.matchAll(PLACEHOLDER)].map((m) => ({ list: m[1] ?? '', bare: m[2] === '=', id: m[3] as string, key: m[4] ?? null }));
}

/** Every figure id the report prints: in texts, tables and charts. */
export function referencedFigures(def: ReportDefinition): string[] {
  const ids = new Set<string>();
  for (const s of def.sections) {
    for (const b of s.blocks) {
      if (b.kind === 'text') for (const t of Object.values(b.text)) for (const p of placeholders(t ?? '')) if (p.id !== 'year' && p.id !== 'year:ordinal') ids.add(p.id);
      if (b.kind === 'table' || b.kind === 'chart') ids.add(b.figure);
    }
  }
  return [...ids].sort();
}

export const narrativeIds = (def: ReportDefinition) => def.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'narrative' ? [b.id] : [])));

export function checkDefinition(def: ReportDefinition, profile: Profile): FieldError[] {
  const errors: FieldError[] = [];
  const add = (path: string, message: string) => errors.push({ path, message });
  const ids = new Map<string, number>();
  const texts = (t: Text | undefined, path: string, required = true) => {
    for (const lang of def.languages) if (required && !t?.[lang]?.trim()) add(`${path}.${lang}`, `the ${lang} text is empty; the report is published in ${def.languages.join(', ')}`);
  };
  texts(def.title, 'title');
  def.figures.forEach((f, i) => {
    const at = `figures.${i}`;
    if (ids.has(f.id)) add(`${at}.id`, `"${f.id}" is defined twice (first at figures.${ids.get(f.id)})`);
    ids.set(f.id, i);
    if (!Object.values(f.label).some((x) => x?.trim())) add(`${at}.label`, 'give the figure a label');
    if (f.formula && f.from) add(at, 'a figure is either counted from records ("from") or a formula, not both');
    if (!f.formula && !f.from) add(at, 'say which records count ("from") or give a formula');
    if (!f.from) return;
    const spec = SOURCE_SPECS[f.from];
    if (f.date && !spec.dates[f.date]) add(`${at}.date`, `"${f.date}" is not a date of ${f.from}; one of ${Object.keys(spec.dates).join(', ')}`);
    if (f.count && !spec.subjects[f.count]) add(`${at}.count`, `${f.from} cannot count "${f.count}"; one of ${Object.keys(spec.subjects).join(', ')}`);
    for (const [k, v] of Object.entries(f.where ?? {})) {
      if (v === undefined) continue;
      const known = k === 'articleField' ? Boolean(spec.filters.articles) : k === 'indicators' || k === 'attribute' ? f.from === 'submitted' : Boolean(spec.filters[k as keyof typeof spec.filters]);
      if (!known) add(`${at}.where.${k}`, `${f.from} has no filter "${k}"; filters: ${[...Object.keys(spec.filters), ...(f.from === 'submitted' ? ['indicators', 'attribute'] : [])].join(', ')}`);
    }
    const w = f.where ?? {};
    const codes = (list: string[] | undefined, known: Set<string>, path: string, what: string) => list?.forEach((c, j) => known.has(c) || add(`${at}.where.${path}.${j}`, `unknown ${what} "${c}"`));
    if (f.from === 'services') codes(w.kinds, new Set(profile.assistanceKinds.map((k) => k.code)), 'kinds', 'service kind');
    if (f.from === 'payments') codes(w.kinds, new Set(profile.paymentKinds.map((k) => k.code)), 'kinds', 'payment kind');
    codes(w.agencies, new Set(profile.agencies.map((a) => a.code)), 'agencies', 'agency');
    w.articles?.forEach((a, j) => {
      const code = typeof a === 'string' ? a : a.article;
      const article = profile.criminalArticles.find((x) => x.code === code) ?? profile.criminalArticles.find((x) => `${x.code}.` === code.slice(0, x.code.length + 1) && (x.parts ?? []).includes(code.slice(x.code.length + 1)));
      if (!article) add(`${at}.where.articles.${j}`, `unknown article or part "${code}" in the country profile`);
    });
    if (f.breakdown && !spec.dims[f.breakdown.by]) add(`${at}.breakdown.by`, `${f.from} has no breakdown "${f.breakdown.by}"; one of ${Object.keys(spec.dims).join(', ')}`);
    if (f.breakdown?.bands && f.breakdown.by !== 'age') add(`${at}.breakdown.bands`, 'bands are for the age breakdown');
    if (f.categories && !spec.dims[f.categories]) add(`${at}.categories`, `${f.from} has no dimension "${f.categories}"`);
    if (f.breakdown?.groups) {
      const seen = new Map<string, string>();
      for (const [g, list] of Object.entries(f.breakdown.groups)) for (const c of list) {
        if (seen.has(c)) add(`${at}.breakdown.groups.${g}`, `"${c}" is already in group "${seen.get(c)}"`);
        seen.set(c, g);
      }
    }
  });
  def.figures.forEach((f, i) => {
    for (const d of dependencies(f)) if (!ids.has(d)) add(`figures.${i}.formula`, `no figure "${d}"`);
  });
  try {
    formulaOrder(def.figures);
  } catch (e) {
    add('figures', (e as Error).message);
  }
  const blocks = new Set<string>();
  def.sections.forEach((s, i) => {
    texts(s.title, `sections.${i}.title`);
    s.blocks.forEach((b: Block, j) => {
      const at = `sections.${i}.blocks.${j}`;
      if (b.kind === 'text') {
        texts(b.text, `${at}.text`);
        for (const [lang, t] of Object.entries(b.text)) for (const p of placeholders(t ?? '')) {
          if (p.id === 'year' || p.id === 'year:ordinal') continue;
          if (!ids.has(p.id)) add(`${at}.text.${lang}`, `{${p.id}}: no figure "${p.id}" is defined`);
        }
      } else if (b.kind === 'narrative') {
        if (blocks.has(b.id)) add(`${at}.id`, `narrative "${b.id}" appears twice`);
        blocks.add(b.id);
        texts(b.label, `${at}.label`);
      } else {
        if (!ids.has(b.figure)) add(`${at}.figure`, `no figure "${b.figure}" is defined`);
        if (b.kind === 'chart') texts(b.title, `${at}.title`);
        else texts(b.caption, `${at}.caption`);
      }
    });
  });
  return errors;
}
