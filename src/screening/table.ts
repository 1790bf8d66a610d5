import type { ColumnType, Generated, JSONColumnType } from 'kysely';

export interface StoredIndicator {
  code: string;
  evidence: { start: number; end: number }[];
}

export interface ScreeningItemsTable {
  id: Generated<string>;
  agency_id: string;
  text_enc: Uint8Array;
  lang: string;
  channel: string | null;
  score: number;
  flagged: boolean;
  indicators: JSONColumnType<StoredIndicator[]>;
  hotline_tip_id: string | null;
  crime_fact_id: string | null;
  created_by: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
}

export interface ScreeningDecisionsTable {
  id: Generated<string>;
  item_id: string;
  code: string;
  verdict: string;
  decided_by: string | null;
  decided_at: ColumnType<Date, Date | undefined, Date | undefined>;
}

export interface ScreeningQuestionnairesTable {
  id: Generated<string>;
  person_id: string | null;
  agency_id: string;
  lang: string;
  answers: JSONColumnType<Record<string, string>>;
  indicators: JSONColumnType<string[]>;
  action: string;
  notes_enc: Uint8Array | null;
  created_by: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
}
