import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { appendAudit, type AuditEntry } from '../audit/record.ts';
import { decryptOptional, encryptOptional, type FieldKey } from '../crypto/fields.ts';
import type { Database } from '../db/schema.ts';
import { conflict, invalid, notFound, type FieldError } from '../errors.ts';
import type { Profile } from '../profile/schema.ts';
import { assertAgencies } from '../victims/records.ts';
import type { AssistanceInput, PaymentInput } from './schema.ts';

type AuditBase = Omit<AuditEntry, 'action' | 'outcome'>;
type Who = { userId: string };

export async function recordAssistance(trx: Kysely<Database>, ctx: { key: FieldKey; profile: Profile }, personId: string, input: z.infer<typeof AssistanceInput>, who: Who, audit: AuditBase) {
  const kind = ctx.profile.assistanceKinds.find((k) => k.code === input.kind);
  const problems: FieldError[] = [];
  if (!kind) problems.push({ path: 'kind', message: `unknown assistance kind "${input.kind}" in the country profile` });
  else if (kind.monetary) problems.push({ path: 'kind', message: 'money is recorded as a payment' });
  else if (kind.forChildren && !input.childId) problems.push({ path: 'childId', message: 'this kind of help is for a child: name the child' });
  if (input.legalStage && input.kind !== 'legal') problems.push({ path: 'legalStage', message: 'only for legal help' });
  if (input.childId) {
    const child = await trx.selectFrom('children').select('id').where('id', '=', input.childId).where('person_id', '=', personId).executeTakeFirst();
    if (!child) problems.push({ path: 'childId', message: "not one of this person's children" });
  }
  if (problems.length) throw invalid('The assistance record is not valid', problems);
  await assertAgencies(trx, { providerAgencyId: input.providerAgencyId });
  if (input.replaces) await voidEntry(trx, ctx.key, 'assistance', personId, input.replaces, input.correctionReason ?? '', who, audit, 'replaces');
  const row = await trx
    .insertInto('assistance')
    .values({
      person_id: personId,
      child_id: input.childId ?? null,
      kind: input.kind,
      provider_agency_id: input.providerAgencyId,
      date: input.date,
      end_date: input.endDate ?? null,
      legal_stage: input.legalStage ?? null,
      notes_enc: encryptOptional(ctx.key, input.notes),
      replaces_id: input.replaces ?? null,
      created_by: who.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendAudit(trx, { ...audit, action: 'assistance.record', outcome: 'ok', targetType: 'person', targetId: personId, details: { assistanceId: row.id, kind: input.kind, date: input.date, ...(input.replaces ? { replaces: input.replaces } : {}) } });
  return row.id;
}

export async function assistanceOf(db: Kysely<Database>, key: FieldKey, personId: string, showNotes: boolean) {
  const rows = await db.selectFrom('assistance').selectAll().where('person_id', '=', personId).orderBy('date').orderBy('created_at').execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    providerAgencyId: r.provider_agency_id,
    date: r.date,
    endDate: r.end_date,
    legalStage: r.legal_stage as 'investigation' | 'court' | null,
    childId: r.child_id,
    notes: showNotes ? decryptOptional(key, r.notes_enc) : null,
    ...correctionOf(key, r, showNotes),
  }));
}

type Voidable = { voided_at: Date | null; void_reason_enc: Uint8Array | null; replaces_id: string | null };
const correctionOf = (key: FieldKey, r: Voidable, showReason: boolean) => ({
  voidedAt: r.voided_at?.toISOString() ?? null,
  voidReason: showReason ? decryptOptional(key, r.void_reason_enc) : null,
  replacesId: r.replaces_id,
});

/**
 * Voids a standing service or payment of this person, with a reason: the entry stays, struck
 * through, and counts nowhere. `replaces` when an adjustment voids it for a new entry.
 */
export async function voidEntry(trx: Kysely<Database>, key: FieldKey, table: 'assistance' | 'payments', personId: string, entryId: string, reason: string, who: Who, audit: AuditBase, why: 'void' | 'replaces' = 'void') {
  const path = why === 'replaces' ? 'replaces' : 'entryId';
  const row = await trx.selectFrom(table).select(['id', 'voided_at']).where('id', '=', entryId).where('person_id', '=', personId).forUpdate().executeTakeFirst();
  if (!row) {
    if (why === 'replaces') throw invalid('The entry to replace is not one of this person\'s', [{ path, message: 'not found for this person' }]);
    throw notFound(table === 'payments' ? 'Payment' : 'Service');
  }
  if (row.voided_at) throw conflict('This entry is already voided', [{ path, message: 'already voided' }]);
  await trx.updateTable(table).set({ voided_at: new Date(), voided_by: who.userId, void_reason_enc: encryptOptional(key, reason) }).where('id', '=', entryId).execute();
  await appendAudit(trx, { ...audit, action: `${table === 'payments' ? 'payments' : 'assistance'}.void`, outcome: 'ok', targetType: 'person', targetId: personId, details: { entryId, adjustment: why === 'replaces' } });
}

/** Closes a stay that was open at check-in (shelter, rehabilitation): only an open, standing one. */
export async function endAssistance(trx: Kysely<Database>, personId: string, entryId: string, endDate: string, audit: AuditBase) {
  const row = await trx.selectFrom('assistance').select(['date', 'end_date', 'voided_at']).where('id', '=', entryId).where('person_id', '=', personId).forUpdate().executeTakeFirst();
  if (!row || row.voided_at) throw notFound('Service');
  if (row.end_date) throw conflict('This stay already has an end date; correct it with an adjustment', [{ path: 'endDate', message: `already ended on ${row.end_date}` }]);
  if (endDate < row.date) throw invalid('The end is before the start', [{ path: 'endDate', message: `must not be before ${row.date}` }]);
  await trx.updateTable('assistance').set({ end_date: endDate }).where('id', '=', entryId).execute();
  await appendAudit(trx, { ...audit, action: 'assistance.ended', outcome: 'ok', targetType: 'person', targetId: personId, details: { entryId, endDate } });
}

export type PaymentOutcome = { id: string; created: boolean };

/**
 * Records a payment once per idempotency key: a resubmission returns the first record.
 * Once-per-person kinds (the one-time allowance) are paid once per person unless a
 * reason to pay again is given; the person's row is locked so two clerks cannot both pay.
 */
export async function recordPayment(trx: Kysely<Database>, { key, profile }: { key: FieldKey; profile: Profile }, personId: string, input: z.infer<typeof PaymentInput>, who: Who, audit: AuditBase): Promise<PaymentOutcome> {
  const kind = profile.paymentKinds.find((k) => k.code === input.kind);
  if (!kind) throw invalid('Unknown payment kind', [{ path: 'kind', message: `unknown payment kind "${input.kind}" in the country profile` }]);
  if (input.currency !== profile.settings.currency) throw invalid('Wrong currency', [{ path: 'currency', message: `payments are made in ${profile.settings.currency}` }]);
  await assertAgencies(trx, { payerAgencyId: input.payerAgencyId });
  await trx.selectFrom('persons').select('id').where('id', '=', personId).forUpdate().executeTakeFirstOrThrow();

  const previous = await trx.selectFrom('payments').selectAll().where('idempotency_key', '=', input.idempotencyKey).executeTakeFirst();
  if (previous) {
    const same = previous.person_id === personId && previous.kind === input.kind && Number(previous.amount) === input.amount && previous.paid_on === input.paidOn;
    if (!same) throw conflict('This idempotency key was used for a different payment', [{ path: 'idempotencyKey', message: 'already used' }]);
    return { id: previous.id, created: false };
  }
  // An adjustment voids the payment it replaces first, so a once-only kind may be paid again.
  if (input.replaces) await voidEntry(trx, key, 'payments', personId, input.replaces, input.correctionReason ?? '', who, audit, 'replaces');
  if (kind.oncePerPerson) {
    const paid = await trx.selectFrom('payments').select('id').where('person_id', '=', personId).where('kind', '=', input.kind).where('voided_at', 'is', null).executeTakeFirst();
    if (paid && !input.overrideReason) {
      throw conflict(`The ${input.kind} has already been paid to this person`, [{ path: 'overrideReason', message: 'give a reason to pay it again' }]);
    }
  }
  const insert = trx
    .insertInto('payments')
    .values({
      person_id: personId,
      kind: input.kind,
      amount: input.amount.toFixed(2),
      currency: input.currency,
      paid_on: input.paidOn,
      payer_agency_id: input.payerAgencyId,
      idempotency_key: input.idempotencyKey,
      override_reason_enc: encryptOptional(key, input.overrideReason),
      replaces_id: input.replaces ?? null,
      created_by: who.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // Two persons' requests racing with one key meet at the unique index: same answer as above.
  const row = await insert.catch((err: unknown) => {
    if ((err as { code?: string }).code === '23505') throw conflict('This idempotency key was used for a different payment', [{ path: 'idempotencyKey', message: 'already used' }]);
    throw err;
  });
  await appendAudit(trx, {
    ...audit,
    action: input.overrideReason ? 'payments.record_override' : 'payments.record',
    outcome: 'ok',
    targetType: 'person',
    targetId: personId,
    details: { paymentId: row.id, kind: input.kind, amount: input.amount, currency: input.currency, overridden: Boolean(input.overrideReason), ...(input.replaces ? { replaces: input.replaces } : {}) },
  });
  return { id: row.id, created: true };
}

/** Payments; the free-text override reason only where the person's identity may be shown. */
export async function paymentsOf(db: Kysely<Database>, key: FieldKey, personId: string, showReasons: boolean) {
  const rows = await db.selectFrom('payments').selectAll().where('person_id', '=', personId).orderBy('paid_on').orderBy('created_at').execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    amount: Number(r.amount),
    currency: r.currency,
    paidOn: r.paid_on,
    payerAgencyId: r.payer_agency_id,
    overridden: r.override_reason_enc !== null,
    overrideReason: showReasons ? decryptOptional(key, r.override_reason_enc) : null,
    ...correctionOf(key, r, showReasons),
  }));
}
