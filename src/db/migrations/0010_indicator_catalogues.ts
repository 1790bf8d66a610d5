import { sql, type Kysely } from 'kysely';

// Frozen in time: written against Kysely<any>, imports no application code.
export async function up(db: Kysely<any>): Promise<void> {
  // The agencies' indicator catalogue a year's forms, templates and checks follow, edited by the
  // coordinator; a year without its own row follows the latest earlier one, then the profile's file.
  await db.schema
    .createTable('indicator_catalogues')
    // A single-column key: backups page through every table by its primary key.
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    // The country profile's code ("AZ"): one database serves one profile, but a stored catalogue says whose it is.
    .addColumn('profile', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('catalogue', 'jsonb', (c) => c.notNull())
    .addColumn('updated_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('indicator_catalogues_profile_year_key', ['profile', 'year'])
    .execute();

  // An indicator may carry attributes beside its count (an amount in AZN, a number of organisations):
  // '' is the count itself, so every existing value stays the count it was.
  await sql`alter table submission_values add column attribute text not null default ''`.execute(db);
  await sql`alter table submission_values drop constraint submission_values_submission_indicator_key`.execute(db);
  await sql`alter table submission_values add constraint submission_values_submission_indicator_attribute_key unique (submission_id, indicator_id, attribute)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from submission_values where attribute <> ''`.execute(db);
  await sql`alter table submission_values drop constraint if exists submission_values_submission_indicator_attribute_key`.execute(db);
  await sql`alter table submission_values add constraint submission_values_submission_indicator_key unique (submission_id, indicator_id)`.execute(db);
  await sql`alter table submission_values drop column if exists attribute`.execute(db);
  await db.schema.dropTable('indicator_catalogues').ifExists().execute();
}
