import type { ColumnType, Generated } from 'kysely';
import type { SqlDate } from '../victims/table.ts';

export interface AssistanceTable {
  id: Generated<string>;
  person_id: string;
  child_id: string | null;
  kind: string;
  provider_agency_id: string;
  date: SqlDate;
  end_date: string | null;
  legal_stage: string | null;
  notes_enc: Uint8Array | null;
  voided_at: Date | null;
  voided_by: string | null;
  void_reason_enc: Uint8Array | null;
  replaces_id: string | null;
  created_by: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
}

export interface PaymentsTable {
  id: Generated<string>;
  person_id: string;
  kind: string;
  /** numeric comes back as text on both backends; parsed by the presenter. */
  amount: ColumnType<string, string, string>;
  currency: string;
  paid_on: SqlDate;
  payer_agency_id: string;
  idempotency_key: string;
  override_reason_enc: Uint8Array | null;
  voided_at: Date | null;
  voided_by: string | null;
  void_reason_enc: Uint8Array | null;
  replaces_id: string | null;
  created_by: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
}
