import { sql, type Kysely } from 'kysely';

// Frozen in time: written against Kysely<any>, imports no application code.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('hotline_contacts')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('agency_id', 'uuid', (c) => c.notNull().references('agencies.id'))
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('duration_seconds', 'integer', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('caller_type', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('region', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('referred_agency_id', 'uuid', (c) => c.references('agencies.id'))
    .addColumn('follow_up_due', 'date')
    .addColumn('follow_up_done_at', 'timestamptz')
    .addColumn('person_id', 'uuid', (c) => c.references('persons.id'))
    .addColumn('notes_enc', 'bytea')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('contacts_started_idx').on('hotline_contacts').columns(['started_at']).execute();
  await db.schema.createIndex('contacts_agency_idx').on('hotline_contacts').columns(['agency_id', 'started_at']).execute();
  await db.schema.createIndex('contacts_follow_up_idx').on('hotline_contacts').columns(['created_by', 'follow_up_due']).execute();

  await db.schema
    .createTable('hotline_tips')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('contact_id', 'uuid', (c) => c.references('hotline_contacts.id'))
    .addColumn('agency_id', 'uuid', (c) => c.notNull().references('agencies.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('summary_enc', 'bytea', (c) => c.notNull())
    // Set when the crime registry links the tip to a crime record.
    .addColumn('crime_record_id', 'uuid')
    .addColumn('reviewed_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('reviewed_at', 'timestamptz')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('tips_status_idx').on('hotline_tips').columns(['status', 'created_at']).execute();

  // Phone numbers, handles, URLs named in contacts and tips: the value encrypted, plus a keyed
  // hash of its normalised form so that repeats can be found without plaintext.
  await db.schema
    .createTable('hotline_identifiers')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('contact_id', 'uuid', (c) => c.references('hotline_contacts.id'))
    .addColumn('tip_id', 'uuid', (c) => c.references('hotline_tips.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value_enc', 'bytea', (c) => c.notNull())
    .addColumn('normalized_enc', 'bytea', (c) => c.notNull())
    // Null for scraps too short to tell one report from another: kept, never linked.
    .addColumn('match_key', 'text')
    .addColumn('valid', 'boolean', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('identifiers_match_idx').on('hotline_identifiers').column('match_key').execute();
  await db.schema.createIndex('identifiers_contact_idx').on('hotline_identifiers').column('contact_id').execute();
  await db.schema.createIndex('identifiers_tip_idx').on('hotline_identifiers').column('tip_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['hotline_identifiers', 'hotline_tips', 'hotline_contacts']) await db.schema.dropTable(t).ifExists().execute();
}
