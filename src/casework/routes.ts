import { z } from 'zod';
import { auditActor, authOf } from '../http/access.ts';
import { IdParams } from '../http/params.ts';
import type { App, AppContext } from '../http/types.ts';
import { assertPersonVisible } from '../victims/access.ts';
import { assign, assignmentOf } from './assignment.ts';
import { addAttachment, attachmentsOf, discardFile, readAttachment } from './attachments.ts';
import { addNote, editNote, noteHistory, notesOf } from './notes.ts';
import { summaryRoutes } from './summary-routes.ts';
import { AssignInput, Assignment, AttachmentInput, AttachmentList, AttachmentParams, NoteHistory, NoteInput, NoteList, NoteParams } from './schema.ts';

const Created = z.object({ id: z.uuid() });

/** Case notes, attachments and assignment: each route first proves the person is within the caller's reach. */
export function caseworkRoutes(app: App, ctx: AppContext) {
  const { db, fieldKey: key, config } = ctx;
  const store = config.attachments;
  const tags = ['casework'];
  const audit = (req: Parameters<typeof auditActor>[0]) => ({ actor: auditActor(req), ip: req.ip });
  summaryRoutes(app, ctx);

  app.get('/persons/:id/notes', { config: { action: 'notes.read', target: 'person' }, schema: { tags, summary: "The case's notes, newest first", params: IdParams, response: { 200: NoteList } } }, async (req) => {
    await assertPersonVisible(db, authOf(req), 'notes.read', req.params.id);
    return { items: await notesOf(db, key, req.params.id) };
  });
  app.post('/persons/:id/notes', { config: { action: 'notes.write', target: 'person' }, schema: { tags, summary: 'Add a case note', params: IdParams, body: NoteInput, response: { 201: Created } } }, async (req, reply) => {
    const auth = authOf(req);
    const id = await db.transaction().execute(async (trx) => {
      await assertPersonVisible(trx, auth, 'notes.write', req.params.id);
      return addNote(trx, key, req.params.id, req.body.body, auth.userId, audit(req));
    });
    return reply.status(201).send({ id });
  });
  app.put('/persons/:id/notes/:noteId', { config: { action: 'notes.write', target: 'person' }, schema: { tags, summary: 'Rewrite your own note (the earlier text is kept)', params: NoteParams, body: NoteInput, response: { 204: z.null() } } }, async (req, reply) => {
    const auth = authOf(req);
    await db.transaction().execute(async (trx) => {
      await assertPersonVisible(trx, auth, 'notes.write', req.params.id);
      await editNote(trx, key, req.params.id, req.params.noteId, req.body.body, auth.userId, audit(req));
    });
    return reply.status(204).send(null);
  });
  app.get('/persons/:id/notes/:noteId/history', { config: { action: 'notes.read', target: 'person' }, schema: { tags, summary: "A note's texts, newest first", params: NoteParams, response: { 200: NoteHistory } } }, async (req) => {
    await assertPersonVisible(db, authOf(req), 'notes.read', req.params.id);
    return { items: await noteHistory(db, key, req.params.id, req.params.noteId) };
  });

  app.get('/persons/:id/attachments', { config: { action: 'attachments.read', target: 'person' }, schema: { tags, summary: "The case's files", params: IdParams, response: { 200: AttachmentList } } }, async (req) => {
    await assertPersonVisible(db, authOf(req), 'attachments.read', req.params.id);
    return { items: await attachmentsOf(db, key, req.params.id), maxBytes: store.maxBytes };
  });
  app.post(
    '/persons/:id/attachments',
    {
      // The body carries the file in base64 (4/3 of its size) beside a few short fields.
      bodyLimit: Math.ceil((store.maxBytes * 4) / 3) + 64 * 1024,
      config: { action: 'attachments.add', target: 'person', limit: 'export' },
      schema: { tags, summary: 'Attach a PDF or image (encrypted at rest)', params: IdParams, body: AttachmentInput, response: { 201: Created } },
    },
    async (req, reply) => {
      const auth = authOf(req);
      let stored: string | undefined;
      try {
        const id = await db.transaction().execute(async (trx) => {
          await assertPersonVisible(trx, auth, 'attachments.add', req.params.id);
          const { contentBase64, ...rest } = req.body;
          stored = await addAttachment(trx, key, store, req.params.id, { ...rest, content: Buffer.from(contentBase64, 'base64') }, auth.userId, audit(req));
          return stored;
        });
        return reply.status(201).send({ id });
      } catch (err) {
        // The row rolled back: its file must not stay behind.
        if (stored) await discardFile(store, stored);
        throw err;
      }
    },
  );
  app.get(
    '/persons/:id/attachments/:attachmentId/content',
    { config: { action: 'attachments.read', target: 'person' }, schema: { tags, summary: 'The file itself (every download is audited)', params: AttachmentParams } },
    async (req, reply) => {
      await assertPersonVisible(db, authOf(req), 'attachments.read', req.params.id);
      const file = await readAttachment(db, key, store, req.params.id, req.params.attachmentId, audit(req));
      // Shown inline for the preview, but sandboxed: a crafted PDF or image runs no script here.
      return reply
        .header('content-type', file.mediaType)
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
        .header('content-security-policy', "sandbox; default-src 'none'; img-src 'self'; object-src 'self'")
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .send(file.content);
    },
  );

  app.get('/persons/:id/assignment', { config: { action: 'persons.list', target: 'person' }, schema: { tags, summary: 'Who the case is assigned to, and every change', params: IdParams, response: { 200: Assignment } } }, async (req) => {
    await assertPersonVisible(db, authOf(req), 'persons.list', req.params.id);
    return assignmentOf(db, key, req.params.id);
  });
  app.put('/persons/:id/assignment', { config: { action: 'persons.assign', target: 'person' }, schema: { tags, summary: 'Assign the case to a named worker (null: nobody)', params: IdParams, body: AssignInput, response: { 204: z.null() } } }, async (req, reply) => {
    const auth = authOf(req);
    await db.transaction().execute(async (trx) => {
      await assertPersonVisible(trx, auth, 'persons.assign', req.params.id);
      await assign(trx, key, req.params.id, req.body.userId, req.body.reason, auth.userId, audit(req));
    });
    return reply.status(204).send(null);
  });
}
