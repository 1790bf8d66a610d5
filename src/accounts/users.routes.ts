import { forbidden } from '../errors.ts';
import { IdParams } from '../http/params.ts';
import { scopeFilter } from '../access/scope.ts';
import { auditActor, authOf } from '../http/access.ts';
import type { App, AppContext } from '../http/types.ts';
import { accountChangeRoutes } from './changes.routes.ts';
import { creationNeedsApproval, issueEnrolmentCode, issueResetCode, proposeChange, resetNeedsApproval, updateNeedsApproval } from './changes.ts';
import { CreatedUser, CreateUserInput, OneTimeCode, PendingReply, UpdateUserInput, User, UserList, UserListQuery } from './schema.ts';
import { checkCreate, checkUpdate, createUserWithCode, getUser, listUsers, updateUser, userScope } from './users.ts';

/**
 * Administrators never set a password: a new account and a reset each get a one-time code. Changes
 * that would let one administrator take over an account answer 202 and wait for a second one.
 */
export function userRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;
  accountChangeRoutes(app, ctx);

  app.get(
    '/users',
    { config: { action: 'users.list' }, schema: { tags: ['users'], summary: 'List users you may see', querystring: UserListQuery, response: { 200: UserList } } },
    async (req) => {
      const auth = authOf(req);
      return listUsers(db, scopeFilter(auth, auth.scopes, userScope), req.query);
    },
  );

  app.get(
    '/users/:id',
    { config: { action: 'users.list', target: 'user' }, schema: { tags: ['users'], summary: 'One user', params: IdParams, response: { 200: User } } },
    async (req) => {
      const auth = authOf(req);
      return getUser(db, scopeFilter(auth, auth.scopes, userScope), req.params.id);
    },
  );

  app.post(
    '/users',
    {
      config: { action: 'users.create', target: 'user' },
      schema: { tags: ['users'], summary: 'Create a user (with a one-time activation code)', body: CreateUserInput, response: { 201: CreatedUser, 202: PendingReply } },
    },
    async (req, reply) => {
      const audit = { actor: auditActor(req), ip: req.ip };
      // The reply is sent after the commit: its audit entry is written on another connection.
      const result = await db.transaction().execute(async (trx) => {
        if (creationNeedsApproval(req.body)) {
          await checkCreate(trx, req.body);
          return { pending: await proposeChange(trx, 'create', null, req.body, audit) };
        }
        return { user: await createUserWithCode(trx, req.body, audit) };
      });
      if (result.pending) return reply.status(202).send({ pending: result.pending });
      req.auditNote = { targetId: result.user.id };
      return reply.status(201).send(result.user);
    },
  );

  app.patch(
    '/users/:id',
    { config: { action: 'users.update', target: 'user' }, schema: { tags: ['users'], summary: 'Change a user', params: IdParams, body: UpdateUserInput, response: { 200: User, 202: PendingReply } } },
    async (req, reply) => {
      const auth = authOf(req);
      const visible = scopeFilter(auth, auth.scopes, userScope);
      const audit = { actor: auditActor(req), ip: req.ip };
      const result = await db.transaction().execute(async (trx) => {
        const before = await getUser(trx, visible, req.params.id);
        if (updateNeedsApproval(before, req.body)) {
          await checkUpdate(trx, before.id, req.body, auth.userId);
          return { pending: await proposeChange(trx, 'update', before.id, req.body, audit) };
        }
        return { user: await updateUser(trx, visible, req.params.id, req.body, audit) };
      });
      return result.pending ? reply.status(202).send({ pending: result.pending }) : reply.send(result.user);
    },
  );

  app.post(
    '/users/:id/reset',
    {
      config: { action: 'users.update', target: 'user' },
      schema: { tags: ['users'], summary: 'Issue a one-time code with which the user chooses a new password', params: IdParams, response: { 201: OneTimeCode, 202: PendingReply } },
    },
    async (req, reply) => {
      const auth = authOf(req);
      const audit = { actor: auditActor(req), ip: req.ip };
      const result = await db.transaction().execute(async (trx) => {
        const target = await getUser(trx, scopeFilter(auth, auth.scopes, userScope), req.params.id);
        if (target.id === auth.userId) throw forbidden('Change your own password on your account page');
        if (resetNeedsApproval(target)) return { pending: await proposeChange(trx, 'reset', target.id, {}, audit) };
        return { code: await issueResetCode(trx, target, audit) };
      });
      return result.pending ? reply.status(202).send({ pending: result.pending }) : reply.status(201).send(result.code);
    },
  );

  app.post(
    '/users/:id/enrolment-code',
    {
      config: { action: 'users.update', target: 'user' },
      schema: { tags: ['users'], summary: 'Issue a one-time code for the first second-factor enrolment', params: IdParams, response: { 201: OneTimeCode } },
    },
    async (req, reply) => {
      const auth = authOf(req);
      const audit = { actor: auditActor(req), ip: req.ip };
      const code = await db.transaction().execute(async (trx) => issueEnrolmentCode(trx, await getUser(trx, scopeFilter(auth, auth.scopes, userScope), req.params.id), audit));
      return reply.status(201).send(code);
    },
  );
}
