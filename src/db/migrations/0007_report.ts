import { sql, type Kysely } from 'kysely';

// Frozen in time: written against Kysely<any>, imports no application code.
export async function up(db: Kysely<any>): Promise<void> {
  // Figures for years before the records begin (imported from earlier reports), so that
  // cumulative series such as "victims identified 2005–2024" come out right.
  await db.schema
    .createTable('historical_aggregates')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('figure_id', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('value', 'numeric', (c) => c.notNull())
    .addColumn('breakdown', 'jsonb')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('imported_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('imported_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('historical_aggregates_figure_year', ['figure_id', 'year'])
    .execute();

  // Text the coordinator writes for a year's report, per block and language.
  await db.schema
    .createTable('report_narratives')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('block_id', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('report_narratives_block', ['year', 'block_id', 'lang'])
    .execute();

  // A published edition: the figures and the rendered documents frozen, with a hash over both.
  await db.schema
    .createTable('report_editions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('edition', 'integer', (c) => c.notNull())
    .addColumn('figures', 'jsonb', (c) => c.notNull())
    .addColumn('problems', 'jsonb', (c) => c.notNull())
    .addColumn('override_reason', 'text')
    .addColumn('changelog', 'text')
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('supersedes_id', 'uuid')
    .addColumn('superseded_at', 'timestamptz')
    .addColumn('published_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('published_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('report_editions_year_edition', ['year', 'edition'])
    .execute();

  // Deferred, so that a restore (one transaction, rows in key order) may insert an edition before the one it supersedes.
  await sql`alter table report_editions add constraint report_editions_supersedes_fk foreign key (supersedes_id) references report_editions (id) deferrable initially deferred`.execute(db);

  await db.schema
    .createTable('report_documents')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('edition_id', 'uuid', (c) => c.notNull().references('report_editions.id'))
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('content', 'bytea', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addUniqueConstraint('report_documents_document', ['edition_id', 'format', 'lang'])
    .execute();

  // A published edition is frozen: only its superseded_at may be set, once.
  await sql`
    create function report_editions_frozen() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then raise exception 'a published report edition cannot be deleted'; end if;
      if old.superseded_at is not null or new.figures is distinct from old.figures or new.sha256 <> old.sha256
         or new.year <> old.year or new.edition <> old.edition then
        raise exception 'a published report edition is frozen';
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger report_editions_frozen before update or delete on report_editions for each row execute function report_editions_frozen()`.execute(db);
  await sql`
    create function report_documents_frozen() returns trigger language plpgsql as $$
    begin raise exception 'published report documents are frozen'; end $$`.execute(db);
  await sql`create trigger report_documents_frozen before update or delete on report_documents for each row execute function report_documents_frozen()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('report_documents').execute();
  await db.schema.dropTable('report_editions').execute();
  await sql`drop function if exists report_editions_frozen, report_documents_frozen`.execute(db);
  await db.schema.dropTable('report_narratives').execute();
  await db.schema.dropTable('historical_aggregates').execute();
}
