// The duplicates' wire types, inferred from the server's schemas.
import type { z } from 'zod';
import type { CandidateList, LinkKind, LinkList, Merge, MergeList } from '../../../src/duplicates/schema.ts';

export type CandidateListData = z.infer<typeof CandidateList>;
export type CandidatePairData = CandidateListData['items'][number];
export type LinkListData = z.infer<typeof LinkList>;
export type MergeListData = z.infer<typeof MergeList>;
export type MergeData = z.infer<typeof Merge>;
export type LinkKindData = z.infer<typeof LinkKind>;

/** The thresholds offered for the candidate list (the API's default is 0.75). */
export const MIN_SCORES = ['0.5', '0.75', '0.9'] as const;

/** A score (0..1) as a whole percentage. */
export const percent = (n: number) => `${Math.round(n * 100)}%`;
