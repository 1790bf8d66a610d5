import { hash } from 'node:crypto';
import { z } from 'zod';
import { decryptField, encryptField } from '../crypto/fields.ts';
import { firstDayOf, precisionOf, toldDate } from '../victims/partial-date.ts';
import { columnOf, ExternalId, type Conversion } from './field.ts';
import { FieldProblem, FORMAT_VERSION, RECORD_TYPES, type DeriveContext, type RecordType } from './types.ts';

// Fixed forever: the internal ids of imported records are derived from it.
const NAMESPACE = uuidBytes('6f7a2b1e-8c3d-4e5f-9a0b-1c2d3e4f5a6b');
const scratch = Buffer.allocUnsafe(4096);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A name-based UUID, version 5 (RFC 9562 §5.5). Written on node:crypto because the `uuid`
 * package's v5 took a third of the import's CPU time (about 4 µs an id against 1 here).
 */
export function uuidV5(name: string, namespace: Buffer): string {
  // Namespace and name are hashed together from one reused buffer rather than a new one per id.
  const fits = namespace.length + name.length * 3 <= scratch.length;
  const input = fits ? scratch.subarray(0, namespace.copy(scratch, 0) + scratch.write(name, namespace.length, 'utf8')) : Buffer.concat([namespace, Buffer.from(name, 'utf8')]);
  // Version and variant are set on the hex digits (twice as fast as a Buffer and its toString):
  // byte 6's high digit becomes 5; byte 8's two high bits become 10, so its high digit is 8, 9, a or b.
  const x = hash('sha1', input, 'hex') as string;
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-5${x.slice(13, 16)}-${VARIANT[parseInt(x[16] as string, 16) & 3] as string}${x.slice(17, 20)}-${x.slice(20, 32)}`;
}
const VARIANT = '89ab';

export function uuidBytes(uuid: string): Buffer {
  return Buffer.from(uuid.replace(/-/g, ''), 'hex');
}

/**
 * The internal id of a record: its external id when that is a UUID (records made in Azad are
 * exported under their own id), else a name-based UUID of type and external id. The same line
 * always lands on the same row, which is what makes imports idempotent without a lookup.
 */
export function internalId(type: string, externalId: string): string {
  if (externalId.length === 36 && UUID.test(externalId)) return externalId.toLowerCase();
  return uuidV5(`${type}\u0000${externalId}`, NAMESPACE);
}

export const Header = z.strictObject({ type: z.literal('header'), format: z.literal('azad-interchange'), version: z.literal(FORMAT_VERSION), created_at: z.iso.datetime({ offset: true }).optional(), source: z.string().max(200).optional() });
/** The header line every writer of the format puts first. */
export const headerLine = (source?: string) => JSON.stringify({ type: 'header', format: 'azad-interchange', version: FORMAT_VERSION, ...(source ? { source } : {}) });

const shapes = new Map(
  RECORD_TYPES.map((t) => {
    const shape: Record<string, z.ZodType> = { type: z.literal(t.type), id: ExternalId };
    for (const [name, spec] of Object.entries(t.fields)) shape[name] = spec.required ? spec.schema : spec.schema.nullable().optional();
    return [t, shape] as const;
  }),
);
/** The wire schema of each type: strict, so a misspelt field is an error rather than lost. */
export const recordSchemas = new Map([...shapes].map(([t, shape]) => [t.type, z.strictObject(shape).describe(t.description)] as const));

/**
 * Values a field's schema has already passed unchanged (or refused), by value: a code repeated on
 * every line is checked once. Sound because the field schemas are pure (no clock, no profile).
 */
const SEEN_PER_FIELD = 1000;
const fastPaths = new Map(
  [...shapes].map(([t, shape]) => [t.type, { fields: Object.entries(shape).map(([name, schema]) => ({ name, schema, seen: new Map<unknown, boolean>() })) }] as const),
);

/**
 * True when the record certainly passes its type's schema and comes out of it unchanged: each field
 * is checked by the very schema the strict object holds, plain values through a bounded memo. False
 * says nothing: the caller then asks zod, whose answer (and error message) is the rule.
 */
function passesUnchanged(type: string, json: Record<string, unknown>): boolean {
  const fast = fastPaths.get(type);
  if (!fast) return false;
  // Every key must be a field (strict): counting the fields present is cheaper than looking each key up.
  let present = 0;
  for (const f of fast.fields) {
    const v = json[f.name];
    if (v !== undefined) present++;
    if (v === null || typeof v !== 'object') {
      let ok = f.seen.get(v);
      if (ok === undefined) {
        const r = f.schema.safeParse(v);
        ok = r.success && r.data === v;
        if (f.seen.size < SEEN_PER_FIELD) f.seen.set(v, ok);
      }
      if (!ok) return false;
    } else if (Array.isArray(v)) {
      const r = f.schema.safeParse(v);
      if (!r.success || !Array.isArray(r.data) || r.data.length !== v.length || r.data.some((e, i) => e !== v[i])) return false;
    } else return false;
  }
  return present === Object.keys(json).length;
}

/** A record checked against its type's schema: zod's result, or the record itself where the fast path can vouch for it. */
export function checkRecord(type: string, json: unknown): { success: true; data: Record<string, unknown> } | { success: false; error: z.ZodError } {
  if (typeof json === 'object' && json !== null && !Array.isArray(json) && passesUnchanged(type, json as Record<string, unknown>)) return { success: true, data: json as Record<string, unknown> };
  const schema = recordSchemas.get(type);
  if (!schema) throw new Error(`unknown record type ${type}`);
  const r = schema.safeParse(json);
  return r.success ? { success: true, data: r.data as Record<string, unknown> } : { success: false, error: r.error };
}

export interface RowContext extends DeriveContext {
  agencyId: (code: string) => string | undefined;
}

const hex = (b: Uint8Array) => `\\x${(Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength)).toString('hex')}`;

/**
 * The row of a checked record, in the shape json_populate_recordset reads: bytea as hex,
 * references as internal ids. Throws FieldProblem naming the field.
 */
export function toRow(t: RecordType, rec: Record<string, unknown>, ctx: RowContext): Record<string, unknown> {
  const id = internalId(t.type, String(rec.id));
  const row: Record<string, unknown> = { id, external_id: rec.id };
  for (const [name, col, c] of planOf(t)) {
    const v = rec[name] ?? null;
    if (c.kind === 'partialDate') {
      // Both columns always, so every row of a batch has the same keys (the upsert reads the first's).
      row[col] = v === null ? null : firstDayOf(String(v));
      row[c.precision] = v === null ? 'day' : precisionOf(String(v));
    } else if (v === null) row[col] = null;
    else if (c.kind === 'secret') row[col] = hex(encryptField(ctx.key, c.list ? JSON.stringify(v) : String(v)));
    else if (c.kind === 'ref') row[col] = internalId(c.type, String(v));
    else if (c.kind === 'agency') {
      const a = ctx.agencyId(String(v));
      if (!a) throw new FieldProblem(name, `unknown agency "${String(v)}" in the country profile`);
      row[col] = a;
    } else if (c.kind === 'numeric') row[col] = String(v);
    else row[col] = v;
  }
  if (t.derive) {
    for (const [col, v] of Object.entries(t.derive(rec, ctx, id))) row[col] = v instanceof Uint8Array ? hex(v) : v;
  }
  return row;
}

/** Each type's fields as [name, column, conversion], worked out once. */
const plans = new Map<string, [string, string, Conversion][]>();
export function planOf(t: RecordType) {
  let plan = plans.get(t.type);
  if (!plan) {
    plan = Object.entries(t.fields).map(([name, spec]) => [name, columnOf(name, spec), spec.conversion]);
    plans.set(t.type, plan);
  }
  return plan;
}

export interface LineContext {
  key: DeriveContext['key'];
  agencyCode: (id: string) => string;
  /** The external id of a referenced row, by its internal id (prefetched per page). */
  externalIdOf: (id: string) => string;
}

/** The wire record of a stored row; fields in their declared order, nulls left out. */
export function toLine(t: RecordType, row: Record<string, unknown>, ctx: LineContext): Record<string, unknown> {
  const out: Record<string, unknown> = { type: t.type, id: (row.external_id as string | null) ?? row.id };
  for (const [name, col, c] of planOf(t)) {
    const v = row[col];
    if (v === null || v === undefined) continue;
    if (c.kind === 'secret') {
      const clear = decryptField(ctx.key, v as Uint8Array);
      out[name] = c.list ? JSON.parse(clear) : clear;
    } else if (c.kind === 'ref') out[name] = ctx.externalIdOf(String(v));
    else if (c.kind === 'agency') out[name] = ctx.agencyCode(String(v));
    else if (c.kind === 'numeric') out[name] = Number(v);
    else if (c.kind === 'timestamp') out[name] = (v instanceof Date ? v : new Date(String(v))).toISOString();
    else if (c.kind === 'partialDate') out[name] = toldDate(String(v), String(row[c.precision] ?? 'day'));
    else out[name] = v;
  }
  return out;
}
