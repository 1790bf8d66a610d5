import { z } from 'zod';
import type { Database } from '../db/schema.ts';

/**
 * How one field of an interchange record maps to its column. The wire value is checked by
 * `schema`; `to`/`from` convert between the wire and the column (see record.ts).
 */
export type Conversion =
  | { kind: 'plain' }
  | { kind: 'numeric' }
  | { kind: 'timestamp' }
  | { kind: 'json' }
  /** Encrypted at rest; clear text on the wire. `list`: a JSON array of strings under one ciphertext. */
  | { kind: 'secret'; list?: boolean }
  /** Another record, by its external id. */
  | { kind: 'ref'; type: string }
  /** An agency, by its profile code. */
  | { kind: 'agency' };

export interface Field {
  column: string;
  schema: z.ZodType;
  required: boolean;
  conversion: Conversion;
}

export const Date_ = z.iso.date();
const Timestamp = z.iso.datetime({ offset: true });
export const ExternalId = z.string().min(1).max(200).regex(/^[^\s]+$/, 'no spaces');
const Text = z.string().min(1).max(10_000);

interface Opts {
  required?: boolean;
  column?: string;
}
const field = (schema: z.ZodType, conversion: Conversion, column: string | undefined, o: Opts): Omit<Field, 'column'> & { column?: string } => ({
  schema,
  conversion,
  required: o.required ?? false,
  ...(o.column ? { column: o.column } : column ? { column } : {}),
});

// Builders: the column defaults to the field's name (+ `_enc` for secrets, + `_id` for references).
export const f = {
  text: (o: Opts & { values?: z.ZodEnum } = {}) => field(o.values ?? Text, { kind: 'plain' }, undefined, o),
  texts: (o: Opts & { values?: z.ZodEnum } = {}) => field(z.array(o.values ?? Text).max(100), { kind: 'plain' }, undefined, o),
  date: (o: Opts = {}) => field(Date_, { kind: 'plain' }, undefined, o),
  timestamp: (o: Opts = {}) => field(Timestamp, { kind: 'timestamp' }, undefined, o),
  int: (o: Opts & { min?: number; max?: number } = {}) => field(z.number().int().min(o.min ?? 0).max(o.max ?? 2_147_483_647), { kind: 'plain' }, undefined, o),
  bool: (o: Opts = {}) => field(z.boolean(), { kind: 'plain' }, undefined, o),
  numeric: (o: Opts = {}) => field(z.number().min(0).max(1e12), { kind: 'numeric' }, undefined, o),
  json: (schema: z.ZodType, o: Opts = {}) => field(schema, { kind: 'json' }, undefined, o),
  secret: (o: Opts = {}) => field(Text.describe('personal data: clear text here, encrypted at rest'), { kind: 'secret' }, undefined, o),
  secretList: (o: Opts = {}) => field(z.array(z.string().min(1).max(200)).max(50).describe('personal data: clear text here, encrypted at rest'), { kind: 'secret', list: true }, undefined, o),
  ref: (type: string, o: Opts = {}) => field(ExternalId.describe(`the id of a ${type} record, earlier in the file or already imported`), { kind: 'ref', type }, undefined, o),
  agency: (o: Opts = {}) => field(z.string().regex(/^[a-z0-9_]+$/, 'an agency code from the country profile').describe('an agency code from the country profile'), { kind: 'agency' }, undefined, o),
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
