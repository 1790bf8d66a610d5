import { sql, type Kysely } from 'kysely';

// Frozen in time: written against Kysely<any>, imports no application code.
export async function up(db: Kysely<any>): Promise<void> {
  // Texts a user chose to keep after screening. The text may name people: it is encrypted;
  // the indicator codes and evidence offsets (no text) are kept in the clear for the queue.
  await db.schema
    .createTable('screening_items')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('agency_id', 'uuid', (c) => c.notNull().references('agencies.id'))
    .addColumn('text_enc', 'bytea', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('channel', 'text')
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('flagged', 'boolean', (c) => c.notNull())
    .addColumn('indicators', 'jsonb', (c) => c.notNull())
    .addColumn('hotline_tip_id', 'uuid', (c) => c.references('hotline_tips.id'))
    .addColumn('crime_fact_id', 'uuid', (c) => c.references('crime_facts.id'))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('screening_items_agency_idx').on('screening_items').columns(['agency_id', 'created_at']).execute();

  // A reviewer's verdict on one flag: an indicator code, or "item" for the flag as a whole.
  await db.schema
    .createTable('screening_decisions')
    // A single-column key: backups page through every table by its primary key.
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('item_id', 'uuid', (c) => c.notNull().references('screening_items.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('decided_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('screening_decisions_flag', ['item_id', 'code'])
    .execute();

  // First-responder questionnaires; linked to a person when one is known.
  await db.schema
    .createTable('screening_questionnaires')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('person_id', 'uuid', (c) => c.references('persons.id'))
    .addColumn('agency_id', 'uuid', (c) => c.notNull().references('agencies.id'))
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('answers', 'jsonb', (c) => c.notNull())
    .addColumn('indicators', 'jsonb', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('notes_enc', 'bytea')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('screening_questionnaires_person_idx').on('screening_questionnaires').column('person_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['screening_questionnaires', 'screening_decisions', 'screening_items']) await db.schema.dropTable(t).ifExists().execute();
}
