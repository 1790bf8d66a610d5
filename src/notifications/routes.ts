import { z } from 'zod';
import { authOf } from '../http/access.ts';
import type { App, AppContext } from '../http/types.ts';
import { markRead, notificationsOf } from './notifications.ts';
import { MarkReadInput, NotificationList, NotificationQuery } from './schema.ts';

export function notificationRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;
  const tags = ['notifications'];
  app.get('/notifications', { config: { action: 'session.self' }, schema: { tags, summary: 'Your notifications, newest first, with the unread count', querystring: NotificationQuery, response: { 200: NotificationList } } }, async (req) =>
    notificationsOf(db, authOf(req).userId, { unreadOnly: req.query.unread === 'true', limit: req.query.limit }),
  );
  app.post('/notifications/read', { config: { action: 'session.self' }, schema: { tags, summary: 'Mark notifications read (some, or all)', body: MarkReadInput, response: { 200: z.object({ marked: z.number().int() }) } } }, async (req) => ({
    marked: await markRead(db, authOf(req).userId, 'all' in req.body ? 'all' : req.body.ids),
  }));
}
