import { z } from 'zod';
import { Code } from '../profile/schema.ts';
import { Gender, PastDate } from '../victims/schema.ts';

/** Shared by server, web and CLI: the criminal-justice registry as it crosses the wire. */

/**
 * An article as a record names it: the profile's article code ("144-1", "243"), optionally with
 * one of the parts the profile lists for it after a dot ("243.1"). Checked against the profile.
 */
export const ArticleRef = z.string().trim().regex(/^[0-9]+(-[0-9]+)*(\.[0-9]+)?$/, 'an article such as "144-1" or "243.1"');
export const Platform = z.enum(['whatsapp', 'tiktok', 'instagram', 'telegram', 'facebook', 'other']);
export const FactStatus = z.enum(['registered', 'case_opened', 'no_case']);
export const CaseStatus = z.enum(['investigation', 'completed', 'sent_to_court', 'suspended', 'closed']);
export const Cooperation = z.enum(['cooperating', 'not_cooperating', 'undecided']);
export const LegalAidStage = z.enum(['investigation', 'court']);
export const DefendantRole = z.enum(['recruiter', 'transporter', 'exploiter', 'organiser', 'accomplice']);
export const Stage = z.enum(['suspect', 'charged', 'sent_to_court', 'convicted', 'acquitted']);
export const Punishment = z.enum(['imprisonment', 'suspended', 'fine']);
export const SearchKind = z.enum(['local', 'interpol']);
export const WantedStatus = z.enum(['wanted', 'detained', 'extradited', 'cancelled']);
export type CaseStatus = z.infer<typeof CaseStatus>;
export type Stage = z.infer<typeof Stage>;
export type WantedStatus = z.infer<typeof WantedStatus>;

const isoCountry = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as TR');
const text = (max: number) => z.string().trim().min(1).max(max);
const articles = z.array(ArticleRef).min(1, 'name at least one article').max(10);
const page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};

export const FactInput = z
  .strictObject({
    registeredOn: PastDate,
    /** The first article is the principal qualification: statistics count the fact under it. */
    articles,
    region: Code.nullable().optional(),
    online: z.boolean().default(false),
    platforms: z.array(Platform).max(6).default([]),
    /** Victims (person records) the fact concerns. */
    victimIds: z.array(z.uuid()).max(50).default([]),
    summary: text(4000).optional(),
  })
  .refine((f) => f.online || f.platforms.length === 0, { path: ['platforms'], message: 'only for a fact committed online' });
export type FactInput = z.infer<typeof FactInput>;

export const FactSummary = z.object({
  id: z.uuid(),
  registeredOn: z.string(),
  articles: z.array(z.string()),
  region: z.string().nullable(),
  online: z.boolean(),
  platforms: z.array(Platform),
  status: FactStatus,
  victimCount: z.number().int(),
});
export const FactDetail = FactSummary.extend({
  summary: z.string().nullable(),
  victims: z.array(z.object({ personId: z.uuid(), caseCode: z.string() })),
  /** Hotline tips the police linked to this fact (the reverse of the tip's crimeRecordId). */
  tips: z.array(z.object({ id: z.uuid(), status: z.string(), createdAt: z.string() })),
  cases: z.array(z.object({ id: z.uuid(), number: z.string(), status: CaseStatus })),
});
export const FactList = z.object({ items: z.array(FactSummary), total: z.number().int() });
export const FactListQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional(), online: z.enum(['true', 'false']).optional(), ...page });
export const FactStatusInput = z.strictObject({ status: z.literal('no_case') });

export const CaseInput = z.strictObject({
  number: text(60),
  openedOn: PastDate,
  articles,
  factIds: z.array(z.uuid()).min(1, 'a case covers at least one registered fact').max(500),
  investigatingAgencyId: z.uuid(),
  unit: text(200).optional(),
});
export const CaseStatusInput = z.strictObject({ status: CaseStatus, on: PastDate });
export const CaseFactInput = z.strictObject({ factId: z.uuid() });
export const CaseVictimInput = z.strictObject({ personId: z.uuid(), cooperation: Cooperation, legalAid: z.array(LegalAidStage).max(2).default([]) });

export const CaseSummary = z.object({
  id: z.uuid(),
  number: z.string(),
  openedOn: z.string(),
  articles: z.array(z.string()),
  investigatingAgencyId: z.uuid(),
  unit: z.string().nullable(),
  status: CaseStatus,
  statusOn: z.string(),
  personCount: z.number().int(),
});
export const DefendantSummary = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  sex: Gender,
  birthYear: z.number().int().nullable(),
  citizenship: z.string().nullable(),
  role: DefendantRole,
  stage: Stage,
});
export const CaseDetail = CaseSummary.extend({
  history: z.array(z.object({ status: CaseStatus, on: z.string() })),
  facts: z.array(FactSummary.pick({ id: true, registeredOn: true, articles: true, online: true })),
  persons: z.array(DefendantSummary),
  victims: z.array(z.object({ personId: z.uuid(), caseCode: z.string(), cooperation: Cooperation, legalAid: z.array(LegalAidStage) })),
});
export const CaseList = z.object({ items: z.array(CaseSummary), total: z.number().int() });
export const CaseListQuery = z.strictObject({ status: CaseStatus.optional(), ...page });

/** Identifying data of a person prosecuted: stored encrypted field by field; reads are audited. */
export const DefendantIdentity = z.strictObject({
  givenName: text(100),
  familyName: text(100).nullable().optional(),
  patronymic: text(100).nullable().optional(),
  birthDate: PastDate.nullable().optional(),
  documentNumbers: z.array(text(50)).max(10).optional(),
  address: text(500).nullable().optional(),
});
export const DefendantInput = z.strictObject({
  identity: DefendantIdentity,
  sex: Gender,
  birthYear: z.number().int().min(1900).max(2100).nullable().optional(),
  citizenship: isoCountry.nullable().optional(),
  role: DefendantRole,
  /** Where the procedural history starts: a suspect, or charged at once. */
  stage: z.enum(['suspect', 'charged']),
  on: PastDate,
});
export const StepInput = z.strictObject({ stage: Stage.exclude(['suspect']), on: PastDate });
export const SentenceInput = z
  .strictObject({
    sentencedOn: PastDate,
    courtAgencyId: z.uuid().nullable().optional(),
    court: text(200).optional(),
    /** The principal punishment; confiscation is an additional one. */
    punishment: Punishment,
    imprisonmentMonths: z.number().int().min(1).max(12 * 25).nullable().optional(),
    fineAmount: z.number().positive().max(1e9).nullable().optional(),
    confiscation: z.boolean().default(false),
  })
  .refine((s) => s.punishment === 'fine' || Boolean(s.imprisonmentMonths), { path: ['imprisonmentMonths'], message: 'imprisonment (also suspended) needs its length in months' })
  .refine((s) => s.punishment !== 'fine' || Boolean(s.fineAmount), { path: ['fineAmount'], message: 'a fine needs its amount' });
export const Sentence = z.object({
  sentencedOn: z.string(),
  courtAgencyId: z.uuid().nullable(),
  court: z.string().nullable(),
  punishment: Punishment,
  imprisonmentMonths: z.number().int().nullable(),
  fineAmount: z.number().nullable(),
  confiscation: z.boolean(),
});
export const WantedSummary = z.object({
  id: z.uuid(),
  prosecutedPersonId: z.uuid(),
  caseId: z.uuid(),
  search: SearchKind,
  article: z.string(),
  since: z.string(),
  hidingCountry: z.string().nullable(),
  status: WantedStatus,
  statusOn: z.string(),
});
export const DefendantDetail = DefendantSummary.extend({
  caseNumber: z.string(),
  identity: DefendantIdentity,
  steps: z.array(z.object({ stage: Stage, on: z.string() })),
  sentence: Sentence.nullable(),
  wanted: z.array(WantedSummary),
});

export const WantedInput = z.strictObject({
  prosecutedPersonId: z.uuid(),
  search: SearchKind,
  article: ArticleRef,
  since: PastDate,
  hidingCountry: isoCountry.nullable().optional(),
});
export const WantedStatusInput = z.strictObject({ status: WantedStatus.exclude(['wanted']), on: PastDate });
export const WantedList = z.object({ items: z.array(WantedSummary) });
export const WantedListQuery = z.strictObject({ status: WantedStatus.optional(), search: SearchKind.optional() });

/**
 * One figure of the annual report under its stable id. A breakdown sums to the value, or the
 * rest is carried as `unknown`; `categories` lists codes where the report prints no count.
 */
export const Figure = z.object({
  id: z.string(),
  value: z.number().int().nullable(),
  breakdown: z.record(z.string(), z.number().int()).optional(),
  unknown: z.number().int().optional(),
  categories: z.array(z.string()).optional(),
  /** In the caller's language (Accept-Language), as the report prints them. */
  label: z.string(),
  breakdownLabels: z.record(z.string(), z.string()),
});
export type Figure = z.infer<typeof Figure>;
export const FiguresQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });
export const Figures = z.object({ year: z.number().int(), figures: z.array(Figure) });
