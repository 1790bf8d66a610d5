import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { appendAudit } from '../audit/record.ts';
import { decryptField, decryptOptional, encryptField, encryptOptional, type FieldKey } from '../crypto/fields.ts';
import type { Database } from '../db/schema.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import type { AuditBase, Who } from './facts.ts';
import type { DefendantDetail, DefendantInput, DefendantSummary, Punishment, SentenceInput, Stage, WantedSummary } from './schema.ts';
import type { ProsecutedPersonsTable } from './table.ts';

/** A person's procedural history: suspect → charged → sent to court → convicted or acquitted. */
export const stageMoves: Record<Stage, Stage[]> = {
  suspect: ['charged'],
  charged: ['sent_to_court'],
  sent_to_court: ['convicted', 'acquitted'],
  convicted: [],
  acquitted: [],
};
/** Case statuses in which persons may still be added or charged (before the court). */
const PRE_TRIAL = ['investigation', 'completed', 'suspended'];

type Summary = z.infer<typeof DefendantSummary>;
export function toDefendantSummary(p: Pick<ProsecutedPersonsTable, 'case_id' | 'sex' | 'birth_year' | 'citizenship' | 'role' | 'stage'> & { id: string }): Summary {
  return { id: p.id, caseId: p.case_id, sex: p.sex as Summary['sex'], birthYear: p.birth_year, citizenship: p.citizenship, role: p.role as Summary['role'], stage: p.stage as Stage };
}

/** Adds a person to a case as a suspect or charged at once; the identity is encrypted field by field. */
export async function addDefendant(trx: Kysely<Database>, key: FieldKey, caseId: string, input: z.infer<typeof DefendantInput>, who: Who, audit: AuditBase) {
  const c = await trx.selectFrom('criminal_cases').select(['status', 'opened_on']).where('id', '=', caseId).forUpdate().executeTakeFirst();
  if (!c) throw notFound('Criminal case');
  if (!PRE_TRIAL.includes(c.status)) throw invalid(`Nobody can be added to a case that is ${c.status}`, [{ path: 'stage', message: `the case is ${c.status}` }]);
  if (input.on < c.opened_on) throw invalid('A procedural step cannot predate the case', [{ path: 'on', message: `must not be before ${c.opened_on}` }]);
  const id = input.identity;
  if (id.birthDate && input.birthYear && Number(id.birthDate.slice(0, 4)) !== input.birthYear) throw invalid('Birth year and date disagree', [{ path: 'birthYear', message: 'does not match identity.birthDate' }]);
  const row = await trx
    .insertInto('prosecuted_persons')
    .values({
      case_id: caseId,
      given_name_enc: encryptField(key, id.givenName),
      family_name_enc: encryptOptional(key, id.familyName),
      patronymic_enc: encryptOptional(key, id.patronymic),
      birth_date_enc: encryptOptional(key, id.birthDate),
      documents_enc: id.documentNumbers?.length ? encryptField(key, JSON.stringify(id.documentNumbers)) : null,
      address_enc: encryptOptional(key, id.address),
      sex: input.sex,
      birth_year: input.birthYear ?? (id.birthDate ? Number(id.birthDate.slice(0, 4)) : null),
      citizenship: input.citizenship ?? null,
      role: input.role,
      stage: input.stage,
      created_by: who.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx.insertInto('procedural_steps').values({ prosecuted_person_id: row.id, stage: input.stage, on_date: input.on, created_by: who.userId }).execute();
  // Names and documents never enter the trail: only what statistics see anyway.
  await appendAudit(trx, { ...audit, action: 'prosecution.person_added', outcome: 'ok', targetType: 'prosecuted_person', targetId: row.id, details: { caseId, stage: input.stage, role: input.role, sex: input.sex } });
  return row.id;
}

async function lockedDefendant(trx: Kysely<Database>, id: string) {
  const p = await trx
    .selectFrom('prosecuted_persons as p')
    .innerJoin('criminal_cases as c', 'c.id', 'p.case_id')
    .select(['p.id', 'p.stage', 'p.case_id', 'c.status as case_status'])
    .select((eb) => eb.selectFrom('procedural_steps as s').select((e) => e.fn.max('s.on_date').as('d')).whereRef('s.prosecuted_person_id', '=', 'p.id').as('last_step_on'))
    .where('p.id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!p) throw notFound('Person prosecuted');
  return p;
}

/** One procedural step; a conviction or acquittal needs the court stage first. */
export async function addStep(trx: Kysely<Database>, id: string, to: Stage, on: string, who: Who, audit: AuditBase) {
  const p = await lockedDefendant(trx, id);
  const from = p.stage as Stage;
  if ((to === 'convicted' || to === 'acquitted') && from !== 'sent_to_court') {
    throw invalid(`A ${to === 'convicted' ? 'conviction' : 'verdict'} needs a court stage first: this person is ${from}, not sent to court`, [{ path: 'stage', message: `the person must be sent to court before being ${to}` }]);
  }
  if (!stageMoves[from].includes(to)) throw invalid(`A person at stage ${from} cannot become ${to}`, [{ path: 'stage', message: `allowed from ${from}: ${stageMoves[from].join(', ') || 'none'}` }]);
  if (to === 'charged' && !PRE_TRIAL.includes(p.case_status)) throw invalid(`Nobody can be charged in a case that is ${p.case_status}`, [{ path: 'stage', message: `the case is ${p.case_status}` }]);
  if (to === 'sent_to_court' && p.case_status !== 'sent_to_court') throw invalid('The case has not been sent to court', [{ path: 'stage', message: 'send the case to court first' }]);
  if (p.last_step_on && on < p.last_step_on) throw invalid('A step cannot predate the previous one', [{ path: 'on', message: `must not be before ${p.last_step_on}` }]);
  await trx.insertInto('procedural_steps').values({ prosecuted_person_id: id, stage: to, on_date: on, created_by: who.userId }).execute();
  await trx.updateTable('prosecuted_persons').set({ stage: to }).where('id', '=', id).execute();
  await appendAudit(trx, { ...audit, action: 'prosecution.person_step', outcome: 'ok', targetType: 'prosecuted_person', targetId: id, details: { from, to, on } });
}

/** The sentence of a convicted person: never for an acquitted one, never twice. */
export async function recordSentence(trx: Kysely<Database>, id: string, input: z.infer<typeof SentenceInput>, who: Who, audit: AuditBase) {
  const p = await lockedDefendant(trx, id);
  if (p.stage === 'acquitted') throw invalid('An acquitted person cannot be sentenced', [{ path: 'stage', message: 'the person was acquitted' }]);
  if (p.stage !== 'convicted') throw invalid(`Only a convicted person is sentenced: this person is ${p.stage}`, [{ path: 'stage', message: 'record the conviction first' }]);
  if (p.last_step_on && input.sentencedOn < p.last_step_on) throw invalid('A sentence cannot predate the conviction', [{ path: 'sentencedOn', message: `must not be before ${p.last_step_on}` }]);
  if (input.courtAgencyId) {
    const court = await trx.selectFrom('agencies').select('kind').where('id', '=', input.courtAgencyId).executeTakeFirst();
    if (court?.kind !== 'court') throw invalid('Unknown court', [{ path: 'courtAgencyId', message: 'not a court in the agency list' }]);
  }
  if (await trx.selectFrom('sentences').select('id').where('prosecuted_person_id', '=', id).executeTakeFirst()) throw conflict('This person already has a sentence', [{ path: 'sentencedOn', message: 'already sentenced' }]);
  await trx
    .insertInto('sentences')
    .values({
      prosecuted_person_id: id,
      court_agency_id: input.courtAgencyId ?? null,
      court: input.court ?? null,
      sentenced_on: input.sentencedOn,
      punishment: input.punishment,
      imprisonment_months: input.punishment === 'fine' ? null : (input.imprisonmentMonths ?? null),
      fine_amount: input.fineAmount ?? null,
      confiscation: input.confiscation,
      created_by: who.userId,
    })
    .execute();
  await appendAudit(trx, { ...audit, action: 'prosecution.sentence', outcome: 'ok', targetType: 'prosecuted_person', targetId: id, details: { punishment: input.punishment, months: input.imprisonmentMonths ?? null, confiscation: input.confiscation } });
}

/** The full record with the identity decrypted: the route audits the read before it leaves. */
export async function defendantDetail(db: Kysely<Database>, key: FieldKey, id: string): Promise<z.infer<typeof DefendantDetail>> {
  const p = await db.selectFrom('prosecuted_persons as p').innerJoin('criminal_cases as c', 'c.id', 'p.case_id').selectAll('p').select('c.number').where('p.id', '=', id).executeTakeFirst();
  if (!p) throw notFound('Person prosecuted');
  const [steps, sentence, wanted] = await Promise.all([
    db.selectFrom('procedural_steps').select(['stage', 'on_date']).where('prosecuted_person_id', '=', id).orderBy('on_date').orderBy('created_at').execute(),
    db.selectFrom('sentences').selectAll().where('prosecuted_person_id', '=', id).executeTakeFirst(),
    wantedRows(db).where('w.prosecuted_person_id', '=', id).orderBy('w.since').execute(),
  ]);
  return {
    ...toDefendantSummary(p),
    caseNumber: p.number,
    identity: {
      givenName: decryptField(key, p.given_name_enc),
      familyName: decryptOptional(key, p.family_name_enc),
      patronymic: decryptOptional(key, p.patronymic_enc),
      birthDate: decryptOptional(key, p.birth_date_enc),
      documentNumbers: p.documents_enc ? (JSON.parse(decryptField(key, p.documents_enc)) as string[]) : [],
      address: decryptOptional(key, p.address_enc),
    },
    steps: steps.map((s) => ({ stage: s.stage as Stage, on: s.on_date })),
    sentence: sentence
      ? {
          sentencedOn: sentence.sentenced_on,
          courtAgencyId: sentence.court_agency_id,
          court: sentence.court,
          punishment: sentence.punishment as z.infer<typeof Punishment>,
          imprisonmentMonths: sentence.imprisonment_months,
          fineAmount: sentence.fine_amount === null ? null : Number(sentence.fine_amount),
          confiscation: sentence.confiscation,
        }
      : null,
    wanted: wanted.map(toWanted),
  };
}

export const wantedRows = (db: Kysely<Database>) =>
  db.selectFrom('wanted_persons as w').innerJoin('prosecuted_persons as p', 'p.id', 'w.prosecuted_person_id').selectAll('w').select('p.case_id');

export function toWanted(w: { id: string; prosecuted_person_id: string; case_id: string; search: string; article: string; since: string; hiding_country: string | null; status: string; status_on: string }) {
  return {
    id: w.id,
    prosecutedPersonId: w.prosecuted_person_id,
    caseId: w.case_id,
    search: w.search as z.infer<typeof WantedSummary>['search'],
    article: w.article,
    since: w.since,
    hidingCountry: w.hiding_country,
    status: w.status as z.infer<typeof WantedSummary>['status'],
    statusOn: w.status_on,
  };
}
