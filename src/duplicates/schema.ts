import { z } from 'zod';

export const ScorePartName = z.enum(['givenName', 'familyName', 'birthDate', 'sex', 'citizenship']);

/** One part of a pair's score: how alike the two are on it (0..1), its weight, and what it adds. */
export const ScorePart = z.object({
  part: ScorePartName,
  /** same, similar, different, or unknown (missing on one side); birthDate also same_year. */
  verdict: z.enum(['same', 'similar', 'same_year', 'different', 'unknown']),
  similarity: z.number(),
  weight: z.number(),
  points: z.number(),
});

const Side = z.object({ id: z.uuid(), caseCode: z.string(), ownerAgencyId: z.uuid(), openedOn: z.string() });

export const CandidatePair = z.object({ a: Side, b: Side, score: z.number(), parts: z.array(ScorePart) });
export type CandidatePair = z.infer<typeof CandidatePair>;

export const CandidateQuery = z.strictObject({
  minScore: z.coerce.number().min(0).max(1).default(0.75),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export const CandidateList = z.object({ items: z.array(CandidatePair), total: z.number().int() });

const reason = z.string().trim().min(1).max(1000);

export const MergeInput = z.strictObject({ survivorId: z.uuid(), mergedId: z.uuid(), reason: reason.optional() });
export const UndoInput = z.strictObject({ reason: reason.optional() });

export const Merge = z.object({
  id: z.uuid(),
  survivorId: z.uuid(),
  mergedId: z.uuid(),
  /** Rows moved to the survivor, by table. */
  moved: z.record(z.string(), z.number().int()),
  /** Rows left on the merged record because the survivor already had their like (a second reflection period, the same criminal case). */
  kept: z.record(z.string(), z.number().int()),
  mergedAt: z.string(),
  undoneAt: z.string().nullable(),
});

/** same_person: one person, records kept apart (e.g. each agency keeps its own); different_people: not a duplicate. */
export const LinkKind = z.enum(['same_person', 'different_people']);
export const LinkInput = z.strictObject({ personA: z.uuid(), personB: z.uuid(), kind: LinkKind, reason: reason.optional() });

/** Where a merged record went: given only when the caller may see the survivor. */
export const MergedRedirect = z.object({ mergedInto: z.uuid(), caseCode: z.string() });

const CaseRef = z.object({ id: z.uuid(), caseCode: z.string() });

/** The coordinator's decisions on pairs (case codes only). */
export const LinkList = z.object({ items: z.array(z.object({ id: z.uuid(), a: CaseRef, b: CaseRef, kind: LinkKind, createdAt: z.string() })) });

/** Merges, standing ones first. */
export const MergeList = z.object({ items: z.array(z.object({ id: z.uuid(), survivor: CaseRef, merged: CaseRef, mergedAt: z.string(), undoneAt: z.string().nullable() })) });
