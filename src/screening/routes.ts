import { z } from 'zod';
import { scopesFor } from '../access/rules.ts';
import { scopeFilter, type ScopeColumns } from '../access/scope.ts';
import { notFound } from '../errors.ts';
import { authOf } from '../http/access.ts';
import { IdParams } from '../http/params.ts';
import type { App, AppContext, Auth } from '../http/types.ts';
import { decide, exportLabelled, itemDetail, keepItem, linkItem, listItems, screeningStats } from './items.ts';
import { ScreeningPool } from './pool.ts';
import { QUESTIONS } from './questionnaire.ts';
import { personQuestionnaires, recordQuestionnaire } from './questionnaires.ts';
import { screenText } from './screen.ts';
import {
  BatchInput,
  BatchResult,
  DecisionInput,
  ItemDetail,
  ItemList,
  ItemListQuery,
  LinkInput,
  QuestionList,
  QuestionnaireInput,
  QuestionnaireList,
  QuestionnaireResult,
  ScreenResult,
  ScreenTextInput,
  ScreeningStats,
} from './schema.ts';
import { assertPersonVisible } from '../victims/access.ts';
import { tipsVisible } from '../hotline/visibility.ts';

const itemScope: ScopeColumns = { own: 'screening_items.created_by', agency: 'screening_items.agency_id' };
const visible = (auth: Auth) => scopeFilter(auth, scopesFor(auth.roles, 'screening.read'), itemScope);
const reviewable = (auth: Auth) => scopeFilter(auth, scopesFor(auth.roles, 'screening.review'), itemScope);

export function screeningRoutes(app: App, ctx: AppContext) {
  const { db, fieldKey: key } = ctx;
  const tags = ['screening'];
  // Batches are screened in worker threads so the server stays responsive during a large one.
  const pool = new ScreeningPool(ctx.config.screeningWorkers);
  app.addHook('onClose', () => pool.close());

  // Screening itself stores nothing: the text is screened in memory and forgotten.
  app.post('/screening/screen', { config: { action: 'screening.screen' }, schema: { tags, summary: 'Screen one pasted text (nothing is stored)', body: ScreenTextInput, response: { 200: ScreenResult } } }, async (req) =>
    screenText({ id: 'pasted', ...req.body }),
  );

  app.post('/screening/batch', { config: { action: 'screening.screen', limit: 'screening' }, schema: { tags, summary: 'Screen a JSON Lines batch (nothing is stored); bad lines get error entries', body: BatchInput, response: { 200: BatchResult } } }, async (req) => ({
    results: await pool.run(req.body.jsonl),
  }));

  app.post('/screening/items', { config: { action: 'screening.keep', target: 'screening_item' }, schema: { tags, summary: 'Screen a text and keep it for review (text encrypted)', body: ScreenTextInput, response: { 201: ItemDetail } } }, async (req, reply) => {
    const auth = authOf(req);
    const item = await db.transaction().execute((trx) => keepItem(trx, key, req.body, { userId: auth.userId, agencyId: auth.agencyId }));
    req.auditNote = { targetId: item.id };
    return reply.status(201).send(item);
  });

  app.get('/screening/items', { config: { action: 'screening.read' }, schema: { tags, summary: 'The review queue: kept items you may see', querystring: ItemListQuery, response: { 200: ItemList } } }, async (req) =>
    listItems(db, visible(authOf(req)), req.query),
  );

  app.get('/screening/items/:id', { config: { action: 'screening.read', target: 'screening_item' }, schema: { tags, summary: 'One kept item with its text, evidence and verdicts', params: IdParams, response: { 200: ItemDetail } } }, async (req) => {
    const item = await itemDetail(db, key, req.params.id, visible(authOf(req)));
    if (!item) throw notFound('Screening item');
    return item;
  });

  app.put('/screening/items/:id/decisions', { config: { action: 'screening.review', target: 'screening_item' }, schema: { tags, summary: 'Mark a flag (an indicator, or "item") as a true or false alarm', params: IdParams, body: DecisionInput, response: { 204: z.null() } } }, async (req, reply) => {
    const auth = authOf(req);
    await db.transaction().execute((trx) => decide(trx, reviewable(auth), req.params.id, req.body, auth.userId));
    return reply.status(204).send(null);
  });

  app.post('/screening/items/:id/link', { config: { action: 'screening.review', target: 'screening_item' }, schema: { tags, summary: 'Link a kept item to a hotline tip or a crime record', params: IdParams, body: LinkInput, response: { 204: z.null() } } }, async (req, reply) => {
    const auth = authOf(req);
    // The crime registry is national: a reviewer reads all of it (prosecution.read) or none.
    const reach = { tips: tipsVisible(auth), facts: scopeFilter(auth, scopesFor(auth.roles, 'prosecution.read'), {}) };
    await db.transaction().execute((trx) => linkItem(trx, reviewable(auth), req.params.id, req.body, reach));
    return reply.status(204).send(null);
  });

  app.get('/screening/export', { config: { action: 'screening.export', limit: 'export' }, schema: { tags, summary: 'Reviewed items as labelled JSON Lines (the corpus format)' } }, async (req, reply) =>
    reply.type('application/x-ndjson; charset=utf-8').header('content-disposition', 'attachment; filename="screening-labelled.jsonl"').send(await exportLabelled(db, key, visible(authOf(req)))),
  );

  app.get('/screening/questionnaire', { config: { action: 'questionnaire.record', audit: false }, schema: { tags, summary: 'The first-responder questions in az, en and ru', response: { 200: QuestionList } } }, async () => ({ questions: QUESTIONS }));

  app.post('/screening/questionnaires', { config: { action: 'questionnaire.record', target: 'person' }, schema: { tags, summary: 'Record answers: indicator summary and recommended action; on the person record when linked', body: QuestionnaireInput, response: { 201: QuestionnaireResult } } }, async (req, reply) => {
    const auth = authOf(req);
    const out = await db.transaction().execute(async (trx) => {
      if (req.body.personId) await assertPersonVisible(trx, auth, 'persons.list', req.body.personId);
      return recordQuestionnaire(trx, key, req.body, { userId: auth.userId, agencyId: auth.agencyId });
    });
    req.auditNote = { targetId: out.personId ?? out.id };
    return reply.status(201).send(out);
  });

  app.get('/persons/:id/questionnaires', { config: { action: 'persons.list', target: 'person' }, schema: { tags, summary: "A person's first-responder questionnaires", params: IdParams, response: { 200: QuestionnaireList } } }, async (req) => {
    await assertPersonVisible(db, authOf(req), 'persons.list', req.params.id);
    return personQuestionnaires(db, key, req.params.id);
  });

  app.get('/screening/stats', { config: { action: 'screening.stats' }, schema: { tags, summary: 'Counts of kept, flagged and reviewed items (no text)', response: { 200: ScreeningStats } } }, async () => screeningStats(db));
}
