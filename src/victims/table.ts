import type { ColumnType, Generated } from 'kysely';

type Created = { created_by: string | null; created_at: ColumnType<Date, Date | undefined, never> };
/** A SQL date: 'YYYY-MM-DD' text both ways (see the type parsers in db/database.ts). */
export type SqlDate = string;

export interface PersonsTable extends Created {
  id: Generated<string>;
  case_code: string;
  owner_agency_id: string;
  given_name_enc: Uint8Array;
  family_name_enc: Uint8Array | null;
  patronymic_enc: Uint8Array | null;
  birth_date_enc: Uint8Array | null;
  documents_enc: Uint8Array | null;
  phones_enc: Uint8Array | null;
  address_enc: Uint8Array | null;
  match_keys: string[];
  gender: string;
  birth_year: number | null;
  is_minor: boolean | null;
  citizenship: string | null;
  residence_region: string | null;
  languages: string[];
  vulnerabilities: string[];
  channel: string;
  contact_date: SqlDate;
  identification_status: string;
  identified_on: string | null;
  closure_reason: string | null;
  closed_on: string | null;
  closure_note_enc: Uint8Array | null;
  assigned_to: Generated<string | null>;
  /** Set when retention cleared the identity (src/retention). */
  anonymised_at: Generated<Date | null>;
  /** The surviving record after a merge (src/duplicates); such a record is hidden from lists. */
  merged_into: Generated<string | null>;
  /** caseStatusSql() stored: written only by the database's triggers (migration 0091). */
  case_status: ColumnType<string, never, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface CaseCodeCountersTable {
  year: number;
  last: number;
}

export interface IdentificationDecisionsTable extends Created {
  id: Generated<string>;
  person_id: string;
  status: string;
  decided_on: SqlDate;
  deciding_agency_id: string;
  note_enc: Uint8Array | null;
}

export interface ExploitationEventsTable extends Created {
  id: Generated<string>;
  person_id: string;
  kind: string;
  country: string | null;
  region: string | null;
  /** The first day of the period told (see precision): 'YYYY-MM-DD'. */
  start_date: string | null;
  end_date: string | null;
  /** How much of the date was told: 'year', 'month' or 'day' (migration 0081). */
  start_precision: Generated<string>;
  end_precision: Generated<string>;
  forms: string[];
  subtypes: string[];
  isic_section: string | null;
  means_of_control: string[];
  recruitment_method: string | null;
  online_platform: string | null;
  recruiter_relation: string | null;
}

export interface ReflectionPeriodsTable extends Created {
  id: Generated<string>;
  person_id: string;
  start_date: SqlDate;
  length_days: number;
  extension_days: Generated<number>;
  outcome: string | null;
  outcome_date: string | null;
}

export interface ConsentsTable extends Created {
  id: Generated<string>;
  person_id: string;
  purpose: string;
  agency_id: string | null;
  given: boolean;
  recorded_on: SqlDate;
}

export interface ConsentOverridesTable {
  id: Generated<string>;
  person_id: string;
  purpose: string;
  legal_basis: string;
  reason_enc: Buffer;
  created_by: string;
  created_at: Generated<Date>;
}

export interface ChildrenTable extends Created {
  id: Generated<string>;
  person_id: string;
  label: string;
  birth_year: number | null;
  gender: string;
}
