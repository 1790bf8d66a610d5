import type { FastifyReply, FastifyRequest } from 'fastify';
import { publicCallAction } from '../audit/actions.ts';
import { appendAudit } from '../audit/record.ts';
import { isConnectionLost } from '../db/database.ts';
import { errorBody } from '../errors.ts';
import type { AppContext } from './types.ts';
import { auditActor } from './access.ts';

const outcomeOf = (status: number) =>
  status < 400 ? 'ok' : status === 401 || status === 403 || status === 429 ? 'denied' : status < 500 ? 'invalid' : 'error';

/**
 * Records every API call (who, action, target, time, outcome) before the reply leaves,
 * so that a client never sees a response whose call is not yet in the trail. Fails closed:
 * when the entry cannot be committed, the body (which may hold identifying data) and any
 * cookie are replaced by a 503. Changes are safe already: each command appends its own entry
 * inside its transaction, so a change whose entry fails has rolled back before we get here.
 */
export function auditHook(ctx: AppContext) {
  return async (req: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const url = req.routeOptions.url;
    const cfg = req.routeOptions.config;
    if (!url || !url.startsWith('/api/') || cfg.audit === false) return payload;
    const note = req.auditNote;
    const actor = note?.actor ?? auditActor(req);
    if (cfg.audit === 'signed-in' && !actor) return payload;
    const params = (req.params ?? {}) as Record<string, unknown>;
    const targetId = note?.targetId ?? (typeof params.id === 'string' ? params.id : null);
    try {
      await appendAudit(ctx.db, {
        actor,
        action: cfg.action ?? publicCallAction(req.method, url),
        targetType: cfg.target ?? null,
        targetId,
        outcome: note?.outcome ?? outcomeOf(reply.statusCode),
        status: reply.statusCode,
        ip: req.ip,
        details: { method: req.method, route: url, ...note?.details },
      });
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
