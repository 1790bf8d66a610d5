import { sql } from 'kysely';
import { z } from 'zod';
import type { App, AppContext } from '../http/types.ts';

// Anonymous callers (load balancers, monitors) learn only that the service and its database answer;
// the version and the database kind would help an attacker pick exploits.
const Health = z.object({ status: z.literal('ok') });

export function healthRoutes(app: App, ctx: AppContext) {
  app.get(
    '/health',
    { config: { public: true, audit: false }, schema: { tags: ['health'], summary: 'Liveness and database reachability', response: { 200: Health } } },
    async () => {
      await sql`select 1`.execute(ctx.db);
      return { status: 'ok' as const };
    },
  );
}
