import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { appendAudit } from '../audit/record.ts';
import { AppError } from '../errors.ts';
import { auditActor, authOf } from '../http/access.ts';
import type { App, AppContext } from '../http/types.ts';
import { personsVisible } from '../victims/access.ts';
import { buildReport, render } from './build.ts';
import { pieLegend } from './charts.ts';
import { narrativeIds as namedNarratives } from './definition/check.ts';
import { unitOf } from './definition/value-kind.ts';
import { describe } from './definition/describe.ts';
import { labeller, WORDS } from './definition/labels.ts';
import { ReportDefinition } from './definition/schema.ts';
import { definitionFor, parseDefinition, saveDefinition } from './definition/store.ts';
import { buildDocument, dimensionOf } from './document.ts';
import { catalogueFor } from '../indicators/store.ts';
import { importAggregates } from './history.ts';
import { diffWithPublished, editionDocument, listEditions, publishReport } from './publication.ts';
import { DefinitionOut, Diff, Edition, EditionParams, HistoryImportBody, LangQuery, NarrativeBody, NarrativeParams, OverviewQuery, PreviewBody, PreviewOut, PublishBody, Published, ReportFormat, ReportOverview, SourceParams, Sources, YearParams } from './schema.ts';
import { configurePdfPool, pdfPool } from './pdf.ts';
import { figureSourcePersons, figureSourceRecords } from './sources.ts';

const TYPES = { html: 'text/html; charset=utf-8', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', pdf: 'application/pdf', json: 'application/json' } as const;
// The report page is self-contained (inline styles and SVG); nothing in it may load or run anything.
const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'";

// Chromium prints a PDF in seconds; the other formats are built in-process.
const draftLimit = (req: FastifyRequest) => ((req.params as { format?: string }).format === 'pdf' ? 'pdf' : 'render');

export function reportRoutes(app: App, ctx: AppContext) {
  const { db, profile } = ctx;
  // Building figures and documents only reads: on the replica when there is one. Definitions,
  // editions and everything written stay on the primary, so an editor reads back what it saved.
  const reads = ctx.reports ?? db;
  const tags = ['report'];
  configurePdfPool(ctx.config.pdf);
  app.addHook('onClose', () => pdfPool.close());
  const base = (req: Parameters<typeof auditActor>[0] & { ip: string }) => ({ actor: auditActor(req), ip: req.ip });

  app.get('/reports/:year', { config: { action: 'report.read' }, schema: { tags, summary: "The year's figures (with what each counts), validation panel, editions and charts", params: YearParams, querystring: OverviewQuery, response: { 200: ReportOverview } } }, async (req) => {
    const b = await buildReport(reads, profile, req.params.year);
    const def = b.definition.definition;
    const lang = def.languages.includes(req.query.lang) ? req.query.lang : (def.languages[0] ?? 'en');
    const doc = buildDocument({ def, profile, year: b.year, lang, figures: b.figures, narratives: b.narratives[lang] ?? new Map(), evaluated: b.evaluated, draft: true });
    const byId = new Map(def.figures.map((f) => [f.id, f]));
    const label = labeller(def, profile, lang);
    return {
      year: b.year,
      languages: def.languages,
      definition: { source: b.definition.source, fromYear: b.definition.fromYear },
      figures: b.figures.map((f) => {
        const d = byId.get(f.id);
        const dim = dimensionOf(def, f.id);
        const parts = Object.fromEntries(Object.keys(f.breakdown ?? {}).map((k) => [k, label(dim, k)]));
        return { ...f, label: d?.label[lang] ?? d?.label.en ?? f.id, countedAs: d ? describe(d, def, profile, lang, b.year, b.catalogue) : '', unit: d ? unitOf(d) : 'count', partLabels: parts };
      }),
      problems: b.problems,
      editions: await listEditions(db, b.year),
      narratives: def.sections.flatMap((s) => s.blocks.flatMap((x) => (x.kind === 'narrative' ? [{ id: x.id, label: x.label[lang] ?? x.label.en ?? x.id, az: b.narratives.az?.get(x.id) ?? '', en: b.narratives.en?.get(x.id) ?? '', ru: b.narratives.ru?.get(x.id) ?? '' }] : []))),
      charts: doc.blocks.flatMap((x) => (x.kind === 'chart' ? [{ id: x.id, title: x.title, option: x.option, legend: pieLegend(x.option) }] : [])),
    };
  });

  app.get('/reports/:year/definition', { config: { action: 'report.read' }, schema: { tags, summary: "The year's report definition: its own, else the latest earlier year's, else the profile's", params: YearParams, response: { 200: DefinitionOut } } }, async (req) =>
    definitionFor(db, profile, req.params.year),
  );

  app.put('/reports/:year/definition', { config: { action: 'report.definition', target: 'report' }, bodyLimit: 4 * 1024 * 1024, schema: { tags, summary: "Store the year's report definition (checked whole; every problem named by its path)", params: YearParams, body: ReportDefinition, response: { 200: DefinitionOut } } }, async (req) => {
    const def = await db.transaction().execute((trx) => saveDefinition(trx, profile, req.params.year, req.body, { userId: authOf(req).userId }, base(req)));
    return { year: req.params.year, source: 'stored' as const, fromYear: req.params.year, definition: def };
  });

  app.post('/reports/:year/preview', { config: { action: 'report.definition', target: 'report', limit: 'render' }, bodyLimit: 4 * 1024 * 1024, schema: { tags, summary: 'The report built from a proposed definition, without storing it (the editor\'s live preview)', params: YearParams, body: PreviewBody, response: { 200: PreviewOut } } }, async (req) => {
    const def = parseDefinition(req.body.definition, profile, await catalogueFor(db, profile, req.params.year));
    const b = await buildReport(reads, profile, req.params.year, { definition: def });
    const lang = def.languages.includes(req.body.lang) ? req.body.lang : (def.languages[0] ?? 'en');
    const out = await render(b, 'html', lang, `Azad ${ctx.version} · ${WORDS.draft?.[lang]}`);
    return { html: out.content.toString('utf8'), problems: b.problems, figures: b.figures };
  });

  app.get('/reports/:year/draft/:format', { config: { action: 'report.read', limit: draftLimit }, schema: { tags, summary: 'The live (unpublished) report in one format', params: YearParams.extend({ format: ReportFormat }), querystring: LangQuery } }, async (req, reply) => {
    const b = await buildReport(reads, profile, req.params.year);
    const out = await render(b, req.params.format, req.query.lang, `Azad ${ctx.version} · ${WORDS.draft?.[req.query.lang]} · ${new Date().toISOString().slice(0, 10)}`);
    if (out.format === 'html') reply.header('content-security-policy', REPORT_CSP);
    else reply.header('content-disposition', `attachment; filename="${out.fileName.replace('.', '-draft.')}"`);
    return reply.type(out.contentType).send(out.content);
  });

  app.post('/reports/:year/publish', { config: { action: 'report.publish', target: 'report', limit: 'pdf' }, schema: { tags, summary: 'Publish (freeze) the report; a later edition supersedes the earlier', params: YearParams, body: PublishBody, response: { 201: Published } } }, async (req, reply) => {
    const out = await publishReport(db, ctx, req.params.year, req.body, { userId: authOf(req).userId }, base(req));
    req.auditNote = { targetId: out.id };
    return reply.status(201).send(out);
  });

  app.get('/reports/:year/editions', { config: { action: 'report.read' }, schema: { tags, summary: 'Published editions', params: YearParams, response: { 200: z.object({ items: z.array(Edition) }) } } }, async (req) => ({
    items: await listEditions(db, req.params.year),
  }));

  app.get('/reports/:year/editions/:edition/:format', { config: { action: 'report.read' }, schema: { tags, summary: 'A published document, exactly as frozen', params: EditionParams, querystring: LangQuery } }, async (req, reply) => {
    const { year, edition, format } = req.params;
    const doc = await editionDocument(db, year, edition, format, req.query.lang);
    reply.header('x-content-sha256', doc.sha256);
    if (format === 'html') reply.header('content-security-policy', REPORT_CSP);
    else reply.header('content-disposition', `attachment; filename="azad-report-${year}-ed${edition}${format === 'json' ? '' : `-${req.query.lang}`}.${format}"`);
    return reply.type(TYPES[format]).send(Buffer.from(doc.content));
  });

  app.get('/reports/:year/diff', { config: { action: 'report.read' }, schema: { tags, summary: 'Live figures against the published edition', params: YearParams, response: { 200: Diff } } }, async (req) =>
    diffWithPublished(reads, profile, req.params.year),
  );

  app.put('/reports/:year/narratives/:blockId', { config: { action: 'report.narrative', target: 'report' }, schema: { tags, summary: "Write a narrative block of the year's report", params: NarrativeParams, body: NarrativeBody, response: { 204: z.null() } } }, async (req, reply) => {
    const { year, blockId } = req.params;
    const narrativeIds = namedNarratives((await definitionFor(db, profile, year)).definition);
    if (!narrativeIds.includes(blockId)) throw new AppError('not_found', `No narrative block "${blockId}"`, [{ path: 'blockId', message: `one of ${narrativeIds.join(', ')}` }]);
    await db.transaction().execute(async (trx) => {
      for (const lang of ['az', 'en', 'ru'] as const) {
        await trx
          .insertInto('report_narratives')
          .values({ year, block_id: blockId, lang, text: req.body[lang], updated_by: authOf(req).userId })
          .onConflict((oc) => oc.columns(['year', 'block_id', 'lang']).doUpdateSet({ text: req.body[lang], updated_by: authOf(req).userId, updated_at: new Date() }))
          .execute();
      }
      // In the same transaction: a narrative that cannot be audited is not written.
      await appendAudit(trx, { ...base(req), action: 'report.narrative', outcome: 'ok', targetType: 'report', details: { year, blockId } });
    });
    return reply.status(204).send(null);
  });

  app.post('/reports/history', { config: { action: 'report.history', target: 'report' }, schema: { tags, summary: 'Import aggregates for years before the records (all or nothing)', body: HistoryImportBody, response: { 200: z.object({ rows: z.number().int() }) } } }, async (req) =>
    db.transaction().execute((trx) => importAggregates(trx, req.body.aggregates, { userId: authOf(req).userId }, base(req))),
  );

  app.get('/reports/:year/figures/:figureId/sources', { config: { action: 'report.sources', target: 'report' }, schema: { tags, summary: 'The records behind a figure, as far as you may see them', params: SourceParams, response: { 200: Sources } } }, async (req) => {
    const { year, figureId } = req.params;
    // Agencies' figures name the approved submissions behind them; record-derived ones the persons.
    const { definition: def } = await definitionFor(db, profile, year);
    if (!def.figures.some((f) => f.id === figureId)) throw new AppError('not_found', `No figure "${figureId}" in the ${year} report`, [{ path: 'figureId', message: 'not in the definition' }]);
    const figure = (await buildReport(reads, profile, year)).figures.find((f) => f.id === figureId);
    const records = await figureSourceRecords(reads, profile, def, figureId, year);
    if (figure?.sources) return { figure: figureId, year, persons: [], submissions: figure.sources, records };
    // Figures of records not about persons (crime facts, cases, contacts) list no persons, only their record counts.
    return { figure: figureId, year, persons: await figureSourcePersons(reads, profile, def, figureId, year, personsVisible(authOf(req), 'persons.list')), submissions: [], records };
  });
}
