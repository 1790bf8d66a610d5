import { auditBeforeReply } from '../http/audit-hook.ts';
import { sql, type SqlBool } from 'kysely';
import { auditActor, authOf } from '../http/access.ts';
import type { App, AppContext } from '../http/types.ts';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { IdParams } from '../http/params.ts';
import type { Action } from '../access/rules.ts';
import { matchKey } from '../crypto/fields.ts';
import { AppError, invalid } from '../errors.ts';
import { mergedRedirect } from '../duplicates/redirect.ts';
import { nameSearchTokens } from './names.ts';
import { ensureNameIndex } from './name-index.ts';
import { assertPersonVisible, personsVisible } from './access.ts';
import { duplicateCandidates, personDetail, personTimeline, reflectionQueue } from './detail.ts';
import { createPerson, listPersons, updatePerson } from './persons.ts';
import { addChild, addEvent, closeCase, decide, overrideConsent, recordConsent, startReflection, updateReflection } from './records.ts';
import {
  ChildInput,
  CloseInput,
  ConsentInput,
  ConsentOverrideInput,
  CreatePersonInput,
  DecisionInput,
  DuplicateCandidates,
  DuplicateQuery,
  EventInput,
  PersonDetail,
  PersonList,
  PersonListQuery,
  ReflectionInput,
  ReflectionQueue,
  ReflectionQueueQuery,
  ReflectionUpdateInput,
  Timeline,
  UpdatePersonInput,
} from './schema.ts';

const Created = z.object({ id: z.uuid() });
const PersonCreated = z.object({ id: z.uuid(), caseCode: z.string() });

export function victimRoutes(app: App, ctx: AppContext) {
  const { db, fieldKey: key, profile } = ctx;
  const tags = ['persons'];
  const base = (req: FastifyRequest) => ({ actor: auditActor(req), ip: req.ip });
  const who = (req: FastifyRequest) => ({ userId: authOf(req).userId, agencyId: authOf(req).agencyId });
  // Persons recorded by an older version get the current name tokens before the first request.
  app.addHook('onReady', async () => {
    const n = await ensureNameIndex(db, key);
    if (n) app.log.info({ persons: n }, 'name search index brought up to date');
  });

  /** Runs a write on one person the caller may change, in one transaction with its audit entry. */
  const onPerson = <T>(req: FastifyRequest<{ Params: { id: string } }>, fn: (trx: typeof db) => Promise<T>, action: Action = 'persons.update') =>
    db.transaction().execute(async (trx) => {
      await assertPersonVisible(trx, authOf(req), action, req.params.id);
      return fn(trx);
    });

  app.get('/persons', { config: { action: 'persons.list' }, schema: { tags, summary: 'Persons you may see', querystring: PersonListQuery, response: { 200: PersonList } } }, async (req) => {
    const auth = authOf(req);
    const { name, assigned, ...query } = req.query;
    // Names are encrypted: the search compares keyed hashes of each word's spelling-neutral skeleton.
    const nameKeys = name === undefined ? undefined : nameSearchTokens(name).map((t) => matchKey(key, t));
    if (nameKeys?.length === 0) throw invalid('The name has no letters to search by', [{ path: 'name', message: 'give at least one name' }]);
    // Searching by name is a use of the identity: only among persons whose identity the caller may read.
    const visible = personsVisible(auth, 'persons.list', auth.scopes);
    const where = nameKeys ? sql<SqlBool>`(${visible} and ${personsVisible(auth, 'persons.identity')})` : visible;
    return listPersons(db, where, { ...query, nameKeys, assignedTo: assigned === 'me' ? auth.userId : undefined });
  });

  app.post(
    '/persons',
    { config: { action: 'persons.create', target: 'person' }, schema: { tags, summary: 'Intake: open a potential-victim record', body: CreatePersonInput, response: { 201: PersonCreated } } },
    async (req, reply) => {
      const person = await db.transaction().execute((trx) => createPerson(trx, { key, profile }, req.body, who(req), base(req)));
      req.auditNote = { targetId: person.id };
      return reply.status(201).send({ id: person.id, caseCode: person.case_code });
    },
  );

  // POST, so that names never appear in URLs (and so in proxy or browser logs).
  app.post(
    '/persons/duplicates',
    { config: { action: 'persons.create' }, schema: { tags, summary: 'Possible existing records for an intake (only ones you may see)', body: DuplicateQuery, response: { 200: DuplicateCandidates } } },
    async (req) => {
      const auth = authOf(req);
      // Matching names and birth dates is a use of the identity, as the name search is: a match
      // on a record whose identity is withheld would confirm who it is.
      return duplicateCandidates(db, key, sql<SqlBool>`(${personsVisible(auth, 'persons.list')} and ${personsVisible(auth, 'persons.identity')})`, req.body);
    },
  );

  app.get(
    '/persons/reflection-queue',
    { config: { action: 'persons.list' }, schema: { tags, summary: 'Reflection periods ending within N days; overdue first', querystring: ReflectionQueueQuery, response: { 200: ReflectionQueue } } },
    async (req) => {
      const auth = authOf(req);
      return reflectionQueue(db, personsVisible(auth, 'persons.list', auth.scopes), req.query.withinDays, profile.settings.timezone);
    },
  );

  app.get('/persons/:id', { config: { action: 'persons.list', target: 'person' }, schema: { tags, summary: 'One person (a merged record redirects to the survivor)', params: IdParams, response: { 200: PersonDetail } } }, async (req, reply) => {
    const auth = authOf(req);
    const detail = await personDetail(db, key, personsVisible(auth, 'persons.list', auth.scopes), personsVisible(auth, 'persons.identity'), req.params.id).catch(async (err: unknown) => {
      // A merged record redirects to the one that stands now, if the caller may see it.
      const target = err instanceof AppError && err.code === 'not_found' ? await mergedRedirect(db, auth, req.params.id) : null;
      if (target) return target;
      throw err;
    });
    if ('mergedInto' in detail) return reply.redirect(`/api/persons/${detail.mergedInto}`, 308);
    // Every disclosure of identifying data is on the record before it leaves the server.
    if (detail.identity) auditBeforeReply(req, { ...base(req), action: 'persons.identity_read', outcome: 'ok', targetType: 'person', targetId: detail.id, details: { caseCode: detail.caseCode } });
    return detail;
  });

  app.get('/persons/:id/timeline', { config: { action: 'persons.list', target: 'person' }, schema: { tags, summary: 'Everything that happened, in order', params: IdParams, response: { 200: Timeline } } }, async (req) => {
    await assertPersonVisible(db, authOf(req), 'persons.list', req.params.id);
    return personTimeline(db, req.params.id);
  });
  const update = { action: 'persons.update', target: 'person' } as const;
  app.patch('/persons/:id', { config: update, schema: { tags, summary: 'Change a person record', params: IdParams, body: UpdatePersonInput, response: { 204: z.null() } } }, async (req, reply) => {
    const auth = authOf(req);
    const visible = personsVisible(auth, 'persons.update', auth.scopes);
    // The identity is written only where it may be read: a refused consent withholds both.
    const where = req.body.identity ? sql<SqlBool>`(${visible} and ${personsVisible(auth, 'persons.identity')})` : visible;
    await db.transaction().execute((trx) => updatePerson(trx, { key, profile }, where, req.params.id, req.body, base(req)));
    return reply.status(204).send(null);
  });

  app.post(
    '/persons/:id/decisions',
    { config: { action: 'persons.identify', target: 'person' }, schema: { tags, summary: 'Record an identification decision', params: IdParams, body: DecisionInput, response: { 201: Created } } },
    async (req, reply) => reply.status(201).send({ id: await onPerson(req, (trx) => decide(trx, req.params.id, req.body, key, who(req), base(req))) }),
  );
  app.post('/persons/:id/events', { config: update, schema: { tags, summary: 'Add a recruitment, transit or exploitation event', params: IdParams, body: EventInput, response: { 201: Created } } }, async (req, reply) =>
    reply.status(201).send({ id: await onPerson(req, (trx) => addEvent(trx, profile, req.params.id, req.body, who(req), base(req))) }),
  );
  app.post('/persons/:id/reflection', { config: update, schema: { tags, summary: 'Start the recovery and reflection period', params: IdParams, body: ReflectionInput, response: { 201: Created } } }, async (req, reply) =>
    reply.status(201).send({ id: await onPerson(req, (trx) => startReflection(trx, profile, req.params.id, req.body, who(req), base(req))) }),
  );
  app.patch('/persons/:id/reflection', { config: update, schema: { tags, summary: 'Extend the period or record its outcome', params: IdParams, body: ReflectionUpdateInput, response: { 204: z.null() } } }, async (req, reply) => {
    await onPerson(req, (trx) => updateReflection(trx, req.params.id, req.body, base(req)));
    return reply.status(204).send(null);
  });
  app.post('/persons/:id/consents', { config: update, schema: { tags, summary: 'Record consent for a purpose', params: IdParams, body: ConsentInput, response: { 201: Created } } }, async (req, reply) =>
    reply.status(201).send({ id: await onPerson(req, (trx) => recordConsent(trx, req.params.id, req.body, who(req), base(req))) }),
  );
  app.post(
    '/persons/:id/consent-overrides',
    {
      config: { action: 'consents.override', target: 'person' },
      schema: { tags, summary: 'Record the legal basis for processing despite a refused consent', params: IdParams, body: ConsentOverrideInput, response: { 201: Created } },
    },
    async (req, reply) => reply.status(201).send({ id: await onPerson(req, (trx) => overrideConsent(trx, key, req.params.id, req.body, who(req), base(req)), 'consents.override') }),
  );
  app.post('/persons/:id/children', { config: update, schema: { tags, summary: "Add a victim's child", params: IdParams, body: ChildInput, response: { 201: Created } } }, async (req, reply) =>
    reply.status(201).send({ id: await onPerson(req, (trx) => addChild(trx, req.params.id, req.body, who(req), base(req))) }),
  );
  app.post('/persons/:id/close', { config: update, schema: { tags, summary: 'Close the case with its reason', params: IdParams, body: CloseInput, response: { 204: z.null() } } }, async (req, reply) => {
    await onPerson(req, (trx) => closeCase(trx, key, req.params.id, req.body, base(req)));
    return reply.status(204).send(null);
  });
}
