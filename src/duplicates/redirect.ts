import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Auth } from '../http/types.ts';
import { personsVisible } from '../victims/access.ts';

/**
 * Where a merged record went, following merges of merges to the record that stands now — only
 * when the caller may see that record; otherwise null, and the caller learns nothing.
 */
export async function mergedRedirect(db: Kysely<Database>, auth: Auth, id: string): Promise<{ mergedInto: string; caseCode: string } | null> {
  let current = id;
  for (let hop = 0; hop < 20; hop++) {
    const row = await db.selectFrom('persons').select('merged_into').where('id', '=', current).executeTakeFirst();
    if (!row?.merged_into) break;
    current = row.merged_into;
  }
  if (current === id) return null;
  const target = await db.selectFrom('persons').select(['id', 'case_code']).where(personsVisible(auth, 'persons.list')).where('persons.id', '=', current).executeTakeFirst();
  return target ? { mergedInto: target.id, caseCode: target.case_code } : null;
}
