import type { ColumnType, Generated } from 'kysely';

export interface HotlineContactsTable {
  id: Generated<string>;
  agency_id: string;
  started_at: Date;
  duration_seconds: number;
  channel: string;
  language: string;
  caller_type: string;
  topic: string;
  region: string | null;
  outcome: string;
  referred_agency_id: string | null;
  follow_up_due: string | null;
  follow_up_done_at: Date | null;
  person_id: string | null;
  notes_enc: Uint8Array | null;
  /** Set when retention cleared the notes and identifiers (src/retention). */
  anonymised_at: Generated<Date | null>;
  created_by: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
}

export interface HotlineTipsTable {
  id: Generated<string>;
  contact_id: string | null;
  agency_id: string;
  status: string;
  summary_enc: Uint8Array;
  crime_record_id: string | null;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  created_by: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
}

export interface HotlineIdentifiersTable {
  id: Generated<string>;
  contact_id: string | null;
  tip_id: string | null;
  kind: string;
  value_enc: Uint8Array;
  normalized_enc: Uint8Array;
  match_key: string | null;
  valid: boolean;
  created_at: ColumnType<Date, Date | undefined, never>;
}
