// The stored pair tokens that block duplicate candidates in SQL. Only the app can compute them
// (keyed hashes of decrypted names), and many paths change a person's names (intake, edits,
// import, key rotation, anonymisation); each of them rewrites persons.match_keys, so a row here
// whose `source` differs from the person's match_keys is stale and is computed again, here, before
// candidates are listed and once at start-up.
import { sql, type Kysely } from 'kysely';
import { decryptField, decryptOptional, matchKey, type FieldKey } from '../crypto/fields.ts';
import type { Database } from '../db/schema.ts';
import { matchTokens } from '../victims/names.ts';

const PAGE = 500;

/** Counts of the work done, for tests and logs. */
export interface PairIndexStats {
  /** Persons whose names were decrypted to recompute their tokens. */
  refreshed: number;
}

/** Brings every stale or missing row up to date; returns how many persons were decrypted for it. */
export async function refreshPairKeys(db: Kysely<Database>, key: FieldKey): Promise<PairIndexStats> {
  let last = '00000000-0000-0000-0000-000000000000';
  let refreshed = 0;
  for (;;) {
    const page = await db
      .selectFrom('persons')
      .leftJoin('person_pair_keys as k', 'k.person_id', 'persons.id')
      .select(['persons.id', 'persons.match_keys', 'persons.given_name_enc', 'persons.family_name_enc', 'persons.birth_date_enc'])
      .where('persons.id', '>', last)
      .where(sql<boolean>`(k.person_id is null or k.source is distinct from persons.match_keys)`)
      .orderBy('persons.id')
      .limit(PAGE)
      .execute();
    if (page.length === 0) break;
    const rows = page.map((p) => {
      // No match keys (an anonymised record): nothing to block on, and nothing to decrypt.
      if (p.match_keys.length === 0) return { person_id: p.id, source: p.match_keys, keys: [] as string[] };
      refreshed++;
      const tokens = matchTokens({ givenName: decryptField(key, p.given_name_enc), familyName: decryptOptional(key, p.family_name_enc), birthDate: decryptOptional(key, p.birth_date_enc) });
      return { person_id: p.id, source: p.match_keys, keys: tokens.map((t) => matchKey(key, t)) };
    });
    await db
      .insertInto('person_pair_keys')
      .values(rows)
      .onConflict((oc) => oc.column('person_id').doUpdateSet({ source: (eb) => eb.ref('excluded.source'), keys: (eb) => eb.ref('excluded.keys') }))
      .execute();
    last = page.at(-1)!.id;
  }
  return { refreshed };
}
