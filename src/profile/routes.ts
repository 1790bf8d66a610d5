import type { App, AppContext } from '../http/types.ts';
import { Profile } from './schema.ts';

export function profileRoutes(app: App, ctx: AppContext) {
  app.get(
    '/profile',
    { config: { action: 'profile.read' }, schema: { tags: ['profile'], summary: 'The country profile: regions, agencies, articles, labels', response: { 200: Profile } } },
    async () => ctx.profile,
  );
}
