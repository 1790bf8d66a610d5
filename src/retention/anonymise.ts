import fs from 'node:fs/promises';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { appendAudit, type AuditEntry } from '../audit/record.ts';
import { encryptField, type FieldKey } from '../crypto/fields.ts';
import type { Database } from '../db/schema.ts';
import { heldBy } from './due.ts';

type AuditBase = Omit<AuditEntry, 'action' | 'outcome'>;

/** What an anonymised person's given name reads as (the column cannot be empty). */
export const ANONYMISED_NAME = '[anonymised]';

/**
 * Clears everything that identifies the person and keeps what the statistics count: sex, birth
 * year, minor flag, citizenship, region, dates, statuses, forms and events, assistance kinds,
 * payment amounts, referrals. Identity columns and name-search tokens go; free-text notes on every
 * child row go; case notes and attachments are deleted (the attachment ids are returned, so the
 * caller removes their files once the transaction has committed). Records merged into this one go
 * with it. Runs inside the caller's transaction; one audit entry per anonymised record.
 */
export async function anonymisePerson(trx: Kysely<Database>, key: FieldKey, personId: string, audit: AuditBase & { details: Record<string, unknown> }): Promise<{ attachmentIds: string[]; persons: number }> {
  const person = await trx.selectFrom('persons').select(['id', 'case_code', 'anonymised_at']).where('id', '=', personId).forUpdate().executeTakeFirstOrThrow();
  const merged = await trx.selectFrom('persons').select('id').where('merged_into', '=', personId).execute();
  let attachmentIds: string[] = [];
  let persons = 0;
  for (const m of merged) {
    const r = await anonymisePerson(trx, key, m.id, { ...audit, details: { ...audit.details, withSurvivor: person.case_code } });
    attachmentIds = attachmentIds.concat(r.attachmentIds);
    persons += r.persons;
  }
  if (person.anonymised_at) return { attachmentIds, persons };
  const now = new Date();
  await trx
    .updateTable('persons')
    .set({
      given_name_enc: encryptField(key, ANONYMISED_NAME),
      family_name_enc: null,
      patronymic_enc: null,
      birth_date_enc: null,
      documents_enc: null,
      phones_enc: null,
      address_enc: null,
      closure_note_enc: null,
      match_keys: [],
      anonymised_at: now,
      updated_at: now,
    })
    .where('id', '=', personId)
    .execute();
  await trx.updateTable('identification_decisions').set({ note_enc: null }).where('person_id', '=', personId).execute();
  await trx.updateTable('referrals').set({ note_enc: null, consent_override_enc: null }).where('person_id', '=', personId).execute();
  await trx.updateTable('assistance').set({ notes_enc: null, void_reason_enc: null }).where('person_id', '=', personId).execute();
  await trx.updateTable('payments').set({ override_reason_enc: null, void_reason_enc: null }).where('person_id', '=', personId).execute();
  await trx.updateTable('assignments').set({ reason_enc: null }).where('person_id', '=', personId).execute();
  // The override must keep working (it lifts a refusal); only its free-text reason goes.
  await trx.updateTable('consent_overrides').set({ reason_enc: encryptField(key, ANONYMISED_NAME) }).where('person_id', '=', personId).execute();
  // A child's label is free text that may be a name.
  await trx.updateTable('children').set({ label: 'child' }).where('person_id', '=', personId).execute();
  await trx.updateTable('screening_questionnaires').set({ notes_enc: null }).where('person_id', '=', personId).execute();
  const contacts = await trx.updateTable('hotline_contacts').set({ notes_enc: null, anonymised_at: now }).where('person_id', '=', personId).returning('id').execute();
  if (contacts.length) await trx.deleteFrom('hotline_identifiers').where('contact_id', 'in', contacts.map((c) => c.id)).execute();
  const notes = await trx.selectFrom('case_notes').select('id').where('person_id', '=', personId).execute();
  if (notes.length) {
    await trx.deleteFrom('case_note_versions').where('note_id', 'in', notes.map((n) => n.id)).execute();
    await trx.deleteFrom('case_notes').where('person_id', '=', personId).execute();
  }
  const files = await trx.deleteFrom('attachments').where('person_id', '=', personId).returning('id').execute();
  await appendAudit(trx, {
    ...audit,
    action: 'retention.anonymise',
    outcome: 'ok',
    targetType: 'person',
    targetId: personId,
    details: { ...audit.details, caseCode: person.case_code, caseNotes: notes.length, attachments: files.length, hotlineContacts: contacts.length },
  });
  return { attachmentIds: attachmentIds.concat(files.map((f) => f.id)), persons: persons + 1 };
}

/** A hotline contact linked to no person: its notes and the identifiers taken from it go. */
export async function anonymiseContact(trx: Kysely<Database>, contactId: string, audit: AuditBase & { details: Record<string, unknown> }) {
  const done = await trx
    .updateTable('hotline_contacts')
    .set({ notes_enc: null, anonymised_at: new Date() })
    .where('id', '=', contactId)
    .where('anonymised_at', 'is', null)
    .where('person_id', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (!done) return false;
  const ids = await trx.deleteFrom('hotline_identifiers').where('contact_id', '=', contactId).returning('id').execute();
  await appendAudit(trx, { ...audit, action: 'retention.anonymise', outcome: 'ok', targetType: 'hotline_contact', targetId: contactId, details: { ...audit.details, identifiers: ids.length } });
  return true;
}

/** Removes the encrypted files of deleted attachment rows; a file already gone is fine. */
export async function removeAttachmentFiles(dir: string, ids: readonly string[]) {
  for (const id of ids) await fs.rm(path.join(dir, `${id}.bin`), { force: true });
}

/** A hold in force on a person or a record merged into them, read under the person's lock (so a hold set meanwhile is seen). */
export async function isHeld(trx: Kysely<Database>, personId: string) {
  const r = await sql<{ held: boolean }>`select ${heldBy(personId)} as held`.execute(trx);
  return Boolean(r.rows[0]?.held);
}
