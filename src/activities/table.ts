import type { ColumnType, Generated } from 'kysely';

export interface ActivitiesTable {
  id: Generated<string>;
  agency_id: string;
  kind: string;
  title: string;
  /** A calendar date, kept as text ("2023-05-14") so no time zone shifts it. */
  date: ColumnType<string, string, string>;
  place: string | null;
  online: boolean | null;
  abroad: boolean | null;
  audience: string | null;
  participants: number | null;
  trainers: number | null;
  copies: number | null;
  languages: ColumnType<string[] | null, string | null, string | null>;
  partner: string | null;
  outlet: string | null;
  created_by: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
}
