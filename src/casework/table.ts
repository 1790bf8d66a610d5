import type { ColumnType, Generated } from 'kysely';

type Stamp = ColumnType<Date, Date | undefined, Date>;

export interface CaseNotesTable {
  id: Generated<string>;
  person_id: string;
  author_id: string;
  body_enc: Uint8Array;
  version: Generated<number>;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: Stamp;
}

/** An earlier text of a note: version N was the note's text until version N+1 replaced it. */
export interface CaseNoteVersionsTable {
  id: Generated<string>;
  note_id: string;
  version: number;
  body_enc: Uint8Array;
  written_at: Date;
}

export interface AttachmentsTable {
  id: Generated<string>;
  person_id: string;
  uploaded_by: string;
  filename_enc: Uint8Array;
  description_enc: Uint8Array | null;
  media_type: string;
  size_bytes: number;
  sha256: string;
  created_at: ColumnType<Date, Date | undefined, never>;
}

export interface AssignmentsTable {
  id: Generated<string>;
  person_id: string;
  /** Null: the case was unassigned. */
  user_id: string | null;
  assigned_by: string;
  reason_enc: Uint8Array | null;
  assigned_at: ColumnType<Date, Date | undefined, never>;
}
