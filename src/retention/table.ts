import type { Generated } from 'kysely';

/** A legal hold on a person: while one has no `cleared_at`, retention leaves the person alone. */
export interface RetentionHoldsTable {
  id: Generated<string>;
  person_id: string;
  reason_enc: Uint8Array;
  set_by: string;
  set_at: Generated<Date>;
  cleared_by: string | null;
  cleared_at: Date | null;
  clear_reason_enc: Uint8Array | null;
}
