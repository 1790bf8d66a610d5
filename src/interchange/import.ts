import { sql, type Kysely } from 'kysely';
import { appendAudit, type AuditEntry } from '../audit/record.ts';
import type { Database } from '../db/schema.ts';
import { isPooled } from '../db/database.ts';
import { columnKinds, copierFor, copyLine, newCopyState, type ColumnKind, type Copier } from './copy.ts';
import { columnOf } from './field.ts';
import { checkRecord, Header, recordSchemas, toRow, type RowContext } from './record.ts';
import { FieldProblem, RECORD_TYPES, TYPE_ORDER, type DeriveContext, type RecordType } from './types.ts';

export interface Problem {
  path: string;
  message: string;
}
export interface LineError {
  line: number;
  type?: string;
  id?: string;
  problems: Problem[];
}
export interface ImportOptions {
  /** Keep the valid lines, commit as it goes, and hand each rejected line to `onReject`. */
  partial?: boolean;
  /** Rows buffered before a write; the memory bound (one batch is held while the one before it is written). Default 5,000 where COPY is attempted (a held line is two strings), else 2,000. */
  batchSize?: number;
  /** How many errors are kept in the result (all are counted). */
  maxErrors?: number;
  onReject?: (error: LineError, text: string) => void;
  onProgress?: (lines: number) => void;
  audit?: Omit<AuditEntry, 'action' | 'outcome'>;
}
export interface ImportResult {
  lines: number;
  /** Lines that passed the checks made before writing (shape, codes, profile). */
  records: number;
  byType: Record<string, number>;
  rejected: number;
  errors: LineError[];
  committed: boolean;
}

/**
 * A checked line waiting for its batch. Only what the write needs is held for two batches: the
 * row as COPY text where COPY is attempted, else the row. The rare fallback and error message
 * check the line's text again (the same text gives the same row).
 */
interface Pending {
  line: number;
  text: string;
  id: string;
  row: Record<string, unknown> | null;
  copy: string | null;
}
/** A type's columns in the order its COPY lines spell them (toRow gives every row of a type the same keys). */
interface Layout {
  cols: string[];
  kinds: ColumnKind[];
}
/** What the write may need again of a line: its checked record and its row. */
type Recheck = (p: Pending) => { rec: Record<string, unknown>; row: Record<string, unknown> };

/** A refused import: the transaction is rolled back with this. */
class Refused extends Error {}

export const describeError = (e: LineError) => `line ${e.line}${e.type ? ` (${e.type}${e.id ? ` ${e.id}` : ''})` : ''}: ${e.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ')}`;

/**
 * Imports interchange lines. By default one transaction: any bad line and nothing is stored, but
 * every line is still checked so the report lists them all. With `partial`, each batch commits on
 * its own and bad lines are handed back. Either way a re-run lands on the same rows (ids derive
 * from external ids) and updates them, so a crashed import is finished by running it again.
 */
export async function importLines(db: Kysely<Database>, ctx: DeriveContext, lines: AsyncIterable<string>, opts: ImportOptions = {}): Promise<ImportResult> {
  // Taken before the first await: a readline interface emits lines from the start, and only an
  // iterator that already exists buffers them.
  const iterator = lines[Symbol.asyncIterator]();
  const input: AsyncIterable<string> = { [Symbol.asyncIterator]: () => iterator };
  const agencies = new Map((await db.selectFrom('agencies').select(['id', 'code']).execute()).map((a) => [a.code, a.id]));
  const rowCtx: RowContext = { ...ctx, agencyId: (code) => agencies.get(code) };
  // On PostgreSQL each line is spelt as COPY text as it is checked (the column kinds are read once).
  const kinds = isPooled(db) ? await columnKinds(db, RECORD_TYPES.map((t) => t.table)) : null;
  const layouts = new Map<string, Layout>();
  const batchSize = opts.batchSize ?? (kinds ? 5000 : 2000);
  const maxErrors = opts.maxErrors ?? 1000;
  const result: ImportResult = { lines: 0, records: 0, byType: {}, rejected: 0, errors: [], committed: false };
  const buffers: Pending[][] = RECORD_TYPES.map(() => []);
  let buffered = 0;
  let writing = true;

  const reject = (e: LineError, text: string) => {
    result.rejected++;
    if (result.errors.length < maxErrors) result.errors.push(e);
    opts.onReject?.(e, text);
    if (!opts.partial) writing = false;
  };
  const rejected = (e: LineError, text: string) => {
    reject(e, text);
    return false;
  };

  // One batch is written while the next is parsed and checked, so the database and this process
  // work at the same time. Writes still run one after another, in order: parents before children.
  const writer = { busy: Promise.resolve(), failure: null as { error: unknown } | null };
  // COPY where the backend has it (a partial import has a transaction, so a copier, per batch).
  const copiers = new WeakMap<Kysely<Database>, Copier | null>();
  const copyState = newCopyState();
  const copierOf = async (trx: Kysely<Database>) => {
    if (!copiers.has(trx)) copiers.set(trx, await copierFor(trx, copyState));
    return copiers.get(trx) ?? null;
  };
  const write = async (trx: Kysely<Database>, batch: Pending[][]) => {
    if (!writing) return;
    const refused = await writeBatch(trx, batch, await copierOf(trx), layouts, recheck);
    for (const p of refused) reject(p.error, p.text);
    for (const [i, buf] of batch.entries()) {
      if (buf.length === 0) continue;
      const t = (RECORD_TYPES[i] as RecordType).type;
      result.byType[t] = (result.byType[t] ?? 0) + buf.length - refused.filter((r) => r.error.type === t).length;
    }
  };
  const settle = async () => {
    await writer.busy;
    if (writer.failure) throw writer.failure.error;
  };
  /** Hands the buffered rows to the writer once the previous batch is written; `wait` for this one too. */
  const flush = async (trx: Kysely<Database> | null, wait: boolean) => {
    const batch = buffers.splice(0, buffers.length, ...RECORD_TYPES.map((): Pending[] => []));
    buffered = 0;
    await settle();
    const done = trx ? write(trx, batch) : db.transaction().execute((t) => write(t, batch));
    writer.busy = done.catch((error: unknown) => {
      writer.failure = { error };
    });
    if (wait) await settle();
  };

  /** Checks one line and buffers its row; true when the buffers are full. Synchronous: no promise per line. */
  const consume = (text: string, lineNo: number): boolean => {
    if (text.trim() === '') return false;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      return rejected({ line: lineNo, problems: [{ path: '', message: `not JSON: ${(err as Error).message}` }] }, text);
    }
    const type = (json as { type?: unknown })?.type;
    const id = (json as { id?: unknown })?.id;
    // Built only for a rejected line: most lines are fine.
    const named = () => ({ line: lineNo, ...(typeof type === 'string' ? { type } : {}), ...(typeof id === 'string' ? { id } : {}) });
    if (type === 'header') {
      const h = Header.safeParse(json);
      if (!h.success || lineNo !== 1) reject({ ...named(), problems: h.success ? [{ path: '', message: 'the header must be the first line' }] : issues(h.error) }, text);
      return false;
    }
    const schema = typeof type === 'string' ? recordSchemas.get(type) : undefined;
    if (!schema) return rejected({ ...named(), problems: [{ path: 'type', message: `unknown record type ${JSON.stringify(type)}; expected one of ${RECORD_TYPES.map((t) => t.type).join(', ')}` }] }, text);
    const parsed = checkRecord(type as string, json);
    if (!parsed.success) return rejected({ ...named(), problems: issues(parsed.error) }, text);
    const index = TYPE_ORDER.get(type as string) as number;
    const t = RECORD_TYPES[index] as RecordType;
    let row: Record<string, unknown>;
    try {
      row = toRow(t, parsed.data, rowCtx);
    } catch (err) {
      if (err instanceof FieldProblem) return rejected({ ...named(), problems: [{ path: err.path, message: err.message }] }, text);
      throw err;
    }
    result.records++;
    if (!writing) return false;
    let copy: string | null = null;
    if (kinds) {
      let layout = layouts.get(t.type);
      if (!layout) {
        const cols = Object.keys(row);
        const k = kinds.get(t.table);
        layouts.set(t.type, (layout = { cols, kinds: cols.map((c) => k?.get(c) ?? 'plain') }));
      }
      copy = copyLine(layout.cols, layout.kinds, row);
    }
    (buffers[index] as Pending[]).push({ line: lineNo, text, id: row.id as string, row: copy === null ? row : null, copy });
    return ++buffered >= batchSize;
  };
  const recheck: Recheck = (p) => {
    const json = JSON.parse(p.text) as { type: string };
    const t = RECORD_TYPES[TYPE_ORDER.get(json.type) as number] as RecordType;
    const checked = checkRecord(t.type, json);
    if (!checked.success) throw checked.error;
    const rec = checked.data;
    return { rec, row: p.row ?? toRow(t, rec, rowCtx) };
  };

  const run = async (trx: Kysely<Database> | null) => {
    try {
      for await (const text of input) {
        result.lines++;
        if (consume(text, result.lines)) await flush(trx, false);
        if (result.lines % 1000 === 0) opts.onProgress?.(result.lines);
        // Buffered lines arrive as microtasks, which starve I/O: let the database's answers in, so
        // the writer's next statement is not kept waiting behind a whole chunk of parsing.
        if (result.lines % 32 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
    } catch (err) {
      // Nothing may still be writing when the transaction is rolled back.
      await writer.busy;
      throw err;
    }
    await flush(trx, true);
    opts.onProgress?.(result.lines);
  };

  const details = () => ({ lines: result.lines, records: result.records, rejected: result.rejected, byType: result.byType, partial: !!opts.partial });
  /** What every import that stored something ends with, in its last transaction. */
  const finish = async (q: Kysely<Database>) => {
    await advanceCaseCodes(q, ctx.profile.settings.caseCodePrefix);
    await appendAudit(q, { ...opts.audit, action: 'interchange.import', outcome: 'ok', details: details() });
    result.committed = true;
  };
  if (db.isTransaction) {
    // Part of the caller's transaction (a fixture, the demo set): a bad line throws, and the caller rolls back.
    if (opts.partial) throw new Error('a partial import commits as it goes: pass a database, not a transaction');
    await run(db);
    if (result.rejected > 0) throw new Error(`import refused: ${result.errors.slice(0, 5).map(describeError).join('; ')}`);
    await finish(db);
  } else if (opts.partial) {
    await run(null);
    await finish(db);
  } else {
    try {
      await db.transaction().execute(async (trx) => {
        await run(trx);
        if (result.rejected > 0) throw new Refused();
        await finish(trx);
      });
    } catch (err) {
      if (!(err instanceof Refused)) throw err;
      result.byType = {};
      await appendAudit(db, { ...opts.audit, action: 'interchange.import', outcome: 'invalid', details: { ...details(), firstErrors: result.errors.slice(0, 5).map(describeError) } });
    }
  }
  return result;
}

/** Imported case codes use up their numbers: the next person recorded in Azad gets a later one. */
async function advanceCaseCodes(trx: Kysely<Database>, prefix: string) {
  const pattern = `^${prefix}-[0-9]{4}-[0-9]+$`;
  await sql`insert into case_code_counters (year, last)
    select substring(case_code from ${`^${prefix}-([0-9]{4})`})::int, max(substring(case_code from '([0-9]+)$')::int)
    from persons where case_code ~ ${pattern} group by 1
    on conflict (year) do update set last = greatest(case_code_counters.last, excluded.last)`.execute(trx);
}

function issues(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): Problem[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/**
 * Writes a batch, parents first, under one savepoint: by COPY when there is a copier and every
 * record is new, else by one upsert statement per type; when the database refuses any of it, the
 * batch is redone row by row to name the lines at fault. Returns the refused lines.
 */
async function writeBatch(trx: Kysely<Database>, batch: Pending[][], copier: Copier | null, layouts: Map<string, Layout>, recheck: Recheck): Promise<{ error: LineError; text: string }[]> {
  const work: [RecordType, Pending[]][] = [];
  for (const [i, buf] of batch.entries()) {
    if (buf.length === 0) continue;
    // A record repeated within a batch: the later line wins, as it would across batches.
    const byId = new Map<string, Pending>();
    for (const p of buf) byId.set(p.id, p);
    work.push([RECORD_TYPES[i] as RecordType, [...byId.values()]]);
  }
  if (copier && work.every(([, ps]) => ps.every((p) => p.copy !== null))) {
    await sql`savepoint interchange_batch`.execute(trx);
    try {
      for (const [t, ps] of work) await copier.insert(t, (layouts.get(t.type) as Layout).cols, ps.map((p) => p.id), ps.map((p) => p.copy).join(''));
      await sql`release savepoint interchange_batch`.execute(trx);
      return [];
    } catch {
      // Records already stored, or a refusal: the usual path below updates them, or names the line.
      // Released too, so that a re-import's many fallbacks do not nest savepoints ever deeper.
      await sql`rollback to savepoint interchange_batch`.execute(trx);
      await sql`release savepoint interchange_batch`.execute(trx);
    }
  }
  // Rows the COPY attempt did not keep are made again from their lines, once for both tries below.
  const rows = new Map<Pending, Record<string, unknown>>();
  const rowOf = (p: Pending) => {
    let row = p.row ?? rows.get(p);
    if (!row) rows.set(p, (row = recheck(p).row));
    return row;
  };
  await sql`savepoint interchange_batch`.execute(trx);
  try {
    for (const [t, ps] of work) await upsert(trx, t, ps.map(rowOf));
    await sql`release savepoint interchange_batch`.execute(trx);
    return [];
  } catch {
    await sql`rollback to savepoint interchange_batch`.execute(trx);
  }
  const refused: { error: LineError; text: string }[] = [];
  for (const [t, ps] of work) {
    for (const p of ps) {
      await sql`savepoint interchange_row`.execute(trx);
      try {
        await upsert(trx, t, [rowOf(p)]);
        await sql`release savepoint interchange_row`.execute(trx);
      } catch (err) {
        await sql`rollback to savepoint interchange_row`.execute(trx);
        const { rec } = recheck(p);
        refused.push({ error: { line: p.line, type: t.type, id: String(rec.id), problems: [explain(t, rec, err)] }, text: p.text });
      }
    }
  }
  return refused;
}

async function upsert(trx: Kysely<Database>, t: RecordType, rows: Record<string, unknown>[]) {
  const cols = Object.keys(rows[0] as object);
  const list = sql.join(cols.map((c) => sql.ref(c)));
  const json = JSON.stringify(rows);
  const p = t.partitionColumn;
  const key = p ? sql`(id, ${sql.ref(p)})` : sql`(id)`;
  const updates = sql.join(cols.filter((c) => c !== 'id' && c !== p).map((c) => sql`${sql.ref(c)} = excluded.${sql.ref(c)}`));
  // The key of a partitioned table holds its partition column: a record whose value there changed
  // is first moved to it, so that the upsert finds it again instead of adding the id twice. One
  // search for all the batch's ids, with no join the planner could turn into a loop over the table
  // (its statistics know nothing of rows this transaction wrote); the rare moves follow one by one.
  // (Year partitions are by a timestamptz column.)
  if (p) {
    const ids = `{${rows.map((r) => r.id as string).join(',')}}`;
    const values = `{${rows.map((r) => JSON.stringify(String(r[p]))).join(',')}}`;
    // The arrays are parsed once, in a one-row CTE, never per row.
    const moved = await sql<{ id: string; v: string }>`
      with b as materialized (select ${ids}::text::uuid[] as ids, ${values}::text::text[] as vals)
      select t.id, b.vals[array_position(b.ids, t.id)] as v from ${sql.table(t.table)} t, b
       where t.id = any(b.ids) and t.${sql.ref(p)} is distinct from (b.vals[array_position(b.ids, t.id)])::timestamptz`.execute(trx);
    for (const m of moved.rows) await sql`update ${sql.table(t.table)} set ${sql.ref(p)} = ${m.v}::timestamptz where id = ${m.id}`.execute(trx);
  }
  await sql`insert into ${sql.table(t.table)} (${list}) select ${list} from json_populate_recordset(null::${sql.table(t.table)}, ${json}::json) on conflict ${key} do update set ${updates}`.execute(trx);
}

/** The database's refusal in the file's terms: the field, and the external id it named. */
function explain(t: RecordType, rec: Record<string, unknown>, err: unknown): Problem {
  const e = err as { code?: string; detail?: string; message?: string };
  const column = /Key \(([^)]+)\)/.exec(e.detail ?? '')?.[1];
  const entry = Object.entries(t.fields).find(([name, spec]) => columnOf(name, spec) === column);
  const path = entry?.[0] ?? '';
  if (e.code === '23503' && entry) {
    const c = entry[1].conversion;
    const target = c.kind === 'ref' ? `${c.type} "${String(rec[path])}"` : String(rec[path]);
    return { path, message: `refers to ${target}, which is neither earlier in the file nor in the database` };
  }
  if (e.code === '23505') return { path, message: `${path ? `"${String(rec[path])}" ` : ''}is already used by another record${column ? ` (${column})` : ''}` };
  return { path, message: e.message ?? String(err) };
}

/** Imports records made in memory (the generator's), through the same checks as a file's lines. */
export function importRecords(db: Kysely<Database>, ctx: DeriveContext, records: Iterable<object>, opts: ImportOptions = {}): Promise<ImportResult> {
  return importLines(
    db,
    ctx,
    (async function* () {
      for (const r of records) yield JSON.stringify(r);
    })(),
    opts,
  );
}
