import { sql, type Kysely } from 'kysely';

// Frozen in time: written against Kysely<any>, imports no application code.
// Agency submissions of aggregate figures, the activities register and the National Action Plan.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('submissions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('agency_id', 'uuid', (c) => c.notNull().references('agencies.id'))
    // "2023" or "2023-Q2".
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('first_submitted_at', 'timestamptz')
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('submitted_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('approved_at', 'timestamptz')
    .addColumn('approved_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('submissions_agency_period_key', ['agency_id', 'period'])
    .execute();
  await db.schema.createIndex('submissions_period_idx').on('submissions').columns(['period', 'status']).execute();

  await db.schema
    .createTable('submission_values')
    // A single-column key: backups page through every table by its primary key.
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('submission_id', 'uuid', (c) => c.notNull().references('submissions.id').onDelete('cascade'))
    .addColumn('indicator_id', 'text', (c) => c.notNull())
    // reported (value, possibly 0) | unknown | not_applicable
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('value', 'numeric')
    .addColumn('qualifier', 'text')
    .addColumn('note', 'text')
    .addUniqueConstraint('submission_values_submission_indicator_key', ['submission_id', 'indicator_id'])
    .execute();

  // The review conversation and every transition: submitted, returned, approved, reopened, comment.
  await db.schema
    .createTable('submission_events')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('submission_id', 'uuid', (c) => c.notNull().references('submissions.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('user_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('submission_events_submission_idx').on('submission_events').columns(['submission_id', 'at']).execute();

  await db.schema
    .createTable('activities')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('agency_id', 'uuid', (c) => c.notNull().references('agencies.id'))
    // awareness_event | training | publication | media | international_event
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('date', 'date', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('online', 'boolean')
    .addColumn('abroad', 'boolean')
    .addColumn('audience', 'text')
    .addColumn('participants', 'integer')
    .addColumn('trainers', 'integer')
    .addColumn('copies', 'integer')
    .addColumn('languages', 'jsonb')
    .addColumn('partner', 'text')
    .addColumn('outlet', 'text')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('activities_date_idx').on('activities').columns(['date', 'kind']).execute();
  await db.schema.createIndex('activities_agency_idx').on('activities').columns(['agency_id', 'date']).execute();

  await db.schema
    .createTable('nap_measures')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    // "2.1.3": the plan's own numbering, unique within it.
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('text_az', 'text', (c) => c.notNull())
    .addColumn('text_en', 'text', (c) => c.notNull())
    .addColumn('responsible_agency_id', 'uuid', (c) => c.notNull().references('agencies.id'))
    .addColumn('co_responsible', 'jsonb', (c) => c.notNull())
    .addColumn('deadline', 'date', (c) => c.notNull())
    .addColumn('indicators', 'jsonb', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('nap_reports')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('measure_id', 'uuid', (c) => c.notNull().references('nap_measures.id'))
    .addColumn('agency_id', 'uuid', (c) => c.notNull().references('agencies.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    // not_started | in_progress | completed | not_completed
    .addColumn('progress', 'text', (c) => c.notNull())
    .addColumn('narrative', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text')
    // submitted | approved | returned
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('review_comment', 'text')
    .addColumn('reviewed_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('reviewed_at', 'timestamptz')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('nap_reports_measure_idx').on('nap_reports').columns(['measure_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['nap_reports', 'nap_measures', 'activities', 'submission_events', 'submission_values', 'submissions']) await db.schema.dropTable(t).ifExists().execute();
}
