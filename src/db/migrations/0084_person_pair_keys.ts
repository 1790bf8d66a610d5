import { sql, type Kysely } from 'kysely';

// Frozen in time: written against Kysely<any>, imports no application code.
// Duplicate candidates are blocked in SQL on each person's pair tokens (given+family name,
// given name+birth date, family name+birth date, as keyed hashes), kept apart from the name-word
// tokens that persons.match_keys mixes them with. The app fills the rows (only it holds the key):
// `source` is the match_keys a row was computed from, so a row whose person changed since is known
// to be stale and is computed again, whichever path changed the person.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('person_pair_keys')
    .addColumn('person_id', 'uuid', (c: any) => c.primaryKey().references('persons.id').onDelete('cascade'))
    .addColumn('source', sql`text[]`, (c: any) => c.notNull())
    .addColumn('keys', sql`text[]`, (c: any) => c.notNull())
    .execute();
  await sql`create index person_pair_keys_keys_idx on person_pair_keys using gin (keys)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('person_pair_keys').execute();
}
