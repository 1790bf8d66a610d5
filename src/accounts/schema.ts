import { z } from 'zod';
import { Role } from '../access/roles.ts';
import { Language } from '../profile/schema.ts';

/** Shared by server, web and CLI: the account shapes that cross the wire. */
export { Language };

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(64)
  .regex(/^[a-z0-9._-]+$/, 'use letters a–z, digits, dot, dash or underscore');

export const User = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  agencyId: z.uuid(),
  roles: z.array(Role),
  active: z.boolean(),
  language: Language,
  totpEnabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type User = z.infer<typeof User>;

export const UserList = z.object({ items: z.array(User), total: z.number().int() });

export const CreateUserInput = z.strictObject({
  username: Username,
  displayName: z.string().trim().min(1).max(200),
  email: z.email().max(254).nullable().optional(),
  agencyId: z.uuid(),
  roles: z.array(Role).min(1).max(8),
  password: z.string().max(256),
  language: Language.optional(),
  mustChangePassword: z.boolean().optional(),
});
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export const UpdateUserInput = z.strictObject({
  displayName: z.string().trim().min(1).max(200).optional(),
  email: z.email().max(254).nullable().optional(),
  agencyId: z.uuid().optional(),
  roles: z.array(Role).min(1).max(8).optional(),
  active: z.boolean().optional(),
  language: Language.optional(),
  password: z.string().max(256).optional(),
  resetSecondFactor: z.boolean().optional(),
});
export type UpdateUserInput = z.infer<typeof UpdateUserInput>;

export const UserListQuery = z.strictObject({
  agencyId: z.uuid().optional(),
  role: Role.optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const LoginInput = z.strictObject({
  username: z.string().trim().toLowerCase().min(1).max(64),
  password: z.string().min(1).max(256),
  totp: z.string().regex(/^\d{6}$/, 'six digits').optional(),
});
export type LoginInput = z.infer<typeof LoginInput>;

/** What the client learns about its own session. */
export const Me = z.object({
  user: User,
  csrfToken: z.string(),
  /** The user must enrol a second factor before anything else (their role requires it). */
  secondFactorEnrolmentRequired: z.boolean(),
});
export type Me = z.infer<typeof Me>;

export const ChangePasswordInput = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().max(256),
});

export const TotpSetup = z.object({ secret: z.string(), otpauthUrl: z.string() });
export const TotpCodeInput = z.strictObject({ code: z.string().regex(/^\d{6}$/, 'six digits') });
export const UpdateMeInput = z.strictObject({ language: Language });
