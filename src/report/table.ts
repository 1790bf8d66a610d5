import type { ColumnType, Generated, JSONColumnType } from 'kysely';

export interface HistoricalAggregatesTable {
  id: Generated<string>;
  figure_id: string;
  year: number;
  /** numeric: text both ways on both backends. */
  value: ColumnType<string, string | number, string | number>;
  breakdown: JSONColumnType<Record<string, number>> | null;
  source: string;
  imported_by: string | null;
  imported_at: ColumnType<Date, Date | undefined, Date>;
}

export interface ReportNarrativesTable {
  id: Generated<string>;
  year: number;
  block_id: string;
  lang: string;
  text: string;
  updated_by: string | null;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface ReportEditionsTable {
  id: Generated<string>;
  year: number;
  edition: number;
  figures: JSONColumnType<unknown[]>;
  problems: JSONColumnType<unknown[]>;
  override_reason: string | null;
  changelog: string | null;
  sha256: string;
  supersedes_id: string | null;
  superseded_at: Date | null;
  published_by: string;
  published_at: ColumnType<Date, Date | undefined, never>;
  definition: JSONColumnType<object> | null;
}

export interface ReportDefinitionsTable {
  year: number;
  definition: JSONColumnType<object>;
  updated_by: string | null;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface ReportDocumentsTable {
  id: Generated<string>;
  edition_id: string;
  format: string;
  lang: string;
  content: Uint8Array;
  sha256: string;
}
