import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { authOf, SESSION_COOKIE } from '../http/access.ts';
import type { App, AppContext } from '../http/types.ts';
import { logIn } from './login.ts';
import { LoginInput, Me } from './schema.ts';
import { destroySession } from './sessions.ts';

/** HttpOnly, SameSite=Strict, and Secure whenever the request came over HTTPS. */
export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string, maxHours: number) {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: req.protocol === 'https',
    path: '/',
    maxAge: maxHours * 3600,
  });
}

export function authRoutes(app: App, ctx: AppContext) {
  const policy = { idleMinutes: ctx.config.sessionIdleMinutes, maxHours: ctx.config.sessionMaxHours };

  app.post(
    '/auth/login',
    { config: { public: true }, schema: { tags: ['auth'], summary: 'Sign in', body: LoginInput, response: { 200: Me } } },
    async (req, reply) => {
      try {
        const { token, me, actor } = await logIn(ctx.db, ctx.fieldKey, policy, req.body, req.ip);
        req.auditNote = { actor, details: { username: actor.username } };
        setSessionCookie(req, reply, token, ctx.config.sessionMaxHours);
        return me;
      } catch (err) {
        // Only a real account's name is kept: people type passwords into the username box.
        const known = await ctx.db.selectFrom('users').select('id').where('username', '=', req.body.username).executeTakeFirst();
        req.auditNote = { details: known ? { username: req.body.username } : { username: null, unknownUsername: true } };
        throw err;
      }
    },
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
