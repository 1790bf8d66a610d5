import { sql } from 'kysely';
import { z } from 'zod';
import type { App, AppContext } from '../http/types.ts';

const Health = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), version: z.string() });

export function healthRoutes(app: App, ctx: AppContext) {
  app.get(
    '/health',
    { config: { public: true, audit: false }, schema: { tags: ['health'], summary: 'Liveness and database reachability', response: { 200: Health } } },
    async () => {
      await sql`select 1`.execute(ctx.db);
      return { status: 'ok' as const, database: ctx.databaseKind, version: ctx.version };
    },
  );
}
