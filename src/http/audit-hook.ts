import type { FastifyReply, FastifyRequest } from 'fastify';
import { publicCallAction } from '../audit/actions.ts';
import { appendAudit, type AuditEntry } from '../audit/record.ts';
import { isConnectionLost } from '../db/database.ts';
import { errorBody } from '../errors.ts';
import type { AppContext } from './types.ts';
import { auditActor } from './access.ts';

const outcomeOf = (status: number) =>
  status < 400 ? 'ok' : status === 401 || status === 403 || status === 429 ? 'denied' : status < 500 ? 'invalid' : 'error';

/** The call's own entry, unless the route is not audited (or audited only when signed in, and this caller is not). */
function callEntry(req: FastifyRequest, reply: FastifyReply): AuditEntry[] {
  const url = req.routeOptions.url;
  const cfg = req.routeOptions.config;
  if (!url || !url.startsWith('/api/') || cfg.audit === false) return [];
  const note = req.auditNote;
  const actor = note?.actor ?? auditActor(req);
  if (cfg.audit === 'signed-in' && !actor) return [];
  const params = (req.params ?? {}) as Record<string, unknown>;
  return [
    {
      actor,
      action: cfg.action ?? publicCallAction(req.method, url),
      targetType: cfg.target ?? null,
      targetId: note?.targetId ?? (typeof params.id === 'string' ? params.id : null),
      outcome: note?.outcome ?? outcomeOf(reply.statusCode),
      status: reply.statusCode,
      ip: req.ip,
      details: { method: req.method, route: url, ...note?.details },
    },
  ];
}

/**
 * Entries a handler adds here (an identity read) are committed with the call's own, in the same
 * group commit and before the reply leaves; if they cannot be, the reply is withheld as below.
 */
export function auditBeforeReply(req: FastifyRequest, entry: AuditEntry): void {
  (req.auditFirst ??= []).push(entry);
}

/**
 * Records every API call (who, action, target, time, outcome) before the reply leaves,
 * so that a client never sees a response whose call is not yet in the trail. Fails closed:
 * when the entry cannot be committed, the body (which may hold identifying data) and any
 * cookie are replaced by a 503. Changes are safe already: each command appends its own entry
 * inside its transaction, so a change whose entry fails has rolled back before we get here.
 */
export function auditHook(ctx: AppContext) {
  return async (req: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const entries = [...(req.auditFirst ?? []), ...callEntry(req, reply)];
    if (entries.length === 0) return payload;
    try {
      await appendAudit(ctx.db, entries);
    } catch (err) {
      req.log.error({ err: { type: (err as Error).name } }, 'audit write failed; response withheld');
      reply.code(503).removeHeader('set-cookie').removeHeader('content-length').type('application/json; charset=utf-8');
      // A lost database connection is said as such (the same code any other request gets then).
      if (isConnectionLost(err)) return JSON.stringify(errorBody('service_unavailable', 'The database could not be reached; try again in a moment'));
      return JSON.stringify(errorBody('audit_unavailable', 'The audit trail could not be written, so the response was withheld; try again later'));
    }
    return payload;
  };
}
