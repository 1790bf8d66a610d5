import { z } from 'zod';
import { IdParams } from '../http/params.ts';
import { auditActor, authOf } from '../http/access.ts';
import type { App, AppContext } from '../http/types.ts';
import { today } from '../victims/status.ts';
import { createMeasure, listMeasures, measureDetail, progressByAgency, reportOnMeasure, reviewReport } from './action-plan.ts';
import { AgencyProgress, MeasureDetail, MeasureInput, MeasureList, MeasureQuery, ReportInput, ReviewInput } from './schema.ts';

export function actionPlanRoutes(app: App, ctx: AppContext) {
  const { db, profile } = ctx;
  const tags = ['action plan'];
  const now = () => today(profile.settings.timezone);
  const base = (req: { ip: string } & Parameters<typeof auditActor>[0]) => ({ actor: auditActor(req), ip: req.ip });
  const created = { 201: z.object({ id: z.uuid() }) };

  app.get('/action-plan/measures', { config: { action: 'nap.read' }, schema: { tags, summary: 'Measures of the plan, overdue ones flagged', querystring: MeasureQuery, response: { 200: MeasureList } } }, async (req) => ({
    items: await listMeasures(db, now(), req.query.agencyId),
  }));

  app.post('/action-plan/measures', { config: { action: 'nap.manage', target: 'measure' }, schema: { tags, summary: 'Add a measure', body: MeasureInput, response: created } }, async (req, reply) => {
    const id = await db.transaction().execute((trx) => createMeasure(trx, req.body, authOf(req).userId, base(req)));
    req.auditNote = { targetId: id };
    return reply.status(201).send({ id });
  });

  app.get('/action-plan/progress', { config: { action: 'nap.read' }, schema: { tags, summary: 'Progress per agency', response: { 200: AgencyProgress } } }, async () => progressByAgency(db, now()));

  app.get('/action-plan/measures/:id', { config: { action: 'nap.read', target: 'measure' }, schema: { tags, summary: 'One measure with its status reports', params: IdParams, response: { 200: MeasureDetail } } }, async (req) =>
    measureDetail(db, now(), req.params.id),
  );

  app.post('/action-plan/measures/:id/reports', { config: { action: 'nap.report', target: 'measure' }, schema: { tags, summary: "Report on a measure your agency answers for", params: IdParams, body: ReportInput, response: created } }, async (req, reply) => {
    const auth = authOf(req);
    const id = await db.transaction().execute((trx) => reportOnMeasure(trx, req.params.id, req.body, auth, base(req)));
    return reply.status(201).send({ id });
  });

  app.post('/action-plan/reports/:id/review', { config: { action: 'nap.manage', target: 'report' }, schema: { tags, summary: 'Approve or return a status report', params: IdParams, body: ReviewInput, response: { 200: z.object({ id: z.uuid() }) } } }, async (req) => {
    await db.transaction().execute((trx) => reviewReport(trx, req.params.id, req.body, authOf(req).userId, base(req)));
    return { id: req.params.id };
  });
}
