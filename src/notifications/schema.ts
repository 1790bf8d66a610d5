import { z } from 'zod';

/** What happened, as a code the client words in the user's language; never a name or a note. */
export const NotificationKind = z.enum(['case_assigned', 'referral_received']);
export type NotificationKind = z.infer<typeof NotificationKind>;

export const Notification = z.object({
  id: z.uuid(),
  kind: NotificationKind,
  personId: z.uuid().nullable(),
  caseCode: z.string().nullable(),
  createdAt: z.string(),
  read: z.boolean(),
});
export const NotificationList = z.object({ items: z.array(Notification), unread: z.number().int() });
export const NotificationQuery = z.strictObject({
  unread: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
/** Marks the named ones read, or all of the user's with `all`. */
export const MarkReadInput = z.union([z.strictObject({ ids: z.array(z.uuid()).min(1).max(200) }), z.strictObject({ all: z.literal(true) })]);
