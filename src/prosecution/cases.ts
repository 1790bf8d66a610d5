import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { z } from 'zod';
import { appendAudit } from '../audit/record.ts';
import type { Database } from '../db/schema.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import type { Profile } from '../profile/schema.ts';
import { assertArticles } from './articles.ts';
import { toDefendantSummary } from './defendants.ts';
import { assertVictims, toFact, type AuditBase, type Who } from './facts.ts';
import type { CaseDetail, CaseInput, CaseListQuery, CaseStatus, CaseSummary, CaseVictimInput } from './schema.ts';

type Victim = z.infer<typeof CaseDetail>['victims'][number];

/**
 * The case's state machine: an investigation is completed, then the case goes to court, is
 * suspended or closed. An investigation may also be suspended or closed before completion, and a
 * suspended case resumes as an investigation.
 */
export const caseMoves: Record<CaseStatus, CaseStatus[]> = {
  investigation: ['completed', 'suspended', 'closed'],
  completed: ['sent_to_court', 'suspended', 'closed'],
  suspended: ['investigation'],
  sent_to_court: [],
  closed: [],
};

async function assertFacts(trx: Kysely<Database>, ids: readonly string[], fieldOf: (i: number) => string) {
  const found = await trx.selectFrom('crime_facts').select(['id', 'status', 'registered_on']).where('id', 'in', ids).forUpdate().execute();
  const byId = new Map(found.map((f) => [f.id, f]));
  const problems = ids.flatMap((id, i) => {
    const f = byId.get(id);
    if (!f) return [{ path: fieldOf(i), message: 'no such crime record' }];
    if (f.status === 'no_case') return [{ path: fieldOf(i), message: 'this fact was closed without a case' }];
    return [];
  });
  if (problems.length) throw invalid('Unknown crime record', problems);
  return found;
}

async function linkFacts(trx: Kysely<Database>, caseId: string, factIds: readonly string[]) {
  await trx.insertInto('case_facts').values(factIds.map((fact_id) => ({ case_id: caseId, fact_id }))).execute();
  await trx.updateTable('crime_facts').set({ status: 'case_opened' }).where('id', 'in', factIds).execute();
}

export async function openCase(trx: Kysely<Database>, profile: Profile, input: z.infer<typeof CaseInput>, who: Who, audit: AuditBase) {
  const [principal] = assertArticles(profile, input.articles, 'articles');
  if (!principal) throw invalid('Name the article', [{ path: 'articles', message: 'at least one' }]);
  const factIds = [...new Set(input.factIds)];
  const facts = await assertFacts(trx, factIds, (i) => `factIds.${i}`);
  if (facts.some((f) => f.registered_on > input.openedOn)) throw invalid('A case cannot open before the facts it covers were registered', [{ path: 'openedOn', message: 'before the registration of a fact it covers' }]);
  const agency = await trx.selectFrom('agencies').select('id').where('id', '=', input.investigatingAgencyId).executeTakeFirst();
  if (!agency) throw invalid('Unknown agency', [{ path: 'investigatingAgencyId', message: 'no such agency' }]);
  if (await trx.selectFrom('criminal_cases').select('id').where('number', '=', input.number).executeTakeFirst()) {
    throw conflict('A case with this number exists', [{ path: 'number', message: 'already registered' }]);
  }
  const row = await trx
    .insertInto('criminal_cases')
    .values({ number: input.number, opened_on: input.openedOn, articles: input.articles, principal_article: principal.article.code, agency_id: input.investigatingAgencyId, unit: input.unit ?? null, status: 'investigation', status_on: input.openedOn, created_by: who.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx.insertInto('case_status_history').values({ case_id: row.id, status: 'investigation', on_date: input.openedOn, created_by: who.userId }).execute();
  await linkFacts(trx, row.id, factIds);
  await appendAudit(trx, { ...audit, action: 'prosecution.case_opened', outcome: 'ok', targetType: 'criminal_case', targetId: row.id, details: { articles: input.articles, facts: factIds.length } });
  return row.id;
}

export async function lockedCase(trx: Kysely<Database>, id: string) {
  const row = await trx.selectFrom('criminal_cases').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw notFound('Criminal case');
  return row;
}

export async function addFactToCase(trx: Kysely<Database>, caseId: string, factId: string, audit: AuditBase) {
  const c = await lockedCase(trx, caseId);
  if (c.status === 'sent_to_court' || c.status === 'closed') throw invalid(`A case ${c.status} takes no more facts`, [{ path: 'factId', message: `the case is ${c.status}` }]);
  await assertFacts(trx, [factId], () => 'factId');
  if (await trx.selectFrom('case_facts').select('id').where('case_id', '=', caseId).where('fact_id', '=', factId).executeTakeFirst()) {
    throw conflict('The case already covers this fact', [{ path: 'factId', message: 'already in the case' }]);
  }
  await linkFacts(trx, caseId, [factId]);
  await appendAudit(trx, { ...audit, action: 'prosecution.case_fact_added', outcome: 'ok', targetType: 'criminal_case', targetId: caseId, details: { factId } });
}

/**
 * Moves a case along its state machine, keeping the dated history. Sending a case to court sends
 * every person charged in it to court on the same date.
 */
export async function moveCase(trx: Kysely<Database>, id: string, to: CaseStatus, on: string, who: Who, audit: AuditBase) {
  const c = await lockedCase(trx, id);
  const from = c.status as CaseStatus;
  if (!caseMoves[from].includes(to)) {
    throw invalid(`A case in status ${from} cannot become ${to}`, [{ path: 'status', message: `allowed from ${from}: ${caseMoves[from].join(', ') || 'none'}` }]);
  }
  if (on < c.status_on) throw invalid('A status change cannot predate the previous one', [{ path: 'on', message: `must not be before ${c.status_on}` }]);
  await trx.updateTable('criminal_cases').set({ status: to, status_on: on }).where('id', '=', id).execute();
  await trx.insertInto('case_status_history').values({ case_id: id, status: to, on_date: on, created_by: who.userId }).execute();
  let sent = 0;
  if (to === 'sent_to_court') {
    const charged = await trx.selectFrom('prosecuted_persons').select('id').where('case_id', '=', id).where('stage', '=', 'charged').execute();
    for (const p of charged) {
      await trx.insertInto('procedural_steps').values({ prosecuted_person_id: p.id, stage: 'sent_to_court', on_date: on, created_by: who.userId }).execute();
      await trx.updateTable('prosecuted_persons').set({ stage: 'sent_to_court' }).where('id', '=', p.id).execute();
    }
    sent = charged.length;
  }
  await appendAudit(trx, { ...audit, action: 'prosecution.case_status', outcome: 'ok', targetType: 'criminal_case', targetId: id, details: { from, to, on, personsSentToCourt: sent } });
}

/** Links a victim to a case, with their cooperation and the Bar's legal aid by stage (re-linking updates). */
export async function setCaseVictim(trx: Kysely<Database>, personVisible: Expression<SqlBool>, caseId: string, input: z.infer<typeof CaseVictimInput>, audit: AuditBase) {
  await lockedCase(trx, caseId);
  await assertVictims(trx, personVisible, [input.personId], () => 'personId');
  const legalAid = [...new Set(input.legalAid)];
  await trx
    .insertInto('case_victims')
    .values({ case_id: caseId, person_id: input.personId, cooperation: input.cooperation, legal_aid: legalAid })
    .onConflict((oc) => oc.columns(['case_id', 'person_id']).doUpdateSet({ cooperation: input.cooperation, legal_aid: legalAid }))
    .execute();
  await appendAudit(trx, { ...audit, action: 'prosecution.case_victim', outcome: 'ok', targetType: 'criminal_case', targetId: caseId, details: { personId: input.personId, cooperation: input.cooperation, legalAid } });
}

const personCount = sql<number>`(select count(*)::int from prosecuted_persons p where p.case_id = criminal_cases.id)`;

function toCase(r: { id: string; number: string; opened_on: string; articles: string[]; agency_id: string; unit: string | null; status: string; status_on: string; person_count: number }): z.infer<typeof CaseSummary> {
  return {
    id: r.id,
    number: r.number,
    openedOn: r.opened_on,
    articles: r.articles,
    investigatingAgencyId: r.agency_id,
    unit: r.unit,
    status: r.status as CaseStatus,
    statusOn: r.status_on,
    personCount: Number(r.person_count),
  };
}

export async function listCases(db: Kysely<Database>, q: z.infer<typeof CaseListQuery>) {
  let base = db.selectFrom('criminal_cases');
  if (q.status) base = base.where('status', '=', q.status);
  const [rows, count] = await Promise.all([
    base.selectAll().select(personCount.as('person_count')).orderBy('opened_on', 'desc').orderBy('id').limit(q.limit).offset(q.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toCase), total: Number(count.n) };
}

/** A case with its history, facts, persons (no identity: that is on the person's own, audited page) and victims. */
export async function caseDetail(db: Kysely<Database>, id: string): Promise<z.infer<typeof CaseDetail>> {
  const row = await db.selectFrom('criminal_cases').selectAll().select(personCount.as('person_count')).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Criminal case');
  const [history, facts, persons, victims] = await Promise.all([
    db.selectFrom('case_status_history').select(['status', 'on_date']).where('case_id', '=', id).orderBy('on_date').orderBy('created_at').execute(),
    db
      .selectFrom('case_facts as cf')
      .innerJoin('crime_facts', 'crime_facts.id', 'cf.fact_id')
      .selectAll('crime_facts')
      .select(sql<number>`0`.as('victim_count'))
      .where('cf.case_id', '=', id)
      .orderBy('crime_facts.registered_on')
      .execute(),
    db.selectFrom('prosecuted_persons').select(['id', 'case_id', 'sex', 'birth_year', 'citizenship', 'role', 'stage']).where('case_id', '=', id).orderBy('created_at').execute(),
    db.selectFrom('case_victims as v').innerJoin('persons as p', 'p.id', 'v.person_id').select(['p.id', 'p.case_code', 'v.cooperation', 'v.legal_aid']).where('v.case_id', '=', id).orderBy('p.case_code').execute(),
  ]);
  return {
    ...toCase(row),
    history: history.map((h) => ({ status: h.status as CaseStatus, on: h.on_date })),
    facts: facts.map((f) => {
      const s = toFact(f);
      return { id: s.id, registeredOn: s.registeredOn, articles: s.articles, online: s.online };
    }),
    persons: persons.map(toDefendantSummary),
    victims: victims.map((v) => ({ personId: v.id, caseCode: v.case_code, cooperation: v.cooperation as Victim['cooperation'], legalAid: v.legal_aid as Victim['legalAid'] })),
  };
}
