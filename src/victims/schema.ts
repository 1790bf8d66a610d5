import { z } from 'zod';
import { Code } from '../profile/schema.ts';
import { todayIn } from './calendar.ts';
import { endsBeforeStart, partialDate, PartialDateText } from './partial-date.ts';

/** Shared by server, web and CLI: the victim record as it crosses the wire. */

// HTCDS gender values (IOM Human Trafficking Case Data Standard).
export const Gender = z.enum(['male', 'female', 'transgender_nonconforming', 'unknown']);
export const IdentificationChannel = z.enum(['hotline', 'police', 'ngo', 'border', 'consulate_readmission', 'labour_inspection', 'self_referral', 'foreign_authority']);
export const IdentificationStatus = z.enum(['potential', 'identified', 'not_confirmed']);
export const EventKind = z.enum(['recruitment', 'transit', 'exploitation']);
export const RecruitmentMethod = z.enum(['job_offer', 'marriage_proposal', 'acquaintance', 'online_platform', 'abduction', 'other', 'unknown']);
export const RecruiterRelation = z.enum(['intimate_partner', 'friend', 'family', 'other', 'unknown']);
export const MeansOfControl = z.enum([
  'debt_bondage', 'takes_earnings', 'restricts_financial_access', 'threats', 'psychological_abuse', 'physical_abuse',
  'sexual_abuse', 'false_promises', 'psychoactive_substances', 'restricts_movement', 'restricts_medical_care',
  'excessive_working_hours', 'uses_children', 'threat_of_law_enforcement', 'withholds_necessities', 'withholds_documents', 'other',
]);
export const ReflectionOutcome = z.enum(['cooperate', 'not_cooperate', 'undecided']);
export const ConsentPurpose = z.enum(['data_processing', 'referral', 'law_enforcement_sharing']);
export const ClosureReason = z.enum(['reintegrated', 'returned', 'lost_contact', 'closed']);
export const CaseStatus = z.enum(['new', 'in_reflection', 'assisted', 'reintegrated', 'returned', 'lost_contact', 'closed']);
export type CaseStatus = z.infer<typeof CaseStatus>;

const isoCountry = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as TR');
/**
 * "Today" is a date in the country profile's time zone (set once at start by the server and by
 * the web app): a clerk in Baku after midnight enters today's date, not UTC's yesterday.
 */
let calendarTimeZone = 'UTC';
export function setCalendarTimeZone(timeZone: string) {
  calendarTimeZone = timeZone;
}
export const todayInCalendar = () => todayIn(calendarTimeZone);

/** A calendar date, never in the future: records describe what has happened. */
export const PastDate = z.iso.date().refine((d) => d <= todayInCalendar(), 'must not be in the future');
/**
 * A date as the person told it (YYYY, YYYY-MM or YYYY-MM-DD), never in the future: birth dates and
 * the periods of events. Dates the system records itself (contact, decisions, payments) are PastDate.
 */
export const PartialDate = partialDate(todayInCalendar);
/** A code from the country profile. */
const code = Code;
const text = (max: number) => z.string().trim().min(1).max(max);

/** The identifying part: stored encrypted field by field, shown only to roles that may see it. */
export const Identity = z.strictObject({
  givenName: text(100),
  familyName: text(100).nullable().optional(),
  patronymic: text(100).nullable().optional(),
  birthDate: PartialDate.nullable().optional(),
  documentNumbers: z.array(text(50)).max(10).optional(),
  phones: z.array(text(40)).max(10).optional(),
  address: text(500).nullable().optional(),
});
export type Identity = z.infer<typeof Identity>;

export const CreatePersonInput = z.strictObject({
  identity: Identity,
  gender: Gender,
  birthYear: z.number().int().min(1900).max(new Date().getFullYear()).nullable().optional(),
  isMinor: z.boolean().nullable().optional(),
  citizenship: isoCountry.nullable().optional(),
  residenceRegion: code.nullable().optional(),
  languages: z.array(z.string().regex(/^[a-z]{2,3}$/, 'an ISO 639 language code')).max(10).optional(),
  vulnerabilities: z.array(code).max(20).optional(),
  channel: IdentificationChannel,
  /** The first contact, which starts the record as a potential victim. */
  contactDate: PastDate,
});
export type CreatePersonInput = z.infer<typeof CreatePersonInput>;

export const UpdatePersonInput = CreatePersonInput.omit({ identity: true, contactDate: true, channel: true }).partial().extend({ identity: Identity.partial().optional() }).strict();
export type UpdatePersonInput = z.infer<typeof UpdatePersonInput>;

export const DecisionInput = z.strictObject({
  status: IdentificationStatus,
  decidedOn: PastDate,
  decidingAgencyId: z.uuid(),
  note: text(1000).optional(),
});

export const EventInput = z
  .strictObject({
    kind: EventKind,
    country: isoCountry.nullable().optional(),
    region: text(100).nullable().optional(),
    startDate: PartialDate.nullable().optional(),
    endDate: PartialDate.nullable().optional(),
    forms: z.array(code).max(10).optional(),
    subtypes: z.array(code).max(20).optional(),
    isicSection: z.string().regex(/^[A-U]$/, 'an ISIC Rev. 4 section letter A–U').nullable().optional(),
    meansOfControl: z.array(MeansOfControl).max(17).optional(),
    recruitmentMethod: RecruitmentMethod.nullable().optional(),
    onlinePlatform: text(50).nullable().optional(),
    recruiterRelation: RecruiterRelation.nullable().optional(),
  })
  .refine((e) => !e.startDate || !e.endDate || !endsBeforeStart(e.startDate, e.endDate), { path: ['endDate'], message: 'must not be before startDate' });

export const ReflectionInput = z.strictObject({ startDate: PastDate });
export const ReflectionUpdateInput = z.strictObject({
  extensionDays: z.number().int().min(0).max(365).optional(),
  outcome: ReflectionOutcome.optional(),
  outcomeDate: PastDate.optional(),
});

export const ConsentInput = z.strictObject({
  purpose: ConsentPurpose,
  agencyId: z.uuid().nullable().optional(),
  given: z.boolean(),
  recordedOn: PastDate,
});

/** A coordinator's record that the law allows processing despite a refusal (court order, criminal investigation). */
export const ConsentOverrideInput = z.strictObject({
  purpose: z.enum(['data_processing', 'law_enforcement_sharing']),
  legalBasis: text(200),
  reason: text(2000),
});

export const CloseInput = z.strictObject({ reason: ClosureReason, closedOn: PastDate, note: text(1000).optional() });

export const ChildInput = z.strictObject({
  label: text(40),
  birthYear: z.number().int().min(1990).max(new Date().getFullYear()).nullable().optional(),
  gender: Gender,
});

export const PersonListQuery = z.strictObject({
  status: CaseStatus.optional(),
  identificationStatus: IdentificationStatus.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  country: isoCountry.optional(),
  agencyId: z.uuid().optional(),
  caseCode: z.string().trim().max(30).optional(),
  /** Any of the person's names, in any script or spelling; every word must match. */
  name: z.string().trim().min(2).max(120).optional(),
  /** `me`: only the cases assigned to the signed-in user. */
  assigned: z.literal('me').optional(),
  /** opened: the first contact date; created: when the record was made in Azad; identified: the decision date. */
  sort: z.enum(['created', 'opened', 'caseCode', 'identified']).default('created'),
  order: z.enum(['asc', 'desc']).default('desc'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const PersonSummary = z.object({
  id: z.uuid(),
  caseCode: z.string(),
  gender: Gender,
  birthYear: z.number().nullable(),
  isMinor: z.boolean().nullable(),
  citizenship: z.string().nullable(),
  identificationStatus: IdentificationStatus,
  identifiedOn: z.string().nullable(),
  status: CaseStatus,
  ownerAgencyId: z.uuid(),
  /** The named worker the case is assigned to, if any. */
  assignedTo: z.uuid().nullable(),
  /** The date of first contact: when the case was opened, whenever the record was made. */
  openedOn: z.string(),
  createdAt: z.string(),
});
export type PersonSummary = z.infer<typeof PersonSummary>;
export const PersonList = z.object({
  items: z.array(PersonSummary),
  /** The matches, counted up to a cap (10,000); when more match, the cap. */
  total: z.number().int(),
  /** false: more persons match than `total` (the count stopped at the cap). */
  totalExact: z.boolean(),
});

export const Decision = z.object({ id: z.uuid(), status: IdentificationStatus, decidedOn: z.string(), decidingAgencyId: z.uuid(), note: z.string().nullable() });
export const ExploitationEvent = z.object({
  id: z.uuid(),
  kind: EventKind,
  country: z.string().nullable(),
  region: z.string().nullable(),
  /** As told: YYYY, YYYY-MM or YYYY-MM-DD. */
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  forms: z.array(z.string()),
  subtypes: z.array(z.string()),
  isicSection: z.string().nullable(),
  meansOfControl: z.array(z.string()),
  recruitmentMethod: z.string().nullable(),
  onlinePlatform: z.string().nullable(),
  recruiterRelation: z.string().nullable(),
});
export const Reflection = z.object({
  id: z.uuid(),
  startDate: z.string(),
  lengthDays: z.number().int(),
  extensionDays: z.number().int(),
  endDate: z.string(),
  outcome: ReflectionOutcome.nullable(),
  outcomeDate: z.string().nullable(),
});
export const Consent = z.object({ id: z.uuid(), purpose: ConsentPurpose, agencyId: z.uuid().nullable(), given: z.boolean(), recordedOn: z.string() });
export const Child = z.object({ id: z.uuid(), label: z.string(), birthYear: z.number().nullable(), gender: Gender });

export const PersonDetail = PersonSummary.extend({
  /** Present only for roles allowed to see identifying data; every such read is audited. */
  identity: Identity.nullable(),
  residenceRegion: z.string().nullable(),
  languages: z.array(z.string()),
  vulnerabilities: z.array(z.string()),
  channel: IdentificationChannel,
  contactDate: z.string(),
  /** The note is free text, shown only with the identity. */
  closure: z.object({ reason: ClosureReason, closedOn: z.string(), note: z.string().nullable() }).nullable(),
  decisions: z.array(Decision),
  events: z.array(ExploitationEvent),
  reflection: Reflection.nullable(),
  consents: z.array(Consent),
  children: z.array(Child),
  /** Yes/no only: the person is linked to a crime record or criminal case (details are the registry's). */
  linkedToProceedings: z.boolean(),
  /** Refusals in force (no later consent or legal-basis override): they restrict access outside the owning agency. */
  refusals: z.object({ dataProcessing: z.boolean(), lawEnforcementSharing: z.boolean() }),
});
export type PersonDetail = z.infer<typeof PersonDetail>;

/** `date` is 'YYYY-MM-DD', or as told for an event ('2019', '2019-05'), which sorts before the days it names. */
export const TimelineEntry = z.object({ date: z.string(), kind: z.string(), summary: z.string(), refId: z.string() });
export const Timeline = z.object({ items: z.array(TimelineEntry) });

export const DuplicateQuery = z.strictObject({
  givenName: text(100),
  familyName: text(100).optional(),
  birthDate: PartialDateText.optional(),
});
export const DuplicateCandidates = z.object({ items: z.array(z.object({ id: z.uuid(), caseCode: z.string(), score: z.number() })) });

export const ReflectionQueueQuery = z.strictObject({ withinDays: z.coerce.number().int().min(0).max(365).default(7) });
export const ReflectionQueue = z.object({
  items: z.array(z.object({ personId: z.uuid(), caseCode: z.string(), endDate: z.string(), daysLeft: z.number().int(), overdue: z.boolean() })),
});
