import { z } from 'zod';
import { scopeFilter } from '../access/scope.ts';
import { IdParams } from '../http/params.ts';
import { auditActor, authOf } from '../http/access.ts';
import type { App, AppContext, Auth } from '../http/types.ts';
import { importSubmission, submissionTemplate } from './import.ts';
import {
  ApproveInput,
  CommentInput,
  Completeness,
  CompletenessQuery,
  FigureList,
  FiguresQuery,
  Form,
  FormQuery,
  ImportInput,
  ReopenInput,
  SaveFormInput,
  Submission,
  SubmissionList,
  SubmissionListQuery,
  TemplateQuery,
} from './schema.ts';
import { completeness, submittedFigures } from './statistics.ts';
import { commentOn, formFor, listSubmissions, reviewSubmission, saveForm, submissionDetail, submitSubmission, type Who } from './submissions.ts';

/** Reporters see their agency's submissions; the same filter serves lists and single reads. */
const visible = (auth: Auth) => scopeFilter(auth, auth.scopes, { agency: 'submissions.agency_id' });
const whoOf = (auth: Auth): Who => ({ userId: auth.userId, agencyId: auth.agencyId, national: auth.scopes.includes('all') });

export function submissionRoutes(app: App, ctx: AppContext) {
  const { db, profile } = ctx;
  const tags = ['submissions'];
  const base = (req: { ip: string } & Parameters<typeof auditActor>[0]) => ({ actor: auditActor(req), ip: req.ip });
  const done = z.object({ id: z.uuid() });

  app.get('/submissions', { config: { action: 'submissions.read' }, schema: { tags, summary: 'Submissions you may see', querystring: SubmissionListQuery, response: { 200: SubmissionList } } }, async (req) => ({
    items: await listSubmissions(db, visible(authOf(req)), req.query),
  }));

  app.get('/submissions/form', { config: { action: 'submissions.read' }, schema: { tags, summary: "An agency's form for a period", querystring: FormQuery, response: { 200: Form } } }, async (req) =>
    formFor(db, profile, whoOf(authOf(req)), req.query.agencyId, req.query.period),
  );

  app.put('/submissions/form', { config: { action: 'submissions.edit', target: 'submission' }, schema: { tags, summary: 'Save the figures of a draft or returned submission', body: SaveFormInput, response: { 200: done } } }, async (req) => {
    const id = await db.transaction().execute((trx) => saveForm(trx, profile, req.body, whoOf(authOf(req)), base(req)));
    req.auditNote = { targetId: id };
    return { id };
  });

  app.get('/submissions/template', { config: { action: 'submissions.read', limit: 'export' }, schema: { tags, summary: 'The XLSX or CSV template for an agency and period', querystring: TemplateQuery } }, async (req, reply) => {
    const t = await submissionTemplate(db, profile, whoOf(authOf(req)), req.query);
    return reply.header('content-type', t.contentType).header('content-disposition', `attachment; filename="${t.filename}"`).send(t.body);
  });

  app.post(
    '/submissions/import',
    { config: { action: 'submissions.edit', target: 'submission' }, schema: { tags, summary: 'Import a filled template (base64 in JSON); a file with any error is refused whole', body: ImportInput, response: { 200: z.object({ id: z.uuid(), values: z.number() }) } } },
    async (req) => {
      const { contentBase64, ...rest } = req.body;
      const out = await db.transaction().execute((trx) => importSubmission(trx, profile, whoOf(authOf(req)), { ...rest, content: Buffer.from(contentBase64, 'base64') }, base(req)));
      req.auditNote = { targetId: out.id };
      return out;
    },
  );

  app.get('/submissions/completeness', { config: { action: 'submissions.review' }, schema: { tags, summary: 'Which agencies have submitted for a period, and which are late', querystring: CompletenessQuery, response: { 200: Completeness } } }, async (req) =>
    completeness(db, profile, req.query.period),
  );

  app.get('/submissions/figures', { config: { action: 'submissions.figures' }, schema: { tags, summary: 'National figures from approved submissions and the activities register', querystring: FiguresQuery, response: { 200: FigureList } } }, async (req) => ({
    year: req.query.year,
    items: await submittedFigures(db, req.query.year),
  }));

  app.get('/submissions/:id', { config: { action: 'submissions.read', target: 'submission' }, schema: { tags, summary: 'One submission with its figures and review history', params: IdParams, response: { 200: Submission } } }, async (req) =>
    submissionDetail(db, visible(authOf(req)), req.params.id),
  );

  app.post('/submissions/:id/submit', { config: { action: 'submissions.edit', target: 'submission' }, schema: { tags, summary: 'Send for review: every figure answered, every rule met', params: IdParams, response: { 200: done } } }, async (req) => {
    const auth = authOf(req);
    await db.transaction().execute((trx) => submitSubmission(trx, profile, visible(auth), req.params.id, whoOf(auth), base(req)));
    return { id: req.params.id };
  });

  const review = (path: string, kind: 'returned' | 'approved' | 'reopened', body: z.ZodType<{ comment?: string } | { reason: string }>, summary: string) =>
    app.post(path, { config: { action: 'submissions.review', target: 'submission' }, schema: { tags, summary, params: IdParams, body, response: { 200: done } } }, async (req) => {
      const auth = authOf(req);
      const b = req.body as { comment?: string; reason?: string };
      await db.transaction().execute((trx) => reviewSubmission(trx, visible(auth), req.params.id, { kind, comment: b.reason ?? b.comment ?? null }, whoOf(auth), base(req)));
      return { id: req.params.id };
    });
  review('/submissions/:id/return', 'returned', CommentInput, 'Return to the agency with a comment');
  review('/submissions/:id/approve', 'approved', ApproveInput, 'Approve: the period is locked');
  review('/submissions/:id/reopen', 'reopened', ReopenInput, 'Reopen an approved period (audited, with a reason)');

  app.post('/submissions/:id/comments', { config: { action: 'submissions.read', target: 'submission' }, schema: { tags, summary: 'Comment on the review thread', params: IdParams, body: CommentInput, response: { 200: done } } }, async (req) => {
    const auth = authOf(req);
    await db.transaction().execute((trx) => commentOn(trx, visible(auth), req.params.id, req.body.comment, whoOf(auth), base(req)));
    return { id: req.params.id };
  });
}
