import type { Expression, Kysely, SqlBool } from 'kysely';
import type { z } from 'zod';
import { appendAudit, type AuditEntry } from '../audit/record.ts';
import type { FieldKey } from '../crypto/fields.ts';
import type { Database } from '../db/schema.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import type { Profile } from '../profile/schema.ts';
import { crimeFactExists } from '../prosecution/facts.ts';
import { referPerson } from '../referrals/referrals.ts';
import { createPerson } from '../victims/persons.ts';
import { recordConsent } from '../victims/records.ts';
import { toContact } from './hotline.ts';
import type { PersonFromContactInput, TipStatus } from './schema.ts';

type AuditBase = Omit<AuditEntry, 'action' | 'outcome'>;

async function lockedContact(trx: Kysely<Database>, visible: Expression<SqlBool>, id: string) {
  const row = await trx.selectFrom('hotline_contacts').selectAll().where(visible).where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw notFound('Contact');
  if (row.person_id) throw conflict('This contact is already linked to a person', [{ path: 'personId', message: 'already linked' }]);
  return row;
}

/** Opens a potential-victim record from a call: channel hotline, contact date and region from the call. */
export async function personFromContact(
  trx: Kysely<Database>,
  ctx: { key: FieldKey; profile: Profile },
  visible: Expression<SqlBool>,
  contactId: string,
  input: z.infer<typeof PersonFromContactInput>,
  who: { userId: string; agencyId: string },
  audit: AuditBase,
) {
  const contact = await lockedContact(trx, visible, contactId);
  const person = await createPerson(
    trx,
    ctx,
    {
      identity: { givenName: input.givenName, familyName: input.familyName ?? null },
      gender: input.gender,
      birthYear: input.birthYear ?? null,
      residenceRegion: contact.region,
      languages: contact.language === 'other' ? [] : [contact.language],
      channel: 'hotline',
      contactDate: contact.started_at.toISOString().slice(0, 10),
    },
    who,
    audit,
  );
  // The call's own outcome stays as logged (statistics count it); the link is the person_id.
  await trx.updateTable('hotline_contacts').set({ person_id: person.id }).where('id', '=', contactId).execute();
  await appendAudit(trx, { ...audit, action: 'hotline.person_linked', outcome: 'ok', targetType: 'contact', targetId: contactId, details: { personId: person.id, created: true } });
  // A call that ended in a referral becomes a real referral once there is a person, with the
  // consent the caller gave on the line.
  let referralId: string | null = null;
  if (contact.outcome === 'referred' && contact.referred_agency_id && input.referralConsent) {
    const day = contact.started_at.toISOString().slice(0, 10);
    await recordConsent(trx, person.id, { purpose: 'referral', agencyId: contact.referred_agency_id, given: true, recordedOn: day }, who, audit);
    referralId = await referPerson(trx, ctx.key, person.id, { toAgencyId: contact.referred_agency_id }, who, audit);
  }
  return { id: person.id, caseCode: person.case_code, referralId };
}

/** Links a call to a person the operator may already see. */
export async function linkContact(trx: Kysely<Database>, contactVisible: Expression<SqlBool>, personVisible: Expression<SqlBool>, contactId: string, personId: string, audit: AuditBase) {
  await lockedContact(trx, contactVisible, contactId);
  const person = await trx.selectFrom('persons').select('id').where(personVisible).where('persons.id', '=', personId).executeTakeFirst();
  if (!person) throw notFound('Person');
  await trx.updateTable('hotline_contacts').set({ person_id: personId }).where('id', '=', contactId).execute();
  await appendAudit(trx, { ...audit, action: 'hotline.person_linked', outcome: 'ok', targetType: 'contact', targetId: contactId, details: { personId, created: false } });
}

/** The operator's open follow-ups, earliest due first, overdue marked. */
export async function followUps(db: Kysely<Database>, userId: string, writable: Expression<SqlBool>, today: string) {
  const rows = await db
    .selectFrom('hotline_contacts')
    .selectAll()
    .where(writable)
    .where('created_by', '=', userId)
    .where('outcome', '=', 'follow_up')
    .where('follow_up_done_at', 'is', null)
    .orderBy('follow_up_due')
    .execute();
  return { items: rows.map((r) => ({ ...toContact(r), overdue: (r.follow_up_due ?? today) < today })) };
}

export async function completeFollowUp(trx: Kysely<Database>, visible: Expression<SqlBool>, id: string, audit: AuditBase) {
  const res = await trx
    .updateTable('hotline_contacts')
    .set({ follow_up_done_at: new Date() })
    .where(visible)
    .where('id', '=', id)
    .where('outcome', '=', 'follow_up')
    .where('follow_up_done_at', 'is', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw notFound('Follow-up');
  await appendAudit(trx, { ...audit, action: 'hotline.follow_up_done', outcome: 'ok', targetType: 'contact', targetId: id });
}

const tipMoves: Record<string, string[]> = { new: ['in_review', 'closed'], in_review: ['linked', 'closed'], linked: ['closed'], closed: [] };

/**
 * Police review: new → in_review → linked (to a crime record of the registry) or closed.
 */
export async function reviewTip(trx: Kysely<Database>, visible: Expression<SqlBool>, id: string, input: { status: z.infer<typeof TipStatus>; crimeRecordId?: string | null | undefined }, userId: string, audit: AuditBase) {
  const tip = await trx.selectFrom('hotline_tips').select(['status']).where(visible).where('id', '=', id).forUpdate().executeTakeFirst();
  if (!tip) throw notFound('Tip');
  if (!tipMoves[tip.status]?.includes(input.status)) {
    throw invalid(`A ${tip.status} tip cannot become ${input.status}`, [{ path: 'status', message: `allowed from ${tip.status}: ${tipMoves[tip.status]?.join(', ') || 'none'}` }]);
  }
  if ((input.status === 'linked') !== Boolean(input.crimeRecordId)) {
    throw invalid('A linked tip names its crime record, and only a linked one', [{ path: 'crimeRecordId', message: input.status === 'linked' ? 'required to link' : 'only with status linked' }]);
  }
  if (input.crimeRecordId && !(await crimeFactExists(trx, input.crimeRecordId))) {
    throw invalid('Unknown crime record', [{ path: 'crimeRecordId', message: 'no such crime record in the registry' }]);
  }
  const res = await trx
    .updateTable('hotline_tips')
    .set({ status: input.status, ...(input.crimeRecordId !== undefined ? { crime_record_id: input.crimeRecordId } : {}), reviewed_by: userId, reviewed_at: new Date() })
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw notFound('Tip');
  await appendAudit(trx, { ...audit, action: 'tips.review', outcome: 'ok', targetType: 'tip', targetId: id, details: { status: input.status } });
}
