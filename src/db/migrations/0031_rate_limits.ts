import { sql, type Kysely } from 'kysely';

// Frozen in time: written against Kysely<any>, imports no application code.
export async function up(db: Kysely<any>): Promise<void> {
  // Per-user counters of costly requests, one row per user, limit and fixed window, so every app
  // server on one PostgreSQL counts against the same figure. Rows are worthless once the window ends.
  await db.schema
    .createTable('rate_limits')
    // A single-column key ("pdf:<user id>:<window number>"): backups page through every table by it.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('window_ends', 'timestamptz', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_limits_window_ends_idx').on('rate_limits').column('window_ends').execute();
  await sql`comment on table rate_limits is 'per-user request counters of costly routes; expired rows are deleted as new windows open'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_limits').execute();
}
