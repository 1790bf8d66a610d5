import { IdParams } from '../http/params.ts';
import { auditActor } from '../http/access.ts';
import type { App, AppContext } from '../http/types.ts';
import { approveChange, listChanges, rejectChange } from './changes.ts';
import { AccountChange, AccountChangeList, AccountChangeQuery, ApprovalResult } from './schema.ts';

/** The second administrator's desk: changes waiting for approval. */
export function accountChangeRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;
  app.get(
    '/account-changes',
    { config: { action: 'users.approve' }, schema: { tags: ['users'], summary: 'Account changes (pending first)', querystring: AccountChangeQuery, response: { 200: AccountChangeList } } },
    async (req) => listChanges(db, req.query.status),
  );
  app.post(
    '/account-changes/:id/approve',
    { config: { action: 'users.approve', target: 'account_change' }, schema: { tags: ['users'], summary: 'Approve and apply a change another administrator proposed', params: IdParams, response: { 200: ApprovalResult } } },
    async (req) => db.transaction().execute((trx) => approveChange(trx, req.params.id, { actor: auditActor(req), ip: req.ip })),
  );
  app.post(
    '/account-changes/:id/reject',
    { config: { action: 'users.approve', target: 'account_change' }, schema: { tags: ['users'], summary: 'Turn down (or withdraw) a pending change', params: IdParams, response: { 200: AccountChange } } },
    async (req) => db.transaction().execute((trx) => rejectChange(trx, req.params.id, { actor: auditActor(req), ip: req.ip })),
  );
}
