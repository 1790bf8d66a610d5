import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { appendAudit } from '../audit/record.ts';
import type { Database } from '../db/schema.ts';
import { invalid, notFound } from '../errors.ts';
import type { Profile } from '../profile/schema.ts';
import { assertArticle } from './articles.ts';
import { toWanted, wantedRows } from './defendants.ts';
import type { AuditBase, Who } from './facts.ts';
import type { WantedInput, WantedListQuery, WantedStatus } from './schema.ts';

/** A search ends once: the person is detained or extradited, or the search is cancelled. */
export const wantedMoves: Record<WantedStatus, WantedStatus[]> = {
  wanted: ['detained', 'extradited', 'cancelled'],
  detained: [],
  extradited: [],
  cancelled: [],
};

/** Puts a person prosecuted on the local or Interpol wanted list; one open search of each kind at a time. */
export async function declareWanted(trx: Kysely<Database>, profile: Profile, input: z.infer<typeof WantedInput>, who: Who, audit: AuditBase) {
  const article = assertArticle(profile, input.article, 'article').article;
  const p = await trx.selectFrom('prosecuted_persons').select(['id', 'stage']).where('id', '=', input.prosecutedPersonId).forUpdate().executeTakeFirst();
  if (!p) throw invalid('Unknown person prosecuted', [{ path: 'prosecutedPersonId', message: 'no such person prosecuted' }]);
  if (p.stage === 'convicted' || p.stage === 'acquitted') throw invalid(`A person ${p.stage} is not sought`, [{ path: 'prosecutedPersonId', message: `the person is ${p.stage}` }]);
  const open = await trx.selectFrom('wanted_persons').select('id').where('prosecuted_person_id', '=', p.id).where('search', '=', input.search).where('status', '=', 'wanted').executeTakeFirst();
  if (open) throw invalid('The person is already sought this way', [{ path: 'search', message: `an open ${input.search} search exists` }]);
  if (input.search === 'interpol' && !input.hidingCountry) throw invalid('An Interpol search names the country', [{ path: 'hidingCountry', message: 'where the person is believed to hide' }]);
  const row = await trx
    .insertInto('wanted_persons')
    .values({ prosecuted_person_id: p.id, search: input.search, article: input.article, article_code: article.code, article_group: article.group, report_key: article.reportKey ?? null, since: input.since, hiding_country: input.hidingCountry ?? null, status: 'wanted', status_on: input.since, created_by: who.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendAudit(trx, { ...audit, action: 'prosecution.wanted', outcome: 'ok', targetType: 'wanted_person', targetId: row.id, details: { search: input.search, article: input.article, hidingCountry: input.hidingCountry ?? null } });
  return row.id;
}

export async function moveWanted(trx: Kysely<Database>, id: string, to: WantedStatus, on: string, audit: AuditBase) {
  const w = await trx.selectFrom('wanted_persons').select(['status', 'since']).where('id', '=', id).forUpdate().executeTakeFirst();
  if (!w) throw notFound('Wanted person');
  const from = w.status as WantedStatus;
  if (!wantedMoves[from].includes(to)) throw invalid(`A search that is ${from} cannot become ${to}`, [{ path: 'status', message: `allowed from ${from}: ${wantedMoves[from].join(', ') || 'none'}` }]);
  if (on < w.since) throw invalid('The search cannot end before it began', [{ path: 'on', message: `must not be before ${w.since}` }]);
  await trx.updateTable('wanted_persons').set({ status: to, status_on: on }).where('id', '=', id).execute();
  await appendAudit(trx, { ...audit, action: 'prosecution.wanted_status', outcome: 'ok', targetType: 'wanted_person', targetId: id, details: { from, to, on } });
}

export async function listWanted(db: Kysely<Database>, q: z.infer<typeof WantedListQuery>) {
  let rows = wantedRows(db);
  if (q.status) rows = rows.where('w.status', '=', q.status);
  if (q.search) rows = rows.where('w.search', '=', q.search);
  return { items: (await rows.orderBy('w.since', 'desc').orderBy('w.id').limit(500).execute()).map(toWanted) };
}
