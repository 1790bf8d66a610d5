import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest, RouteOptions } from 'fastify';
import type { Role } from '../access/roles.ts';
import { isAction, scopesFor } from '../access/rules.ts';
import { findSession } from '../accounts/sessions.ts';
import { AppError } from '../errors.ts';
import type { AppContext } from './types.ts';

export const SESSION_COOKIE = 'azad_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A route that the access map does not cover; the server refuses to start with one. */
export function uncoveredRoute(route: Pick<RouteOptions, 'url' | 'method' | 'config'>): string | null {
  if (!route.url.startsWith('/api/')) return null;
  const cfg = (route.config ?? {}) as { action?: string; public?: boolean };
  if (cfg.public === true && cfg.action === undefined) return null;
  if (cfg.action !== undefined && isAction(cfg.action) && cfg.public !== true) return null;
  const method = Array.isArray(route.method) ? route.method.join(',') : route.method;
  return `${method} ${route.url}`;
}

/**
 * Runs before the body is parsed: who is calling, may their roles perform this route's action,
 * and does a cookie-authenticated write carry the session's CSRF token.
 */
export function accessHook(ctx: AppContext) {
  const policy = { idleMinutes: ctx.config.sessionIdleMinutes, maxHours: ctx.config.sessionMaxHours };
  return async (req: FastifyRequest) => {
    req.auth = null;
    const cfg = req.routeOptions.config;
    const url = req.routeOptions.url;
    // Only /api routes carry data; the rest are the web app's static files.
    if (!url || !url.startsWith('/api/') || cfg.public) return;
    const action = cfg.action;
    if (!action) throw new AppError('forbidden', 'This route has no access rule');

    const token = req.cookies[SESSION_COOKIE];
    const session = token ? await findSession(ctx.db, token, policy) : null;
    if (!token || !session) throw new AppError('unauthenticated', 'Sign in first');
    // Refusals below still name who was refused in the trail.
    req.auditNote = { actor: { id: session.user_id, username: session.username, agencyId: session.agency_id } };

    if (!SAFE_METHODS.has(req.method) && !sameToken(req.headers[CSRF_HEADER], session.csrf_token)) {
      throw new AppError('csrf_failed', `Missing or wrong ${CSRF_HEADER} header`);
    }
    // Until the user enrols a required factor or replaces an issued password, only their own account is reachable.
    if (action !== 'session.self') {
      if (!session.second_factor_done) throw new AppError('second_factor_required', 'Set up two-factor authentication first');
      if (session.must_change_password) throw new AppError('password_change_required', 'Change your password first');
    }
    const roles = session.roles as Role[];
    const scopes = scopesFor(roles, action);
    req.auth = {
      userId: session.user_id,
      agencyId: session.agency_id,
      username: session.username,
      roles,
      sessionToken: token,
      csrfToken: session.csrf_token,
      scopes,
    };
    if (scopes.length === 0) throw new AppError('forbidden', `Your roles do not allow ${action}`);
  };
}

/** The signed-in user of a route that has an action; the access hook guarantees it. */
export function authOf(req: FastifyRequest) {
  if (!req.auth) throw new AppError('unauthenticated', 'Sign in first');
  return req.auth;
}

export const auditActor = (req: FastifyRequest) =>
  req.auth ? { id: req.auth.userId, username: req.auth.username, agencyId: req.auth.agencyId } : null;
