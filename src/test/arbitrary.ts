// Values that fit a route's zod schema, for the property-based tests: the schema is turned into
// JSON Schema (the same one the OpenAPI document shows) and each keyword into a fast-check arbitrary.
import fc from 'fast-check';
import { z } from 'zod';

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  prefixItems?: Schema[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  pattern?: string;
  format?: string;
  additionalProperties?: Schema | boolean;
  $ref?: string;
  $defs?: Record<string, Schema>;
  default?: unknown;
};

const isoDay = fc.date({ min: new Date('2000-01-01'), max: new Date(), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

function arbitraryOf(s: Schema, root: Schema, depth: number): fc.Arbitrary<unknown> {
  if (depth > 8) return fc.constant(null);
  if (s.$ref) {
    const name = s.$ref.replace(/^#\/\$defs\//, '');
    return arbitraryOf(s.$ref === '#' ? root : (root.$defs?.[name] ?? {}), root, depth + 1);
  }
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alts = s.anyOf ?? s.oneOf;
  if (alts?.length) return fc.oneof(...alts.map((a) => arbitraryOf(a, root, depth + 1)));
  if (s.allOf?.length) return arbitraryOf(Object.assign({}, ...s.allOf) as Schema, root, depth + 1);
  const type = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  if (type.length > 1) return fc.oneof(...type.map((t) => arbitraryOf({ ...s, type: t }, root, depth)));
  switch (type[0]) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
    case 'number': {
      const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -1000);
      const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : Math.max(min, 0) + 100_000);
      const lo = Math.max(min, -1e9);
      const hi = Math.min(max, 1e9);
      return type[0] === 'integer' ? fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) }) : fc.double({ min: lo, max: hi, noNaN: true });
    }
    case 'string':
      return stringOf(s);
    case 'array': {
      const item = s.items ? arbitraryOf(s.items, root, depth + 1) : fc.string();
      if (s.prefixItems) return fc.tuple(...s.prefixItems.map((p) => arbitraryOf(p, root, depth + 1)));
      return fc.array(item, { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 4, Math.max(s.minItems ?? 0, 4)) });
    }
    case 'object': {
      const props = s.properties ?? {};
      const required = new Set(s.required ?? []);
      const record = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, arbitraryOf(v, root, depth + 1)]));
      const keys = Object.keys(props);
      if (!keys.length && s.additionalProperties && typeof s.additionalProperties === 'object') {
        return fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), arbitraryOf(s.additionalProperties, root, depth + 1), { maxKeys: 3 });
      }
      return fc.record(record, { requiredKeys: keys.filter((k) => required.has(k)) });
    }
    default:
      return fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null));
  }
}

function stringOf(s: Schema): fc.Arbitrary<string> {
  if (s.format === 'uuid') return fc.uuid({ version: 4 });
  if (s.format === 'date') return isoDay;
  if (s.format === 'date-time') return fc.date({ min: new Date('2000-01-01'), max: new Date(), noInvalidDate: true }).map((d) => d.toISOString());
  if (s.format === 'email') return fc.emailAddress();
  if (s.pattern) {
    const re = new RegExp(s.pattern);
    return fc.stringMatching(re).filter((v) => v.length >= (s.minLength ?? 0) && v.length <= (s.maxLength ?? Infinity));
  }
  const min = s.minLength ?? 0;
  return fc.string({ minLength: min, maxLength: Math.min(s.maxLength ?? 30, min + 30), unit: 'grapheme' });
}

/** An arbitrary of valid inputs of a zod schema (what a well-behaved client sends). */
export function arbitraryFor(schema: z.ZodType): fc.Arbitrary<unknown> {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Schema;
  return arbitraryOf(json, json, 0);
}

const SPOILERS = ['\u0000', '\ud800', 'a\udc00b', 'x'.repeat(300_000), '', ' ', -1, 0, 1e308, true, null, [], {}, 'null', '../../etc/passwd', "'; drop table persons; --", '😀'.repeat(50)];

/** The paths of every string inside a value. */
function stringPaths(v: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (typeof v === 'string') out.push(at);
  else if (Array.isArray(v)) v.forEach((x, i) => stringPaths(x, [...at, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) stringPaths(x, [...at, k], out);
  return out;
}

function replaceAt(v: unknown, at: (string | number)[], f: (old: unknown) => unknown): unknown {
  if (!at.length) return f(v);
  const [head, ...rest] = at as [string | number, ...(string | number)[]];
  if (Array.isArray(v)) return v.map((x, i) => (i === head ? replaceAt(x, rest, f) : x));
  return { ...(v as Record<string, unknown>), [head]: replaceAt((v as Record<string, unknown>)[head], rest, f) };
}

/**
 * A valid input bent out of shape: a text anywhere in it poisoned with NUL or half a surrogate pair,
 * a field dropped, retyped or added, an empty object, or no object at all.
 */
export function mutated(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return valid.chain((v) => {
    const obj = v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
    const keys = obj ? Object.keys(obj) : [];
    const someKey = keys.length ? fc.constantFrom(...keys) : fc.constant('x');
    const spoil = fc.oneof(fc.constantFrom(...SPOILERS), fc.anything({ maxDepth: 2 }));
    const texts = stringPaths(v);
    const poison = texts.length
      ? fc.tuple(fc.constantFrom(...texts), fc.constantFrom('\u0000', '\ud800', '\udfff'), fc.nat()).map(([at, bad, n]) => replaceAt(v, at, (old) => { const s = String(old); const i = n % (s.length + 1); return s.slice(0, i) + bad + s.slice(i); }))
      : fc.constant(v);
    return fc.oneof(
      { weight: 3, arbitrary: fc.constant(v) },
      { weight: 3, arbitrary: poison },
      { weight: 2, arbitrary: someKey.map((k) => (obj ? Object.fromEntries(Object.entries(obj).filter(([key]) => key !== k)) : v)) },
      { weight: 2, arbitrary: fc.tuple(someKey, spoil).map(([k, x]) => (obj ? { ...obj, [k]: x } : x)) },
      { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 10 }), spoil).map(([k, x]) => (obj ? { ...obj, [`${k}_extra`]: x } : v)) },
      { weight: 1, arbitrary: fc.constant({}) },
      { weight: 1, arbitrary: spoil },
    );
  });
}
