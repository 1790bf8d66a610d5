import { sql, type Kysely } from 'kysely';

// Frozen in time: written against Kysely<any>, imports no application code.
export async function up(db: Kysely<any>): Promise<void> {
  const id = (t: any) => t.addColumn('id', 'uuid', (c: any) => c.primaryKey().defaultTo(sql`gen_random_uuid()`));
  const stamps = (t: any) =>
    t.addColumn('created_by', 'uuid', (c: any) => c.references('users.id')).addColumn('created_at', 'timestamptz', (c: any) => c.notNull().defaultTo(sql`now()`));

  // A registered crime ("fact"). Articles are references as the profile allows them ("144-1",
  // "243.1"); the first is the principal qualification that statistics count the fact under.
  await stamps(
    id(db.schema.createTable('crime_facts'))
      .addColumn('agency_id', 'uuid', (c: any) => c.notNull().references('agencies.id'))
      .addColumn('registered_on', 'date', (c: any) => c.notNull())
      .addColumn('articles', sql`text[]`, (c: any) => c.notNull())
      // The principal article's code, group and report key as the profile said at registration:
      // statistics read them without the profile, and a later profile edit does not rewrite history.
      .addColumn('principal_article', 'text', (c: any) => c.notNull())
      .addColumn('principal_group', 'text', (c: any) => c.notNull())
      .addColumn('principal_key', 'text')
      .addColumn('region', 'text')
      .addColumn('online', 'boolean', (c: any) => c.notNull().defaultTo(false))
      .addColumn('platforms', sql`text[]`, (c: any) => c.notNull().defaultTo(sql`'{}'`))
      .addColumn('status', 'text', (c: any) => c.notNull())
      .addColumn('summary_enc', 'bytea'),
  ).execute();
  await db.schema.createIndex('crime_facts_registered_idx').on('crime_facts').columns(['registered_on']).execute();

  // A single-column key like every table (backups page by it); the pair is unique.
  await id(db.schema.createTable('fact_victims'))
    .addColumn('fact_id', 'uuid', (c: any) => c.notNull().references('crime_facts.id'))
    .addColumn('person_id', 'uuid', (c: any) => c.notNull().references('persons.id'))
    .addColumn('created_at', 'timestamptz', (c: any) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('fact_victims_pair', ['fact_id', 'person_id'])
    .execute();
  await db.schema.createIndex('fact_victims_person_idx').on('fact_victims').column('person_id').execute();

  await stamps(
    id(db.schema.createTable('criminal_cases'))
      .addColumn('number', 'text', (c: any) => c.notNull().unique())
      .addColumn('opened_on', 'date', (c: any) => c.notNull())
      .addColumn('articles', sql`text[]`, (c: any) => c.notNull())
      .addColumn('principal_article', 'text', (c: any) => c.notNull())
      .addColumn('agency_id', 'uuid', (c: any) => c.notNull().references('agencies.id'))
      .addColumn('unit', 'text')
      .addColumn('status', 'text', (c: any) => c.notNull())
      .addColumn('status_on', 'date', (c: any) => c.notNull()),
  ).execute();
  await db.schema.createIndex('criminal_cases_opened_idx').on('criminal_cases').columns(['opened_on']).execute();

  await id(db.schema.createTable('case_facts'))
    .addColumn('case_id', 'uuid', (c: any) => c.notNull().references('criminal_cases.id'))
    .addColumn('fact_id', 'uuid', (c: any) => c.notNull().references('crime_facts.id'))
    .addColumn('created_at', 'timestamptz', (c: any) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('case_facts_pair', ['case_id', 'fact_id'])
    .execute();
  await db.schema.createIndex('case_facts_fact_idx').on('case_facts').column('fact_id').execute();

  await stamps(
    id(db.schema.createTable('case_status_history'))
      .addColumn('case_id', 'uuid', (c: any) => c.notNull().references('criminal_cases.id'))
      .addColumn('status', 'text', (c: any) => c.notNull())
      .addColumn('on_date', 'date', (c: any) => c.notNull()),
  ).execute();
  await db.schema.createIndex('case_status_history_idx').on('case_status_history').columns(['status', 'on_date']).execute();

  // Victims in a case: cooperation with the prosecution and the Bar's legal aid by stage.
  await id(db.schema.createTable('case_victims'))
    .addColumn('case_id', 'uuid', (c: any) => c.notNull().references('criminal_cases.id'))
    .addColumn('person_id', 'uuid', (c: any) => c.notNull().references('persons.id'))
    .addColumn('cooperation', 'text', (c: any) => c.notNull())
    .addColumn('legal_aid', sql`text[]`, (c: any) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('created_at', 'timestamptz', (c: any) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('case_victims_pair', ['case_id', 'person_id'])
    .execute();
  await db.schema.createIndex('case_victims_person_idx').on('case_victims').column('person_id').execute();

  // Persons prosecuted: identity encrypted per field; sex, birth year, citizenship in the clear.
  await stamps(
    id(db.schema.createTable('prosecuted_persons'))
      .addColumn('case_id', 'uuid', (c: any) => c.notNull().references('criminal_cases.id'))
      .addColumn('given_name_enc', 'bytea', (c: any) => c.notNull())
      .addColumn('family_name_enc', 'bytea')
      .addColumn('patronymic_enc', 'bytea')
      .addColumn('birth_date_enc', 'bytea')
      .addColumn('documents_enc', 'bytea')
      .addColumn('address_enc', 'bytea')
      .addColumn('sex', 'text', (c: any) => c.notNull())
      .addColumn('birth_year', 'integer')
      .addColumn('citizenship', 'text')
      .addColumn('role', 'text', (c: any) => c.notNull())
      .addColumn('stage', 'text', (c: any) => c.notNull()),
  ).execute();
  await db.schema.createIndex('prosecuted_persons_case_idx').on('prosecuted_persons').column('case_id').execute();

  await stamps(
    id(db.schema.createTable('procedural_steps'))
      .addColumn('prosecuted_person_id', 'uuid', (c: any) => c.notNull().references('prosecuted_persons.id'))
      .addColumn('stage', 'text', (c: any) => c.notNull())
      .addColumn('on_date', 'date', (c: any) => c.notNull()),
  ).execute();
  await db.schema.createIndex('procedural_steps_idx').on('procedural_steps').columns(['stage', 'on_date']).execute();

  await stamps(
    id(db.schema.createTable('sentences'))
      .addColumn('prosecuted_person_id', 'uuid', (c: any) => c.notNull().unique().references('prosecuted_persons.id'))
      .addColumn('court_agency_id', 'uuid', (c: any) => c.references('agencies.id'))
      .addColumn('court', 'text')
      .addColumn('sentenced_on', 'date', (c: any) => c.notNull())
      .addColumn('punishment', 'text', (c: any) => c.notNull())
      .addColumn('imprisonment_months', 'integer')
      .addColumn('fine_amount', sql`numeric(14,2)`)
      .addColumn('confiscation', 'boolean', (c: any) => c.notNull().defaultTo(false)),
  ).execute();

  await stamps(
    id(db.schema.createTable('wanted_persons'))
      .addColumn('prosecuted_person_id', 'uuid', (c: any) => c.notNull().references('prosecuted_persons.id'))
      .addColumn('search', 'text', (c: any) => c.notNull())
      .addColumn('article', 'text', (c: any) => c.notNull())
      .addColumn('article_code', 'text', (c: any) => c.notNull())
      .addColumn('article_group', 'text', (c: any) => c.notNull())
      .addColumn('report_key', 'text')
      .addColumn('since', 'date', (c: any) => c.notNull())
      .addColumn('hiding_country', 'text')
      .addColumn('status', 'text', (c: any) => c.notNull())
      .addColumn('status_on', 'date', (c: any) => c.notNull()),
  ).execute();
  await db.schema.createIndex('wanted_persons_status_idx').on('wanted_persons').columns(['search', 'status']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['wanted_persons', 'sentences', 'procedural_steps', 'prosecuted_persons', 'case_victims', 'case_status_history', 'case_facts', 'criminal_cases', 'fact_victims', 'crime_facts']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
