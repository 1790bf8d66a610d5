import type { ColumnType, Generated } from 'kysely';

/** The rows a merge moved, by table: an undo moves exactly these back. */
export type MovedRows = Record<string, string[]>;

export interface PersonMergesTable {
  id: Generated<string>;
  survivor_id: string;
  merged_id: string;
  moved: ColumnType<MovedRows, string, string>;
  reason_enc: Uint8Array | null;
  merged_by: string;
  merged_at: Generated<Date>;
  undone_by: string | null;
  undone_at: Date | null;
}

export interface PersonLinksTable {
  id: Generated<string>;
  /** The smaller id of the pair. */
  person_a: string;
  person_b: string;
  kind: string;
  reason_enc: Uint8Array | null;
  created_by: string;
  created_at: Generated<Date>;
}

/** A person's pair tokens for blocking duplicate candidates, and the match_keys they were computed from. */
export interface PersonPairKeysTable {
  person_id: string;
  source: string[];
  keys: string[];
}
