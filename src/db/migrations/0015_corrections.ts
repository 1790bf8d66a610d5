import { sql, type Kysely } from 'kysely';

// Frozen in time: written against Kysely<any>, imports no application code.
// Corrections are entries, never deletions: a service or payment given in error is voided with a
// reason (who and when kept), and an adjustment is a new entry that names the one it replaces.
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['assistance', 'payments']) {
    await sql`alter table ${sql.table(table)}
      add column voided_at timestamptz,
      add column voided_by uuid references users(id),
      add column void_reason_enc bytea,
      add column replaces_id uuid references ${sql.table(table)}(id)`.execute(db);
    // A voided entry always says who voided it and why.
    await sql`alter table ${sql.table(table)} add constraint ${sql.ref(`${table}_void_complete`)}
      check ((voided_at is null) = (void_reason_enc is null))`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['assistance', 'payments']) {
    await sql`alter table ${sql.table(table)} drop constraint ${sql.ref(`${table}_void_complete`)}, drop column replaces_id, drop column void_reason_enc, drop column voided_by, drop column voided_at`.execute(db);
  }
}
