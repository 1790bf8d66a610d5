import { z } from 'zod';
import { Code, HotlineOutcome } from '../profile/schema.ts';
import { Gender } from '../victims/schema.ts';

export const ContactChannel = z.enum(['phone_152', 'whatsapp', 'telegram', 'web_form', 'walk_in', 'email']);
export const CallerType = z.enum(['self', 'relative', 'witness', 'professional', 'anonymous']);
export const TipStatus = z.enum(['new', 'in_review', 'linked', 'closed']);
export { HotlineOutcome };

/** A code from the country profile. */
const code = Code;
const identifiers = {
  /** Phone numbers in any common format; normalised to E.164, or kept as written with a warning. */
  phones: z.array(z.string().trim().min(3).max(40)).max(10).optional(),
  /** Online accounts and ads: @handles, profile or ad URLs. */
  handles: z.array(z.string().trim().min(2).max(300)).max(10).optional(),
};

export const ContactInput = z
  .strictObject({
    startedAt: z.iso.datetime({ offset: true }),
    durationSeconds: z.number().int().min(0).max(6 * 3600),
    channel: ContactChannel,
    language: z.enum(['az', 'ru', 'en', 'tr', 'other']),
    callerType: CallerType,
    topic: code,
    region: code.nullable().optional(),
    outcome: HotlineOutcome,
    referredAgencyId: z.uuid().nullable().optional(),
    followUpDue: z.iso.date().nullable().optional(),
    notes: z.string().trim().min(1).max(4000).optional(),
    ...identifiers,
  })
  .refine((c) => c.outcome !== 'follow_up' || Boolean(c.followUpDue), { path: ['followUpDue'], message: 'a follow-up needs its due date' })
  .refine((c) => c.outcome !== 'referred' || Boolean(c.referredAgencyId), { path: ['referredAgencyId'], message: 'name the agency referred to' })
  .refine((c) => c.outcome === 'follow_up' || !c.followUpDue, { path: ['followUpDue'], message: 'only for outcome follow_up' })
  .refine((c) => c.outcome === 'referred' || !c.referredAgencyId, { path: ['referredAgencyId'], message: 'only for outcome referred' })
  .refine((c) => !c.followUpDue || c.followUpDue >= c.startedAt.slice(0, 10), { path: ['followUpDue'], message: 'must not be before the call' });
export type ContactInput = z.infer<typeof ContactInput>;

export const Warning = z.object({ path: z.string(), message: z.string() });
export const ContactCreated = z.object({ id: z.uuid(), warnings: z.array(Warning) });

export const ContactSummary = z.object({
  id: z.uuid(),
  startedAt: z.string(),
  durationSeconds: z.number().int(),
  channel: ContactChannel,
  language: z.string(),
  callerType: CallerType,
  topic: z.string(),
  region: z.string().nullable(),
  outcome: HotlineOutcome,
  followUpDue: z.string().nullable(),
  followUpDone: z.boolean(),
  personId: z.uuid().nullable(),
  agencyId: z.uuid(),
});
export const Identifier = z.object({ kind: z.enum(['phone', 'handle']), value: z.string(), normalized: z.string(), valid: z.boolean() });
/** Other contacts and tips naming one of the same identifiers (never the record's own call), with when and how. */
export const Related = z.object({
  contacts: z.array(z.object({ id: z.uuid(), startedAt: z.string(), channel: z.string() })),
  tips: z.array(z.object({ id: z.uuid(), createdAt: z.string(), status: TipStatus })),
});
export const ContactDetail = ContactSummary.extend({
  notes: z.string().nullable(),
  identifiers: z.array(Identifier),
  /** Other contacts and tips that name the same phone or account (only those you may see). */
  related: Related,
});
export const ContactList = z.object({ items: z.array(ContactSummary), total: z.number().int() });
export const ContactListQuery = z.strictObject({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  topic: code.optional(),
  channel: ContactChannel.optional(),
  outcome: HotlineOutcome.optional(),
  /** The calls linked to one person (shown on the person's page). */
  personId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** A potential-victim record opened from a call; the rest is prefilled from the contact. */
export const PersonFromContactInput = z.strictObject({
  givenName: z.string().trim().min(1).max(100),
  familyName: z.string().trim().min(1).max(100).optional(),
  gender: Gender,
  birthYear: z.number().int().min(1900).max(2100).optional(),
  /** For a call whose outcome was "referred": the caller agreed to the referral on the line. */
  referralConsent: z.boolean().optional(),
});
export const LinkPersonInput = z.strictObject({ personId: z.uuid() });

export const TipInput = z.strictObject({
  contactId: z.uuid().nullable().optional(),
  summary: z.string().trim().min(5).max(4000),
  ...identifiers,
});
/** The opening words of a tip's summary, for the queue (the whole text is on the tip's page). */
export const TIP_EXCERPT_CHARS = 140;
export const TipSummary = z.object({ id: z.uuid(), status: TipStatus, contactId: z.uuid().nullable(), crimeRecordId: z.uuid().nullable(), createdAt: z.string(), identifierCount: z.number().int(), excerpt: z.string() });
export const TipDetail = TipSummary.extend({ summary: z.string(), identifiers: z.array(Identifier), related: Related });
export const TipList = z.object({ items: z.array(TipSummary) });
export const TipUpdateInput = z.strictObject({ status: TipStatus, crimeRecordId: z.uuid().nullable().optional() });

export const SearchInput = z.strictObject({ identifier: z.string().trim().min(2).max(300) });
export const SearchResult = z.object({ normalized: z.string(), contacts: z.array(ContactSummary), tips: z.array(TipSummary) });

export const FollowUps = z.object({ items: z.array(ContactSummary.extend({ overdue: z.boolean() })) });

export const StatsQuery = z.strictObject({ from: z.iso.date(), to: z.iso.date() });
export const Stats = z.object({
  from: z.string(),
  to: z.string(),
  total: z.number().int(),
  byTopic: z.record(z.string(), z.number().int()),
  byChannel: z.record(z.string(), z.number().int()),
  byOutcome: z.record(z.string(), z.number().int()),
});
