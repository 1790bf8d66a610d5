import { z } from 'zod';
import { Role } from '../access/roles.ts';

export const SecuritySettings = z.strictObject({
  /** Holders of these roles must use a second factor (TOTP) to sign in. */
  secondFactorRequiredRoles: z.array(Role).max(8),
});
export type SecuritySettings = z.infer<typeof SecuritySettings>;
