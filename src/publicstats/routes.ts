// The public statistics API: no sign-in, published editions only, every table disclosure-controlled.
import { notFound } from '../errors.ts';
import type { App, AppContext } from '../http/types.ts';
import { loadPublicStatsConfig, protectedEditions, type Protected } from './editions.ts';
import { dictionary, publicTables, tableCsv } from './present.ts';
import { PublicDictionary, PublicEditions, PublicLangQuery, PublicTable, PublicTableParams, PublicTables, PublicTablesQuery, PublicYearParams } from './schema.ts';

/** The edition asked for, or the year's edition in force. */
function pick(all: Protected[], year: number, edition: number | undefined): Protected {
  const found = edition === undefined ? all.find((p) => p.row.year === year && p.row.current) : all.find((p) => p.row.year === year && p.row.edition === edition);
  if (!found) throw notFound(edition === undefined ? `A published edition of ${year}` : `Edition ${edition} of ${year}`);
  return found;
}

export function publicStatsRoutes(app: App, ctx: AppContext) {
  const config = loadPublicStatsConfig(ctx.profile.settings.code);
  const tags = ['public'];
  // Anonymous, rate-limited per client address, audited like every call (with no actor).
  const access = { public: true, limit: 'public' } as const;
  // Published editions only change when one is published: the replica when there is one.
  const editions = () => protectedEditions(ctx.reports ?? ctx.db, ctx.profile, config);

  app.get('/public/editions', { config: access, schema: { tags, summary: 'Published editions that have public tables (no sign-in)', security: [], response: { 200: PublicEditions } } }, async () => {
    const all = await editions();
    return {
      threshold: config.threshold,
      editions: all.map((p) => ({ year: p.row.year, edition: p.row.edition, publishedAt: p.row.publishedAt.toISOString().slice(0, 10), current: p.row.current })).sort((a, b) => b.year - a.year || b.edition - a.edition),
    };
  });

  app.get('/public/editions/:year/tables', { config: access, schema: { tags, summary: "An edition's public tables, hidden cells marked (no sign-in)", security: [], params: PublicYearParams, querystring: PublicTablesQuery, response: { 200: PublicTables } } }, async (req) => {
    const p = pick(await editions(), req.params.year, req.query.edition);
    return publicTables(p, config, ctx.profile, req.query.lang);
  });

  app.get(
    '/public/editions/:year/tables/:table/:format',
    { config: access, schema: { tags, summary: 'One public table as CSV or JSON (no sign-in)', security: [], params: PublicTableParams, querystring: PublicTablesQuery } },
    async (req, reply) => {
      const p = pick(await editions(), req.params.year, req.query.edition);
      const out = publicTables(p, config, ctx.profile, req.query.lang);
      const table = out.tables.find((t) => t.id === req.params.table);
      if (!table) throw notFound(`Table ${req.params.table} in edition ${p.row.edition} of ${p.row.year}`);
      const name = `azad-${p.row.year}-e${p.row.edition}-${table.id}-${req.query.lang}.${req.params.format}`;
      reply.header('content-disposition', `attachment; filename="${name}"`);
      if (req.params.format === 'csv') return reply.type('text/csv; charset=utf-8').send(`\uFEFF${tableCsv(table, req.query.lang)}`);
      const body = { year: out.year, edition: out.edition, publishedAt: out.publishedAt, lang: out.lang, threshold: out.threshold, mark: out.mark, legend: out.legend, table: PublicTable.parse(table) };
      return reply.type('application/json; charset=utf-8').send(JSON.stringify(body));
    },
  );

  app.get('/public/dictionary', { config: access, schema: { tags, summary: 'What each public table counts, and the disclosure rule (no sign-in)', security: [], querystring: PublicLangQuery, response: { 200: PublicDictionary } } }, async (req) => {
    const all = await editions();
    const latest = [...all].reverse().find((p) => p.row.current);
    return dictionary(latest, config, ctx.profile, req.query.lang);
  });
}
