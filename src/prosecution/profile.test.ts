import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTestApp, type TestApp } from '../test/harness.ts';

// On Zedland's fictional profile: the articles and parts are Zedland's, and the prosecutor works at its office.
let t: TestApp;
before(async () => {
  t = await startTestApp({ profile: 'zz' });
});
after(() => t.close());

test('articles and parts come from the profile in use, never from code', async () => {
  const police = await t.as('police_investigator');
  const day = new Date().toISOString().slice(0, 10);
  const ok = await police.post('/api/prosecution/facts', { registeredOn: day, articles: ['301.2', '303'] });
  assert.equal(ok.status, 201, JSON.stringify(ok.body));
  const az = await police.post('/api/prosecution/facts', { registeredOn: day, articles: ['144-1'] });
  assert.equal(az.status, 400);
  assert.deepEqual(az.body.error.fields.map((f: { path: string }) => f.path), ['articles.0']);
  const part = await police.post('/api/prosecution/facts', { registeredOn: day, articles: ['302.1'] });
  assert.match(part.body.error.fields[0].message, /article 302 has no part "1".*\(parts: none\)/);
  const year = Number(day.slice(0, 4));
  const figures = (await (await t.as('analyst')).get(`/api/prosecution/figures?year=${year}`)).body.figures as { id: string; value: number; breakdown?: Record<string, number> }[];
  assert.deepEqual(figures.find((f) => f.id === 'crimes.by_article')?.breakdown, { '301': 1 });
  assert.equal(figures.find((f) => f.id === 'crimes.trafficking')?.value, 1, "the profile's group decides");
});

test("the prosecutor works at the profile's prosecution office and reads the registry", async () => {
  const agency = await t.db.kysely.selectFrom('agencies').select(['code', 'kind']).where('id', '=', t.users.prosecutor.agencyId).executeTakeFirstOrThrow();
  assert.deepEqual(agency, { code: 'zed_prosecutor', kind: 'prosecutor' });
  assert.equal((await (await t.as('prosecutor')).get('/api/prosecution/facts')).status, 200);
});

test("the fictional profile's own report definition drives its report, in its own languages", async () => {
  const year = new Date().getUTCFullYear();
  const coordinator = await t.as('coordinator');
  const html = await coordinator.get(`/api/reports/${year}/draft/html?lang=az`);
  assert.equal(html.status, 200);
  assert.match(String(html.body), /Zedlandiya/);
  const ru = await coordinator.get(`/api/reports/${year}/draft/html?lang=ru`);
  assert.equal(ru.status, 400, JSON.stringify(ru.body).slice(0, 300));
});
