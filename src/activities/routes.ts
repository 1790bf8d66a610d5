import { z } from 'zod';
import { scopeFilter } from '../access/scope.ts';
import { auditActor, authOf } from '../http/access.ts';
import type { App, AppContext } from '../http/types.ts';
import { listActivities, recordActivity } from './activities.ts';
import { ActivityInput, ActivityList, ActivityListQuery } from './schema.ts';

export function activityRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;
  const tags = ['activities'];

  app.get('/activities', { config: { action: 'activities.read' }, schema: { tags, summary: 'Awareness events, trainings, publications, media, international events', querystring: ActivityListQuery, response: { 200: ActivityList } } }, async (req) => {
    const auth = authOf(req);
    return listActivities(db, scopeFilter(auth, auth.scopes, { agency: 'activities.agency_id' }), req.query);
  });

  app.post('/activities', { config: { action: 'activities.record', target: 'activity' }, schema: { tags, summary: 'Record an activity', body: ActivityInput, response: { 201: z.object({ id: z.uuid() }) } } }, async (req, reply) => {
    const auth = authOf(req);
    const id = await db.transaction().execute((trx) => recordActivity(trx, req.body, { userId: auth.userId, agencyId: auth.agencyId, national: auth.scopes.includes('all') }, { actor: auditActor(req), ip: req.ip }));
    req.auditNote = { targetId: id };
    return reply.status(201).send({ id });
  });
}
