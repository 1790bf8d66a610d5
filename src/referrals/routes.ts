import { z } from 'zod';
import { IdParams } from '../http/params.ts';
import { auditActor, authOf } from '../http/access.ts';
import type { App, AppContext } from '../http/types.ts';
import { assertPersonVisible } from '../victims/access.ts';
import { referPerson, referralInbox, referralsOfPerson, transitionReferral } from './referrals.ts';
import { CreateReferralInput, ReferralInboxQuery,
  ReferralPage, ReferralList, ReferralTransitionInput } from './schema.ts';


export function referralRoutes(app: App, ctx: AppContext) {
  const { db, fieldKey: key } = ctx;
  const tags = ['referrals'];

  app.post(
    '/persons/:id/referrals',
    { config: { action: 'referrals.create', target: 'person' }, schema: { tags, summary: 'Refer a person to an agency (consent or an audited override)', params: IdParams, body: CreateReferralInput, response: { 201: z.object({ id: z.uuid() }) } } },
    async (req, reply) => {
      const auth = authOf(req);
      const id = await db.transaction().execute(async (trx) => {
        await assertPersonVisible(trx, auth, 'referrals.create', req.params.id);
        return referPerson(trx, key, req.params.id, req.body, { userId: auth.userId, agencyId: auth.agencyId }, { actor: auditActor(req), ip: req.ip });
      });
      return reply.status(201).send({ id });
    },
  );

  app.get('/persons/:id/referrals', { config: { action: 'persons.list', target: 'person' }, schema: { tags, summary: "A person's referrals", params: IdParams, response: { 200: ReferralList } } }, async (req) => {
    await assertPersonVisible(db, authOf(req), 'persons.list', req.params.id);
    return { items: await referralsOfPerson(db, req.params.id) };
  });

  app.get('/referrals', { config: { action: 'referrals.inbox' }, schema: { tags, summary: "Your agency's referral inbox", querystring: ReferralInboxQuery, response: { 200: ReferralPage } } }, async (req) => {
    const auth = authOf(req);
    return referralInbox(db, auth, req.query);
  });

  app.patch(
    '/referrals/:id',
    { config: { action: 'referrals.inbox', target: 'referral' }, schema: { tags, summary: 'Accept, decline, complete or revoke', params: IdParams, body: ReferralTransitionInput, response: { 204: z.null() } } },
    async (req, reply) => {
      const auth = authOf(req);
      await db.transaction().execute((trx) => transitionReferral(trx, req.params.id, req.body, auth, { actor: auditActor(req), ip: req.ip }));
      return reply.status(204).send(null);
    },
  );
}
