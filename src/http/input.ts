import type { FastifyRequest } from 'fastify';
import { invalid, type FieldError } from '../errors.ts';

// NUL cannot be stored in PostgreSQL text, and an unpaired UTF-16 surrogate is not a character:
// neither has a place in any field, so both are refused before a route sees them.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What is wrong with a text, or null when it may pass. */
export function textProblem(s: string): string | null {
  const m = FORBIDDEN.exec(s);
  if (!m) return null;
  return m[0] === '\u0000' ? 'contains a NUL character' : 'contains an unpaired surrogate (not valid Unicode)';
}

/** Every string (values and keys) in a parsed body, query or params, with its path. */
function collect(value: unknown, path: string, out: FieldError[], depth = 0): void {
  if (out.length >= 20 || depth > 64) return;
  if (typeof value === 'string') {
    const p = textProblem(value);
    if (p) out.push({ path: path || '(body)', message: p });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => collect(v, path ? `${path}.${i}` : String(i), out, depth + 1));
  } else if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [k, v] of Object.entries(value)) {
      const at = path ? `${path}.${k}` : k;
      const kp = textProblem(k);
      if (kp) out.push({ path: at, message: `field name ${kp}` });
      collect(v, at, out, depth + 1);
    }
  }
}

const isEmptyObject = (v: unknown) => !!v && typeof v === 'object' && !Array.isArray(v) && !Buffer.isBuffer(v) && Object.keys(v).length === 0;

/**
 * preValidation, for every /api route: no NUL or lone surrogate anywhere in params, query or body,
 * and a PATCH must change something (an empty one would be an UPDATE with nothing to set).
 */
export async function inputHook(req: FastifyRequest) {
  const fields: FieldError[] = [];
  collect(req.params, 'params', fields);
  collect(req.query, 'query', fields);
  collect(req.body, '', fields);
  if (fields.length) throw invalid('The request contains text that is not valid', fields);
  if (req.method === 'PATCH' && (req.body === undefined || req.body === null || isEmptyObject(req.body))) {
    throw invalid('The request changes nothing', [{ path: '(body)', message: 'name at least one field to change' }]);
  }
}
