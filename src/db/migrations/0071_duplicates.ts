import { sql, type Kysely } from 'kysely';

// Frozen in time: written against Kysely<any>, imports no application code.
// Duplicates across agencies: the coordinator merges two records of one person (the merged one
// points at the survivor and every moved row is listed in its merge, so an undo moves exactly
// those back) or links them as the same person kept apart, or as different people.
export async function up(db: Kysely<any>): Promise<void> {
  // No foreign key: a backup restores persons page by page in id order, and a survivor may come later.
  await sql`alter table persons add column merged_into uuid`.execute(db);
  await db.schema.createIndex('persons_merged_into_idx').on('persons').column('merged_into').execute();

  await db.schema
    .createTable('person_merges')
    .addColumn('id', 'uuid', (c: any) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('survivor_id', 'uuid', (c: any) => c.notNull().references('persons.id'))
    .addColumn('merged_id', 'uuid', (c: any) => c.notNull().references('persons.id'))
    // { table: [row ids] }: the rows that moved from the merged record to the survivor.
    .addColumn('moved', 'jsonb', (c: any) => c.notNull())
    .addColumn('reason_enc', 'bytea')
    .addColumn('merged_by', 'uuid', (c: any) => c.notNull().references('users.id'))
    .addColumn('merged_at', 'timestamptz', (c: any) => c.notNull().defaultTo(sql`now()`))
    .addColumn('undone_by', 'uuid', (c: any) => c.references('users.id'))
    .addColumn('undone_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('person_merges_merged_idx').on('person_merges').column('merged_id').execute();
  await db.schema.createIndex('person_merges_survivor_idx').on('person_merges').column('survivor_id').execute();

  // A pair the coordinator has decided on without merging; person_a < person_b, one row per pair.
  await db.schema
    .createTable('person_links')
    .addColumn('id', 'uuid', (c: any) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('person_a', 'uuid', (c: any) => c.notNull().references('persons.id'))
    .addColumn('person_b', 'uuid', (c: any) => c.notNull().references('persons.id'))
    .addColumn('kind', 'text', (c: any) => c.notNull())
    .addColumn('reason_enc', 'bytea')
    .addColumn('created_by', 'uuid', (c: any) => c.notNull().references('users.id'))
    .addColumn('created_at', 'timestamptz', (c: any) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('person_links_pair', ['person_a', 'person_b'])
    .execute();
  await db.schema.createIndex('person_links_b_idx').on('person_links').column('person_b').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('person_links').execute();
  await db.schema.dropTable('person_merges').execute();
  await sql`alter table persons drop column merged_into`.execute(db);
}
