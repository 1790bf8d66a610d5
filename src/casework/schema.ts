import { z } from 'zod';
import { IdParams } from '../http/params.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

export const NoteInput = z.strictObject({ body: text(20_000) });
export const Note = z.object({
  id: z.uuid(),
  authorId: z.uuid(),
  authorName: z.string(),
  body: z.string(),
  /** 1 for a note never edited; each edit adds one and keeps the earlier text. */
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const NoteList = z.object({ items: z.array(Note) });
export const NoteHistory = z.object({ items: z.array(z.object({ version: z.number().int(), body: z.string(), writtenAt: z.string() })) });
export const NoteParams = IdParams.extend({ noteId: z.uuid() });

/** What may be attached: scanned forms and letters (PDF) and photographs of them. */
export const ATTACHMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export const AttachmentInput = z.strictObject({
  filename: text(200).refine((v) => !/[\\/]/.test(v), 'a file name without folders'),
  mediaType: z.enum(ATTACHMENT_TYPES),
  description: text(500).optional(),
  /** The file's bytes, base64: the same JSON body as every other write. */
  contentBase64: z.base64().min(4),
});
export const Attachment = z.object({
  id: z.uuid(),
  filename: z.string(),
  description: z.string().nullable(),
  mediaType: z.enum(ATTACHMENT_TYPES),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.uuid(),
  uploadedByName: z.string(),
  createdAt: z.string(),
});
export const AttachmentList = z.object({ items: z.array(Attachment), maxBytes: z.number().int() });
export const AttachmentParams = IdParams.extend({ attachmentId: z.uuid() });

export const AssignInput = z.strictObject({
  /** The worker to assign; null takes the assignment away. */
  userId: z.uuid().nullable(),
  reason: text(500).optional(),
});
const Worker = z.object({ id: z.uuid(), displayName: z.string() });
export const Assignment = z.object({
  current: Worker.nullable(),
  history: z.array(z.object({ user: Worker.nullable(), assignedBy: Worker, assignedAt: z.string(), reason: z.string().nullable() })),
  /** Who the case may be assigned to: active staff of the owning agency whose role works on cases. */
  candidates: z.array(Worker),
});
