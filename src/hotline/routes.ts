import { z } from 'zod';
import { IdParams } from '../http/params.ts';
import { auditActor, authOf } from '../http/access.ts';
import type { App, AppContext, Auth } from '../http/types.ts';
import { personsVisible } from '../victims/access.ts';
import { today } from '../victims/status.ts';
import { contactDetail, fileTip, hotlineStats, listContacts, listTips, logContact, searchIdentifier, tipDetail } from './hotline.ts';
import { contactsVisible, contactsWritable, tipsVisible } from './visibility.ts';
import { completeFollowUp, followUps, linkContact, personFromContact, reviewTip } from './links.ts';
import {
  ContactCreated,
  ContactDetail,
  ContactInput,
  ContactList,
  ContactListQuery,
  FollowUps,
  LinkPersonInput,
  PersonFromContactInput,
  SearchInput,
  SearchResult,
  Stats,
  StatsQuery,
  TipDetail,
  TipInput,
  TipList,
  TipStatus,
  TipUpdateInput,
} from './schema.ts';

export function hotlineRoutes(app: App, ctx: AppContext) {
  const { db, fieldKey: key, profile } = ctx;
  const tags = ['hotline'];
  const c = { key, profile };
  const base = (req: { ip: string } & Parameters<typeof auditActor>[0]) => ({ actor: auditActor(req), ip: req.ip });
  const who = (auth: Auth) => ({ userId: auth.userId, agencyId: auth.agencyId });

  app.post('/hotline/contacts', { config: { action: 'hotline.log', target: 'contact' }, schema: { tags, summary: 'Log a call or message', body: ContactInput, response: { 201: ContactCreated } } }, async (req, reply) => {
    const out = await db.transaction().execute((trx) => logContact(trx, c, req.body, who(authOf(req)), base(req)));
    req.auditNote = { targetId: out.id };
    return reply.status(201).send(out);
  });

  app.get('/hotline/contacts', { config: { action: 'hotline.read' }, schema: { tags, summary: 'Contacts you may see', querystring: ContactListQuery, response: { 200: ContactList } } }, async (req) =>
    listContacts(db, contactsVisible(authOf(req)), req.query),
  );

  app.get('/hotline/follow-ups', { config: { action: 'hotline.log' }, schema: { tags, summary: 'Your open follow-ups, overdue marked', response: { 200: FollowUps } } }, async (req) =>
    followUps(db, authOf(req).userId, contactsWritable(authOf(req)), today(profile.settings.timezone)),
  );

  app.get('/hotline/contacts/:id', { config: { action: 'hotline.read', target: 'contact' }, schema: { tags, summary: 'One contact with its identifiers and related reports', params: IdParams, response: { 200: ContactDetail } } }, async (req) => {
    const auth = authOf(req);
    return contactDetail(db, key, req.params.id, contactsVisible(auth), tipsVisible(auth));
  });

  app.post(
    '/hotline/contacts/:id/person',
    { config: { action: 'persons.create', target: 'contact' }, schema: { tags, summary: 'Open a potential-victim record from this contact', params: IdParams, body: PersonFromContactInput, response: { 201: z.object({ id: z.uuid(), caseCode: z.string(), referralId: z.uuid().nullable() }) } } },
    async (req, reply) => {
      const auth = authOf(req);
      // Whoever may open a person record may open one from any call they may read: the police
      // register victims from the hotline's calls, which their own agency did not log.
      const person = await db.transaction().execute((trx) => personFromContact(trx, c, contactsVisible(auth), req.params.id, req.body, who(auth), base(req)));
      return reply.status(201).send(person);
    },
  );

  app.post('/hotline/contacts/:id/link', { config: { action: 'hotline.log', target: 'contact' }, schema: { tags, summary: 'Link this contact to a person you may see', params: IdParams, body: LinkPersonInput, response: { 204: z.null() } } }, async (req, reply) => {
    const auth = authOf(req);
    // Linking needs sight of both records; the caller's agency need not have logged the call.
    await db.transaction().execute((trx) => linkContact(trx, contactsVisible(auth), personsVisible(auth, 'persons.list'), req.params.id, req.body.personId, base(req)));
    return reply.status(204).send(null);
  });

  app.post('/hotline/contacts/:id/follow-up-done', { config: { action: 'hotline.log', target: 'contact' }, schema: { tags, summary: 'Mark a follow-up done', params: IdParams, response: { 204: z.null() } } }, async (req, reply) => {
    await db.transaction().execute((trx) => completeFollowUp(trx, contactsWritable(authOf(req)), req.params.id, base(req)));
    return reply.status(204).send(null);
  });

  app.post('/hotline/tips', { config: { action: 'tips.file', target: 'tip' }, schema: { tags, summary: 'File a tip for the police queue', body: TipInput, response: { 201: ContactCreated } } }, async (req, reply) => {
    const out = await db.transaction().execute((trx) => fileTip(trx, c, req.body, contactsVisible(authOf(req)), who(authOf(req)), base(req)));
    req.auditNote = { targetId: out.id };
    return reply.status(201).send(out);
  });

  app.get('/hotline/tips', { config: { action: 'tips.read' }, schema: { tags, summary: 'The tip queue', querystring: z.strictObject({ status: TipStatus.optional() }), response: { 200: TipList } } }, async (req) => ({
    items: await listTips(db, ctx.fieldKey, tipsVisible(authOf(req)), req.query.status),
  }));

  app.get('/hotline/tips/:id', { config: { action: 'tips.read', target: 'tip' }, schema: { tags, summary: 'One tip', params: IdParams, response: { 200: TipDetail } } }, async (req) => {
    const auth = authOf(req);
    return tipDetail(db, key, req.params.id, contactsVisible(auth), tipsVisible(auth));
  });

  app.patch('/hotline/tips/:id', { config: { action: 'tips.review', target: 'tip' }, schema: { tags, summary: 'Review a tip; link it to a crime record', params: IdParams, body: TipUpdateInput, response: { 204: z.null() } } }, async (req, reply) => {
    await db.transaction().execute((trx) => reviewTip(trx, tipsVisible(authOf(req)), req.params.id, req.body, authOf(req).userId, base(req)));
    return reply.status(204).send(null);
  });

  // POST: a phone number or account is identifying, and must not sit in a URL.
  app.post('/hotline/search', { config: { action: 'hotline.read' }, schema: { tags, summary: 'Every contact and tip naming a phone number or account', body: SearchInput, response: { 200: SearchResult } } }, async (req) => {
    const auth = authOf(req);
    return searchIdentifier(db, c, req.body.identifier, contactsVisible(auth), tipsVisible(auth));
  });

  app.get('/hotline/stats', { config: { action: 'hotline.stats' }, schema: { tags, summary: 'Counts by topic, channel and outcome', querystring: StatsQuery, response: { 200: Stats } } }, async (req) =>
    hotlineStats(db, req.query.from, req.query.to),
  );
}
