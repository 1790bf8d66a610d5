import { finished } from 'node:stream/promises';
import { sql, type Kysely } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { clientOf } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import type { RecordType } from './types.ts';

/**
 * The import's fast path on PostgreSQL: a batch of new records goes in by COPY FROM STDIN, which
 * the server parses and inserts several times faster than an upsert of the same rows (row
 * triggers and constraints fire all the same). COPY cannot update, so it is only an attempt: any
 * refusal (a record already stored, a missing reference, a value the column rejects) throws, and
 * the caller rolls back to its savepoint and writes the batch the usual way, which then names the
 * lines at fault exactly as before.
 */
export interface Copier {
  /** New records of one type as COPY text (see copyLine), columns in the order given, with their ids. */
  insert(t: RecordType, cols: readonly string[], ids: readonly string[], text: string): Promise<void>;
}

/** The batch holds a record that may already be stored where COPY would not notice: write it the usual way. */
export class NotNew extends Error {}

/** How a column's value is spelt in COPY's text format. */
export type ColumnKind = 'array' | 'json' | 'plain';

/** What one import learns once and keeps across its batches (and a partial import's transactions). */
export interface CopyState {
  /** For a partitioned table that held no row when the import first wrote to it, the ids written since; null for one that held rows. */
  written: Map<string, WrittenIds | null>;
}
export const newCopyState = (): CopyState => ({ written: new Map() });

/** Each table's columns, by how COPY spells their values: the importer spells each line as it checks it. */
export async function columnKinds(db: Kysely<Database>, tables: readonly string[]): Promise<Map<string, Map<string, ColumnKind>>> {
  const rows = await sql<{ table: string; name: string; kind: ColumnKind }>`
    select c.relname as table, a.attname as name, case when t.typcategory = 'A' then 'array' when t.typname in ('json', 'jsonb') then 'json' else 'plain' end as kind
      from pg_attribute a join pg_type t on t.oid = a.atttypid join pg_class c on c.oid = a.attrelid
     where a.attrelid = any(${tables}::text[]::regclass[]) and a.attnum > 0 and not a.attisdropped`.execute(db);
  const kinds = new Map<string, Map<string, ColumnKind>>();
  for (const r of rows.rows) {
    let k = kinds.get(r.table);
    if (!k) kinds.set(r.table, (k = new Map()));
    k.set(r.name, r.kind);
  }
  return kinds;
}

/**
 * A Bloom filter of ids (16 MB: about 5% false positives at 20 million ids, far fewer below).
 * A "no" is certain, so a record it has not seen needs no search; a "maybe" is searched for.
 * Internal ids are UUIDs, random in every bit but the version and variant: the bits are the hash.
 */
export class WrittenIds {
  private readonly bits = new Int32Array(1 << 22);
  /** Adds the id; true when it may have been added before (the three bits were already set). */
  add(id: string): boolean {
    const mask = (1 << 27) - 1;
    return this.set(parseInt(id.slice(0, 8), 16) & mask) & this.set(parseInt(id.slice(9, 13) + id.slice(24, 28), 16) & mask) & this.set(parseInt(id.slice(28, 36), 16) & mask) ? true : false;
  }
  private set(p: number): number {
    const word = this.bits[p >>> 5] as number;
    const bit = 1 << (p & 31);
    this.bits[p >>> 5] = word | bit;
    return word & bit ? 1 : 0;
  }
}

/** A copier for this transaction, or null where there is no COPY (PGlite). */
export async function copierFor(trx: Kysely<Database>, state: CopyState = newCopyState()): Promise<Copier | null> {
  const client = await clientOf(trx);
  if (!client) return null;
  const { written: writtenIds } = state;
  return {
    async insert(t, cols, ids, text) {
      const p = t.partitionColumn;
      // The key of a partitioned table holds its partition column, so COPY would add an id stored
      // under another year a second time: ids already anywhere in the table take the usual path.
      // Searching every year's index for every id costs as much as the COPY itself, so a table
      // that was empty when the import began is searched only for the ids the import may have
      // written already.
      if (p) {
        if (!writtenIds.has(t.table)) {
          const empty = await sql<{ empty: boolean }>`select not exists (select 1 from ${sql.table(t.table)}) as empty`.execute(trx);
          writtenIds.set(t.table, empty.rows[0]?.empty ? new WrittenIds() : null);
        }
        const written = writtenIds.get(t.table);
        const suspects = written ? ids.filter((id) => written.add(id)) : ids;
        if (suspects.length > 0) {
          // A parameter of type uuid[], so the plan holds the array as a constant: a text cast
          // beside the table is evaluated again for every row of a partition the plan scans.
          const found = await sql<{ found: boolean }>`select exists (select 1 from ${sql.table(t.table)} where id = any(${`{${suspects.join(',')}}`}::uuid[])) as found`.execute(trx);
          if (found.rows[0]?.found) throw new NotNew();
        }
      }
      // A lone surrogate would be stored as U+FFFD, where the usual path refuses the line.
      if (!(text as unknown as { isWellFormed(): boolean }).isWellFormed()) throw new NotNew();
      await copy(client, `copy ${quote(t.table)} (${cols.map(quote).join(', ')}) from stdin`, text);
    },
  };
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function copy(client: pg.ClientBase, statement: string, text: string) {
  const stream = client.query(copyFrom(statement));
  stream.end(text);
  await finished(stream);
}

const SPECIAL = /[\\\n\r\t]/;
const SPECIALS = /[\\\n\r\t]/g;
const ESCAPED: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
/** A value in COPY's text format: backslash, newline, carriage return and tab escaped. */
const escape = (s: string) => (SPECIAL.test(s) ? s.replace(SPECIALS, (c) => ESCAPED[c] as string) : s);

/** An array literal, every element quoted, as json_populate_recordset reads a JSON array. */
function arrayLiteral(a: readonly unknown[]): string {
  return `{${a.map((e) => (e === null || e === undefined ? 'NULL' : Array.isArray(e) ? arrayLiteral(e) : `"${String(typeof e === 'object' ? JSON.stringify(e) : e).replace(/[\\"]/g, '\\$&')}"`)).join(',')}}`;
}

/**
 * One value, spelt so that the column's input function gets the same text json_populate_recordset
 * would hand it from the row's JSON: strings as they are, numbers and booleans as JSON writes
 * them, arrays element by element, and JSON for json columns.
 */
function field(v: unknown, kind: ColumnKind): string {
  if (v === null || v === undefined) return '\\N';
  if (kind === 'json') return escape(JSON.stringify(v));
  if (typeof v === 'string') return escape(v);
  if (typeof v === 'number' || typeof v === 'boolean') return JSON.stringify(v);
  if (kind === 'array' && Array.isArray(v)) return escape(arrayLiteral(v));
  return escape(JSON.stringify(v));
}

/**
 * One row as a line of COPY's text format (newline included), columns in the order given. Joined
 * from an array, so the line is one flat string: concatenation leaves a tree of pieces, and the
 * line is kept for two batches, where every piece costs the garbage collector.
 */
export function copyLine(cols: readonly string[], kinds: readonly ColumnKind[], row: Record<string, unknown>): string {
  const n = cols.length;
  const parts = new Array<string>(n);
  for (let i = 0; i < n; i++) parts[i] = field(row[cols[i] as string], kinds[i] as ColumnKind);
  parts[n - 1] += '\n';
  return parts.join('\t');
}

/** The rows in COPY's text format, columns in the order given. */
export const copyText = (cols: readonly string[], kinds: readonly ColumnKind[], rows: readonly Record<string, unknown>[]) => rows.map((r) => copyLine(cols, kinds, r)).join('');
