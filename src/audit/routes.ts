import type { App, AppContext } from '../http/types.ts';
import { exportAudit, listAudit } from './queries.ts';
import { AuditPage, AuditQuery, AuditVerification } from './schema.ts';
import { verifyAuditChain } from './verify.ts';

export function auditRoutes(app: App, ctx: AppContext) {
  app.get(
    '/audit',
    { config: { action: 'audit.list' }, schema: { tags: ['audit'], summary: 'Search the audit trail', querystring: AuditQuery, response: { 200: AuditPage } } },
    async (req) => listAudit(ctx.db, req.query),
  );
  app.get(
    '/audit/export',
    {
      config: { action: 'audit.list', limit: 'export' },
      schema: { tags: ['audit'], summary: 'The filtered trail as CSV (newest first, at most 50,000 rows)', querystring: AuditQuery.omit({ before: true, limit: true }) },
    },
    async (req, reply) => {
      const { csv, rows, truncated } = await exportAudit(ctx.db, req.query);
      req.auditNote = { ...req.auditNote, details: { rows, truncated, filters: req.query } };
      return reply
        .header('content-disposition', 'attachment; filename="azad-audit.csv"')
        .header('x-rows', String(rows))
        .header('x-truncated', String(truncated))
        .type('text/csv; charset=utf-8')
        .send(`\uFEFF${csv}`);
    },
  );
  app.get(
    '/audit/verify',
    { config: { action: 'audit.verify' }, schema: { tags: ['audit'], summary: 'Check the hash chain', response: { 200: AuditVerification } } },
    async () => verifyAuditChain(ctx.db, ctx.fieldKey),
  );
}
