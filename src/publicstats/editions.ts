// Public tables come from published editions only (report_editions: frozen figures and the
// definition they were built from). Drafts and live figures are never read here.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { profileDir } from '../profile/load.ts';
import type { Profile } from '../profile/schema.ts';
import { describe } from '../report/definition/describe.ts';
import { labeller } from '../report/definition/labels.ts';
import type { ReportDefinition } from '../report/definition/schema.ts';
import { definitionFor } from '../report/definition/store.ts';
import { dimensionOf } from '../report/document.ts';
import type { ReportFigure } from '../report/report.ts';
import { TOTAL, type Cell, type EditionTables, type Rule, type Table } from './model.ts';
import { PublicStatsConfig, type PublicLang } from './schema.ts';
import { protect } from './suppress.ts';

export const CONFIG_FILE = 'public-statistics.json';

/**
 * The profile's public statistics, checked whole; a profile without the file publishes no tables.
 * Read once at start: a bad file stops the server with its path and problems.
 */
export function loadPublicStatsConfig(code: string): PublicStatsConfig {
  const file = join(profileDir(code), CONFIG_FILE);
  if (!existsSync(file)) return { threshold: 5, zerosSensitive: false, tables: [] };
  const parsed = PublicStatsConfig.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`invalid ${file}:\n  ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n  ')}`);
  return parsed.data;
}

export const ruleOf = (c: PublicStatsConfig): Rule => ({ threshold: c.threshold, zerosSensitive: c.zerosSensitive });

/** One published edition as stored. */
export interface EditionRow {
  id: string;
  year: number;
  edition: number;
  figures: ReportFigure[];
  definition: ReportDefinition;
  publishedAt: Date;
  current: boolean;
}

/** Every published edition, oldest publication first; an edition frozen without its definition reads the one in force for its year. */
export async function publishedEditions(db: Kysely<Database>, profile: Profile): Promise<EditionRow[]> {
  const rows = await db.selectFrom('report_editions').select(['id', 'year', 'edition', 'figures', 'definition', 'published_at', 'superseded_at']).orderBy('published_at').orderBy('year').orderBy('edition').execute();
  const out: EditionRow[] = [];
  for (const r of rows) {
    const definition = (r.definition as ReportDefinition | null) ?? (await definitionFor(db, profile, r.year)).definition;
    out.push({ id: r.id, year: r.year, edition: r.edition, figures: r.figures as ReportFigure[], definition, publishedAt: r.published_at, current: r.superseded_at === null });
  }
  return out;
}

const isCount = (def: ReportDefinition, id: string) => (def.figures.find((f) => f.id === id)?.unit ?? 'count') === 'count';

/** An edition's figures as the profile's tables; a table whose figure the edition lacks (or is not a count) is left out. */
export function tablesOf(row: EditionRow, config: PublicStatsConfig): EditionTables {
  const figures = new Map(row.figures.map((f) => [f.id, f]));
  const tables: Table[] = [];
  for (const spec of config.tables) {
    const f = figures.get(spec.figure);
    if (!f || f.value === null || !isCount(row.definition, spec.figure)) continue;
    const cell = (key: string, value: number): Cell => ({ key, value, suppressed: false });
    const cells = Object.entries(f.breakdown ?? {}).map(([k, v]) => cell(k, v));
    const sum = cells.reduce((s, c) => s + c.value, 0) + (f.unknown ?? 0);
    // Parts that add up to the total form a partition whatever the definition says: an attacker sees the sum too.
    const parts = cells.length === 0 ? 'none' : f.parts === 'partition' || sum === f.value ? 'partition' : 'overlapping';
    if (parts === 'partition' && f.unknown) cells.push(cell('unknown', f.unknown));
    tables.push({ id: spec.id, parts, total: cell(TOTAL, f.value), cells, cumulativeOf: spec.cumulativeOf });
  }
  return { id: row.id, year: row.year, edition: row.edition, tables };
}

export interface Protected {
  row: EditionRow;
  tables: EditionTables;
}

/**
 * Every edition's public tables, protected in the order they were published: each against the same
 * year's earlier editions and the previous year's edition in force at its publication, as those were
 * shown. What was shown once stays as it was; a later edition adapts to it, never the reverse.
 */
export function protectAll(rows: readonly EditionRow[], config: PublicStatsConfig): Protected[] {
  const done: Protected[] = [];
  for (const row of rows) {
    const earlier = done.filter((p) => p.row.year === row.year).map((p) => p.tables);
    const previousYear = done.filter((p) => p.row.year === row.year - 1 && p.row.publishedAt <= row.publishedAt).at(-1)?.tables;
    done.push({ row, tables: protect(tablesOf(row, config), { earlier, previousYear }, ruleOf(config)).edition });
  }
  return done;
}

// Editions are frozen (a trigger refuses changes), so their protection is computed once per set of editions.
const memo = new WeakMap<object, { key: string; value: Protected[] }>();

export async function protectedEditions(db: Kysely<Database>, profile: Profile, config: PublicStatsConfig): Promise<Protected[]> {
  const rows = await publishedEditions(db, profile);
  const key = rows.map((r) => `${r.id}:${r.current}`).join(',');
  const hit = memo.get(db);
  if (hit?.key === key) return hit.value;
  const value = protectAll(rows, config);
  memo.set(db, { key, value });
  return value;
}

/** Labels for a table's title and parts in one language, from the edition's own definition. */
export function labelsFor(row: EditionRow, config: PublicStatsConfig, profile: Profile, lang: PublicLang) {
  const label = labeller(row.definition, profile, lang);
  return (tableId: string) => {
    const spec = config.tables.find((t) => t.id === tableId);
    const def = row.definition.figures.find((f) => f.id === spec?.figure);
    const dim = spec ? dimensionOf(row.definition, spec.figure) : null;
    return {
      spec,
      title: spec?.title?.[lang] ?? def?.label[lang] ?? def?.label.en ?? tableId,
      countedAs: def ? describe(def, row.definition, profile, lang) : '',
      part: (key: string) => (key === 'unknown' ? UNKNOWN[lang] : label(dim, key)),
    };
  };
}

const UNKNOWN: Record<PublicLang, string> = { az: 'məlum deyil', en: 'not known', ru: 'неизвестно' };
