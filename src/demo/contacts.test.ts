import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTestApp, type TestApp } from '../test/harness.ts';
import { loadSyntheticContacts } from './contacts.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

test('synthetic contacts come at the published volume and shape, and their recruiters link up', async () => {
  const who = { agencyId: t.users.hotline_operator.agencyId, userId: t.users.hotline_operator.id };
  const n = await loadSyntheticContacts(t.db.kysely, { key: t.ctx.fieldKey, profile: t.ctx.profile }, who, { seed: 7, years: [2023], scale: 0.05 });
  assert.equal(n, Math.round(9_626 * 0.05));
  const again = await loadSyntheticContacts(t.db.kysely, { key: t.ctx.fieldKey, profile: t.ctx.profile }, who, { seed: 7, years: [2023], scale: 0.05 });
  assert.equal(again, n, 'same seed, same volume');

  const stats = (await (await t.as('analyst')).get('/api/hotline/stats?from=2023-01-01&to=2023-12-31')).body;
  assert.equal(stats.total, 2 * n);
  assert.ok(stats.byChannel.phone_152 > stats.total * 0.7, 'mostly phone calls to 152');
  assert.ok(stats.byTopic.work_abroad_info > stats.byTopic.report_trafficking, 'information requests dominate');

  const found = await (await t.as('police_investigator')).post('/api/hotline/search', { identifier: 'https://t.me/synthetic.recruiter.1' });
  assert.ok(found.body.contacts.length >= 2, 'repeated reports about one invented recruiter meet');
});
