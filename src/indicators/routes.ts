import { auditActor, authOf } from '../http/access.ts';
import type { App, AppContext } from '../http/types.ts';
import { CatalogueOut, CatalogueQuery, IndicatorCatalogue, StartInput } from './schema.ts';
import { catalogueInForce, saveCatalogue, startCatalogue } from './store.ts';

export function indicatorRoutes(app: App, ctx: AppContext) {
  const { db, profile } = ctx;
  const tags = ['indicators'];
  const base = (req: Parameters<typeof auditActor>[0] & { ip: string }) => ({ actor: auditActor(req), ip: req.ip });

  app.get('/indicator-catalogue', { config: { action: 'indicators.read' }, schema: { tags, summary: "The agencies' indicator catalogue a year follows: its own, else the latest earlier year's, else the profile's", querystring: CatalogueQuery, response: { 200: CatalogueOut } } }, async (req) =>
    catalogueInForce(db, profile, req.query.year),
  );

  app.put('/indicator-catalogue', { config: { action: 'indicators.edit', target: 'indicator_catalogue' }, bodyLimit: 2 * 1024 * 1024, schema: { tags, summary: "Store a year's indicator catalogue (checked whole; every problem named by its path)", querystring: CatalogueQuery, body: IndicatorCatalogue, response: { 200: CatalogueOut } } }, async (req) => {
    await db.transaction().execute((trx) => saveCatalogue(trx, profile, req.query.year, req.body, { userId: authOf(req).userId }, base(req)));
    return catalogueInForce(db, profile, req.query.year);
  });

  app.post('/indicator-catalogue/start', { config: { action: 'indicators.edit', target: 'indicator_catalogue' }, schema: { tags, summary: "Start a year's own catalogue from the year before's", body: StartInput, response: { 200: CatalogueOut } } }, async (req) => {
    await db.transaction().execute((trx) => startCatalogue(trx, profile, req.body.year, { userId: authOf(req).userId }, base(req)));
    return catalogueInForce(db, profile, req.body.year);
  });
}
