import { auditBeforeReply } from '../http/audit-hook.ts';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { auditActor, authOf } from '../http/access.ts';
import { IdParams } from '../http/params.ts';
import type { App, AppContext } from '../http/types.ts';
import { languageOf, serverLanguages, tFor } from '../i18n/server.ts';
import { mergedRedirect } from '../duplicates/redirect.ts';
import { LOCALES } from '../report/definition/labels.ts';
import { printHtml } from '../report/pdf.ts';
import { caseSummary } from './summary.ts';
import { summaryHtml } from './summary-html.ts';

const SummaryQuery = z.strictObject({
  /** The language to print in; the caller's Accept-Language when absent. */
  lang: z.enum(serverLanguages).optional(),
});

/** The printable case summary: Chromium prints what the caller may read, counted against the `pdf` limit. */
export function summaryRoutes(app: App, ctx: AppContext) {
  const { db, fieldKey: key, profile } = ctx;
  app.get(
    '/persons/:id/summary.pdf',
    { config: { action: 'persons.list', target: 'person', limit: 'pdf' }, schema: { tags: ['casework'], summary: 'The case summary as PDF: exactly what you may see of the record and its sections', params: IdParams, querystring: SummaryQuery } },
    async (req, reply) => {
      const auth = authOf(req);
      const lang = req.query.lang ?? languageOf(req.headers['accept-language']);
      const summary = await caseSummary(db, key, auth, req.params.id).catch(async (err: unknown) => {
        // A merged record's summary is the survivor's, for those who may see the survivor.
        const target = err instanceof AppError && err.code === 'not_found' ? await mergedRedirect(db, auth, req.params.id) : null;
        if (target) return target;
        throw err;
      });
      if ('mergedInto' in summary) return reply.redirect(`/api/persons/${summary.mergedInto}/summary.pdf?lang=${lang}`, 308);
      const t = tFor(lang);
      const user = await db.selectFrom('users').select(['display_name', 'username']).where('id', '=', auth.userId).executeTakeFirstOrThrow();
      const at = new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'medium', timeStyle: 'short', timeZone: profile.settings.timezone }).format(new Date());
      const printed = t('caseSummary.printed', { name: `${user.display_name} (${user.username})`, at });
      const pdf = await printHtml(summaryHtml(summary, { t, lang, profile, printed }), `${t('caseSummary.confidential')} · ${printed}`, lang);
      // A printed identity is a disclosure like any other: on the record before the file leaves.
      if (summary.identifying) {
        auditBeforeReply(req, { actor: auditActor(req), ip: req.ip, action: 'persons.identity_read', outcome: 'ok', targetType: 'person', targetId: summary.detail.id, details: { caseCode: summary.detail.caseCode, part: 'case_summary' } });
      }
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${summary.detail.caseCode}-summary.pdf"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );
}
