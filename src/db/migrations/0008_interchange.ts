import type { Kysely } from 'kysely';

// Frozen in time: written against Kysely<any>, imports no application code.
const tables = [
  'persons', 'identification_decisions', 'exploitation_events', 'reflection_periods', 'consents', 'children',
  'referrals', 'assistance', 'payments', 'hotline_contacts', 'hotline_tips', 'hotline_identifiers',
  'crime_facts', 'fact_victims', 'criminal_cases', 'case_facts', 'case_status_history', 'case_victims',
  'prosecuted_persons', 'procedural_steps', 'sentences', 'wanted_persons',
  'submissions', 'submission_values', 'activities', 'historical_aggregates',
];

export async function up(db: Kysely<any>): Promise<void> {
  // The id a record has in the bulk interchange format, where it differs from ours. No index:
  // the row's own id is derived from it, so lookups go by primary key.
  for (const t of tables) await db.schema.alterTable(t).addColumn('external_id', 'text').execute();
}
