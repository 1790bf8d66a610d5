import { sql, type Kysely } from 'kysely';

// Frozen in time: written against Kysely<any>, imports no application code.
export async function up(db: Kysely<any>): Promise<void> {
  // The report definition a year is built from (sections, sentences, figures), edited by the
  // coordinator; a year without its own row starts from the latest earlier one, then the profile's.
  await db.schema
    .createTable('report_definitions')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('definition', 'jsonb', (c) => c.notNull())
    .addColumn('updated_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // A published edition keeps the definition it was built from, beside its figures.
  await sql`alter table report_editions add column definition jsonb`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table report_editions drop column if exists definition`.execute(db);
  await db.schema.dropTable('report_definitions').ifExists().execute();
}
