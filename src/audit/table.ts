import type { ColumnType } from 'kysely';

export interface AuditLogTable {
  seq: number;
  at: Date;
  actor_id: string | null;
  actor_username: string | null;
  actor_agency_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: string;
  status: number | null;
  ip: string | null;
  details: ColumnType<unknown, string | null, never>;
  content_hash: string;
  prev_hash: string;
  hash: string;
  /** The fingerprint of the key that chained this row; null for rows of the unkeyed scheme (before migration 0016). */
  key_id: string | null;
}
