import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { notFound } from '../errors.ts';
import { auditActor, authOf } from '../http/access.ts';
import { IdParams } from '../http/params.ts';
import type { App, AppContext } from '../http/types.ts';
import { personsVisible } from '../victims/access.ts';
import { candidatePairs } from './candidates.ts';
import { listLinks, listMerges, unlinkPersons } from './links.ts';
import { linkPersons, mergeOf, mergePersons, undoMerge } from './merge.ts';
import { refreshPairKeys } from './pair-index.ts';
import { mergedRedirect } from './redirect.ts';
import { CandidateList, CandidateQuery, LinkInput, LinkList, Merge, MergedRedirect, MergeInput, MergeList, UndoInput } from './schema.ts';

/** Duplicates across agencies: the coordinator's list of candidate pairs, merges (with undo) and links. */
export function duplicateRoutes(app: App, ctx: AppContext) {
  const { db, fieldKey: key } = ctx;
  const tags = ['duplicates'];
  const base = (req: FastifyRequest) => ({ actor: auditActor(req), ip: req.ip });
  // Persons recorded before the pair index (or changed while no server ran) get their tokens before the first request.
  app.addHook('onReady', async () => {
    const { refreshed } = await refreshPairKeys(db, key);
    if (refreshed) app.log.info({ persons: refreshed }, 'duplicate pair index brought up to date');
  });

  app.get(
    '/duplicates',
    { config: { action: 'duplicates.review' }, schema: { tags, summary: 'Possible duplicate pairs across all agencies, with the parts of each score', querystring: CandidateQuery, response: { 200: CandidateList } } },
    async (req) => {
      const auth = authOf(req);
      // Names are compared only where the coordinator may read them (a refused consent keeps a record out).
      return candidatePairs(db, key, personsVisible(auth, 'persons.identity', auth.scopes), req.query);
    },
  );
  app.post('/duplicates/merges', { config: { action: 'duplicates.merge' }, schema: { tags, summary: 'Merge one record into another', body: MergeInput, response: { 201: Merge } } }, async (req, reply) => {
    const merge = await db.transaction().execute((trx) => mergePersons(trx, key, req.body, authOf(req).userId, base(req)));
    req.auditNote = { targetId: merge.survivorId };
    return reply.status(201).send(merge);
  });
  app.get('/duplicates/merges', { config: { action: 'duplicates.review' }, schema: { tags, summary: 'Merges, standing ones first (case codes only)', response: { 200: MergeList } } }, async () => listMerges(db));
  app.get('/duplicates/merges/:id', { config: { action: 'duplicates.review' }, schema: { tags, summary: 'One merge and the rows it moved', params: IdParams, response: { 200: Merge } } }, async (req) => mergeOf(db, req.params.id));
  app.post(
    '/duplicates/merges/:id/undo',
    { config: { action: 'duplicates.merge' }, schema: { tags, summary: 'Undo a merge: exactly the rows it moved go back', params: IdParams, body: UndoInput, response: { 200: z.object({ movedBack: z.record(z.string(), z.number().int()) }) } } },
    async (req) => ({ movedBack: await db.transaction().execute((trx) => undoMerge(trx, req.params.id, authOf(req).userId, base(req))) }),
  );
  app.post('/duplicates/links', { config: { action: 'duplicates.merge' }, schema: { tags, summary: 'Record a pair as one person kept apart, or as different people', body: LinkInput, response: { 201: z.object({ id: z.uuid() }) } } }, async (req, reply) =>
    reply.status(201).send({ id: await db.transaction().execute((trx) => linkPersons(trx, key, req.body, authOf(req).userId, base(req))) }),
  );
  app.get('/duplicates/links', { config: { action: 'duplicates.review' }, schema: { tags, summary: 'Pairs decided without merging (case codes only)', response: { 200: LinkList } } }, async () => listLinks(db));
  app.delete('/duplicates/links/:id', { config: { action: 'duplicates.merge' }, schema: { tags, summary: 'Take back a link: the pair may be a candidate again', params: IdParams, response: { 204: z.null() } } }, async (req, reply) => {
    await db.transaction().execute((trx) => unlinkPersons(trx, req.params.id, base(req)));
    return reply.status(204).send(null);
  });

  app.get(
    '/persons/:id/merged-into',
    { config: { action: 'persons.list', target: 'person' }, schema: { tags, summary: 'Where a merged record went (only if you may see that record)', params: IdParams, response: { 200: MergedRedirect } } },
    async (req) => {
      const target = await mergedRedirect(db, authOf(req), req.params.id);
      if (!target) throw notFound('Person');
      return target;
    },
  );
}
