import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Figure } from './schema.ts';

/**
 * The law-enforcement figures of the annual report for one calendar year, under the reference
 * ids (see docs/prosecution.md for how each is counted). Reads only the registry's own columns,
 * so it needs neither the key nor the profile; the report calls it for year and year-1.
 */
export async function prosecutionFigures(db: Kysely<any> | Kysely<Database>, year: number): Promise<Figure[]> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const inYear = (col: RawBuilder<unknown>) => sql`${col} between ${from}::date and ${to}::date`;
  const count = async (q: RawBuilder<unknown>) => Number((await sql<{ n: number }>`select count(*)::int as n from (${q}) x`.execute(db)).rows[0]?.n ?? 0);
  const groups = async (q: RawBuilder<unknown>) => {
    const rows = (await sql<{ k: string | null; n: number }>`select k, count(*)::int as n from (${q}) x group by k order by k`.execute(db)).rows;
    return rows.map((r) => ({ k: r.k, n: Number(r.n) }));
  };
  /** A figure with its breakdown; null keys go to `unknown`, so the parts always sum to the value. */
  const brokenDown = async (id: string, q: RawBuilder<unknown>, fixedKeys: string[] = []): Promise<Figure> => {
    const rows = await groups(q);
    const breakdown: Record<string, number> = Object.fromEntries(fixedKeys.map((k) => [k, 0]));
    let unknown = 0;
    for (const r of rows) {
      if (r.k === null) unknown += r.n;
      else breakdown[r.k] = (breakdown[r.k] ?? 0) + r.n;
    }
    const value = rows.reduce((s, r) => s + r.n, 0);
    return unknown ? { id, value, breakdown, unknown } : { id, value, breakdown };
  };

  // Facts count by registration date, each once, under its principal (first) article.
  const facts = sql`select * from crime_facts where ${inYear(sql.ref('registered_on'))}`;
  const onlineFacts = sql`select * from (${facts}) f where online`;
  const byGroup = await groups(sql`select principal_group as k from (${facts}) f`);
  const group = (g: string) => byGroup.find((r) => r.k === g)?.n ?? 0;
  const shares = { trafficking: group('trafficking'), document_forgery: group('documents'), forced_labour: group('forced_labour') };

  // Persons count by the date of the procedural step; sex unknown goes to `unknown`.
  const stepped = (stage: string) =>
    sql`select case when p.sex = 'unknown' then null else p.sex end as k from procedural_steps s join prosecuted_persons p on p.id = s.prosecuted_person_id
         where s.stage = ${stage} and ${inYear(sql.ref('s.on_date'))}`;

  // Cases count by the date of their status change (the history), once per case.
  const completed = sql`select c.id, c.opened_on from criminal_cases c where exists (select 1 from case_status_history h where h.case_id = c.id and h.status = 'completed' and ${inYear(sql.ref('h.on_date'))})`;

  const wanted = (search: string) => sql`select * from wanted_persons where search = ${search}`;
  const localDuringYear = sql`select * from (${wanted('local')}) w where since <= ${to}::date and (status = 'wanted' or status_on >= ${from}::date)`;
  const interpolAtYearEnd = sql`select * from (${wanted('interpol')}) w where since <= ${to}::date and (status = 'wanted' or status_on > ${to}::date)`;
  const ended = (status: string) => sql`select search as k from wanted_persons where status = ${status} and ${inYear(sql.ref('status_on'))}`;

  // Cases opened this year that cover at least one fact committed online.
  const onlineCases = sql`select c.* from criminal_cases c where ${inYear(sql.ref('c.opened_on'))}
                            and exists (select 1 from case_facts cf join crime_facts f on f.id = cf.fact_id where cf.case_id = c.id and f.online)`;
  /** A reference id naming an article ("144-1": any part) or one part ("243.1"). */
  const naming = (ref: string) => sql`(articles[1] = ${ref} or principal_article = ${ref})`;

  const hiding = (await sql<{ c: string }>`select distinct hiding_country as c from (${interpolAtYearEnd}) w where hiding_country is not null order by 1`.execute(db)).rows.map((r) => r.c);

  return [
    { id: 'crimes.trafficking', value: shares.trafficking },
    { id: 'crimes.forced_labour', value: shares.forced_labour },
    { id: 'crimes.document_forgery', value: shares.document_forgery },
    { id: 'crimes.share_chart', value: shares.trafficking + shares.document_forgery + shares.forced_labour, breakdown: shares },
    await brokenDown('crimes.by_article', sql`select principal_article as k from (${facts}) f`),
    await brokenDown('crimes.related', sql`select principal_group as k from (${facts}) f where principal_group in ('public_morality', 'minors', 'extortion')`, ['public_morality', 'minors', 'extortion']),
    { id: 'cases.initiated', value: await count(sql`select 1 from criminal_cases where ${inYear(sql.ref('opened_on'))}`) },
    await brokenDown('defendants.charged', stepped('charged'), ['female', 'male']),
    { id: 'cases.investigation_completed', value: await count(completed) },
    { id: 'cases.investigation_completed.from_previous_years', value: await count(sql`select 1 from (${completed}) c where opened_on < ${from}::date`) },
    await brokenDown('defendants.sent_to_court', stepped('sent_to_court'), ['female', 'male']),
    await brokenDown('defendants.convicted', stepped('convicted'), ['female', 'male']),
    await brokenDown('defendants.acquitted', stepped('acquitted'), ['female', 'male']),
    {
      id: 'defendants.convicted.cumulative',
      value: await count(sql`select 1 from procedural_steps where stage = 'convicted' and on_date <= ${to}::date`),
    },
    await brokenDown('sentences.by_type', sql`select punishment as k from sentences where ${inYear(sql.ref('sentenced_on'))}`, ['imprisonment', 'suspended', 'fine']),
    { id: 'sentences.confiscation', value: await count(sql`select 1 from sentences where confiscation and ${inYear(sql.ref('sentenced_on'))}`) },
    await brokenDown('wanted.local', sql`select coalesce(report_key, article_code) as k from (${localDuringYear}) w`),
    { id: 'wanted.local.detained', value: await count(sql`select 1 from wanted_persons where search = 'local' and status = 'detained' and ${inYear(sql.ref('status_on'))}`) },
    {
      id: 'wanted.local.detained.trafficking',
      value: await count(sql`select 1 from wanted_persons where search = 'local' and status = 'detained' and article_group = 'trafficking' and ${inYear(sql.ref('status_on'))}`),
    },
    { id: 'wanted.interpol', value: await count(interpolAtYearEnd) },
    { id: 'wanted.interpol.hiding_countries', value: null, categories: hiding },
    await brokenDown('wanted.detained', ended('detained'), ['local', 'interpol']),
    await brokenDown('wanted.extradited', ended('extradited'), ['local', 'interpol']),
    await brokenDown('online.facts', sql`select platforms[1] as k from (${onlineFacts}) f`),
    { id: 'online.facts.art_243_1', value: await count(sql`select 1 from (${onlineFacts}) f where ${naming('243.1')}`) },
    await brokenDown('online.cases.by_article', sql`select articles[1] as k from (${onlineCases}) c`),
    { id: 'online.cases.art_144_1', value: await count(sql`select 1 from (${onlineCases}) c where ${naming('144-1')}`) },
    { id: 'online.cases.art_243_1', value: await count(sql`select 1 from (${onlineCases}) c where ${naming('243.1')}`) },
  ];
}
