import { z } from 'zod';
import { AgencyKind, AgencyLevel, Code, Label } from '../profile/schema.ts';

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
  code: Code.max(64),
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
