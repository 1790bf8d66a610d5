import { z } from 'zod';

/**
 * One figure of the annual report, keyed by the reference ids (`victims.identified`, …).
 * `parts` says how the breakdown relates to the value: a partition sums to it (with `unknown`),
 * an overlapping one ("of whom …") counts a person under every part that applies.
 */
export const Figure = z.object({
  id: z.string(),
  value: z.number().nullable(),
  breakdown: z.record(z.string(), z.number()).optional(),
  unknown: z.number().int().optional(),
  parts: z.enum(['partition', 'overlapping']).optional(),
  categories: z.array(z.string()).optional(),
  /** "more than", "nearly", … as the reporting agency wrote it (submitted figures). */
  qualifier: z.string().optional(),
  /** The approved submissions behind a submitted figure. */
  sources: z.array(z.object({ agencyCode: z.string(), submissionId: z.string() })).optional(),
});
export type Figure = z.infer<typeof Figure>;
