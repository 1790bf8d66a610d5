// From a figure to the records behind it: the persons a figure counts, as far as the user may see them.
import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Profile } from '../profile/schema.ts';
import { personCondition, recordCountQuery } from './definition/compile.ts';
import { dependencies } from './definition/evaluate.ts';
import type { ReportDefinition, Source } from './definition/schema.ts';

type Db = Kysely<Database>;

/** The persons behind a figure for a year (through formulas to the records they read), filtered by the caller's visibility. */
export async function figureSourcePersons(db: Db, profile: Profile, def: ReportDefinition, figureId: string, year: number, visible: Expression<SqlBool>) {
  const ids = new Set<string>();
  const collect = (id: string, seen = new Set<string>()): RawBuilder<unknown>[] => {
    const f = def.figures.find((x) => x.id === id);
    if (!f || seen.has(id)) return [];
    seen.add(id);
    const m = f.formula;
    // The persons a formula counts: its value's (a share's numerator), not those it borrows parts from or divides by.
    if (m) return ('part' in m ? [m.part] : 'sum' in m ? m.sum : 'cumulative' in m ? [m.cumulative] : 'percent' in m ? [m.percent] : [m.value]).flatMap((d) => collect(d, seen));
    const q = personCondition(f, profile, year);
    return q ? [q] : [];
  };
  const queries = collect(figureId);
  if (queries.length === 0) return [];
  for (const q of queries) for (const r of (await sql<{ id: string }>`${q}`.execute(db)).rows) ids.add(r.id);
  if (ids.size === 0) return [];
  const rows = await db.selectFrom('persons').select(['persons.id', 'persons.case_code', 'persons.identified_on']).where(visible).where('persons.id', 'in', [...ids]).orderBy('persons.case_code').limit(5000).execute();
  return rows.map((r) => ({ id: r.id, caseCode: r.case_code, identifiedOn: r.identified_on }));
}

/** The record figures a figure reads (through formulas), each with its source and how many of its records count in the year. */
export async function figureSourceRecords(db: Db, profile: Profile, def: ReportDefinition, figureId: string, year: number) {
  const out: { figure: string; source: Source; records: number }[] = [];
  const walk = async (id: string, seen: Set<string>) => {
    const f = def.figures.find((x) => x.id === id);
    if (!f || seen.has(id)) return;
    seen.add(id);
    const m = f.formula;
    if (m) {
      for (const d of dependencies(f)) await walk(d, seen);
      return;
    }
    const q = recordCountQuery(f, profile, year);
    if (!q || !f.from) return;
    const row = (await sql<{ n: number }>`${q}`.execute(db)).rows[0];
    out.push({ figure: f.id, source: f.from, records: Number(row?.n ?? 0) });
  };
  await walk(figureId, new Set());
  return out;
}
