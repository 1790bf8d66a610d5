import type { ColumnType, Generated } from 'kysely';

export interface NotificationsTable {
  id: Generated<string>;
  user_id: string;
  kind: string;
  person_id: string | null;
  case_code: string | null;
  read_at: Date | null;
  created_at: ColumnType<Date, Date | undefined, never>;
}
