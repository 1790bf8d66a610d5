import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Config } from '../config.ts';
import { authOf, SESSION_COOKIE } from '../http/access.ts';
import type { App, AppContext } from '../http/types.ts';
import { completeReset, logIn, type LoginOutcome } from './login.ts';
import { LoginInput, Me, ResetInput } from './schema.ts';
import { destroySession } from './sessions.ts';

/**
 * HttpOnly, SameSite=Strict; Secure when the request came over HTTPS (on the socket, or in the
 * trusted proxy's X-Forwarded-Proto), or always/never when AZAD_COOKIE_SECURE says so.
 */
export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string, config: Pick<Config, 'sessionMaxHours' | 'cookieSecure'>) {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: config.cookieSecure === 'auto' ? req.protocol === 'https' : config.cookieSecure === 'always',
    path: '/',
    maxAge: config.sessionMaxHours * 3600,
  });
}

export function authRoutes(app: App, ctx: AppContext) {
  const policy = { idleMinutes: ctx.config.sessionIdleMinutes, maxHours: ctx.config.sessionMaxHours };

  /** Signs in through `attempt`, noting in the trail who it was (only a real account's name). */
  const signIn = async (req: FastifyRequest, reply: FastifyReply, username: string, attempt: () => Promise<LoginOutcome>) => {
    try {
      const { token, me, actor } = await attempt();
      req.auditNote = { actor, details: { username: actor.username } };
      setSessionCookie(req, reply, token, ctx.config);
      return me;
    } catch (err) {
      // Only a real account's name is kept: people type passwords into the username box.
      const known = await ctx.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
      req.auditNote = { details: known ? { username } : { username: null, unknownUsername: true } };
      throw err;
    }
  };

  app.post(
    '/auth/login',
    { config: { public: true }, schema: { tags: ['auth'], summary: 'Sign in', body: LoginInput, response: { 200: Me } } },
    async (req, reply) => signIn(req, reply, req.body.username, () => logIn(ctx.db, ctx.fieldKey, policy, req.body, req.ip)),
  );

  app.post(
    '/auth/reset',
    { config: { public: true }, schema: { tags: ['auth'], summary: "Complete an administrator's one-time code: choose a password and sign in", body: ResetInput, response: { 200: Me } } },
    async (req, reply) => signIn(req, reply, req.body.username, () => completeReset(ctx.db, ctx.fieldKey, policy, req.body, req.ip)),
  );

  app.post(
    '/auth/logout',
    { config: { action: 'session.self' }, schema: { tags: ['auth'], summary: 'Sign out', response: { 204: z.null() } } },
    async (req, reply) => {
      await destroySession(ctx.db, authOf(req).sessionToken);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );
}
