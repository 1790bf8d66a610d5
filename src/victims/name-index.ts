// Brings the stored name tokens of persons recorded by an older version up to the current set
// (indexTokens), once, when the server starts: the tokens are keyed hashes, so only the app,
// holding the key, can compute them; a migration cannot.
import type { Kysely } from 'kysely';
import { decryptField, decryptOptional, type FieldKey } from '../crypto/fields.ts';
import type { Database } from '../db/schema.ts';
import { matchKeysFor } from './persons.ts';

/** Bump when indexTokens changes what it stores. 2: one `n:` token per name word (name search). */
export const NAME_INDEX_VERSION = 2;
const SETTING = 'persons.name_index';
const PAGE = 500;

/** Recomputes every person's tokens when the stored version is older; returns how many were rewritten. */
export async function ensureNameIndex(db: Kysely<Database>, key: FieldKey): Promise<number> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', SETTING).executeTakeFirst();
  if (Number(row?.value) >= NAME_INDEX_VERSION) return 0;
  let last = '00000000-0000-0000-0000-000000000000';
  let done = 0;
  for (;;) {
    const page = await db.selectFrom('persons').select(['id', 'given_name_enc', 'family_name_enc', 'birth_date_enc']).where('id', '>', last).orderBy('id').limit(PAGE).execute();
    if (page.length === 0) break;
    await db.transaction().execute(async (trx) => {
      for (const p of page) {
        const keys = matchKeysFor(key, { givenName: decryptField(key, p.given_name_enc), familyName: decryptOptional(key, p.family_name_enc), birthDate: decryptOptional(key, p.birth_date_enc) });
        await trx.updateTable('persons').set({ match_keys: keys }).where('id', '=', p.id).execute();
      }
    });
    done += page.length;
    last = page.at(-1)!.id;
  }
  const value = JSON.stringify(NAME_INDEX_VERSION);
  await db.insertInto('settings').values({ key: SETTING, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: new Date() })).execute();
  return done;
}
