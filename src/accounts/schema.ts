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
  language: Language.optional(),
});
export type CreateUserInput = z.infer<typeof CreateUserInput>;

/**
 * An account made with a password by someone with the server's OS access (CLI, first run, demo,
 * tests); the API never takes one: administrators issue one-time codes instead.
 */
export const NewAccount = CreateUserInput.extend({ password: z.string().max(256), mustChangePassword: z.boolean().optional() });
export type NewAccount = z.infer<typeof NewAccount>;

/** A single-use code, shown once to the administrator to hand over out of band. */
export const OneTimeCode = z.object({ code: z.string(), expiresAt: z.string() });
export type OneTimeCode = z.infer<typeof OneTimeCode>;

/** A change that waits for a second administrator. */
export const AccountChange = z.object({
  id: z.uuid(),
  kind: z.enum(['create', 'update', 'reset']),
  userId: z.uuid().nullable(),
  username: z.string(),
  change: z.record(z.string(), z.unknown()),
  status: z.enum(['pending', 'approved', 'rejected']),
  requestedBy: z.string(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export type AccountChange = z.infer<typeof AccountChange>;
export const AccountChangeList = z.object({ items: z.array(AccountChange) });
export const AccountChangeQuery = z.strictObject({ status: z.enum(['pending', 'approved', 'rejected']).optional() });
/** What an approval returns: the account as changed, and the code when the change issued one. */
export const ApprovalResult = z.object({ change: AccountChange, user: User, oneTimeCode: OneTimeCode.nullable() });
/** The reply to a change that needs a second administrator. */
export const PendingReply = z.object({ pending: AccountChange });
export const CreatedUser = User.extend({ oneTimeCode: OneTimeCode });

export const UpdateUserInput = z.strictObject({
  displayName: z.string().trim().min(1).max(200).optional(),
  email: z.email().max(254).nullable().optional(),
  agencyId: z.uuid().optional(),
  roles: z.array(Role).min(1).max(8).optional(),
  active: z.boolean().optional(),
  language: Language.optional(),
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
  /** Sign out every other session of this account (a shared or lost computer). */
  endOtherSessions: z.boolean().optional(),
});
export type LoginInput = z.infer<typeof LoginInput>;

/** What the client learns about its own session. */
export const Me = z.object({
  user: User,
  csrfToken: z.string(),
  /** The user must enrol a second factor before anything else (their role requires it). */
  secondFactorEnrolmentRequired: z.boolean(),
  /** A demo database with synthetic data and relaxed sign-in (the web app shows a banner). */
  demo: z.boolean(),
});
export type Me = z.infer<typeof Me>;

export const ChangePasswordInput = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().max(256),
});

/** Completing a one-time reset: the user chooses their own password. */
export const ResetInput = z.strictObject({
  username: z.string().trim().toLowerCase().min(1).max(64),
  code: z.string().trim().min(1).max(64),
  newPassword: z.string().max(256),
  totp: z.string().regex(/^\d{6}$/, 'six digits').optional(),
  endOtherSessions: z.boolean().optional(),
});
export type ResetInput = z.infer<typeof ResetInput>;

/** The first enrolment of a required factor needs an administrator's one-time code (or a session opened by a reset). */
export const TotpSetupInput = z.strictObject({ code: z.string().trim().min(1).max(64).optional() });

export const OwnSession = z.object({ id: z.string(), createdAt: z.string(), lastSeenAt: z.string(), expiresAt: z.string(), current: z.boolean() });
export const OwnSessionList = z.object({ items: z.array(OwnSession) });
export const SessionParams = z.strictObject({ id: z.string().regex(/^[0-9a-f]{64}$/) });

export const TotpSetup = z.object({ secret: z.string(), otpauthUrl: z.string() });
export const TotpCodeInput = z.strictObject({ code: z.string().regex(/^\d{6}$/, 'six digits') });
export const UpdateMeInput = z.strictObject({ language: Language });
