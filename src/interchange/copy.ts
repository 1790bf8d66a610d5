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
  insert(t: RecordType, rows: Record<string, unknown>[]): Promise<void>;
}

/** The batch holds a record that may already be stored where COPY would not notice: write it the usual way. */
export class NotNew extends Error {}

/** How a column's value is spelt in COPY's text format. */
export type ColumnKind = 'array' | 'json' | 'plain';

/** What one import learns once and keeps across its batches (and a partial import's transactions). */
export interface CopyState {
  /** Each table's columns, by how COPY spells their values. */
  kinds: Map<string, Map<string, ColumnKind>>;
  /** For a partitioned table that held no row when the import first wrote to it, the ids written since; null for one that held rows. */
  written: Map<string, WrittenIds | null>;
}
export const newCopyState = (): CopyState => ({ kinds: new Map(), written: new Map() });

/**
 * A Bloom filter of ids (16 MB: about 5% false positives at 20 million ids, far fewer below).
 * A "no" is certain, so a record it has not seen needs no search; a "maybe" is searched for.
 * Internal ids are UUIDs, random in every bit but the version and variant: the bits are the hash.
 */
export class WrittenIds {
  private readonly bits = new Int32Array(1 << 22);
  private static positions(id: string): [number, number, number] {
    const mask = (1 << 27) - 1;
    return [parseInt(id.slice(0, 8), 16) & mask, parseInt(id.slice(9, 13) + id.slice(24, 28), 16) & mask, parseInt(id.slice(28, 36), 16) & mask];
  }
  add(id: string) {
    for (const p of WrittenIds.positions(id)) this.bits[p >>> 5] = (this.bits[p >>> 5] as number) | (1 << (p & 31));
  }
  mayHave(id: string): boolean {
    return WrittenIds.positions(id).every((p) => ((this.bits[p >>> 5] as number) & (1 << (p & 31))) !== 0);
  }
}

/** A copier for this transaction, or null where there is no COPY (PGlite). */
export async function copierFor(trx: Kysely<Database>, state: CopyState = newCopyState()): Promise<Copier | null> {
  const client = await clientOf(trx);
  if (!client) return null;
  const { kinds, written: writtenIds } = state;
  const kindsOf = async (table: string) => {
    let k = kinds.get(table);
    if (!k) {
      const rows = await sql<{ name: string; kind: ColumnKind }>`
        select a.attname as name, case when t.typcategory = 'A' then 'array' when t.typname in ('json', 'jsonb') then 'json' else 'plain' end as kind
          from pg_attribute a join pg_type t on t.oid = a.atttypid
         where a.attrelid = ${table}::regclass and a.attnum > 0 and not a.attisdropped`.execute(trx);
      k = new Map(rows.rows.map((r) => [r.name, r.kind]));
      kinds.set(table, k);
    }
    return k;
  };
  return {
    async insert(t, rows) {
      const cols = Object.keys(rows[0] as object);
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
        const suspects = written ? rows.filter((r) => written.mayHave(r.id as string)) : rows;
        for (const r of rows) written?.add(r.id as string);
        if (suspects.length > 0) {
          // A parameter of type uuid[], so the plan holds the array as a constant: a text cast
          // beside the table is evaluated again for every row of a partition the plan scans.
          const ids = `{${suspects.map((r) => r.id as string).join(',')}}`;
          const found = await sql<{ found: boolean }>`select exists (select 1 from ${sql.table(t.table)} where id = any(${ids}::uuid[])) as found`.execute(trx);
          if (found.rows[0]?.found) throw new NotNew();
        }
      }
      const k = await kindsOf(t.table);
      const text = copyText(cols, cols.map((c) => k.get(c) ?? 'plain'), rows);
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

/** The rows in COPY's text format, columns in the order given. */
export function copyText(cols: readonly string[], kinds: readonly ColumnKind[], rows: readonly Record<string, unknown>[]): string {
  let out = '';
  for (const row of rows) {
    for (let i = 0; i < cols.length; i++) {
      if (i > 0) out += '\t';
      out += field(row[cols[i] as string], kinds[i] as ColumnKind);
    }
    out += '\n';
  }
  return out;
}
