import type { ColumnType, Generated } from 'kysely';

type Stamps = { created_by: string | null; created_at: ColumnType<Date, Date | undefined, never> };
/** A `numeric` column: PostgreSQL returns it as a string, so no precision is lost on the way. */
type Numeric = ColumnType<string, string | number, string | number>;

export interface CrimeFactsTable extends Stamps {
  id: Generated<string>;
  agency_id: string;
  registered_on: string;
  articles: string[];
  principal_article: string;
  principal_group: string;
  principal_key: string | null;
  region: string | null;
  online: boolean;
  platforms: string[];
  status: string;
  summary_enc: Uint8Array | null;
}

export interface FactVictimsTable {
  id: Generated<string>;
  fact_id: string;
  person_id: string;
  created_at: ColumnType<Date, Date | undefined, never>;
}

export interface CriminalCasesTable extends Stamps {
  id: Generated<string>;
  number: string;
  opened_on: string;
  articles: string[];
  principal_article: string;
  agency_id: string;
  unit: string | null;
  status: string;
  status_on: string;
}

export interface CaseFactsTable {
  id: Generated<string>;
  case_id: string;
  fact_id: string;
  created_at: ColumnType<Date, Date | undefined, never>;
}

export interface CaseStatusHistoryTable extends Stamps {
  id: Generated<string>;
  case_id: string;
  status: string;
  on_date: string;
}

export interface CaseVictimsTable {
  id: Generated<string>;
  case_id: string;
  person_id: string;
  cooperation: string;
  legal_aid: string[];
  created_at: ColumnType<Date, Date | undefined, never>;
}

export interface ProsecutedPersonsTable extends Stamps {
  id: Generated<string>;
  case_id: string;
  given_name_enc: Uint8Array;
  family_name_enc: Uint8Array | null;
  patronymic_enc: Uint8Array | null;
  birth_date_enc: Uint8Array | null;
  documents_enc: Uint8Array | null;
  address_enc: Uint8Array | null;
  sex: string;
  birth_year: number | null;
  citizenship: string | null;
  role: string;
  stage: string;
}

export interface ProceduralStepsTable extends Stamps {
  id: Generated<string>;
  prosecuted_person_id: string;
  stage: string;
  on_date: string;
}

export interface SentencesTable extends Stamps {
  id: Generated<string>;
  prosecuted_person_id: string;
  court_agency_id: string | null;
  court: string | null;
  sentenced_on: string;
  punishment: string;
  imprisonment_months: number | null;
  fine_amount: Numeric | null;
  confiscation: boolean;
}

export interface WantedPersonsTable extends Stamps {
  id: Generated<string>;
  prosecuted_person_id: string;
  search: string;
  article: string;
  article_code: string;
  article_group: string;
  report_key: string | null;
  since: string;
  hiding_country: string | null;
  status: string;
  status_on: string;
}
