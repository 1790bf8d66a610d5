import { z } from 'zod';
import { appendAudit } from '../audit/record.ts';
import { decryptField, encryptField } from '../crypto/fields.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import { auditActor, authOf } from '../http/access.ts';
import type { App, AppContext } from '../http/types.ts';
import { findCode, useCode } from './codes.ts';
import { meOf, mustEnrolSecondFactor, throttle } from './login.ts';
import { clearLoginFailures } from './throttle.ts';
import { hashPassword, passwordProblems, verifyPassword } from './passwords.ts';
import { ChangePasswordInput, Me, OwnSessionList, SessionParams, TotpCodeInput, TotpSetup, TotpSetupInput, UpdateMeInput } from './schema.ts';
import { allowEnrolment, destroyOwnSession, destroyUserSessions, enrolmentAllowed, listOwnSessions, markSecondFactorDone } from './sessions.ts';
import { acceptTotp, newTotpSecret } from './totp.ts';
import { toUser } from './users.ts';

/** One's own account: works even while a second factor or a new password is still owed. */
export function meRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;
  const self = { action: 'session.self', target: 'user' } as const;
  const ownRow = (userId: string) => db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();

  app.get('/me', { config: { ...self, audit: 'signed-in' }, schema: { tags: ['me'], summary: 'The signed-in user and session', response: { 200: Me } } }, async (req) => {
    const auth = authOf(req);
    return meOf(db, await ownRow(auth.userId), auth.csrfToken);
  });

  app.patch('/me', { config: self, schema: { tags: ['me'], summary: 'Change interface language', body: UpdateMeInput, response: { 200: Me.shape.user } } }, async (req) => {
    const auth = authOf(req);
    // Each change commits with its audit entry, or not at all.
    const row = await db.transaction().execute(async (trx) => {
      const r = await trx.updateTable('users').set({ language: req.body.language, updated_at: new Date() }).where('id', '=', auth.userId).returningAll().executeTakeFirstOrThrow();
      await appendAudit(trx, { actor: auditActor(req), action: 'users.language_changed', outcome: 'ok', targetType: 'user', targetId: auth.userId, details: { language: req.body.language } });
      return r;
    });
    return toUser(row);
  });

  app.post(
    '/me/password',
    { config: self, schema: { tags: ['me'], summary: 'Change own password', body: ChangePasswordInput, response: { 204: z.null() } } },
    async (req, reply) => {
      const auth = authOf(req);
      const row = await ownRow(auth.userId);
      // The policy first (a weak choice is no guess); then the current password counts as a sign-in
      // attempt, so whoever holds a session cannot guess the password it was opened with.
      const problems = passwordProblems(req.body.newPassword, { username: row.username, field: 'newPassword' });
      if (req.body.newPassword === req.body.currentPassword) problems.push({ path: 'newPassword', message: 'must differ from the current password' });
      if (problems.length) throw invalid('The new password does not meet the policy', problems);
      const who = await throttle(db, ctx.fieldKey, row.username, req.ip);
      if (!(await verifyPassword(row.password_hash, req.body.currentPassword))) {
        throw new AppError('invalid_credentials', 'The current password is wrong', [{ path: 'currentPassword', message: 'wrong password' }]);
      }
      await clearLoginFailures(db, who);
      const hash = await hashPassword(req.body.newPassword);
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('users').set({ password_hash: hash, password_changed_at: new Date(), must_change_password: false, updated_at: new Date() }).where('id', '=', auth.userId).execute();
        await destroyUserSessions(trx, auth.userId, auth.sessionToken);
        await appendAudit(trx, { actor: auditActor(req), action: 'users.password_changed', outcome: 'ok', targetType: 'user', targetId: auth.userId, details: { changes: [{ field: 'password', old: '[masked]', new: '[masked]' }] } });
      });
      return reply.status(204).send(null);
    },
  );

  // A required first factor needs an administrator's one-time code as well as the password, so a
  // stolen password alone cannot enrol the thief's authenticator.
  app.post('/me/totp/setup', { config: self, schema: { tags: ['me'], summary: 'Start two-factor enrolment', body: TotpSetupInput, response: { 200: TotpSetup } } }, async (req) => {
    const auth = authOf(req);
    const row = await ownRow(auth.userId);
    if (row.totp_enabled) throw new AppError('conflict', 'Two-factor authentication is already enabled');
    if ((await mustEnrolSecondFactor(db, row.roles, false)) && !(await enrolmentAllowed(db, auth.sessionToken))) {
      const given = req.body.code;
      const code = given ? await findCode(db, row.id, ['enrolment', 'reset'], given) : undefined;
      if (!given) throw invalid('Enter the one-time code your administrator gave you', [{ path: 'code', message: 'required' }]);
      if (!code || !(await useCode(db, code.id))) throw invalid('Wrong or expired one-time code', [{ path: 'code', message: 'wrong or expired code' }]);
      await allowEnrolment(db, auth.sessionToken);
      await appendAudit(db, { actor: auditActor(req), action: 'users.enrolment_code_used', outcome: 'ok', targetType: 'user', targetId: auth.userId, ip: req.ip });
    }
    const setup = newTotpSecret(row.username);
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ totp_secret: encryptField(ctx.fieldKey, setup.secret) }).where('id', '=', auth.userId).execute();
      await appendAudit(trx, { actor: auditActor(req), action: 'users.totp_setup_started', outcome: 'ok', targetType: 'user', targetId: auth.userId });
    });
    return setup;
  });

  app.post(
    '/me/totp/enable',
    { config: self, schema: { tags: ['me'], summary: 'Confirm enrolment with a code', body: TotpCodeInput, response: { 204: z.null() } } },
    async (req, reply) => {
      const auth = authOf(req);
      const row = await ownRow(auth.userId);
      if (!row.totp_secret) throw invalid('Start the enrolment first', [{ path: 'code', message: 'no pending enrolment' }]);
      if (!(await acceptTotp(db, row, decryptField(ctx.fieldKey, row.totp_secret), req.body.code))) {
        throw invalid('Wrong authentication code', [{ path: 'code', message: 'wrong code' }]);
      }
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('users').set({ totp_enabled: true, updated_at: new Date() }).where('id', '=', auth.userId).execute();
        await markSecondFactorDone(trx, auth.sessionToken);
        await appendAudit(trx, { actor: auditActor(req), action: 'users.totp_enabled', outcome: 'ok', targetType: 'user', targetId: auth.userId });
      });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/me/totp/disable',
    { config: self, schema: { tags: ['me'], summary: 'Turn off two-factor authentication', body: TotpCodeInput, response: { 204: z.null() } } },
    async (req, reply) => {
      const auth = authOf(req);
      const row = await ownRow(auth.userId);
      if (!row.totp_enabled || !row.totp_secret) throw new AppError('conflict', 'Two-factor authentication is not enabled');
      if (await mustEnrolSecondFactor(db, row.roles, false)) throw new AppError('forbidden', 'Your role requires two-factor authentication');
      // Counted as a sign-in attempt: a session alone must not be able to try every code.
      const who = await throttle(db, ctx.fieldKey, row.username, req.ip);
      if (!(await acceptTotp(db, row, decryptField(ctx.fieldKey, row.totp_secret), req.body.code))) {
        throw invalid('Wrong authentication code', [{ path: 'code', message: 'wrong code' }]);
      }
      await clearLoginFailures(db, who);
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('users').set({ totp_enabled: false, totp_secret: null, updated_at: new Date() }).where('id', '=', auth.userId).execute();
        await appendAudit(trx, { actor: auditActor(req), action: 'users.totp_disabled', outcome: 'ok', targetType: 'user', targetId: auth.userId });
      });
      return reply.status(204).send(null);
    },
  );

  app.get('/me/sessions', { config: self, schema: { tags: ['me'], summary: 'My open sessions', response: { 200: OwnSessionList } } }, async (req) => {
    const auth = authOf(req);
    return { items: await listOwnSessions(db, auth.userId, auth.sessionToken) };
  });

  app.delete(
    '/me/sessions/:id',
    { config: self, schema: { tags: ['me'], summary: 'End one of my sessions', params: SessionParams, response: { 204: z.null() } } },
    async (req, reply) => {
      const auth = authOf(req);
      if (!(await destroyOwnSession(db, auth.userId, req.params.id))) throw notFound('Session');
      return reply.status(204).send(null);
    },
  );

  app.post('/me/sessions/end-others', { config: self, schema: { tags: ['me'], summary: 'End all my other sessions', response: { 204: z.null() } } }, async (req, reply) => {
    const auth = authOf(req);
    await destroyUserSessions(db, auth.userId, auth.sessionToken);
    return reply.status(204).send(null);
  });
}
