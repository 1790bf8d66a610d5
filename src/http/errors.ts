import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, errorBody, type ErrorCode, type ErrorParams, type FieldError } from '../errors.ts';
import { isBusy, isConnectionLost } from '../db/database.ts';
import { isZodValidationError } from './validation.ts';
import { languageOf, localiseErrorMessage, localiseFieldMessage } from '../i18n/server.ts';

const contextPrefix: Record<string, string> = { body: '', querystring: 'query.', params: 'params.', headers: 'headers.' };

const toPath = (instancePath: string) => instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');

/** The one place where any failure becomes `{ error: { code, message, fields } }`. */
export function handleError(err: FastifyError | Error, req: FastifyRequest, reply: FastifyReply) {
  // Messages in the caller's language (Accept-Language); codes and paths never change.
  const lang = languageOf(req.headers['accept-language']);
  const send = (status: number, code: ErrorCode, message: string, fields: FieldError[] = [], params?: ErrorParams) =>
    reply
      .status(status)
      .type('application/json')
      .send(
        errorBody(
          code,
          localiseErrorMessage(code, message, lang, params),
          fields.map((f) => ({ ...f, message: localiseFieldMessage(f.message, lang) })),
          params,
        ),
      );

  if (err instanceof AppError) {
    if (err.retryAfterSeconds !== undefined) reply.header('retry-after', String(err.retryAfterSeconds));
    if (err.auditOutcome) req.auditNote = { ...req.auditNote, outcome: err.auditOutcome };
    return send(err.status, err.code, err.message, err.fields, err.params);
  }

  if (isZodValidationError(err)) {
    const prefix = contextPrefix[(err as { validationContext?: string }).validationContext ?? 'body'] ?? '';
    const fields: FieldError[] = [];
    for (const v of err.validation) {
      const path = toPath(v.instancePath);
      // zod reports unknown keys on their parent object; name each key instead.
      const keys = v.keyword === 'unrecognized_keys' ? ((v.params as { keys?: string[] }).keys ?? []) : [];
      if (keys.length) fields.push(...keys.map((k) => ({ path: prefix + (path ? `${path}.${k}` : k), message: 'unknown field' })));
      else {
        fields.push({ path: prefix + (path || '(root)'), message: localiseFieldMessage(v.message ?? 'invalid', lang, v.issue) });
      }
    }
    // One message per field: a union can fail several ways at the same place.
    const unique = fields.filter((f, i) => fields.findIndex((g) => g.path === f.path) === i);
    return send(400, 'validation_failed', 'The request is not valid', unique);
  }

  const fe = err as FastifyError;
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return send(400, 'invalid_json', 'The request body is not valid JSON', [{ path: '(body)', message: fe.message }]);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return send(413, 'payload_too_large', 'The request body is too large', [{ path: '(body)', message: 'too large' }]);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return send(415, 'unsupported_media_type', 'Send JSON (Content-Type: application/json)');
    default:
  }
  if (isConnectionLost(err)) {
    req.log.warn({ err: { type: err.name, code: fe.code } }, 'database connection lost');
    return send(503, 'service_unavailable', 'The database could not be reached; try again in a moment');
  }
  if (isBusy(err)) {
    req.log.warn({ err: { type: err.name, code: fe.code } }, 'database busy');
    return send(503, 'service_unavailable', 'The database was busy with a conflicting change; nothing was changed; try again');
  }
  if (fe.code === '57014') return send(503, 'service_unavailable', 'The request took longer than the database allows (AZAD_DB_STATEMENT_TIMEOUT_MS); try a narrower one');
  if (err instanceof SyntaxError) return send(400, 'invalid_json', 'The request body is not valid JSON');
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return send(fe.statusCode, fe.statusCode === 404 ? 'not_found' : 'validation_failed', fe.message);
  }
  // Messages of unexpected errors may quote data; the log keeps only their kind and place.
  req.log.error({ err: { type: err.name, code: fe.code, stack: err.stack?.split('\n').slice(1, 8).join('\n') } }, 'unhandled error');
  return send(500, 'internal_error', 'Something went wrong; the event was logged');
}
