import type { App, AppContext } from '../http/types.ts';
import { authOf } from '../http/access.ts';
import { today } from '../victims/status.ts';
import { workQueues } from './queues.ts';
import { WorkQueues } from './schema.ts';

export function homeRoutes(app: App, ctx: AppContext) {
  const { db, profile } = ctx;
  const tz = profile.settings.timezone;
  app.get('/home/queues', { config: { action: 'session.self' }, schema: { tags: ['home'], summary: 'What waits for you: counts per work queue your roles reach', response: { 200: WorkQueues } } }, async (req) => ({
    items: await workQueues(db, authOf(req), tz, today(tz)),
  }));
}
