// The retention's wire types, inferred from the server's schemas.
import type { z } from 'zod';
import type { ActiveHolds, RetentionReport } from '../../../src/retention/schema.ts';

export type RetentionReportData = z.infer<typeof RetentionReport>;
export type DueItemData = RetentionReportData['items'][number];
export type ActiveHoldsData = z.infer<typeof ActiveHolds>;

/** How many records a run now would anonymise: those due and not held. */
export const wouldGo = (r: RetentionReportData) => r.kinds.reduce((n, k) => n + k.due - k.held, 0);
