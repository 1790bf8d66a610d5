import type { Kysely, Selectable } from 'kysely';
import type { z } from 'zod';
import type { Scope } from '../access/roles.ts';
import { appendAudit, type AuditEntry } from '../audit/record.ts';
import { encryptOptional, type FieldKey } from '../crypto/fields.ts';
import type { Database } from '../db/schema.ts';
import { rules } from '../access/rules.ts';
import { agencyUsersWith, notify } from '../notifications/notifications.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../errors.ts';
import { ACCESS_GRANTING_REFERRALS } from '../victims/access.ts';
import { assertAgencies } from '../victims/records.ts';
import type { CreateReferralInput, Referral, ReferralStatus, ReferralTransitionInput } from './schema.ts';
import type { ReferralsTable } from './table.ts';

type AuditBase = Omit<AuditEntry, 'action' | 'outcome'>;

export function toReferral(r: Selectable<ReferralsTable> & { case_code: string }): Referral {
  return {
    id: r.id,
    personId: r.person_id,
    caseCode: r.case_code,
    fromAgencyId: r.from_agency_id,
    toAgencyId: r.to_agency_id,
    status: r.status as ReferralStatus,
    sentAt: r.sent_at.toISOString(),
    respondedAt: r.responded_at?.toISOString() ?? null,
    completedAt: r.completed_at?.toISOString() ?? null,
    consentOverride: r.consent_override_enc !== null,
  };
}

/** Whether the person's latest word on referral to this agency is a yes. */
async function hasReferralConsent(db: Kysely<Database>, personId: string, agencyId: string) {
  const latest = await db
    .selectFrom('consents')
    .select('given')
    .where('person_id', '=', personId)
    .where('purpose', '=', 'referral')
    .where('agency_id', '=', agencyId)
    .orderBy('recorded_on', 'desc')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return latest?.given === true;
}

/** Refers a person to an agency: needs the person's consent, or an override reason that is audited. */
export async function referPerson(
  trx: Kysely<Database>,
  key: FieldKey,
  personId: string,
  input: z.infer<typeof CreateReferralInput>,
  who: { userId: string; agencyId: string },
  audit: AuditBase,
) {
  await assertAgencies(trx, { toAgencyId: input.toAgencyId });
  if (input.toAgencyId === who.agencyId) throw invalid('An agency cannot refer to itself', [{ path: 'toAgencyId', message: 'choose another agency' }]);
  const open = await trx
    .selectFrom('referrals')
    .select('id')
    .where('person_id', '=', personId)
    .where('to_agency_id', '=', input.toAgencyId)
    .where('status', 'in', ['sent', 'accepted'])
    .executeTakeFirst();
  if (open) throw conflict('There is already an open referral to this agency', [{ path: 'toAgencyId', message: 'already referred' }]);
  const consented = await hasReferralConsent(trx, personId, input.toAgencyId);
  if (!consented && !input.consentOverrideReason) {
    throw invalid('The person has not consented to this referral', [{ path: 'consentOverrideReason', message: 'record consent first, or give a reason to refer without it' }]);
  }
  const row = await trx
    .insertInto('referrals')
    .values({
      person_id: personId,
      from_agency_id: who.agencyId,
      to_agency_id: input.toAgencyId,
      status: 'sent',
      sent_at: new Date(),
      responded_at: null,
      completed_at: null,
      consent_override_enc: consented ? null : encryptOptional(key, input.consentOverrideReason),
      note_enc: encryptOptional(key, input.note),
      created_by: who.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // The receiving agency's staff who work its referral inbox see it on their badge.
  const person = await trx.selectFrom('persons').select('case_code').where('id', '=', personId).executeTakeFirstOrThrow();
  const inboxRoles = Object.keys(rules['referrals.inbox']);
  await notify(trx, await agencyUsersWith(trx, input.toAgencyId, inboxRoles), { kind: 'referral_received', personId, caseCode: person.case_code });
  await appendAudit(trx, {
    ...audit,
    action: consented ? 'referrals.create' : 'referrals.create_without_consent',
    outcome: 'ok',
    targetType: 'person',
    targetId: personId,
    // The reason is free text that may name people: the trail records only that there was one.
    details: { referralId: row.id, toAgencyId: input.toAgencyId, consentOverridden: !consented },
  });
  return row.id;
}

const allowed: Record<ReferralStatus, ReferralStatus[]> = {
  sent: ['accepted', 'declined', 'revoked'],
  accepted: ['completed', 'revoked'],
  declined: [],
  completed: [],
  revoked: [],
};

/**
 * Moves a referral on. The receiving agency accepts, declines or completes; the sending
 * agency (or anyone with national scope) revokes.
 */
export async function transitionReferral(
  trx: Kysely<Database>,
  id: string,
  input: z.infer<typeof ReferralTransitionInput>,
  who: { agencyId: string; scopes: Scope[] },
  audit: AuditBase,
) {
  const ref = await trx.selectFrom('referrals').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  const national = who.scopes.includes('all');
  // Answering belongs to the receiving agency alone; revoking to the sender or national scope.
  const receiver = ref?.to_agency_id === who.agencyId && ACCESS_GRANTING_REFERRALS.includes(ref.status as never);
  const sender = national || ref?.from_agency_id === who.agencyId;
  if (!ref || (!receiver && !sender)) throw notFound('Referral');
  if (input.status === 'revoked' ? !sender : !receiver) throw forbidden(input.status === 'revoked' ? 'Only the referring agency revokes a referral' : 'Only the receiving agency answers a referral');
  if (!allowed[ref.status as ReferralStatus].includes(input.status)) {
    throw new AppError('conflict', `A ${ref.status} referral cannot become ${input.status}`, [{ path: 'status', message: `allowed from ${ref.status}: ${allowed[ref.status as ReferralStatus].join(', ') || 'none'}` }]);
  }
  const now = new Date();
  await trx
    .updateTable('referrals')
    .set({
      status: input.status,
      ...(input.status === 'accepted' || input.status === 'declined' ? { responded_at: now } : {}),
      ...(input.status === 'completed' ? { completed_at: now } : {}),
    })
    .where('id', '=', id)
    .execute();
  await appendAudit(trx, { ...audit, action: `referrals.${input.status}`, outcome: 'ok', targetType: 'person', targetId: ref.person_id, details: { referralId: id, from: ref.status, to: input.status } });
}

export async function referralsOfPerson(db: Kysely<Database>, personId: string) {
  const rows = await db.selectFrom('referrals').innerJoin('persons', 'persons.id', 'referrals.person_id').selectAll('referrals').select('persons.case_code').where('person_id', '=', personId).orderBy('sent_at').execute();
  return rows.map(toReferral);
}

/** Referrals addressed to the agency (or all, for national scope). */
export interface InboxQuery {
  status?: ReferralStatus | undefined;
  sort: 'sent' | 'caseCode';
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

/** One page of the inbox and the number of referrals in it; the id breaks ties so pages never overlap. */
export async function referralInbox(db: Kysely<Database>, who: { agencyId: string; scopes: Scope[] }, query: InboxQuery) {
  let q = db.selectFrom('referrals').innerJoin('persons', 'persons.id', 'referrals.person_id');
  // A declined or revoked referral no longer names its person to the agency that had it.
  if (!who.scopes.includes('all')) q = q.where('referrals.to_agency_id', '=', who.agencyId).where('referrals.status', 'in', [...ACCESS_GRANTING_REFERRALS]);
  if (query.status) q = q.where('referrals.status', '=', query.status);
  const column = query.sort === 'caseCode' ? 'persons.case_code' : 'referrals.sent_at';
  const [rows, count] = await Promise.all([
    q.selectAll('referrals').select('persons.case_code').orderBy(column, query.order).orderBy('referrals.id', query.order).limit(query.limit).offset(query.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toReferral), total: Number(count.n) };
}
