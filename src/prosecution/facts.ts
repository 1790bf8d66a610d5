import { sql, type Expression, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { z } from 'zod';
import { appendAudit, type AuditEntry } from '../audit/record.ts';
import { decryptOptional, encryptOptional, type FieldKey } from '../crypto/fields.ts';
import type { Database } from '../db/schema.ts';
import { invalid, notFound } from '../errors.ts';
import type { Profile } from '../profile/schema.ts';
import { assertArticles } from './articles.ts';
import type { CaseStatus, FactDetail, FactInput, FactListQuery, FactSummary } from './schema.ts';
import type { CrimeFactsTable } from './table.ts';

export type AuditBase = Omit<AuditEntry, 'action' | 'outcome'>;
export type Who = { userId: string; agencyId: string };

/** Checks the persons named exist among those the user may see; each unknown one is named. */
export async function assertVictims(trx: Kysely<Database>, visible: Expression<SqlBool>, ids: readonly string[], fieldOf: (i: number) => string) {
  if (ids.length === 0) return;
  const found = await trx.selectFrom('persons').select('persons.id').where(visible).where('persons.id', 'in', ids).execute();
  const known = new Set(found.map((r) => r.id));
  const problems = ids.flatMap((id, i) => (known.has(id) ? [] : [{ path: fieldOf(i), message: 'no such person among those you may see' }]));
  if (problems.length) throw invalid('Unknown victim', problems);
}

export async function registerFact(trx: Kysely<Database>, ctx: { key: FieldKey; profile: Profile }, input: FactInput, personVisible: Expression<SqlBool>, who: Who, audit: AuditBase) {
  const [principal] = assertArticles(ctx.profile, input.articles, 'articles');
  if (!principal) throw invalid('Name the article', [{ path: 'articles', message: 'at least one' }]);
  if (input.region && !ctx.profile.regions.regions.some((r) => r.code === input.region)) throw invalid('Unknown region', [{ path: 'region', message: `unknown region "${input.region}" in the country profile` }]);
  const victimIds = [...new Set(input.victimIds)];
  await assertVictims(trx, personVisible, victimIds, (i) => `victimIds.${i}`);
  const row = await trx
    .insertInto('crime_facts')
    .values({
      agency_id: who.agencyId,
      registered_on: input.registeredOn,
      articles: input.articles,
      principal_article: principal.article.code,
      principal_group: principal.article.group,
      principal_key: principal.article.reportKey ?? null,
      region: input.region ?? null,
      online: input.online,
      platforms: [...new Set(input.platforms)],
      status: 'registered',
      summary_enc: encryptOptional(ctx.key, input.summary),
      created_by: who.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (victimIds.length) await trx.insertInto('fact_victims').values(victimIds.map((person_id) => ({ fact_id: row.id, person_id }))).execute();
  await appendAudit(trx, { ...audit, action: 'prosecution.fact_registered', outcome: 'ok', targetType: 'crime_fact', targetId: row.id, details: { articles: input.articles, online: input.online, victims: victimIds.length } });
  return row.id;
}

const victimCount = sql<number>`(select count(*)::int from fact_victims v where v.fact_id = crime_facts.id)`;

export function toFact(r: Selectable<CrimeFactsTable> & { victim_count: number }): z.infer<typeof FactSummary> {
  return {
    id: r.id,
    registeredOn: r.registered_on,
    articles: r.articles,
    region: r.region,
    online: r.online,
    platforms: r.platforms as z.infer<typeof FactSummary>['platforms'],
    status: r.status as z.infer<typeof FactSummary>['status'],
    victimCount: Number(r.victim_count),
  };
}

export async function listFacts(db: Kysely<Database>, q: z.infer<typeof FactListQuery>) {
  let base = db.selectFrom('crime_facts');
  if (q.year) base = base.where('registered_on', '>=', `${q.year}-01-01`).where('registered_on', '<=', `${q.year}-12-31`);
  if (q.online) base = base.where('online', '=', q.online === 'true');
  const [rows, count] = await Promise.all([
    base.selectAll().select(victimCount.as('victim_count')).orderBy('registered_on', 'desc').orderBy('id').limit(q.limit).offset(q.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toFact), total: Number(count.n) };
}

/** One fact with its victims (as case codes), the hotline tips linked to it, and its cases. */
export async function factDetail(db: Kysely<Database>, key: FieldKey, id: string): Promise<z.infer<typeof FactDetail>> {
  const row = await db.selectFrom('crime_facts').selectAll().select(victimCount.as('victim_count')).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Crime record');
  const [victims, tips, cases] = await Promise.all([
    db.selectFrom('fact_victims as v').innerJoin('persons as p', 'p.id', 'v.person_id').select(['p.id', 'p.case_code']).where('v.fact_id', '=', id).orderBy('p.case_code').execute(),
    db.selectFrom('hotline_tips').select(['id', 'status', 'created_at']).where('crime_record_id', '=', id).orderBy('created_at').execute(),
    db.selectFrom('case_facts as cf').innerJoin('criminal_cases as c', 'c.id', 'cf.case_id').select(['c.id', 'c.number', 'c.status']).where('cf.fact_id', '=', id).orderBy('c.opened_on').execute(),
  ]);
  return {
    ...toFact(row),
    summary: decryptOptional(key, row.summary_enc),
    victims: victims.map((v) => ({ personId: v.id, caseCode: v.case_code })),
    tips: tips.map((t) => ({ id: t.id, status: t.status, createdAt: t.created_at.toISOString() })),
    cases: cases.map((c) => ({ id: c.id, number: c.number, status: c.status as CaseStatus })),
  };
}

/** A fact that led to no criminal case; only a fact no case covers. */
export async function markNoCase(trx: Kysely<Database>, id: string, audit: AuditBase) {
  const fact = await trx.selectFrom('crime_facts').select('status').where('id', '=', id).forUpdate().executeTakeFirst();
  if (!fact) throw notFound('Crime record');
  if (fact.status !== 'registered') throw invalid(`A fact with status ${fact.status} cannot become no_case`, [{ path: 'status', message: 'only a registered fact without a case' }]);
  await trx.updateTable('crime_facts').set({ status: 'no_case' }).where('id', '=', id).execute();
  await appendAudit(trx, { ...audit, action: 'prosecution.fact_no_case', outcome: 'ok', targetType: 'crime_fact', targetId: id });
}

/** Whether a crime record exists: the hotline checks a tip's link against it. */
export async function crimeFactExists(db: Kysely<Database>, id: string) {
  return Boolean(await db.selectFrom('crime_facts').select('id').where('id', '=', id).executeTakeFirst());
}
