import type { FastifyServerOptions } from 'fastify';

/**
 * Logs carry method, route pattern, status and timing — never query strings, bodies,
 * cookies or headers, which may hold personal data or secrets.
 */
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: ['req.headers', 'req.query', 'req.body', '*.password', '*.cookie', '*.authorization'], remove: true },
    serializers: {
      req: (req: { method: string; routeOptions?: { url?: string }; id?: string }) => ({
        method: req.method,
        route: req.routeOptions?.url ?? '(unmatched)',
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}
