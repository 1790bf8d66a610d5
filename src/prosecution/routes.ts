import { auditBeforeReply } from '../http/audit-hook.ts';
import { languageOf } from '../i18n/server.ts';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { auditActor, authOf } from '../http/access.ts';
import { IdParams } from '../http/params.ts';
import type { App, AppContext } from '../http/types.ts';
import { personsVisible } from '../victims/access.ts';
import { normaliseCaseArticles } from './articles.ts';
import { addFactToCase, caseDetail, listCases, moveCase, openCase, setCaseVictim } from './cases.ts';
import { addDefendant, addStep, defendantDetail, recordSentence } from './defendants.ts';
import { factDetail, listFacts, markNoCase, registerFact } from './facts.ts';
import {
  CaseDetail,
  CaseFactInput,
  CaseInput,
  CaseList,
  CaseListQuery,
  CaseStatusInput,
  CaseVictimInput,
  DefendantDetail,
  DefendantInput,
  FactDetail,
  FactInput,
  FactList,
  FactListQuery,
  FactStatusInput,
  Figures,
  FiguresQuery,
  SentenceInput,
  StepInput,
  WantedInput,
  WantedList,
  WantedListQuery,
  WantedStatusInput,
} from './schema.ts';
import { prosecutionFigures } from './statistics.ts';
import { declareWanted, listWanted, moveWanted } from './wanted.ts';

const Created = z.object({ id: z.uuid() });

/**
 * The criminal-justice registry. It is national: every role granted an action has scope "all",
 * so no row filter applies; the rule map alone decides who reaches it.
 */
export function prosecutionRoutes(app: App, ctx: AppContext) {
  const { db, fieldKey: key, profile } = ctx;
  const tags = ['prosecution'];
  const base = (req: FastifyRequest) => ({ actor: auditActor(req), ip: req.ip });
  const who = (req: FastifyRequest) => ({ userId: authOf(req).userId, agencyId: authOf(req).agencyId });
  const read = { action: 'prosecution.read' } as const;
  const record = (target: string) => ({ action: 'prosecution.record', target }) as const;
  app.addHook('onReady', async () => {
    const n = await normaliseCaseArticles(db, profile);
    if (n) app.log.info({ cases: n }, 'principal articles of imported cases reduced to the bare article');
  });

  app.get('/prosecution/facts', { config: read, schema: { tags, summary: 'Registered crimes', querystring: FactListQuery, response: { 200: FactList } } }, async (req) => listFacts(db, req.query));
  app.post('/prosecution/facts', { config: record('crime_fact'), schema: { tags, summary: 'Register a crime (fact)', body: FactInput, response: { 201: Created } } }, async (req, reply) => {
    const id = await db.transaction().execute((trx) => registerFact(trx, { key, profile }, req.body, personsVisible(authOf(req), 'persons.list'), who(req), base(req)));
    req.auditNote = { targetId: id };
    return reply.status(201).send({ id });
  });
  app.get('/prosecution/facts/:id', { config: { ...read, target: 'crime_fact' }, schema: { tags, summary: 'One fact with its victims, tips and cases', params: IdParams, response: { 200: FactDetail } } }, async (req) =>
    factDetail(db, key, req.params.id),
  );
  app.post('/prosecution/facts/:id/status', { config: record('crime_fact'), schema: { tags, summary: 'Close a fact without a case', params: IdParams, body: FactStatusInput, response: { 204: z.null() } } }, async (req, reply) => {
    await db.transaction().execute((trx) => markNoCase(trx, req.params.id, base(req)));
    return reply.status(204).send(null);
  });

  app.get('/prosecution/cases', { config: read, schema: { tags, summary: 'Criminal cases', querystring: CaseListQuery, response: { 200: CaseList } } }, async (req) => listCases(db, req.query));
  app.post('/prosecution/cases', { config: record('criminal_case'), schema: { tags, summary: 'Open a criminal case on registered facts', body: CaseInput, response: { 201: Created } } }, async (req, reply) => {
    const id = await db.transaction().execute((trx) => openCase(trx, profile, req.body, who(req), base(req)));
    req.auditNote = { targetId: id };
    return reply.status(201).send({ id });
  });
  app.get('/prosecution/cases/:id', { config: { ...read, target: 'criminal_case' }, schema: { tags, summary: 'One case with history, facts, persons and victims', params: IdParams, response: { 200: CaseDetail } } }, async (req) =>
    caseDetail(db, req.params.id),
  );
  app.post('/prosecution/cases/:id/facts', { config: record('criminal_case'), schema: { tags, summary: 'Add a fact to the case', params: IdParams, body: CaseFactInput, response: { 204: z.null() } } }, async (req, reply) => {
    await db.transaction().execute((trx) => addFactToCase(trx, req.params.id, req.body.factId, base(req)));
    return reply.status(204).send(null);
  });
  app.post('/prosecution/cases/:id/status', { config: record('criminal_case'), schema: { tags, summary: 'Move the case: completed, sent to court, suspended, closed', params: IdParams, body: CaseStatusInput, response: { 204: z.null() } } }, async (req, reply) => {
    await db.transaction().execute((trx) => moveCase(trx, req.params.id, req.body.status, req.body.on, who(req), base(req)));
    return reply.status(204).send(null);
  });
  app.post('/prosecution/cases/:id/victims', { config: record('criminal_case'), schema: { tags, summary: "A victim in the case: cooperation and the Bar's legal aid", params: IdParams, body: CaseVictimInput, response: { 204: z.null() } } }, async (req, reply) => {
    await db.transaction().execute((trx) => setCaseVictim(trx, personsVisible(authOf(req), 'persons.list'), req.params.id, req.body, base(req)));
    return reply.status(204).send(null);
  });
  app.post('/prosecution/cases/:id/persons', { config: record('criminal_case'), schema: { tags, summary: 'Add a suspect or charge a person', params: IdParams, body: DefendantInput, response: { 201: Created } } }, async (req, reply) => {
    const id = await db.transaction().execute((trx) => addDefendant(trx, key, req.params.id, req.body, who(req), base(req)));
    return reply.status(201).send({ id });
  });

  app.get('/prosecution/persons/:id', { config: { ...read, target: 'prosecuted_person' }, schema: { tags, summary: 'A person prosecuted, with identity (audited)', params: IdParams, response: { 200: DefendantDetail } } }, async (req) => {
    const detail = await defendantDetail(db, key, req.params.id);
    // Every disclosure of identifying data is on the record before it leaves the server.
    auditBeforeReply(req, { ...base(req), action: 'prosecution.identity_read', outcome: 'ok', targetType: 'prosecuted_person', targetId: detail.id, details: { caseNumber: detail.caseNumber } });
    return detail;
  });
  app.post('/prosecution/persons/:id/steps', { config: record('prosecuted_person'), schema: { tags, summary: 'A procedural step: charged, sent to court, convicted, acquitted', params: IdParams, body: StepInput, response: { 204: z.null() } } }, async (req, reply) => {
    await db.transaction().execute((trx) => addStep(trx, req.params.id, req.body.stage, req.body.on, who(req), base(req)));
    return reply.status(204).send(null);
  });
  app.post('/prosecution/persons/:id/sentence', { config: record('prosecuted_person'), schema: { tags, summary: 'The sentence of a convicted person', params: IdParams, body: SentenceInput, response: { 204: z.null() } } }, async (req, reply) => {
    await db.transaction().execute((trx) => recordSentence(trx, req.params.id, req.body, who(req), base(req)));
    return reply.status(204).send(null);
  });

  app.get('/prosecution/wanted', { config: read, schema: { tags, summary: 'Wanted persons, local and Interpol', querystring: WantedListQuery, response: { 200: WantedList } } }, async (req) => listWanted(db, req.query));
  app.post('/prosecution/wanted', { config: record('wanted_person'), schema: { tags, summary: 'Put a person prosecuted on the wanted list', body: WantedInput, response: { 201: Created } } }, async (req, reply) => {
    const id = await db.transaction().execute((trx) => declareWanted(trx, profile, req.body, who(req), base(req)));
    req.auditNote = { targetId: id };
    return reply.status(201).send({ id });
  });
  app.post('/prosecution/wanted/:id/status', { config: record('wanted_person'), schema: { tags, summary: 'Detained, extradited, or search cancelled', params: IdParams, body: WantedStatusInput, response: { 204: z.null() } } }, async (req, reply) => {
    await db.transaction().execute((trx) => moveWanted(trx, req.params.id, req.body.status, req.body.on, base(req)));
    return reply.status(204).send(null);
  });

  app.get('/prosecution/figures', { config: { action: 'prosecution.stats' }, schema: { tags, summary: 'The annual report figures (aggregates only)', querystring: FiguresQuery, response: { 200: Figures } } }, async (req) => ({
    year: req.query.year,
    figures: await prosecutionFigures(db, ctx.profile, req.query.year, languageOf(req.headers['accept-language'])),
  }));
}
