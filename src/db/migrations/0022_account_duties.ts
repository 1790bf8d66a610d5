import { sql, type Kysely } from 'kysely';

// Frozen in time: written against Kysely<any>, imports no application code.
export async function up(db: Kysely<any>): Promise<void> {
  // One-time codes an administrator hands over out of band: "reset" sets a new password (and opens
  // the first enrolment), "enrolment" only opens the first second-factor enrolment. Only a hash is kept.
  await db.schema
    .createTable('account_codes')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose in ('reset', 'enrolment')`))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('account_codes_user_idx').on('account_codes').columns(['user_id', 'purpose']).execute();

  // Account changes that need a second administrator: proposed by one, decided by another.
  await db.schema
    .createTable('account_changes')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('create', 'update', 'reset')`))
    // null for a proposed new account until it is approved.
    .addColumn('user_id', 'uuid', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('change', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending').check(sql`status in ('pending', 'approved', 'rejected')`))
    .addColumn('requested_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('requested_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('decided_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('account_changes_status_idx').on('account_changes').columns(['status', 'requested_at']).execute();

  // A session opened by completing a one-time reset may enrol the first second factor without another code.
  await sql`alter table sessions add column enrolment_allowed boolean not null default false`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table sessions drop column if exists enrolment_allowed`.execute(db);
  await db.schema.dropTable('account_changes').ifExists().execute();
  await db.schema.dropTable('account_codes').ifExists().execute();
}
