import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { hit } from '../limits/limits.ts';
import { clientNetwork } from '../limits/network.ts';
import type { AppContext } from './types.ts';

/**
 * preHandler: a route with `config.limit` counts each valid request of the signed-in user against
 * that limit; past it, a 429 `rate_limited` with `retry-after`. Invalid requests cost nothing and are not counted.
 * A public route counts anonymous callers by client address (an IPv6 one by its /64; behind a proxy, with AZAD_TRUST_PROXY).
 */
export function limitHook(ctx: AppContext) {
  return async (req: FastifyRequest) => {
    const cfg = req.routeOptions.config.limit;
    const who = req.auth ? req.auth.userId : req.routeOptions.config.public ? `ip:${clientNetwork(req.ip)}` : null;
    if (!cfg || !who) return;
    const name = typeof cfg === 'function' ? cfg(req) : cfg;
    const limit = name ? ctx.config.limits[name] : null;
    if (!name || !limit) return;
    const h = await hit(ctx.db, `${name}:${who}`, limit);
    if (!h.allowed) {
      throw new AppError('rate_limited', `At most ${limit.max} requests of this kind (${name}) every ${limit.seconds} s; try again in ${h.retryAfter} s`, [], { retryAfterSeconds: h.retryAfter });
    }
  };
}
