import { sql, type Kysely } from 'kysely';

// Frozen in time: written against Kysely<any>, imports no application code.
// Retention: a record past its period in the country profile loses everything that identifies
// the person (the clear statistics stay, so published figures do not change); a legal hold on a
// person stops that until the coordinator clears it. Each hold is a row, so its history stays.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table persons add column anonymised_at timestamptz`.execute(db);
  await sql`alter table hotline_contacts add column anonymised_at timestamptz`.execute(db);
  await db.schema
    .createTable('retention_holds')
    .addColumn('id', 'uuid', (c: any) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('person_id', 'uuid', (c: any) => c.notNull().references('persons.id'))
    // Free text may name people: encrypted like identifying data.
    .addColumn('reason_enc', 'bytea', (c: any) => c.notNull())
    .addColumn('set_by', 'uuid', (c: any) => c.notNull().references('users.id'))
    .addColumn('set_at', 'timestamptz', (c: any) => c.notNull().defaultTo(sql`now()`))
    .addColumn('cleared_by', 'uuid', (c: any) => c.references('users.id'))
    .addColumn('cleared_at', 'timestamptz')
    .addColumn('clear_reason_enc', 'bytea')
    .execute();
  // At most one hold in force per person.
  await sql`create unique index retention_holds_active_uniq on retention_holds (person_id) where cleared_at is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('retention_holds').execute();
  await sql`alter table hotline_contacts drop column anonymised_at`.execute(db);
  await sql`alter table persons drop column anonymised_at`.execute(db);
}
