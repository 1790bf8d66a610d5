import { z } from 'zod';

/** One work queue on the home page: how many items wait, how many of them are late, where to go. */
export const WorkQueue = z.object({
  id: z.enum(['reflection', 'referrals', 'tips', 'followUps', 'submissionsToReview', 'submissionsOpen', 'measuresOverdue', 'assigned']),
  count: z.number().int(),
  /** Past their date (reflection periods, follow-ups, measures) or sent back (submissions). */
  urgent: z.number().int(),
  /** The web page that lists them. */
  href: z.string(),
});
export type WorkQueue = z.infer<typeof WorkQueue>;
export const WorkQueues = z.object({ items: z.array(WorkQueue) });
