import { z } from 'zod';

/** The kinds of record retention tells apart; each has its period in the country profile (settings.retention). */
export const RetentionKind = z.enum(['victim_case_closed', 'child_case_closed', 'proceedings_case_closed', 'not_confirmed_case_closed', 'hotline_contact']);
export type RetentionKind = z.infer<typeof RetentionKind>;

const reason = z.string().trim().min(1).max(1000);

export const HoldInput = z.strictObject({ reason });
export const ClearHoldInput = z.strictObject({ reason });

export const Hold = z.object({
  id: z.uuid(),
  reason: z.string(),
  setBy: z.uuid(),
  setAt: z.string(),
  clearedBy: z.uuid().nullable(),
  clearedAt: z.string().nullable(),
  clearReason: z.string().nullable(),
});
/** The hold in force (if any) and every earlier one, newest first. */
export const Holds = z.object({ active: Hold.nullable(), history: z.array(Hold) });

export const DueQuery = z.strictObject({
  /** The day to measure periods against; today (in the profile's time zone) when absent. */
  asOf: z.iso.date().optional(),
});

export const DueItem = z.object({
  kind: RetentionKind,
  table: z.enum(['persons', 'hotline_contacts']),
  id: z.uuid(),
  /** The person's pseudonymous case code; null for a hotline contact. */
  caseCode: z.string().nullable(),
  dueOn: z.string(),
  held: z.boolean(),
});
export type DueItem = z.infer<typeof DueItem>;

export const KindSummary = z.object({ kind: RetentionKind, years: z.number().int(), due: z.number().int(), held: z.number().int(), anonymised: z.number().int() });

/** What a run did (or, dry, would do): per kind, the records due, those held back, those anonymised. */
export const RetentionReport = z.object({
  asOf: z.string(),
  dryRun: z.boolean(),
  kinds: z.array(KindSummary),
  /** Due records, held ones included (at most 500 listed; the counts are complete). */
  items: z.array(DueItem),
});
export type RetentionReport = z.infer<typeof RetentionReport>;

/** The holds in force across all persons, by case code. */
export const ActiveHolds = z.object({ items: z.array(z.object({ id: z.uuid(), personId: z.uuid(), caseCode: z.string(), reason: z.string(), setAt: z.string() })) });

/** Running the retention now takes no options: it measures against today, never another day. */
export const RunInput = z.strictObject({});
