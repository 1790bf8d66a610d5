import { z } from 'zod';
import { Code } from '../profile/schema.ts';
import { PastDate } from '../victims/schema.ts';

/** A code from the country profile. */
const code = Code;

/** Whether an entry still stands: a voided one stays in the ledger, struck through, and counts nowhere. */
const Correction = z.object({
  voidedAt: z.string().nullable(),
  /** Free text: shown only where the person's identity may be. */
  voidReason: z.string().nullable(),
  /** The entry this one replaced (an adjustment). */
  replacesId: z.uuid().nullable(),
});

export const VoidInput = z.strictObject({ reason: z.string().trim().min(5).max(1000) });
/** Closing a stay (shelter, rehabilitation) that was open at check-in. */
export const AssistanceEndInput = z.strictObject({ endDate: PastDate });
export const EntryParams = z.strictObject({ id: z.uuid(), entryId: z.uuid() });

export const LegalStage = z.enum(['investigation', 'court']);

export const AssistanceInput = z
  .strictObject({
    kind: code,
    providerAgencyId: z.uuid(),
    date: PastDate,
    /** Shelter check-out and other spans. */
    endDate: PastDate.nullable().optional(),
    legalStage: LegalStage.nullable().optional(),
    childId: z.uuid().nullable().optional(),
    notes: z.string().trim().min(1).max(2000).optional(),
    /** An adjustment: this entry replaces that one of the same person, which is voided with the reason. */
    replaces: z.uuid().optional(),
    correctionReason: z.string().trim().min(5).max(1000).optional(),
  })
  .refine((a) => !a.replaces === !a.correctionReason, { path: ['correctionReason'], message: 'an adjustment names the entry it replaces and gives a reason' })
  .refine((a) => !a.endDate || a.endDate >= a.date, { path: ['endDate'], message: 'must not be before date' });

export const Assistance = z.object({
  id: z.uuid(),
  kind: z.string(),
  providerAgencyId: z.uuid(),
  date: z.string(),
  endDate: z.string().nullable(),
  legalStage: LegalStage.nullable(),
  childId: z.uuid().nullable(),
  /** Notes may name people; they are encrypted and shown like identifying data. */
  notes: z.string().nullable(),
  ...Correction.shape,
});
export const AssistanceList = z.object({ items: z.array(Assistance) });

export const PaymentInput = z.strictObject({
  kind: code,
  amount: z.number().positive().max(1_000_000).multipleOf(0.01),
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code'),
  paidOn: PastDate,
  payerAgencyId: z.uuid(),
  /** The client's key for this payment: a second submission with the same key is stored once. */
  idempotencyKey: z.string().trim().min(8).max(100),
  /** Needed to pay a once-only kind (the one-time allowance) a second time. */
  overrideReason: z.string().trim().min(10).max(1000).optional(),
  /** An adjustment: this payment replaces that one of the same person, which is voided with the reason. */
  replaces: z.uuid().optional(),
  correctionReason: z.string().trim().min(5).max(1000).optional(),
}).refine((a) => !a.replaces === !a.correctionReason, { path: ['correctionReason'], message: 'an adjustment names the payment it replaces and gives a reason' });

export const Payment = z.object({
  id: z.uuid(),
  kind: z.string(),
  amount: z.number(),
  currency: z.string(),
  paidOn: z.string(),
  payerAgencyId: z.uuid(),
  overridden: z.boolean(),
  /** Free text: shown only where the person's identity may be. */
  overrideReason: z.string().nullable(),
  ...Correction.shape,
});
export const PaymentList = z.object({ items: z.array(Payment) });
