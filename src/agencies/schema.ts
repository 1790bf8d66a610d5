import { z } from 'zod';
import { AgencyKind, Label } from '../profile/schema.ts';

export const AgencyLevel = z.enum(['central', 'local', 'ngo', 'international']);

export const Agency = z.object({
  id: z.uuid(),
  code: z.string(),
  name: Label,
  kind: AgencyKind,
  level: AgencyLevel,
  regionCode: z.string().nullable(),
  active: z.boolean(),
});
export type Agency = z.infer<typeof Agency>;
export const AgencyList = z.object({ items: z.array(Agency) });

export const CreateAgencyInput = z.strictObject({
  code: z.string().trim().toLowerCase().min(2).max(64).regex(/^[a-z0-9_-]+$/, 'use a–z, digits, dash or underscore'),
  name: Label,
  kind: AgencyKind,
  level: AgencyLevel,
  regionCode: z.string().max(64).nullable().optional(),
});
export type CreateAgencyInput = z.infer<typeof CreateAgencyInput>;

export const UpdateAgencyInput = z.strictObject({
  name: Label.optional(),
  kind: AgencyKind.optional(),
  level: AgencyLevel.optional(),
  regionCode: z.string().max(64).nullable().optional(),
  active: z.boolean().optional(),
});
export type UpdateAgencyInput = z.infer<typeof UpdateAgencyInput>;
