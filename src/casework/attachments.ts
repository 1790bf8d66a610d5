import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { appendAudit, type AuditEntry } from '../audit/record.ts';
import { decryptBytes, decryptField, decryptOptional, encryptBytes, encryptField, encryptOptional, type FieldKey } from '../crypto/fields.ts';
import type { Database } from '../db/schema.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import type { ATTACHMENT_TYPES } from './schema.ts';

type AuditBase = Omit<AuditEntry, 'action' | 'outcome'>;
type MediaType = (typeof ATTACHMENT_TYPES)[number];

/** The first bytes each accepted type must start with: the declared type is checked, not trusted. */
const SIGNATURES: Record<MediaType, number[]> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/jpeg': [0xff, 0xd8, 0xff],
};

const fileOf = (dir: string, id: string) => path.join(dir, `${id}.bin`);

export interface AttachmentStore {
  dir: string;
  maxBytes: number;
}

export interface NewAttachment {
  filename: string;
  mediaType: MediaType;
  description?: string | undefined;
  content: Buffer;
}

/**
 * Stores the file encrypted under the attachment's id, inside the caller's transaction: the row and
 * its audit entry commit together, and the file is in place (written aside, synced, renamed) before
 * they do. If the transaction then fails, the caller removes the file (see `discardFile`); a crash
 * between rename and commit leaves only an unreadable file no row points to.
 */
export async function addAttachment(trx: Kysely<Database>, key: FieldKey, store: AttachmentStore, personId: string, input: NewAttachment, userId: string, audit: AuditBase) {
  const { content } = input;
  if (content.length === 0) throw invalid('The file is empty', [{ path: 'contentBase64', message: 'the file is empty' }]);
  if (content.length > store.maxBytes) {
    throw new AppError('payload_too_large', `The file is larger than ${store.maxBytes} bytes`, [{ path: 'contentBase64', message: `at most ${store.maxBytes} bytes` }]);
  }
  const signature = SIGNATURES[input.mediaType];
  if (!signature.every((b, i) => content[i] === b)) {
    throw invalid('The file is not of the type it claims', [{ path: 'contentBase64', message: `not a ${input.mediaType} file` }]);
  }
  const sha256 = createHash('sha256').update(content).digest('hex');
  const row = await trx
    .insertInto('attachments')
    .values({
      person_id: personId,
      uploaded_by: userId,
      filename_enc: encryptField(key, input.filename),
      description_enc: encryptOptional(key, input.description),
      media_type: input.mediaType,
      size_bytes: content.length,
      sha256,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await fs.mkdir(store.dir, { recursive: true, mode: 0o700 });
  const final = fileOf(store.dir, row.id);
  const temp = `${final}.${process.pid}.tmp`;
  const handle = await fs.open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(encryptBytes(key, content));
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(temp, final);
  await appendAudit(trx, { ...audit, action: 'attachments.add', outcome: 'ok', targetType: 'person', targetId: personId, details: { attachmentId: row.id, mediaType: input.mediaType, sizeBytes: content.length } });
  return row.id;
}

/** Removes a file whose row was never committed. */
export async function discardFile(store: AttachmentStore, id: string) {
  await fs.rm(fileOf(store.dir, id), { force: true });
}

export async function attachmentsOf(db: Kysely<Database>, key: FieldKey, personId: string) {
  const rows = await db
    .selectFrom('attachments as a')
    .innerJoin('users as u', 'u.id', 'a.uploaded_by')
    .select(['a.id', 'a.filename_enc', 'a.description_enc', 'a.media_type', 'a.size_bytes', 'a.sha256', 'a.uploaded_by', 'u.display_name', 'a.created_at'])
    .where('a.person_id', '=', personId)
    .orderBy('a.created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    filename: decryptField(key, r.filename_enc),
    description: decryptOptional(key, r.description_enc),
    mediaType: r.media_type as MediaType,
    sizeBytes: r.size_bytes,
    sha256: r.sha256,
    uploadedBy: r.uploaded_by,
    uploadedByName: r.display_name,
    createdAt: r.created_at.toISOString(),
  }));
}

/** The file in clear, checked against the hash taken at upload, with its audit entry written first. */
export async function readAttachment(db: Kysely<Database>, key: FieldKey, store: AttachmentStore, personId: string, id: string, audit: AuditBase) {
  const row = await db.selectFrom('attachments').selectAll().where('id', '=', id).where('person_id', '=', personId).executeTakeFirst();
  if (!row) throw notFound('Attachment');
  let blob: Buffer;
  try {
    blob = await fs.readFile(fileOf(store.dir, id));
  } catch {
    throw new AppError('not_found', 'The file of this attachment is missing from the attachments folder; restore it from backup');
  }
  const content = decryptBytes(key, blob);
  if (createHash('sha256').update(content).digest('hex') !== row.sha256) throw new AppError('internal_error', 'The stored file does not match what was uploaded');
  await appendAudit(db, { ...audit, action: 'attachments.download', outcome: 'ok', targetType: 'person', targetId: personId, details: { attachmentId: id } });
  return { content, mediaType: row.media_type, filename: decryptField(key, row.filename_enc) };
}
