import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTestApp, type TestApp } from '../test/harness.ts';
import { areaOf, AUDIT_ACTION_NAMES, AUDIT_ACTIONS, isAuditAction, publicCallAction } from './actions.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

test('every action has a name in az, en and ru, the az and ru ones not the English, and an area', () => {
  const gaps: string[] = [];
  for (const code of AUDIT_ACTIONS) {
    const n = AUDIT_ACTION_NAMES[code];
    for (const lang of ['az', 'en', 'ru'] as const) if (!n[lang].trim()) gaps.push(`${code}: no ${lang}`);
    if (n.az === n.en || n.ru === n.en) gaps.push(`${code}: az or ru is the English`);
    if (!areaOf(code)) gaps.push(`${code}: no area`);
  }
  assert.deepEqual(gaps, []);
  // Two actions with one name could not be told apart in the filter.
  for (const lang of ['az', 'en', 'ru'] as const) {
    const names = AUDIT_ACTIONS.map((c) => AUDIT_ACTION_NAMES[c][lang]);
    assert.deepEqual(names.filter((x, i) => names.indexOf(x) !== i), [], lang);
  }
});

test("every API route's audit entry is a named action (commands' own entries are held to the list by the compiler)", () => {
  const unnamed: string[] = [];
  for (const r of t.app.routeList) {
    const cfg = (r.config ?? {}) as { action?: string; audit?: false | 'signed-in' };
    if (!r.url.startsWith('/api/') || cfg.audit === false) continue;
    for (const method of [r.method].flat()) {
      const action = cfg.action ?? publicCallAction(method, r.url);
      if (!isAuditAction(action)) unnamed.push(`${method} ${r.url}: ${action}`);
    }
  }
  assert.deepEqual(unnamed, []);
});

test('the auditor filters the trail by a named action and by agency', async () => {
  const admin = await t.as('administrator');
  await admin.get('/api/users');
  const police = await t.as('police_investigator');
  await police.get('/api/profile');
  assert.notEqual(t.users.administrator.agencyId, t.users.police_investigator.agencyId);
  const auditor = await t.as('auditor');
  const byAction = await auditor.get('/api/audit?action=users.list');
  assert.equal(byAction.status, 200);
  assert.ok(byAction.body.items.length > 0);
  assert.ok(byAction.body.items.every((e: { action: string }) => e.action === 'users.list'));
  const byAgency = await auditor.get(`/api/audit?agencyId=${t.users.police_investigator.agencyId}`);
  const actors = new Set(byAgency.body.items.map((e: { actorUsername: string }) => e.actorUsername));
  assert.ok(actors.has(t.users.police_investigator.username));
  assert.ok(!actors.has(t.users.administrator.username));
});
