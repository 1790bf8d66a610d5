import { z } from 'zod';

export const AuditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorUsername: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  outcome: z.string(),
  status: z.number().int().nullable(),
  details: z.unknown(),
  /** What the target is called where people see it: a case code, a username, an agency code. */
  targetLabel: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = z.strictObject({
  actorId: z.uuid().optional(),
  actorUsername: z.string().trim().toLowerCase().max(64).optional(),
  targetType: z.string().max(40).optional(),
  targetId: z.string().max(100).optional(),
  action: z.string().max(100).optional(),
  /** A person by case code (their record and what was done to it). */
  caseCode: z.string().trim().max(40).optional(),
  /** Calls made by this agency's staff. */
  agencyId: z.uuid().optional(),
  /** `hide`: leave out routine reads (a GET that succeeded and read no identifying data; identity reads are their own entries). */
  routine: z.enum(['show', 'hide']).default('show'),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  /** Pages backwards from this sequence number (exclusive). */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditPage = z.object({ items: z.array(AuditEntry), nextBefore: z.number().int().nullable() });

export const AuditVerification = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  unkeyed: z.number().int(),
  headSeq: z.number().int().nullable(),
  headHash: z.string().nullable(),
  broken: z.object({ seq: z.number().int(), reason: z.string() }).nullable(),
});
