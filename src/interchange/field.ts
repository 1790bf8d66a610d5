import { z } from 'zod';
import type { Database } from '../db/schema.ts';
import { PartialDateText } from '../victims/partial-date.ts';

/**
 * How one field of an interchange record maps to its column. The wire value is checked by the
 * field's `schema`; record.ts converts between the wire and the column by the conversion's kind.
 */
export type Conversion =
  | { kind: 'plain' }
  | { kind: 'numeric' }
  | { kind: 'timestamp' }
  /** A date as told (YYYY, YYYY-MM or YYYY-MM-DD): its first day in the column, how much was told in `precision`. */
  | { kind: 'partialDate'; precision: string }
  | { kind: 'json' }
  /** Encrypted at rest; clear text on the wire. `list`: a JSON array of strings under one ciphertext. */
  | { kind: 'secret'; list?: boolean }
  /** Another record, by its external id. */
  | { kind: 'ref'; type: string }
  /** An agency, by its profile code. */
  | { kind: 'agency' };

const CalendarDate = z.iso.date();
const Timestamp = z.iso.datetime({ offset: true });
export const ExternalId = z.string().min(1).max(200).regex(/^[^\s]+$/, 'no spaces');
const Text = z.string().min(1).max(10_000);

interface Opts {
  required?: boolean;
  column?: string;
}
const field = (schema: z.ZodType, conversion: Conversion, o: Opts): { schema: z.ZodType; conversion: Conversion; required: boolean; column?: string } => ({
  schema,
  conversion,
  required: o.required ?? false,
  ...(o.column ? { column: o.column } : {}),
});

// Builders: the column defaults to the field's name (+ `_enc` for secrets, + `_id` for references).
export const f = {
  /** `values`: a code list; `schema`: any other string schema (a period, say). */
  text: (o: Opts & { values?: z.ZodEnum; schema?: z.ZodString } = {}) => field(o.values ?? o.schema ?? Text, { kind: 'plain' }, o),
  texts: (o: Opts & { values?: z.ZodEnum; min?: number } = {}) => field(z.array(o.values ?? Text).min(o.min ?? 0).max(100), { kind: 'plain' }, o),
  date: (o: Opts = {}) => field(CalendarDate, { kind: 'plain' }, o),
  /** `precision`: the column that says how much of the date was told. */
  partialDate: (o: Opts & { precision: string }) => field(PartialDateText.describe('a date as told: YYYY, YYYY-MM or YYYY-MM-DD'), { kind: 'partialDate', precision: o.precision }, o),
  timestamp: (o: Opts = {}) => field(Timestamp, { kind: 'timestamp' }, o),
  int: (o: Opts & { min?: number; max?: number } = {}) => field(z.number().int().min(o.min ?? 0).max(o.max ?? 2_147_483_647), { kind: 'plain' }, o),
  bool: (o: Opts = {}) => field(z.boolean(), { kind: 'plain' }, o),
  numeric: (o: Opts = {}) => field(z.number().min(0).max(1e12), { kind: 'numeric' }, o),
  json: (schema: z.ZodType, o: Opts = {}) => field(schema, { kind: 'json' }, o),
  /** `schema`: a shape the clear text must have (a birth date as told, say). */
  secret: (o: Opts & { schema?: z.ZodType<string> } = {}) => field((o.schema ?? Text).describe('personal data: clear text here, encrypted at rest'), { kind: 'secret' }, o),
  secretList: (o: Opts = {}) => field(z.array(z.string().min(1).max(200)).max(50).describe('personal data: clear text here, encrypted at rest'), { kind: 'secret', list: true }, o),
  ref: (type: string, o: Opts = {}) => field(ExternalId.describe(`the id of a ${type} record, earlier in the file or already imported`), { kind: 'ref', type }, o),
  agency: (o: Opts = {}) => field(z.string().regex(/^[a-z0-9_]+$/, 'an agency code from the country profile').describe('an agency code from the country profile'), { kind: 'agency' }, o),
};
export type FieldSpec = ReturnType<typeof field>;

/** The column a field is stored in, by its conversion's naming rule. */
export function columnOf(name: string, spec: FieldSpec): string {
  if (spec.column) return spec.column;
  if (spec.conversion.kind === 'secret') return `${name}_enc`;
  if (spec.conversion.kind === 'ref' || spec.conversion.kind === 'agency') return `${name}_id`;
  return name;
}

export type Table = keyof Database;
