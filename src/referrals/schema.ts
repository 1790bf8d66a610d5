import { z } from 'zod';

export const ReferralStatus = z.enum(['sent', 'accepted', 'declined', 'completed', 'revoked']);
export type ReferralStatus = z.infer<typeof ReferralStatus>;

export const CreateReferralInput = z.strictObject({
  toAgencyId: z.uuid(),
  note: z.string().trim().min(1).max(1000).optional(),
  /** Without recorded consent for this agency a referral needs a reason, which is audited. */
  consentOverrideReason: z.string().trim().min(10).max(1000).optional(),
});

export const ReferralTransitionInput = z.strictObject({
  status: z.enum(['accepted', 'declined', 'completed', 'revoked']),
});

export const Referral = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  caseCode: z.string(),
  fromAgencyId: z.uuid(),
  toAgencyId: z.uuid(),
  status: ReferralStatus,
  sentAt: z.string(),
  respondedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  consentOverride: z.boolean(),
});
export type Referral = z.infer<typeof Referral>;
export const ReferralList = z.object({ items: z.array(Referral) });
/** One page of the inbox, with how many referrals match in all. */
export const ReferralPage = z.object({ items: z.array(Referral), total: z.number().int() });
export const ReferralInboxQuery = z.strictObject({
  status: ReferralStatus.optional(),
  /** sent: when the referral was sent; caseCode: the person's case code. */
  sort: z.enum(['sent', 'caseCode']).default('sent'),
  order: z.enum(['asc', 'desc']).default('desc'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
