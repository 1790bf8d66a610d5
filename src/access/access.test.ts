import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { RouteOptions } from 'fastify';
import { roles, type Role } from './roles.ts';
import { buildApp } from '../http/app.ts';
import { startTestApp, type Client, type TestApp } from '../test/harness.ts';

/**
 * Written out by hand, independently of rules.ts: if the rule map drifts from what the
 * roles are meant to do, this table and the live server disagree and the test fails.
 */
const allowed: Record<string, Role[] | 'all'> = {
  'session.self': 'all',
  'profile.read': 'all',
  'agencies.list': 'all',
  'agencies.create': ['administrator'],
  'agencies.update': ['administrator'],
  'users.list': 'all',
  'users.create': ['administrator'],
  'users.update': ['administrator'],
  'users.approve': ['administrator'],
  'settings.read': ['administrator'],
  'settings.update': ['administrator'],
  'persons.list': ['coordinator', 'police_investigator', 'hotline_operator', 'case_worker'],
  'persons.identity': ['coordinator', 'police_investigator', 'hotline_operator', 'case_worker'],
  'persons.create': ['coordinator', 'police_investigator', 'hotline_operator', 'case_worker'],
  'persons.update': ['coordinator', 'police_investigator', 'case_worker'],
  'persons.identify': ['coordinator', 'police_investigator'],
  'referrals.create': ['coordinator', 'police_investigator', 'case_worker'],
  'referrals.inbox': ['coordinator', 'police_investigator', 'case_worker'],
  'assistance.record': ['coordinator', 'police_investigator', 'case_worker'],
  'payments.record': ['coordinator', 'police_investigator', 'case_worker'],
  'notes.read': ['coordinator', 'police_investigator', 'hotline_operator', 'case_worker'],
  'notes.write': ['coordinator', 'police_investigator', 'case_worker'],
  'attachments.read': ['coordinator', 'police_investigator', 'hotline_operator', 'case_worker'],
  'attachments.add': ['coordinator', 'police_investigator', 'case_worker'],
  'consents.override': ['coordinator'],
  'persons.assign': ['coordinator', 'police_investigator', 'case_worker'],
  'hotline.read': ['coordinator', 'police_investigator', 'hotline_operator', 'case_worker'],
  'hotline.log': ['coordinator', 'police_investigator', 'hotline_operator', 'case_worker'],
  'tips.read': ['coordinator', 'police_investigator', 'hotline_operator', 'case_worker'],
  'tips.file': ['coordinator', 'police_investigator', 'hotline_operator', 'case_worker'],
  'tips.review': ['coordinator', 'police_investigator'],
  'hotline.stats': ['coordinator', 'police_investigator', 'hotline_operator', 'analyst'],
  'report.read': ['coordinator', 'police_investigator', 'analyst'],
  'report.sources': ['coordinator', 'police_investigator'],
  'report.narrative': ['coordinator'],
  'report.definition': ['coordinator'],
  'report.publish': ['coordinator'],
  'report.history': ['coordinator'],
  'returns.make': ['coordinator'],
  'prosecution.read': ['coordinator', 'police_investigator', 'prosecutor'],
  'prosecution.record': ['police_investigator', 'prosecutor'],
  'prosecution.stats': ['coordinator', 'police_investigator', 'prosecutor', 'analyst'],
  'submissions.read': ['coordinator', 'agency_reporter'],
  'submissions.edit': ['agency_reporter'],
  'submissions.review': ['coordinator'],
  'submissions.figures': ['coordinator', 'analyst'],
  'indicators.read': ['coordinator', 'analyst', 'agency_reporter'],
  'indicators.edit': ['coordinator'],
  'activities.read': ['coordinator', 'analyst', 'agency_reporter'],
  'activities.record': ['coordinator', 'agency_reporter'],
  'nap.read': ['coordinator', 'analyst', 'agency_reporter'],
  'nap.manage': ['coordinator'],
  'nap.report': ['agency_reporter'],
  'screening.screen': ['coordinator', 'police_investigator', 'hotline_operator', 'case_worker'],
  'screening.keep': ['coordinator', 'police_investigator', 'hotline_operator', 'case_worker'],
  'screening.read': ['coordinator', 'police_investigator', 'hotline_operator', 'case_worker'],
  'screening.review': ['coordinator', 'police_investigator', 'hotline_operator'],
  'screening.export': ['coordinator', 'police_investigator'],
  'screening.stats': ['coordinator', 'police_investigator', 'analyst'],
  'questionnaire.record': ['coordinator', 'police_investigator', 'hotline_operator', 'case_worker'],
  'retention.read': ['coordinator'],
  'retention.hold': ['coordinator'],
  'retention.run': ['coordinator'],
  'duplicates.review': ['coordinator'],
  'duplicates.merge': ['coordinator'],
  'audit.list': ['auditor'],
  'audit.verify': ['auditor'],
};

const SOME_ID = '00000000-0000-4000-8000-000000000000';
const methodOf = (r: RouteOptions) => (Array.isArray(r.method) ? r.method[0] : r.method) as string;
const pathFor = (url: string) => url.replace(/:id\b/g, SOME_ID);

let t: TestApp;
let apiRoutes: RouteOptions[];
before(async () => {
  t = await startTestApp();
  // Logout last: it ends the session the other calls use.
  apiRoutes = t.app.routeList
    .filter((r) => r.url.startsWith('/api/') && methodOf(r) !== 'HEAD')
    .sort((a, b) => Number(a.url.endsWith('/logout')) - Number(b.url.endsWith('/logout')));
});
after(() => t.close());

describe('route coverage', () => {
  test('every /api route names an action from the rule map or is explicitly public', () => {
    for (const r of apiRoutes) {
      const cfg = (r.config ?? {}) as { action?: string; public?: boolean };
      assert.ok(cfg.public === true || (cfg.action && cfg.action in allowed), `${methodOf(r)} ${r.url} has no access rule in the expected table`);
    }
    assert.ok(apiRoutes.length >= 20, 'the route list was actually collected');
  });

  test('an app with a route that has no rule refuses to start, naming the route', async () => {
    await assert.rejects(
      buildApp(t.ctx, { logger: false, extraRoutes: (api) => api.get('/throwaway', async () => ({ leaked: true })) }),
      /Routes without an access rule: GET \/api\/throwaway/,
    );
  });

  test('a route whose action is not in the rule map is refused as well', async () => {
    await assert.rejects(
      buildApp(t.ctx, { logger: false, extraRoutes: (api) => api.get('/throwaway2', { config: { action: 'nonexistent.action' as never } }, async () => ({})) }),
      /GET \/api\/throwaway2/,
    );
  });
});

describe('role × route matrix', () => {
  test('anonymous callers reach only public routes', async () => {
    const anon = t.anonymous();
    for (const r of apiRoutes) {
      const cfg = (r.config ?? {}) as { public?: boolean };
      const res = await anon.request(methodOf(r), pathFor(r.url), methodOf(r) === 'GET' ? undefined : {});
      if (cfg.public) assert.notEqual(res.status, 401, `${methodOf(r)} ${r.url} should be public`);
      else assert.equal(res.body?.error?.code, 'unauthenticated', `${methodOf(r)} ${r.url} must require sign-in`);
    }
  });

  for (const role of roles) {
    test(`${role}: allowed routes pass the access check, all others are forbidden`, async () => {
      const client: Client = await t.as(role);
      for (const r of apiRoutes) {
        const cfg = (r.config ?? {}) as { action?: string; public?: boolean };
        if (cfg.public) continue;
        const grant = allowed[cfg.action ?? ''];
        const expectAllowed = grant === 'all' || (grant ?? []).includes(role);
        const res = await client.request(methodOf(r), pathFor(r.url), methodOf(r) === 'GET' ? undefined : {});
        const code = res.body?.error?.code;
        if (expectAllowed) assert.notEqual(code, 'forbidden', `${role} should be allowed ${methodOf(r)} ${r.url}`);
        else assert.equal(code, 'forbidden', `${role} must be denied ${methodOf(r)} ${r.url} (got ${res.status})`);
        assert.notEqual(code, 'unauthenticated', `${role} lost the session at ${r.url}`);
      }
    });
  }
});

describe('lists and single reads agree', () => {
  test('a police investigator lists only their agency and cannot open a user of another', async () => {
    const police = await t.as('police_investigator');
    const list = await police.get('/api/users');
    assert.equal(list.status, 200);
    assert.ok(list.body.items.length >= 1);
    for (const u of list.body.items) assert.equal(u.agencyId, t.users.police_investigator.agencyId);
    const other = await police.get(`/api/users/${t.users.hotline_operator.id}`);
    assert.equal(other.status, 404);
    const own = await police.get(`/api/users/${t.users.police_investigator.id}`);
    assert.equal(own.status, 200);
  });

  test('the coordinator sees every user', async () => {
    const res = await (await t.as('coordinator')).get('/api/users?limit=500');
    const ids = new Set(res.body.items.map((u: { id: string }) => u.id));
    for (const role of roles) assert.ok(ids.has(t.users[role].id), `coordinator sees ${role}`);
  });
});
