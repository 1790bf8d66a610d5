import type { Kysely } from 'kysely';
import { appendAudit, type AuditEntry } from '../audit/record.ts';
import { decryptField, encryptField, type FieldKey } from '../crypto/fields.ts';
import type { Database } from '../db/schema.ts';
import { forbidden, notFound } from '../errors.ts';

type AuditBase = Omit<AuditEntry, 'action' | 'outcome'>;

export async function notesOf(db: Kysely<Database>, key: FieldKey, personId: string) {
  const rows = await db
    .selectFrom('case_notes as n')
    .innerJoin('users as u', 'u.id', 'n.author_id')
    .select(['n.id', 'n.author_id', 'u.display_name', 'n.body_enc', 'n.version', 'n.created_at', 'n.updated_at'])
    .where('n.person_id', '=', personId)
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    authorId: r.author_id,
    authorName: r.display_name,
    body: decryptField(key, r.body_enc),
    version: r.version,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  }));
}

export async function addNote(trx: Kysely<Database>, key: FieldKey, personId: string, body: string, authorId: string, audit: AuditBase) {
  const row = await trx.insertInto('case_notes').values({ person_id: personId, author_id: authorId, body_enc: encryptField(key, body) }).returning('id').executeTakeFirstOrThrow();
  await appendAudit(trx, { ...audit, action: 'notes.add', outcome: 'ok', targetType: 'person', targetId: personId, details: { noteId: row.id } });
  return row.id;
}

/**
 * Only the author rewrites a note; the text it replaces is kept as a version, so the history shows
 * what was written before. The row is locked, so two edits never lose one another.
 */
export async function editNote(trx: Kysely<Database>, key: FieldKey, personId: string, noteId: string, body: string, userId: string, audit: AuditBase) {
  const note = await trx.selectFrom('case_notes').selectAll().where('id', '=', noteId).where('person_id', '=', personId).forUpdate().executeTakeFirst();
  if (!note) throw notFound('Note');
  if (note.author_id !== userId) throw forbidden('Only the author of a note may change it');
  await trx.insertInto('case_note_versions').values({ note_id: noteId, version: note.version, body_enc: note.body_enc, written_at: note.updated_at }).execute();
  await trx.updateTable('case_notes').set({ body_enc: encryptField(key, body), version: note.version + 1, updated_at: new Date() }).where('id', '=', noteId).execute();
  await appendAudit(trx, { ...audit, action: 'notes.edit', outcome: 'ok', targetType: 'person', targetId: personId, details: { noteId, version: note.version + 1 } });
}

/** Every text the note has had, newest first (the current one included). */
export async function noteHistory(db: Kysely<Database>, key: FieldKey, personId: string, noteId: string) {
  const note = await db.selectFrom('case_notes').select(['body_enc', 'version', 'updated_at']).where('id', '=', noteId).where('person_id', '=', personId).executeTakeFirst();
  if (!note) throw notFound('Note');
  const older = await db.selectFrom('case_note_versions').select(['version', 'body_enc', 'written_at']).where('note_id', '=', noteId).orderBy('version', 'desc').execute();
  return [{ version: note.version, body_enc: note.body_enc, written_at: note.updated_at }, ...older].map((v) => ({
    version: v.version,
    body: decryptField(key, v.body_enc),
    writtenAt: v.written_at.toISOString(),
  }));
}
