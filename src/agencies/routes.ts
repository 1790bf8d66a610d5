import { IdParams } from '../http/params.ts';
import { auditActor } from '../http/access.ts';
import type { App, AppContext } from '../http/types.ts';
import { createAgency, listAgencies, updateAgency } from './agencies.ts';
import { Agency, AgencyList, CreateAgencyInput, UpdateAgencyInput } from './schema.ts';


export function agencyRoutes(app: App, ctx: AppContext) {
  const { db, profile } = ctx;

  app.get('/agencies', { config: { action: 'agencies.list' }, schema: { tags: ['agencies'], summary: 'All agencies', response: { 200: AgencyList } } }, async () => ({
    items: await listAgencies(db),
  }));

  app.post(
    '/agencies',
    { config: { action: 'agencies.create', target: 'agency' }, schema: { tags: ['agencies'], summary: 'Add an agency', body: CreateAgencyInput, response: { 201: Agency } } },
    async (req, reply) => {
      const agency = await db.transaction().execute((trx) => createAgency(trx, profile, req.body, { actor: auditActor(req), ip: req.ip }));
      req.auditNote = { targetId: agency.id };
      return reply.status(201).send(agency);
    },
  );

  app.patch(
    '/agencies/:id',
    { config: { action: 'agencies.update', target: 'agency' }, schema: { tags: ['agencies'], summary: 'Change an agency', params: IdParams, body: UpdateAgencyInput, response: { 200: Agency } } },
    async (req) => db.transaction().execute((trx) => updateAgency(trx, profile, req.params.id, req.body, { actor: auditActor(req), ip: req.ip })),
  );
}
