import { sql, type Kysely } from 'kysely';

// Frozen in time: written against Kysely<any>, imports no application code.
// A refused processing or law-enforcement-sharing consent restricts the record; where the law
// allows processing without consent (a court order, a criminal investigation), the coordinator
// records an override with its legal basis. It answers the refusals recorded before it.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('consent_overrides')
    .addColumn('id', 'uuid', (c: any) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('person_id', 'uuid', (c: any) => c.notNull().references('persons.id'))
    .addColumn('purpose', 'text', (c: any) => c.notNull())
    .addColumn('legal_basis', 'text', (c: any) => c.notNull())
    .addColumn('reason_enc', 'bytea', (c: any) => c.notNull())
    .addColumn('created_by', 'uuid', (c: any) => c.notNull().references('users.id'))
    .addColumn('created_at', 'timestamptz', (c: any) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('consent_overrides_person_idx').on('consent_overrides').columns(['person_id', 'purpose']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('consent_overrides').execute();
}
