import { z } from 'zod';
import { notFound } from '../errors.ts';
import type { App, AppContext } from '../http/types.ts';
import { CONTENT_TYPES } from './output.ts';
import { makeReturn, renderReturn, returnDefinition, returnList } from './returns.ts';
import { ReturnJson, ReturnList, ReturnParams, ReturnQuery } from './schema.ts';

/** The findings of a CSV return cross in this header (JSON, URI-encoded); an XLSX also holds them on its last sheet. */
export const FINDINGS_HEADER = 'x-return-findings';

export function returnRoutes(app: App, ctx: AppContext) {
  const { profile } = ctx;
  // A return only reads: on the replica when there is one (its audit entry goes to the primary).
  const db = ctx.reports ?? ctx.db;
  const tags = ['returns'];

  app.get('/returns', { config: { action: 'returns.make' }, schema: { tags, summary: 'The international returns Azad can make', response: { 200: ReturnList } } }, async () => ({ items: returnList() }));

  app.get(
    '/returns/:name',
    { config: { action: 'returns.make', target: 'return', limit: 'render' }, schema: { tags, summary: "A return for a period, as the receiver's file (or its sheets and findings as JSON)", params: ReturnParams, querystring: ReturnQuery, response: { 200: z.union([ReturnJson, z.any()]) } } },
    async (req, reply) => {
      const def = returnDefinition(req.params.name);
      if (!def) throw notFound('Return');
      const made = await makeReturn(db, profile, def, { from: req.query.from, to: req.query.to });
      // The trail names the return, its period and how many checks failed: never a figure.
      req.auditNote = { details: { return: made.name, from: made.period.from, to: made.period.to, findings: made.findings.length } };
      if (req.query.as === 'json') return { name: made.name, period: made.period, format: made.format, fileName: made.fileName, findings: made.findings, sheets: made.sheets };
      reply.header(FINDINGS_HEADER, encodeURIComponent(JSON.stringify(made.findings)));
      reply.header('content-disposition', `attachment; filename="${made.fileName}"`);
      return reply.type(CONTENT_TYPES[made.format]).send(await renderReturn(made));
    },
  );
}
