// A definition is checked whole before it is stored or used: every problem at once, each named by
// its path ("figures.12.where.kinds.0"), so the coordinator can fix them in one go.
import type { IndicatorCatalogue, Profile } from '../../profile/schema.ts';
import { listed, type DefinitionCode, type DefinitionProblem, type PartPlace, type ProblemParams } from '../problems.ts';
import { COUNTRY_DIMS, dimensionCodes, filterDimension } from './codes.ts';
import { dependencies, formulaOrder } from './evaluate.ts';
import { hasLabel } from './labels.ts';
import { placeholderFormsProblem } from './plural.ts';
import { SOURCE_SPECS } from './sources.ts';
import type { Block, FigureDef, ReportDefinition, ReportLang, Source, Text } from './schema.ts';

/** `{id}`, `{=id}`, `{id#key}`, `{~id}`, `{*id}`, `{+id}` and `{year}` in a text; `{id|one:…|other:…}` adds word forms. */
export const PLACEHOLDER = /\{([*~+%]?)(=?)([a-z][a-z0-9_.]*)(?:#([^}|]+))?(?:\|([^}]+))?\}/g;

export function placeholders(text: string) {
  return [...text.matchAll(PLACEHOLDER)].map((m) => ({ list: m[1] ?? '', bare: m[2] === '=', id: m[3] as string, key: m[4] ?? null, forms: m[5] ?? null }));
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

/** Records one checker error: its path, code, values and English message. */
type Add = (path: string, code: DefinitionCode, params: ProblemParams, message: string) => void;

/** What a figure's breakdown can hold: its dimension, and its keys when they form a closed list. */
export interface FigureKeys {
  dim: string;
  keys: Set<string> | null;
}

/** The keys of a figure's parts, following formulas to the records they read; null: no breakdown. */
export function figureKeys(def: ReportDefinition, id: string, profile: Profile, seen = new Set<string>()): FigureKeys | null {
  const f = def.figures.find((x) => x.id === id);
  if (!f || seen.has(id)) return null;
  seen.add(id);
  const m = f.formula;
  if (m && 'cumulative' in m) return figureKeys(def, m.cumulative, profile, seen);
  if (m && 'breakdownOf' in m) return figureKeys(def, m.breakdownOf, profile, seen);
  const b = f.breakdown;
  if (!b || !f.from) return null;
  if (b.bands) return { dim: b.by, keys: new Set(b.bands.map((x) => x.key)) };
  if (b.groups) return { dim: b.by, keys: new Set([...Object.keys(b.groups), ...(b.rest ? [b.rest] : [])]) };
  const codes = dimensionCodes(f.from, b.by, profile);
  return { dim: b.by, keys: codes ? new Set(codes) : null };
}

/** A raw code of a dimension: in its list, or (countries) two capital letters. */
function checkCode(add: Add, path: string, source: Source, dim: string, code: string, profile: Profile, withUnknown = false) {
  if (COUNTRY_DIMS.has(dim)) {
    if (!/^[A-Z]{2}$/.test(code)) add(path, 'country_code', { code }, `"${code}" is not an ISO 3166 country code (two capital letters, e.g. "TR")`);
    return;
  }
  const codes = dimensionCodes(source, dim, profile, withUnknown);
  if (!codes || codes.includes(code)) return;
  add(path, 'unknown_code', { dim, code, source, codes: listed(codes) }, `unknown ${dim} "${code}" for ${source}; one of ${listed(codes)}`);
}

/** Codes in filters, breakdown groups and keys, and submitted indicators. */
function checkCodes(f: FigureDef, at: string, profile: Profile, catalogue: IndicatorCatalogue | undefined, add: Add) {
  const from = f.from;
  if (!from) return;
  const w = f.where ?? {};
  for (const [k, v] of Object.entries(w)) {
    const dim = filterDimension(from, k);
    // Agencies, and service and payment kinds, are checked against the profile above.
    if (!dim || !Array.isArray(v) || k === 'agencies' || (k === 'kinds' && (from === 'services' || from === 'payments'))) continue;
    v.forEach((c, j) => typeof c === 'string' && checkCode(add, `${at}.where.${k}.${j}`, from, dim, c, profile, k === 'sex'));
  }
  for (const [k, dim] of [['agencies', 'agency'], ['agencyKinds', 'agency_kind']] as const) {
    w.referredTo?.[k]?.forEach((c, j) => checkCode(add, `${at}.where.referredTo.${k}.${j}`, 'referrals', dim, c, profile));
  }
  // The catalogue in force is the year's (stored per year); without it indicators are not checked.
  if (from === 'submitted' && catalogue) {
    const byId = new Map(catalogue.indicators.flatMap((i) => [[i.id, i] as const, ...i.renamedFrom.map((r) => [r, i] as const)]));
    const all = listed(catalogue.indicators.map((i) => i.id));
    w.indicators?.forEach((id, j) => byId.has(id) || add(`${at}.where.indicators.${j}`, 'unknown_indicator', { indicator: id, indicators: all }, `unknown indicator "${id}"; the catalogue has ${all}`));
    if (w.attribute) {
      const named = (w.indicators ?? []).flatMap((id) => byId.get(id) ?? []);
      const attrs = new Set(named.flatMap((i) => i.attributes.map((a) => a.id)));
      const missing = named.filter((i) => !i.attributes.some((a) => a.id === w.attribute));
      if (!w.indicators) add(`${at}.where.attribute`, 'attribute_needs_indicators', {}, 'an attribute is read from indicators; name them in "indicators"');
      else if (missing.length) {
        const params = { indicators: listed(missing.map((i) => i.id)), attribute: w.attribute, attributes: listed(attrs) };
        add(`${at}.where.attribute`, 'attribute_missing', params, `${params.indicators} has no attribute "${w.attribute}"; attributes: ${attrs.size ? params.attributes : 'none'}`);
      }
    }
  }
  const b = f.breakdown;
  if (!b || !SOURCE_SPECS[from].dims[b.by]) return;
  for (const [g, list] of Object.entries(b.groups ?? {})) {
    list.forEach((c, j) => checkCode(add, `${at}.breakdown.groups.${g}.${j}`, from, b.by, c, profile));
  }
  if (b.rest && !b.groups) add(`${at}.breakdown.rest`, 'rest_needs_groups', {}, '"rest" names the key for codes no group names; give "groups"');
  b.keys?.forEach((k, j) => {
    if (k === 'unknown' || k === 'other') return;
    if (b.bands) {
      const bands = listed(b.bands.map((x) => x.key));
      if (!b.bands.some((x) => x.key === k)) add(`${at}.breakdown.keys.${j}`, 'not_a_band', { key: k, keys: bands }, `"${k}" is not a band; bands: ${bands}`);
    } else if (b.groups) {
      const keys = listed([...Object.keys(b.groups), ...(b.rest ? [b.rest] : [])]);
      if (!(k in b.groups) && k !== b.rest) add(`${at}.breakdown.keys.${j}`, 'not_a_group', { key: k, keys }, `"${k}" is not a group${b.rest ? ' or the rest key' : ''}; keys: ${keys}`);
    } else checkCode(add, `${at}.breakdown.keys.${j}`, from, b.by, k, profile);
  });
}

/** A `#key` (or a list placeholder, a table, a chart) on a figure: it must have parts, and the key must be one of them. */
/** Where a part is asked for: `place` and `detail` for the web app's words, `what` in English. */
interface PartAt {
  place: PartPlace;
  detail: string;
  what: string;
}

function checkPart(def: ReportDefinition, profile: Profile, id: string, key: string | null, path: string, at: PartAt, add: Add) {
  if (!def.figures.some((f) => f.id === id)) return;
  const keys = figureKeys(def, id, profile);
  const where = { place: at.place, detail: at.detail, figure: id };
  if (!keys) return add(path, 'no_parts', where, `${at.what}: the figure "${id}" has no breakdown, so it has no parts; give it a "breakdown" or print it with {${id}}`);
  if (key === null || key === 'unknown' || key === 'other' || !keys.keys || keys.keys.has(key)) return;
  // "unknown" and "other" are parts of every breakdown, so the list names them too.
  const parts = listed([...keys.keys, 'unknown', 'other']);
  add(path, 'not_a_part', { ...where, key, dim: keys.dim, parts }, `${at.what}: "${key}" is not a part of "${id}" (broken down by ${keys.dim}); its parts: ${parts}`);
}

/** Every problem of a definition; `catalogue`: the year's indicator catalogue in force, to check submitted figures against. */
/** The fields of a figure counted from records, which a formula figure may not have. */
const RECORD_FIELDS = ['date', 'count', 'where', 'breakdown', 'categories'] as const;

export function checkDefinition(def: ReportDefinition, profile: Profile, catalogue?: IndicatorCatalogue): DefinitionProblem[] {
  const errors: DefinitionProblem[] = [];
  const add: Add = (path, code, params, message) => errors.push({ path, code, params, message });
  const ids = new Map<string, number>();
  const texts = (t: Text | undefined, path: string, required = true) => {
    for (const lang of def.languages) if (required && !t?.[lang]?.trim()) add(`${path}.${lang}`, 'text_empty', { lang, languages: def.languages.join(', ') }, `the ${lang} text is empty; the report is published in ${def.languages.join(', ')}`);
  };
  texts(def.title, 'title');
  if (def.subtitle) texts(def.subtitle, 'subtitle');
  for (const [dim, keys] of Object.entries(def.labels ?? {})) for (const [key, t] of Object.entries(keys)) texts(t, `labels.${dim}.${key}`);
  def.figures.forEach((f, i) => {
    const at = `figures.${i}`;
    if (ids.has(f.id)) add(`${at}.id`, 'duplicate_figure', { figure: f.id, first: `figures.${ids.get(f.id)}` }, `"${f.id}" is defined twice (first at figures.${ids.get(f.id)})`);
    ids.set(f.id, i);
    texts(f.label, `${at}.label`);
    if (f.note) texts(f.note, `${at}.note`);
    if (f.formula && f.from) add(at, 'from_and_formula', {}, 'a figure is either counted from records ("from") or a formula, not both');
    if (!f.formula && !f.from) add(at, 'from_or_formula', {}, 'say which records count ("from") or give a formula');
    // A formula takes its parts from the figures it reads: a breakdown or filter here would be ignored, silently.
    if (f.formula) for (const k of RECORD_FIELDS) if (f[k] !== undefined) add(`${at}.${k}`, 'from_and_formula', {}, `"${k}" is for a figure counted from records; a formula's parts come from the figures it reads (a cumulative total has its source figure's breakdown; "breakdownOf" borrows another's)`);
    if (!f.from) return;
    const spec = SOURCE_SPECS[f.from];
    if (f.date && !spec.dates[f.date]) add(`${at}.date`, 'unknown_date', { date: f.date, source: f.from, dates: Object.keys(spec.dates).join(', ') }, `"${f.date}" is not a date of ${f.from}; one of ${Object.keys(spec.dates).join(', ')}`);
    if (f.count && !spec.subjects[f.count]) add(`${at}.count`, 'unknown_count', { count: f.count, source: f.from, counts: Object.keys(spec.subjects).join(', ') }, `${f.from} cannot count "${f.count}"; one of ${Object.keys(spec.subjects).join(', ')}`);
    for (const [k, v] of Object.entries(f.where ?? {})) {
      if (v === undefined) continue;
      const known = k === 'articleField' ? Boolean(spec.filters.articles) : k === 'indicators' || k === 'attribute' ? f.from === 'submitted' : Boolean(spec.filters[k as keyof typeof spec.filters]);
      const filters = [...Object.keys(spec.filters), ...(f.from === 'submitted' ? ['indicators', 'attribute'] : [])].join(', ');
      if (!known) add(`${at}.where.${k}`, 'unknown_filter', { filter: k, source: f.from, filters }, `${f.from} has no filter "${k}"; filters: ${filters}`);
    }
    const w = f.where ?? {};
    const codes = (list: string[] | undefined, known: Set<string>, path: string, code: DefinitionCode, what: string) => list?.forEach((c, j) => known.has(c) || add(`${at}.where.${path}.${j}`, code, { code: c }, `unknown ${what} "${c}"`));
    if (f.from === 'services') codes(w.kinds, new Set(profile.assistanceKinds.map((k) => k.code)), 'kinds', 'unknown_service_kind', 'service kind');
    if (f.from === 'payments') codes(w.kinds, new Set(profile.paymentKinds.map((k) => k.code)), 'kinds', 'unknown_payment_kind', 'payment kind');
    codes(w.agencies, new Set(profile.agencies.map((a) => a.code)), 'agencies', 'unknown_agency', 'agency');
    w.articles?.forEach((a, j) => {
      const code = typeof a === 'string' ? a : a.article;
      const article = profile.criminalArticles.find((x) => x.code === code) ?? profile.criminalArticles.find((x) => `${x.code}.` === code.slice(0, x.code.length + 1) && (x.parts ?? []).includes(code.slice(x.code.length + 1)));
      if (!article) add(`${at}.where.articles.${j}`, 'unknown_article', { article: code }, `unknown article or part "${code}" in the country profile`);
      else if (typeof a !== 'string' && Array.isArray(a.parts))
        a.parts.forEach(
          (p, k) =>
            article.parts?.includes(p) ||
            add(`${at}.where.articles.${j}.parts.${k}`, 'unknown_article_part', { part: p, article: article.code, parts: article.parts?.length ? listed(article.parts) : '—' }, `unknown part "${p}" of article ${article.code} in the country profile; its parts: ${article.parts?.length ? listed(article.parts) : 'none'}`),
        );
    });
    if (f.breakdown && !spec.dims[f.breakdown.by]) add(`${at}.breakdown.by`, 'unknown_breakdown', { by: f.breakdown.by, source: f.from, dims: Object.keys(spec.dims).join(', ') }, `${f.from} has no breakdown "${f.breakdown.by}"; one of ${Object.keys(spec.dims).join(', ')}`);
    if (f.breakdown?.bands && f.breakdown.by !== 'age') add(`${at}.breakdown.bands`, 'bands_not_age', {}, 'bands are for the age breakdown');
    if (f.categories && !spec.dims[f.categories]) add(`${at}.categories`, 'unknown_dimension', { dim: f.categories, source: f.from }, `${f.from} has no dimension "${f.categories}"`);
    checkCodes(f, at, profile, catalogue, add);
    if (f.breakdown?.groups) {
      const seen = new Map<string, string>();
      for (const [g, list] of Object.entries(f.breakdown.groups)) for (const c of list) {
        if (seen.has(c)) add(`${at}.breakdown.groups.${g}`, 'group_overlap', { code: c, group: seen.get(c) ?? '' }, `"${c}" is already in group "${seen.get(c)}"`);
        seen.set(c, g);
      }
    }
  });
  def.figures.forEach((f, i) => {
    for (const d of dependencies(f)) if (!ids.has(d)) add(`figures.${i}.formula`, 'formula_unknown_figure', { figure: d }, `no figure "${d}"`);
    if (f.formula && 'percent' in f.formula && f.formula.key !== undefined) checkPart(def, profile, f.formula.percent, f.formula.key, `figures.${i}.formula.key`, { place: 'formula_part', detail: f.formula.key, what: `part "${f.formula.key}"` }, add);
    if (f.formula && 'part' in f.formula) checkPart(def, profile, f.formula.part, f.formula.key, `figures.${i}.formula.key`, { place: 'formula_part', detail: f.formula.key, what: `part "${f.formula.key}"` }, add);
  });
  try {
    formulaOrder(def.figures);
  } catch (e) {
    add('figures', 'formula_cycle', { figure: /figure (\S+) depends/.exec((e as Error).message)?.[1] ?? '' }, (e as Error).message);
  }
  const blocks = new Set<string>();
  const sections = new Map<string, number>();
  const charts = new Map<string, string>();
  def.sections.forEach((s, i) => {
    if (sections.has(s.id)) add(`sections.${i}.id`, 'duplicate_section', { section: s.id, first: `sections.${sections.get(s.id)}` }, `section "${s.id}" appears twice (first at sections.${sections.get(s.id)})`);
    sections.set(s.id, i);
    texts(s.title, `sections.${i}.title`);
    s.blocks.forEach((b: Block, j) => {
      const at = `sections.${i}.blocks.${j}`;
      if (b.kind === 'text') {
        texts(b.text, `${at}.text`);
        for (const [lang, t] of Object.entries(b.text)) for (const p of placeholders(t ?? '')) {
          if (p.id === 'year' || p.id === 'year:ordinal') continue;
          const written = `{${p.list}${p.bare ? '=' : ''}${p.id}${p.key ? `#${p.key}` : ''}}`;
          const formsProblem = placeholderFormsProblem(p, lang as ReportLang);
          if (formsProblem) add(`${at}.text.${lang}`, 'placeholder_forms', { placeholder: `{${p.id}${p.key ? `#${p.key}` : ''}|…}`, problem: formsProblem }, `{${p.id}${p.key ? `#${p.key}` : ''}|…}: ${formsProblem}`);
          if (!ids.has(p.id)) add(`${at}.text.${lang}`, 'placeholder_unknown_figure', { placeholder: written, figure: p.id }, `{${p.id}}: no figure "${p.id}" is defined`);
          else if (p.key !== null || p.list === '*' || p.list === '+' || p.list === '%') checkPart(def, profile, p.id, p.key, `${at}.text.${lang}`, { place: 'placeholder', detail: written, what: written }, add);
        }
      } else if (b.kind === 'narrative') {
        if (blocks.has(b.id)) add(`${at}.id`, 'duplicate_narrative', { narrative: b.id }, `narrative "${b.id}" appears twice`);
        blocks.add(b.id);
        texts(b.label, `${at}.label`);
      } else {
        if (!ids.has(b.figure)) add(`${at}.figure`, 'block_unknown_figure', { figure: b.figure }, `no figure "${b.figure}" is defined`);
        // A series chart may show a total per year; every other chart and a table show parts.
        else if (b.kind === 'table') checkPart(def, profile, b.figure, null, `${at}.figure`, { place: 'table', detail: '', what: 'a table' }, add);
        else if (b.type !== 'series') checkPart(def, profile, b.figure, null, `${at}.figure`, { place: 'chart', detail: b.type, what: `a ${b.type} chart` }, add);
        if (b.kind === 'chart') b.keys?.forEach((k, n) => checkPart(def, profile, b.figure, k, `${at}.keys.${n}`, { place: 'chart_key', detail: k, what: `chart key "${k}"` }, add));
        if (b.kind === 'chart' && charts.has(b.id)) add(`${at}.id`, 'duplicate_chart', { chart: b.id, first: charts.get(b.id) ?? '' }, `chart "${b.id}" appears twice (first at ${charts.get(b.id)})`);
        if (b.kind === 'chart') charts.set(b.id, at);
        if (b.kind === 'chart') texts(b.title, `${at}.title`);
        else {
          texts(b.caption, `${at}.caption`);
          texts(b.keyLabel, `${at}.keyLabel`);
        }
      }
    });
  });
  return errors;
}

/** Warnings, not errors: parts of printed figures that would print as a raw code, in some report language. */
export function unlabelledParts(def: ReportDefinition, profile: Profile): { figure: string; path: string; params: ProblemParams; message: string }[] {
  const out: { figure: string; path: string; params: ProblemParams; message: string }[] = [];
  for (const id of referencedFigures(def)) {
    const keys = figureKeys(def, id, profile);
    if (!keys?.keys) continue;
    for (const key of keys.keys) {
      if (key === 'unknown' || key === 'other') continue;
      const missing = def.languages.filter((lang) => !hasLabel(def, profile, keys.dim, key, lang));
      if (missing.length) out.push({ figure: id, path: `labels.${keys.dim}.${key}`, params: { key, figure: id, dim: keys.dim, langs: missing.join(', '), path: `labels.${keys.dim}.${key}` }, message: `"${key}" (a part of ${id}, by ${keys.dim}) has no label in ${missing.join(', ')} and would print as the code; add labels.${keys.dim}.${key}` });
    }
  }
  return out;
}
