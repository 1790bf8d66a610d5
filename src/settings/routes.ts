import { appendAudit, fieldChanges } from '../audit/record.ts';
import { enforceSecondFactorPolicy } from '../accounts/sessions.ts';
import { auditActor } from '../http/access.ts';
import type { App, AppContext } from '../http/types.ts';
import { SecuritySettings } from './schema.ts';
import { getSecuritySettings, putSecuritySettings } from './settings.ts';

export function settingsRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;
  app.get(
    '/settings/security',
    { config: { action: 'settings.read' }, schema: { tags: ['settings'], summary: 'Security settings', response: { 200: SecuritySettings } } },
    async () => getSecuritySettings(db),
  );
  app.put(
    '/settings/security',
    { config: { action: 'settings.update' }, schema: { tags: ['settings'], summary: 'Change security settings', body: SecuritySettings, response: { 200: SecuritySettings } } },
    async (req) =>
      db.transaction().execute(async (trx) => {
        const before = await getSecuritySettings(trx);
        await putSecuritySettings(trx, req.body);
        await enforceSecondFactorPolicy(trx, req.body.secondFactorRequiredRoles);
        await appendAudit(trx, { actor: auditActor(req), action: 'settings.update', outcome: 'ok', targetType: 'settings', targetId: 'security', details: { changes: fieldChanges(before, req.body) } });
        return req.body;
      }),
  );
}
