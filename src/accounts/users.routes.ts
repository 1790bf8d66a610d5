import { IdParams } from '../http/params.ts';
import { scopeFilter } from '../access/scope.ts';
import { auditActor, authOf } from '../http/access.ts';
import type { App, AppContext } from '../http/types.ts';
import { CreateUserInput, UpdateUserInput, User, UserList, UserListQuery } from './schema.ts';
import { createUser, getUser, listUsers, updateUser, userScope } from './users.ts';


export function userRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;

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
    { config: { action: 'users.create', target: 'user' }, schema: { tags: ['users'], summary: 'Create a user', body: CreateUserInput, response: { 201: User } } },
    async (req, reply) => {
      const user = await db.transaction().execute((trx) => createUser(trx, req.body, { actor: auditActor(req), ip: req.ip }));
      req.auditNote = { targetId: user.id };
      return reply.status(201).send(user);
    },
  );

  app.patch(
    '/users/:id',
    { config: { action: 'users.update', target: 'user' }, schema: { tags: ['users'], summary: 'Change a user', params: IdParams, body: UpdateUserInput, response: { 200: User } } },
    async (req) => {
      const auth = authOf(req);
      const visible = scopeFilter(auth, auth.scopes, userScope);
      return db.transaction().execute((trx) => updateUser(trx, visible, req.params.id, req.body, { actor: auditActor(req), ip: req.ip }));
    },
  );
}
