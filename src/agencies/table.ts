import type { ColumnType, Generated } from 'kysely';

export interface AgenciesTable {
  id: Generated<string>;
  code: string;
  /** A profile Label: { az, en, ru? }. */
  name: ColumnType<{ az: string; en: string; ru?: string }, string, string>;
  kind: string;
  level: string;
  region_code: string | null;
  active: Generated<boolean>;
  created_at: ColumnType<Date, Date | undefined, Date>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}
