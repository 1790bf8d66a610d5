import type { ColumnType, Generated } from 'kysely';

export interface NapMeasuresTable {
  id: Generated<string>;
  number: string;
  text_az: string;
  text_en: string;
  text_ru: string | null;
  responsible_agency_id: string;
  /** Agency ids. */
  co_responsible: ColumnType<string[], string, string>;
  deadline: ColumnType<string, string, string>;
  /** Free-text indicators of achievement, one per item. */
  indicators: ColumnType<string[], string, string>;
  created_by: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
}

export interface NapReportsTable {
  id: Generated<string>;
  measure_id: string;
  agency_id: string;
  period: string;
  progress: string;
  narrative: string;
  evidence: string | null;
  status: string;
  review_comment: string | null;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  created_by: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
}
