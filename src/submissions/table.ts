import type { ColumnType, Generated, JSONColumnType } from 'kysely';

export interface SubmissionsTable {
  id: Generated<string>;
  agency_id: string;
  period: string;
  status: string;
  first_submitted_at: Date | null;
  submitted_at: Date | null;
  submitted_by: string | null;
  approved_at: Date | null;
  approved_by: string | null;
  created_by: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface SubmissionValuesTable {
  id: Generated<string>;
  submission_id: string;
  indicator_id: string;
  /** '' for the count; otherwise the id of one of the indicator's attributes (an amount, a number of organisations). */
  attribute: ColumnType<string, string | undefined, string>;
  state: string;
  /** numeric: both drivers return it as a string. */
  value: ColumnType<string | null, number | null, number | null>;
  qualifier: string | null;
  note: string | null;
}

export interface SubmissionEventsTable {
  id: Generated<string>;
  submission_id: string;
  kind: string;
  comment: string | null;
  user_id: string | null;
  at: ColumnType<Date, Date | undefined, never>;
}

export interface IndicatorCataloguesTable {
  id: Generated<string>;
  profile: string;
  year: number;
  /** jsonb: validated against IndicatorCatalogue before it is stored. */
  catalogue: JSONColumnType<object>;
  updated_by: string | null;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}
