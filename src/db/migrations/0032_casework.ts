import { sql, type Kysely } from 'kysely';

// Frozen in time: written against Kysely<any>, imports no application code.
// Case work on a person: notes with their edit history, files, the named worker the case is
// assigned to (with every reassignment kept), and in-app notifications. Every table has a
// single-column primary key, because backups page through tables by it.
export async function up(db: Kysely<any>): Promise<void> {
  const id = (t: any) => t.addColumn('id', 'uuid', (c: any) => c.primaryKey().defaultTo(sql`gen_random_uuid()`));
  const at = (t: any, name: string) => t.addColumn(name, 'timestamptz', (c: any) => c.notNull().defaultTo(sql`now()`));

  // A note's current text lives on the note; each earlier text is a version row, so the history
  // shows what was written and when, and only the author ever changes it.
  await at(at(id(db.schema.createTable('case_notes')), 'created_at'), 'updated_at')
    .addColumn('person_id', 'uuid', (c: any) => c.notNull().references('persons.id'))
    .addColumn('author_id', 'uuid', (c: any) => c.notNull().references('users.id'))
    .addColumn('body_enc', 'bytea', (c: any) => c.notNull())
    .addColumn('version', 'integer', (c: any) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('case_notes_person_idx').on('case_notes').columns(['person_id', 'created_at']).execute();
  await at(id(db.schema.createTable('case_note_versions')), 'written_at')
    .addColumn('note_id', 'uuid', (c: any) => c.notNull().references('case_notes.id'))
    .addColumn('version', 'integer', (c: any) => c.notNull())
    .addColumn('body_enc', 'bytea', (c: any) => c.notNull())
    .addUniqueConstraint('case_note_versions_note_version', ['note_id', 'version'])
    .execute();

  // The file itself is encrypted on disk under its id; the row says what it is.
  await at(id(db.schema.createTable('attachments')), 'created_at')
    .addColumn('person_id', 'uuid', (c: any) => c.notNull().references('persons.id'))
    .addColumn('uploaded_by', 'uuid', (c: any) => c.notNull().references('users.id'))
    .addColumn('filename_enc', 'bytea', (c: any) => c.notNull())
    .addColumn('description_enc', 'bytea')
    .addColumn('media_type', 'text', (c: any) => c.notNull())
    .addColumn('size_bytes', 'integer', (c: any) => c.notNull())
    .addColumn('sha256', 'text', (c: any) => c.notNull())
    .execute();
  await db.schema.createIndex('attachments_person_idx').on('attachments').column('person_id').execute();

  // Assignment: the current worker on the person, and every change as a row.
  await sql`alter table persons add column assigned_to uuid references users(id)`.execute(db);
  // The person list sorts by the date of first contact ("opened") as well as by creation.
  await db.schema.createIndex('persons_contact_date_idx').on('persons').columns(['contact_date', 'id']).execute();
  await db.schema.createIndex('persons_assigned_to_idx').on('persons').column('assigned_to').execute();
  await at(id(db.schema.createTable('assignments')), 'assigned_at')
    .addColumn('person_id', 'uuid', (c: any) => c.notNull().references('persons.id'))
    .addColumn('user_id', 'uuid', (c: any) => c.references('users.id'))
    .addColumn('assigned_by', 'uuid', (c: any) => c.notNull().references('users.id'))
    .addColumn('reason_enc', 'bytea')
    .execute();
  await db.schema.createIndex('assignments_person_idx').on('assignments').columns(['person_id', 'assigned_at']).execute();

  // Notifications name what happened by kind and ids only, never a name or a note: the client
  // words them, and opening the target still goes through its own access rule.
  await at(id(db.schema.createTable('notifications')), 'created_at')
    .addColumn('user_id', 'uuid', (c: any) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c: any) => c.notNull())
    .addColumn('person_id', 'uuid', (c: any) => c.references('persons.id'))
    .addColumn('case_code', 'text')
    .addColumn('read_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('notifications_user_idx').on('notifications').columns(['user_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['notifications', 'assignments', 'attachments', 'case_note_versions', 'case_notes']) await db.schema.dropTable(t).execute();
  await sql`alter table persons drop column assigned_to`.execute(db);
}
