import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions, type RouteOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { authRoutes } from '../accounts/auth.routes.ts';
import { meRoutes } from '../accounts/me.routes.ts';
import { userRoutes } from '../accounts/users.routes.ts';
import { agencyRoutes } from '../agencies/routes.ts';
import { auditRoutes } from '../audit/routes.ts';
import { errorBody } from '../errors.ts';
import { healthRoutes } from '../health/routes.ts';
import { profileRoutes } from '../profile/routes.ts';
import { settingsRoutes } from '../settings/routes.ts';
import { assistanceRoutes } from '../assistance/routes.ts';
import { caseworkRoutes } from '../casework/routes.ts';
import { notificationRoutes } from '../notifications/routes.ts';
import { referralRoutes } from '../referrals/routes.ts';
import { victimRoutes } from '../victims/routes.ts';
import { homeRoutes } from '../home/routes.ts';
import { hotlineRoutes } from '../hotline/routes.ts';
import { reportRoutes } from '../report/routes.ts';
import { returnRoutes } from '../returns/routes.ts';
import { prosecutionRoutes } from '../prosecution/routes.ts';
import { indicatorRoutes } from '../indicators/routes.ts';
import { submissionRoutes } from '../submissions/routes.ts';
import { activityRoutes } from '../activities/routes.ts';
import { actionPlanRoutes } from '../action-plan/routes.ts';
import { screeningRoutes } from '../screening/routes.ts';
import { retentionRoutes } from '../retention/routes.ts';
import { duplicateRoutes } from '../duplicates/routes.ts';
import { publicStatsRoutes } from '../publicstats/routes.ts';
import { setCalendarTimeZone } from '../victims/schema.ts';
import { accessHook, uncoveredRoute } from './access.ts';
import { auditHook } from './audit-hook.ts';
import { handleError } from './errors.ts';
import { inputHook } from './input.ts';
import { limitHook } from './limits.ts';
import { validatorCompiler } from './validation.ts';
import { loggerOptions } from './logging.ts';
import type { App, AppContext } from './types.ts';

const webDist = fileURLToPath(new URL('../../web/dist/', import.meta.url));

export interface BuildOptions {
  /** Extra routes registered after the built-in ones; tests use it to prove route coverage. */
  extraRoutes?: (app: App) => void;
  logger?: FastifyServerOptions['logger'];
}

/** Builds the whole HTTP application around an open database; nothing here is global. */
export async function buildApp(ctx: AppContext, opts: BuildOptions = {}): Promise<App> {
  setCalendarTimeZone(ctx.profile.settings.timezone);
  const app = Fastify({
    logger: opts.logger ?? loggerOptions(ctx.config.logLevel),
    bodyLimit: ctx.config.bodyLimit,
    // Behind the one load balancer: the peer is the proxy, and the address it appended last is the
    // client. Trusting every hop would take the first X-Forwarded-For entry, which the client writes.
    trustProxy: ctx.config.trustProxy ? (_address: string, hop: number) => hop === 0 : false,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.decorateRequest('auth', null);
  app.decorateRequest('auditNote', null);
  app.decorateRequest('auditFirst', null);

  // Judged after every plugin had its say on each route's config.
  const routes: RouteOptions[] = [];
  app.addHook('onRoute', (route) => {
    routes.push(route);
  });
  app.decorate('routeList', routes);

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    hsts: { maxAge: 31_536_000, includeSubDomains: true },
  });
  await app.register(cookie);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Azad API', version: ctx.version, description: 'Information system for the national response to trafficking in human beings.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'azad_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(async (docs: App) => {
    // The browsable API docs are public pages, like the OpenAPI document they render.
    docs.addHook('onRoute', (route) => {
      route.config = { ...route.config, public: true, audit: false };
    });
    await docs.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true, uiConfig: { docExpansion: 'list' } });
  });

  app.addHook('onRequest', accessHook(ctx));
  app.addHook('preValidation', inputHook);
  app.addHook('preHandler', limitHook(ctx));
  app.addHook('onSend', auditHook(ctx));

  await app.register(
    async (api: App) => {
      // Most answers name people: no browser or proxy cache may keep any (a route may say otherwise).
      api.addHook('onSend', async (_req, reply, payload) => {
        if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
        return payload;
      });
      healthRoutes(api, ctx);
      authRoutes(api, ctx);
      meRoutes(api, ctx);
      homeRoutes(api, ctx);
      userRoutes(api, ctx);
      agencyRoutes(api, ctx);
      auditRoutes(api, ctx);
      settingsRoutes(api, ctx);
      profileRoutes(api, ctx);
      victimRoutes(api, ctx);
      referralRoutes(api, ctx);
      assistanceRoutes(api, ctx);
      caseworkRoutes(api, ctx);
      notificationRoutes(api, ctx);
      hotlineRoutes(api, ctx);
      reportRoutes(api, ctx);
      returnRoutes(api, ctx);
      prosecutionRoutes(api, ctx);
      submissionRoutes(api, ctx);
      indicatorRoutes(api, ctx);
      activityRoutes(api, ctx);
      actionPlanRoutes(api, ctx);
      screeningRoutes(api, ctx);
      retentionRoutes(api, ctx);
      duplicateRoutes(api, ctx);
      publicStatsRoutes(api, ctx);
      api.get('/openapi.json', { config: { public: true, audit: false }, schema: { hide: true } }, () => app.swagger());
      opts.extraRoutes?.(api);
    },
    { prefix: '/api' },
  );

  const hasWeb = fs.existsSync(`${webDist}index.html`);
  if (hasWeb) await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false });

  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.method !== 'GET') {
      return reply.status(404).send(errorBody('not_found', `No route ${req.method} ${req.url.split('?')[0]}`));
    }
    if (!hasWeb) return reply.type('text/plain').send('The web interface is not built. Run: npm run build');
    // Client-side routes all load the single page.
    return reply.type('text/html').sendFile('index.html');
  });

  await app.ready();
  const uncovered = routes.map(uncoveredRoute).filter((r) => r !== null);
  if (uncovered.length) throw new Error(`Routes without an access rule: ${uncovered.join('; ')}`);
  return app;
}
