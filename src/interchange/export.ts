import { sql, type Kysely } from 'kysely';
import type { FieldKey } from '../crypto/fields.ts';
import type { Database } from '../db/schema.ts';
import { headerLine, planOf, toLine } from './record.ts';
import { RECORD_TYPES, recordType, type RecordType } from './types.ts';

export interface ExportOptions {
  /** Only these record types (all by default). References to others still name their ids. */
  types?: readonly string[];
  pageSize?: number;
}

/**
 * The database as interchange lines, parents before children, each type in id order: the same
 * records give the same bytes. Pages through each table, so memory stays flat at any size.
 */
export async function* exportLines(db: Kysely<Database>, key: FieldKey, opts: ExportOptions = {}): AsyncGenerator<string> {
  const unknown = (opts.types ?? []).filter((t) => !recordType(t));
  if (unknown.length) throw new Error(`unknown record type(s): ${unknown.join(', ')}`);
  const pageSize = opts.pageSize ?? 2000;
  const codes = new Map((await db.selectFrom('agencies').select(['id', 'code']).execute()).map((a) => [a.id, a.code]));
  yield headerLine();
  for (const t of RECORD_TYPES) {
    if (opts.types && !opts.types.includes(t.type)) continue;
    let after: string | null = null;
    for (;;) {
      const page: Record<string, unknown>[] = (
        await sql<Record<string, unknown>>`select * from ${sql.table(t.table)} ${after ? sql`where id > ${after}` : sql``} order by id limit ${pageSize}`.execute(db)
      ).rows;
      if (page.length === 0) break;
      const external = await referencedIds(db, t, page);
      const ctx = {
        key,
        agencyCode: (id: string) => codes.get(id) ?? id,
        externalIdOf: (id: string) => external.get(id) ?? id,
      };
      for (const row of page) yield JSON.stringify(toLine(t, row, ctx));
      after = page[page.length - 1]?.id as string;
    }
  }
}

/** The external ids of the rows a page refers to, one query per referenced type. */
async function referencedIds(db: Kysely<Database>, t: RecordType, page: Record<string, unknown>[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const [, col, c] of planOf(t)) {
    if (c.kind !== 'ref') continue;
    const ids = [...new Set(page.map((r) => r[col]).filter((v): v is string => typeof v === 'string'))];
    if (ids.length === 0) continue;
    const target = recordType(c.type) as RecordType;
    const rows = (await sql<{ id: string; external_id: string | null }>`select id, external_id from ${sql.table(target.table)} where id in (${sql.join(ids)})`.execute(db)).rows;
    for (const r of rows) if (r.external_id) out.set(r.id, r.external_id);
  }
  return out;
}
