import type { ColumnType, Generated } from 'kysely';

export interface ReferralsTable {
  id: Generated<string>;
  person_id: string;
  from_agency_id: string;
  to_agency_id: string;
  status: string;
  sent_at: Date;
  responded_at: Date | null;
  completed_at: Date | null;
  consent_override_enc: Uint8Array | null;
  note_enc: Uint8Array | null;
  created_by: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
}
