import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { auditActor, authOf } from '../http/access.ts';
import { IdParams } from '../http/params.ts';
import type { App, AppContext } from '../http/types.ts';
import { assertPersonVisible } from '../victims/access.ts';
import { activeHolds, clearHold, holdsOf, setHold } from './holds.ts';
import { runRetention } from './run.ts';
import { ActiveHolds, ClearHoldInput, DueQuery, HoldInput, Holds, RetentionReport, RunInput } from './schema.ts';

/** The retention report (what a run would anonymise) and legal holds on persons: the coordinator's. */
export function retentionRoutes(app: App, ctx: AppContext) {
  const { db, fieldKey: key, profile, config } = ctx;
  const tags = ['retention'];
  const base = (req: FastifyRequest) => ({ actor: auditActor(req), ip: req.ip });

  app.get(
    '/retention/due',
    { config: { action: 'retention.read' }, schema: { tags, summary: 'Records past their retention period (a dry run: nothing changes)', querystring: DueQuery, response: { 200: RetentionReport } } },
    async (req) => runRetention(db, { key, profile, attachmentsDir: config.attachments.dir }, { dryRun: true, asOf: req.query.asOf }),
  );

  app.post(
    '/retention/run',
    { config: { action: 'retention.run' }, schema: { tags, summary: 'Anonymise now what is past its period (as the daily job does); held records stay', body: RunInput, response: { 200: RetentionReport } } },
    async (req) => runRetention(db, { key, profile, attachmentsDir: config.attachments.dir }, { dryRun: false, actor: auditActor(req) }),
  );
  app.get('/retention/holds', { config: { action: 'retention.read' }, schema: { tags, summary: 'The legal holds in force', response: { 200: ActiveHolds } } }, async () => activeHolds(db, key));

  const hold = { action: 'retention.hold', target: 'person' } as const;
  app.get('/persons/:id/legal-hold', { config: hold, schema: { tags, summary: 'The legal hold on a person and its history', params: IdParams, response: { 200: Holds } } }, async (req) => {
    await assertPersonVisible(db, authOf(req), 'retention.hold', req.params.id);
    return holdsOf(db, key, req.params.id);
  });
  app.post(
    '/persons/:id/legal-hold',
    { config: hold, schema: { tags, summary: 'Hold a person back from anonymisation', params: IdParams, body: HoldInput, response: { 201: z.object({ id: z.uuid() }) } } },
    async (req, reply) => {
      const id = await db.transaction().execute(async (trx) => {
        await assertPersonVisible(trx, authOf(req), 'retention.hold', req.params.id);
        return setHold(trx, key, req.params.id, req.body.reason, authOf(req).userId, base(req));
      });
      return reply.status(201).send({ id });
    },
  );
  app.post(
    '/persons/:id/legal-hold/clear',
    { config: hold, schema: { tags, summary: 'Clear the legal hold in force', params: IdParams, body: ClearHoldInput, response: { 204: z.null() } } },
    async (req, reply) => {
      await db.transaction().execute(async (trx) => {
        await assertPersonVisible(trx, authOf(req), 'retention.hold', req.params.id);
        await clearHold(trx, key, req.params.id, req.body.reason, authOf(req).userId, base(req));
      });
      return reply.status(204).send(null);
    },
  );
}
