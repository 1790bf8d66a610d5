// The National Action Plan: measures, agencies' status reports, progress. Shared with the web app.
import { z } from 'zod';
import { Period } from '../submissions/schema.ts';

export const Progress = z.enum(['not_started', 'in_progress', 'completed', 'not_completed']);
export type Progress = z.infer<typeof Progress>;
export const ReportStatus = z.enum(['submitted', 'approved', 'returned']);
export type ReportStatus = z.infer<typeof ReportStatus>;

export const MeasureInput = z.strictObject({
  /** The plan's own numbering, e.g. "2.1.3". */
  number: z.string().regex(/^\d+(\.\d+)*$/, 'a number like 2.1.3'),
  textAz: z.string().trim().min(5).max(4000),
  textEn: z.string().trim().min(5).max(4000),
  /** Optional: without it the Russian interface shows the English text. */
  textRu: z.string().trim().min(5).max(4000).optional(),
  responsibleAgencyId: z.uuid(),
  coResponsibleAgencyIds: z.array(z.uuid()).max(50).default([]),
  deadline: z.iso.date(),
  indicators: z.array(z.string().trim().min(3).max(500)).min(1).max(20),
});
export type MeasureInput = z.infer<typeof MeasureInput>;

export const ReportInput = z.strictObject({
  period: Period,
  progress: Progress,
  narrative: z.string().trim().min(10).max(8000),
  /** Where the evidence is: a letter number, a document reference, a public link. */
  evidence: z.string().trim().min(3).max(1000).nullable().optional(),
});
export type ReportInput = z.infer<typeof ReportInput>;

export const ReviewInput = z.strictObject({ decision: z.enum(['approved', 'returned']), comment: z.string().trim().min(1).max(2000).optional() });

export const Report = z.object({
  id: z.uuid(),
  measureId: z.uuid(),
  agencyId: z.uuid(),
  period: z.string(),
  progress: Progress,
  narrative: z.string(),
  evidence: z.string().nullable(),
  status: ReportStatus,
  reviewComment: z.string().nullable(),
  createdAt: z.string(),
  reviewedAt: z.string().nullable(),
});
export type Report = z.infer<typeof Report>;

export const Measure = z.object({
  id: z.uuid(),
  number: z.string(),
  text: z.object({ az: z.string(), en: z.string(), ru: z.string().optional() }),
  responsibleAgencyId: z.uuid(),
  coResponsibleAgencyIds: z.array(z.uuid()),
  deadline: z.string(),
  indicators: z.array(z.string()),
  /** Progress in the latest approved report; null before any. */
  progress: Progress.nullable(),
  /** Past its deadline and not reported completed. */
  overdue: z.boolean(),
  pendingReports: z.number().int(),
});
export type Measure = z.infer<typeof Measure>;
export const MeasureList = z.object({ items: z.array(Measure) });
export const MeasureQuery = z.strictObject({ agencyId: z.uuid().optional() });
export const MeasureDetail = Measure.extend({ reports: z.array(Report) });

export const AgencyProgress = z.object({
  items: z.array(z.object({ agencyId: z.uuid(), measures: z.number().int(), completed: z.number().int(), inProgress: z.number().int(), notReported: z.number().int(), overdue: z.number().int() })),
});
