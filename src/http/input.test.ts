import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { daysAgo, intake } from '../test/factories.ts';
import { startTestApp, type Client, type TestApp } from '../test/harness.ts';
import { textProblem } from './input.ts';

let t: TestApp;
let admin: Client;
let coordinator: Client;
let personId: string;
const agencyCount = async () => Number((await t.db.kysely.selectFrom('agencies').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

before(async () => {
  t = await startTestApp();
  admin = await t.as('administrator');
  coordinator = await t.as('coordinator');
  personId = (await intake(coordinator)).id;
  const res = await coordinator.post(`/api/persons/${personId}/reflection`, { startDate: daysAgo(5) });
  assert.equal(res.status, 201, JSON.stringify(res.body));
});
after(() => t.close());

const newAgency = (name: string) => ({ code: `x${Math.random().toString(36).slice(2, 8)}`, name: { az: name, en: name, ru: name }, kind: 'ngo', level: 'national' });

test('textProblem accepts paired surrogates and refuses NUL and lone halves', () => {
  assert.equal(textProblem('Bakı 😀'), null);
  assert.match(textProblem('a\u0000b') ?? '', /NUL/);
  assert.match(textProblem('a\ud800') ?? '', /surrogate/);
  assert.match(textProblem('\udc00z') ?? '', /surrogate/);
  assert.match(textProblem('😀\ude00') ?? '', /surrogate/);
});

test('a NUL or a lone surrogate in an agency name is a 400 naming the field, and nothing is written', async () => {
  const before = await agencyCount();
  for (const bad of ['Agency\u0000', 'Agency\ud800']) {
    const res = await admin.post('/api/agencies', newAgency(bad));
    assert.equal(res.status, 400, JSON.stringify(res.body));
    assert.equal(res.body.error.code, 'validation_failed');
    assert.deepEqual(res.body.error.fields.map((f: { path: string }) => f.path), ['name.az', 'name.en', 'name.ru']);
  }
  assert.equal(await agencyCount(), before);
});

test('a raw lone surrogate escape in the JSON text is refused too', async () => {
  const res = await admin.request('POST', '/api/agencies', JSON.stringify(newAgency('ok')).replace('"ok"', '"o\\udfffk"'));
  assert.equal(res.status, 400);
  assert.equal(res.body.error.fields[0].path, 'name.az');
});

test('NUL in an event region, a narrative and a query string is a 400', async () => {
  const ev = await coordinator.post(`/api/persons/${personId}/events`, { kind: 'exploitation', region: 'Bakı\u0000' });
  assert.equal(ev.status, 400, JSON.stringify(ev.body));
  assert.deepEqual(ev.body.error.fields, [{ path: 'region', message: 'contains a NUL character' }]);
  const nar = await coordinator.put('/api/reports/2024/narratives/intro', { az: 'a\u0000', en: 'b', ru: 'c' });
  assert.equal(nar.status, 400);
  assert.equal(nar.body.error.fields[0].path, 'az');
  const q = await coordinator.get('/api/persons?q=%00');
  assert.equal(q.status, 400);
  assert.equal(q.body.error.fields[0].path, 'query.q');
});

test('an empty PATCH is a 400 naming the body on every PATCH route', async () => {
  const reflection = await coordinator.patch(`/api/persons/${personId}/reflection`, {});
  assert.equal(reflection.status, 400, JSON.stringify(reflection.body));
  assert.deepEqual(reflection.body.error.fields, [{ path: '(body)', message: 'name at least one field to change' }]);
  const patches = t.app.routeList.filter((r) => r.method === 'PATCH' && r.url.startsWith('/api/'));
  assert.ok(patches.length >= 6, 'the app has PATCH routes');
  for (const r of patches) {
    const allowed = r.url.startsWith('/api/agencies') || r.url.startsWith('/api/users') ? admin : coordinator;
    const url = r.url.replace(/:id\b/g, personId);
    const res = await allowed.patch(url, {});
    // Denied routes answer 403 before the body is looked at; every allowed one says the body is empty.
    if (res.status === 403) continue;
    assert.equal(res.status, 400, `${r.url}: ${JSON.stringify(res.body)}`);
    assert.equal(res.body.error.fields[0].path, '(body)', r.url);
  }
});

test('a PATCH that names a field still works', async () => {
  const res = await coordinator.patch(`/api/persons/${personId}/reflection`, { extensionDays: 10 });
  assert.equal(res.status, 204, JSON.stringify(res.body));
});
