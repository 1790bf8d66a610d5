import type { App, AppContext } from '../http/types.ts';
import { listAudit } from './queries.ts';
import { AuditPage, AuditQuery, AuditVerification } from './schema.ts';
import { verifyAuditChain } from './verify.ts';

export function auditRoutes(app: App, ctx: AppContext) {
  app.get(
    '/audit',
    { config: { action: 'audit.list' }, schema: { tags: ['audit'], summary: 'Search the audit trail', querystring: AuditQuery, response: { 200: AuditPage } } },
    async (req) => listAudit(ctx.db, req.query),
  );
  app.get(
    '/audit/verify',
    { config: { action: 'audit.verify' }, schema: { tags: ['audit'], summary: 'Check the hash chain', response: { 200: AuditVerification } } },
    async () => verifyAuditChain(ctx.db, ctx.fieldKey),
  );
}
