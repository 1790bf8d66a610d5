import { auditBeforeReply } from '../http/audit-hook.ts';
import { z } from 'zod';
import { IdParams } from '../http/params.ts';
import { auditActor, authOf } from '../http/access.ts';
import type { App, AppContext } from '../http/types.ts';
import { assertPersonVisible, personsVisible } from '../victims/access.ts';
import { assistanceOf, endAssistance, paymentsOf, recordAssistance, recordPayment, voidEntry } from './assistance.ts';
import { AssistanceEndInput, AssistanceInput, AssistanceList, EntryParams, PaymentInput, PaymentList, VoidInput } from './schema.ts';

const Created = z.object({ id: z.uuid() });

export function assistanceRoutes(app: App, ctx: AppContext) {
  const { db, fieldKey: key, profile } = ctx;
  const tags = ['assistance'];

  app.post(
    '/persons/:id/assistance',
    { config: { action: 'assistance.record', target: 'person' }, schema: { tags, summary: 'Record help given', params: IdParams, body: AssistanceInput, response: { 201: Created } } },
    async (req, reply) => {
      const auth = authOf(req);
      const id = await db.transaction().execute(async (trx) => {
        await assertPersonVisible(trx, auth, 'assistance.record', req.params.id);
        return recordAssistance(trx, { key, profile }, req.params.id, req.body, { userId: auth.userId }, { actor: auditActor(req), ip: req.ip });
      });
      return reply.status(201).send({ id });
    },
  );

  /** Free text may name people: shown only where the person's identity is. */
  const identityVisible = async (auth: ReturnType<typeof authOf>, personId: string) =>
    Boolean(await db.selectFrom('persons').select('id').where(personsVisible(auth, 'persons.identity')).where('id', '=', personId).executeTakeFirst());

  app.get('/persons/:id/assistance', { config: { action: 'persons.list', target: 'person' }, schema: { tags, summary: 'The assistance ledger', params: IdParams, response: { 200: AssistanceList } } }, async (req) => {
    const auth = authOf(req);
    await assertPersonVisible(db, auth, 'persons.list', req.params.id);
    const items = await assistanceOf(db, key, req.params.id, await identityVisible(auth, req.params.id));
    if (items.some((i) => i.notes !== null)) {
      auditBeforeReply(req, { actor: auditActor(req), ip: req.ip, action: 'persons.identity_read', outcome: 'ok', targetType: 'person', targetId: req.params.id, details: { part: 'assistance_notes' } });
    }
    return { items };
  });

  app.post(
    '/persons/:id/payments',
    { config: { action: 'payments.record', target: 'person' }, schema: { tags, summary: 'Record a payment (idempotent by key)', params: IdParams, body: PaymentInput, response: { 201: Created, 200: Created } } },
    async (req, reply) => {
      const auth = authOf(req);
      const out = await db.transaction().execute(async (trx) => {
        await assertPersonVisible(trx, auth, 'payments.record', req.params.id);
        return recordPayment(trx, { key, profile }, req.params.id, req.body, { userId: auth.userId }, { actor: auditActor(req), ip: req.ip });
      });
      return reply.status(out.created ? 201 : 200).send({ id: out.id });
    },
  );

  app.get('/persons/:id/payments', { config: { action: 'persons.list', target: 'person' }, schema: { tags, summary: 'Payments to a person', params: IdParams, response: { 200: PaymentList } } }, async (req) => {
    const auth = authOf(req);
    await assertPersonVisible(db, auth, 'persons.list', req.params.id);
    return { items: await paymentsOf(db, key, req.params.id, await identityVisible(auth, req.params.id)) };
  });

  // Corrections are entries, never deletions: the voided entry stays in the ledger with who, when and why.
  for (const [path, table, action] of [['assistance', 'assistance', 'assistance.record'], ['payments', 'payments', 'payments.record']] as const) {
    app.post(
      `/persons/:id/${path}/:entryId/void`,
      { config: { action, target: 'person' }, schema: { tags, summary: `Void a ${table === 'payments' ? 'payment' : 'service'} recorded in error, with a reason`, params: EntryParams, body: VoidInput, response: { 204: z.null() } } },
      async (req, reply) => {
        const auth = authOf(req);
        await db.transaction().execute(async (trx) => {
          await assertPersonVisible(trx, auth, action, req.params.id);
          await voidEntry(trx, key, table, req.params.id, req.params.entryId, req.body.reason, { userId: auth.userId }, { actor: auditActor(req), ip: req.ip });
        });
        return reply.status(204).send(null);
      },
    );
  }

  app.patch(
    '/persons/:id/assistance/:entryId',
    { config: { action: 'assistance.record', target: 'person' }, schema: { tags, summary: 'Close a stay that was open at check-in', params: EntryParams, body: AssistanceEndInput, response: { 204: z.null() } } },
    async (req, reply) => {
      const auth = authOf(req);
      await db.transaction().execute(async (trx) => {
        await assertPersonVisible(trx, auth, 'assistance.record', req.params.id);
        await endAssistance(trx, req.params.id, req.params.entryId, req.body.endDate, { actor: auditActor(req), ip: req.ip });
      });
      return reply.status(204).send(null);
    },
  );
}
