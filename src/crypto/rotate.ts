import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { identifierKey } from '../hotline/hotline.ts';
import { matchKeysFor } from '../victims/persons.ts';
import { decryptField, decryptOptional, encryptField, isCurrent, type FieldKey } from './fields.ts';

/** Every encrypted column. A module that adds one adds it here, or rotation leaves it behind. */
export const ENCRYPTED_COLUMNS: Record<string, string[]> = {
  users: ['totp_secret'],
  persons: ['given_name_enc', 'family_name_enc', 'patronymic_enc', 'birth_date_enc', 'documents_enc', 'phones_enc', 'address_enc', 'closure_note_enc'],
  identification_decisions: ['note_enc'],
  referrals: ['note_enc', 'consent_override_enc'],
  assistance: ['notes_enc', 'void_reason_enc'],
  payments: ['override_reason_enc', 'void_reason_enc'],
  case_notes: ['body_enc'],
  case_note_versions: ['body_enc'],
  attachments: ['filename_enc', 'description_enc'],
  assignments: ['reason_enc'],
  consent_overrides: ['reason_enc'],
  hotline_contacts: ['notes_enc'],
  hotline_tips: ['summary_enc'],
  hotline_identifiers: ['value_enc', 'normalized_enc'],
  crime_facts: ['summary_enc'],
  retention_holds: ['reason_enc', 'clear_reason_enc'],
  person_merges: ['reason_enc'],
  person_links: ['reason_enc'],
  prosecuted_persons: ['given_name_enc', 'family_name_enc', 'patronymic_enc', 'birth_date_enc', 'documents_enc', 'address_enc'],
};

const PAGE = 500;

/**
 * Re-encrypts every encrypted field with `to` (which must list the old keys in `previous`)
 * and recomputes the keyed match hashes, in one transaction: all rows move, or none do.
 * Rows already under `to` are skipped, so an interrupted rotation can simply be run again.
 */
export async function rotateKeys(db: Kysely<Database>, to: FieldKey): Promise<{ fields: number }> {
  let fields = 0;
  await db.transaction().execute(async (trx) => {
    for (const [table, columns] of Object.entries(ENCRYPTED_COLUMNS)) {
      let last = '00000000-0000-0000-0000-000000000000';
      for (;;) {
        const rows = await sql<Record<string, unknown> & { id: string }>`
          select id, ${sql.join(columns.map((c) => sql.ref(c)))} from ${sql.table(table)}
           where id > ${last}::uuid order by id limit ${PAGE}`.execute(trx);
        for (const row of rows.rows) {
          const set: Record<string, Uint8Array | null> = {};
          for (const c of columns) {
            const blob = row[c] as Uint8Array | null;
            if (blob && !isCurrent(to, blob)) set[c] = encryptField(to, decryptField(to, blob));
          }
          if (Object.keys(set).length === 0) continue;
          fields += Object.keys(set).length;
          await trx.updateTable(table as keyof Database).set(set as never).where('id' as never, '=', row.id as never).execute();
        }
        if (rows.rows.length < PAGE) break;
        last = rows.rows.at(-1)?.id ?? last;
      }
    }
    // Match keys are HMACs under a key derived from the field key: recompute them all.
    const persons = await trx.selectFrom('persons').select(['id', 'given_name_enc', 'family_name_enc', 'birth_date_enc']).execute();
    for (const p of persons) {
      const keys = matchKeysFor(to, { givenName: decryptField(to, p.given_name_enc), familyName: decryptOptional(to, p.family_name_enc), birthDate: decryptOptional(to, p.birth_date_enc) });
      await trx.updateTable('persons').set({ match_keys: keys }).where('id', '=', p.id).execute();
    }
    const identifiers = await trx.selectFrom('hotline_identifiers').select(['id', 'kind', 'normalized_enc', 'match_key']).execute();
    for (const i of identifiers) {
      if (!i.match_key) continue;
      const mk = identifierKey(to, { kind: i.kind as 'phone' | 'handle', normalized: decryptField(to, i.normalized_enc) });
      await trx.updateTable('hotline_identifiers').set({ match_key: mk }).where('id', '=', i.id).execute();
    }
  });
  return { fields };
}
