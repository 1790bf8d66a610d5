import { sql, type Kysely } from 'kysely';

// Frozen in time: written against Kysely<any>, imports no application code.
export async function up(db: Kysely<any>): Promise<void> {
  const id = (t: any) => t.addColumn('id', 'uuid', (c: any) => c.primaryKey().defaultTo(sql`gen_random_uuid()`));
  const stamps = (t: any) =>
    t.addColumn('created_by', 'uuid', (c: any) => c.references('users.id')).addColumn('created_at', 'timestamptz', (c: any) => c.notNull().defaultTo(sql`now()`));

  // Case codes are gapless per year, allocated under a row lock.
  await db.schema
    .createTable('case_code_counters')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('last', 'integer', (c) => c.notNull())
    .execute();

  await stamps(
    id(db.schema.createTable('persons'))
      .addColumn('case_code', 'text', (c: any) => c.notNull().unique())
      .addColumn('owner_agency_id', 'uuid', (c: any) => c.notNull().references('agencies.id'))
      // Identifying fields: AES-256-GCM ciphertexts, one per field.
      .addColumn('given_name_enc', 'bytea', (c: any) => c.notNull())
      .addColumn('family_name_enc', 'bytea')
      .addColumn('patronymic_enc', 'bytea')
      .addColumn('birth_date_enc', 'bytea')
      .addColumn('documents_enc', 'bytea')
      .addColumn('phones_enc', 'bytea')
      .addColumn('address_enc', 'bytea')
      // Keyed hashes of normalised name parts: duplicate search without plaintext.
      .addColumn('match_keys', sql`text[]`, (c: any) => c.notNull().defaultTo(sql`'{}'`))
      // Statistics in the clear.
      .addColumn('gender', 'text', (c: any) => c.notNull())
      .addColumn('birth_year', 'integer')
      .addColumn('is_minor', 'boolean')
      .addColumn('citizenship', 'text')
      .addColumn('residence_region', 'text')
      .addColumn('languages', sql`text[]`, (c: any) => c.notNull().defaultTo(sql`'{}'`))
      .addColumn('vulnerabilities', sql`text[]`, (c: any) => c.notNull().defaultTo(sql`'{}'`))
      .addColumn('channel', 'text', (c: any) => c.notNull())
      .addColumn('contact_date', 'date', (c: any) => c.notNull())
      .addColumn('identification_status', 'text', (c: any) => c.notNull())
      .addColumn('identified_on', 'date')
      .addColumn('closure_reason', 'text')
      .addColumn('closed_on', 'date')
      .addColumn('closure_note_enc', 'bytea')
      .addColumn('updated_at', 'timestamptz', (c: any) => c.notNull().defaultTo(sql`now()`)),
  ).execute();
  await db.schema.createIndex('persons_owner_idx').on('persons').column('owner_agency_id').execute();
  await db.schema.createIndex('persons_identified_idx').on('persons').columns(['identified_on']).execute();
  await db.schema.createIndex('persons_created_idx').on('persons').columns(['created_at', 'id']).execute();
  await sql`create index persons_match_keys_idx on persons using gin (match_keys)`.execute(db);
  // The list filtered by case status (see caseStatusIs): closed cases by reason in list order, and
  // open cases in list order, carrying the reason so the status test needs no heap visit.
  await sql`create index persons_closure_idx on persons (closure_reason, created_at, id) where closure_reason is not null`.execute(db);
  await sql`create index persons_open_idx on persons (created_at, id) include (closure_reason)
            where closure_reason is null or closure_reason in ('assisted', 'in_reflection', 'new')`.execute(db);
  await db.schema.createIndex('persons_identification_status_idx').on('persons').columns(['identification_status', 'created_at', 'id']).execute();

  await stamps(
    id(db.schema.createTable('identification_decisions'))
      .addColumn('person_id', 'uuid', (c: any) => c.notNull().references('persons.id'))
      .addColumn('status', 'text', (c: any) => c.notNull())
      .addColumn('decided_on', 'date', (c: any) => c.notNull())
      .addColumn('deciding_agency_id', 'uuid', (c: any) => c.notNull().references('agencies.id'))
      .addColumn('note_enc', 'bytea'),
  ).execute();
  await db.schema.createIndex('decisions_person_idx').on('identification_decisions').column('person_id').execute();

  await stamps(
    id(db.schema.createTable('exploitation_events'))
      .addColumn('person_id', 'uuid', (c: any) => c.notNull().references('persons.id'))
      .addColumn('kind', 'text', (c: any) => c.notNull())
      .addColumn('country', 'text')
      .addColumn('region', 'text')
      .addColumn('start_date', 'date')
      .addColumn('end_date', 'date')
      .addColumn('forms', sql`text[]`, (c: any) => c.notNull().defaultTo(sql`'{}'`))
      .addColumn('subtypes', sql`text[]`, (c: any) => c.notNull().defaultTo(sql`'{}'`))
      .addColumn('isic_section', 'text')
      .addColumn('means_of_control', sql`text[]`, (c: any) => c.notNull().defaultTo(sql`'{}'`))
      .addColumn('recruitment_method', 'text')
      .addColumn('online_platform', 'text')
      .addColumn('recruiter_relation', 'text'),
  ).execute();
  await db.schema.createIndex('events_person_idx').on('exploitation_events').column('person_id').execute();
  await db.schema.createIndex('events_country_idx').on('exploitation_events').columns(['country', 'person_id']).execute();

  // Law on Combating Trafficking in Persons, art. 14-1.1: the recovery and reflection period.
  await stamps(
    id(db.schema.createTable('reflection_periods'))
      .addColumn('person_id', 'uuid', (c: any) => c.notNull().unique().references('persons.id'))
      .addColumn('start_date', 'date', (c: any) => c.notNull())
      .addColumn('length_days', 'integer', (c: any) => c.notNull())
      .addColumn('extension_days', 'integer', (c: any) => c.notNull().defaultTo(0))
      .addColumn('outcome', 'text')
      .addColumn('outcome_date', 'date'),
  ).execute();
  // Periods still running: the in_reflection status and the reflection queue.
  await sql`create index reflection_open_idx on reflection_periods (person_id) where outcome is null`.execute(db);

  await stamps(
    id(db.schema.createTable('consents'))
      .addColumn('person_id', 'uuid', (c: any) => c.notNull().references('persons.id'))
      .addColumn('purpose', 'text', (c: any) => c.notNull())
      .addColumn('agency_id', 'uuid', (c: any) => c.references('agencies.id'))
      .addColumn('given', 'boolean', (c: any) => c.notNull())
      .addColumn('recorded_on', 'date', (c: any) => c.notNull()),
  ).execute();
  await db.schema.createIndex('consents_person_idx').on('consents').column('person_id').execute();

  await stamps(
    id(db.schema.createTable('referrals'))
      .addColumn('person_id', 'uuid', (c: any) => c.notNull().references('persons.id'))
      .addColumn('from_agency_id', 'uuid', (c: any) => c.notNull().references('agencies.id'))
      .addColumn('to_agency_id', 'uuid', (c: any) => c.notNull().references('agencies.id'))
      .addColumn('status', 'text', (c: any) => c.notNull())
      .addColumn('sent_at', 'timestamptz', (c: any) => c.notNull())
      .addColumn('responded_at', 'timestamptz')
      .addColumn('completed_at', 'timestamptz')
      // Free text may name people: encrypted like identifying data.
      .addColumn('consent_override_enc', 'bytea')
      .addColumn('note_enc', 'bytea'),
  ).execute();
  await db.schema.createIndex('referrals_to_idx').on('referrals').columns(['to_agency_id', 'status', 'person_id']).execute();
  await db.schema.createIndex('referrals_person_idx').on('referrals').column('person_id').execute();
  // At most one open referral per person and agency, even under concurrent requests.
  await sql`create unique index referrals_open_uniq on referrals (person_id, to_agency_id) where status in ('sent', 'accepted')`.execute(db);

  await stamps(
    id(db.schema.createTable('children'))
      .addColumn('person_id', 'uuid', (c: any) => c.notNull().references('persons.id'))
      .addColumn('label', 'text', (c: any) => c.notNull())
      .addColumn('birth_year', 'integer')
      .addColumn('gender', 'text', (c: any) => c.notNull()),
  ).execute();
  await db.schema.createIndex('children_person_idx').on('children').column('person_id').execute();

  await stamps(
    id(db.schema.createTable('assistance'))
      .addColumn('person_id', 'uuid', (c: any) => c.notNull().references('persons.id'))
      .addColumn('child_id', 'uuid', (c: any) => c.references('children.id'))
      .addColumn('kind', 'text', (c: any) => c.notNull())
      .addColumn('provider_agency_id', 'uuid', (c: any) => c.notNull().references('agencies.id'))
      .addColumn('date', 'date', (c: any) => c.notNull())
      .addColumn('end_date', 'date')
      .addColumn('legal_stage', 'text')
      .addColumn('notes_enc', 'bytea'),
  ).execute();
  await db.schema.createIndex('assistance_person_idx').on('assistance').column('person_id').execute();

  await stamps(
    id(db.schema.createTable('payments'))
      .addColumn('person_id', 'uuid', (c: any) => c.notNull().references('persons.id'))
      .addColumn('kind', 'text', (c: any) => c.notNull())
      .addColumn('amount', sql`numeric(12,2)`, (c: any) => c.notNull())
      .addColumn('currency', 'text', (c: any) => c.notNull())
      .addColumn('paid_on', 'date', (c: any) => c.notNull())
      .addColumn('payer_agency_id', 'uuid', (c: any) => c.notNull().references('agencies.id'))
      .addColumn('idempotency_key', 'text', (c: any) => c.notNull().unique())
      .addColumn('override_reason_enc', 'bytea'),
  ).execute();
  await db.schema.createIndex('payments_person_idx').on('payments').columns(['person_id', 'kind']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['payments', 'assistance', 'children', 'referrals', 'consents', 'reflection_periods', 'exploitation_events', 'identification_decisions', 'persons', 'case_code_counters']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
