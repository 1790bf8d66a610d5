// The indicator catalogue as the coordinator's data: validated whole with field-named errors, audited,
// and followed by the forms, templates and checks of the year it is for (and of the years after it).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTestApp, type Client, type TestApp } from '../test/harness.ts';

let t: TestApp;
let coordinator: Client;
let reporter: Client; // the harness's agency reporter, at an NGO
let ngo: string;

const GRANTS = {
  id: 'prevention.small_grants',
  label: { az: 'Kiçik qrantlar', en: 'Small grants awarded', ru: 'Выданные малые гранты' },
  unit: 'count',
  periodType: 'year',
  agencies: ['kind:ngo'],
  qualifier: 'about',
  attributes: [
    { id: 'azn', unit: 'azn', label: { az: 'Məbləğ', en: 'Amount', ru: 'Сумма' } },
    { id: 'organisations', unit: 'count', label: { az: 'Təşkilatlar', en: 'Organisations', ru: 'Организации' } },
  ],
};
const paths = (r: { body: { error: { fields: { path: string }[] } } }) => r.body.error.fields.map((f) => f.path).sort();

before(async () => {
  t = await startTestApp();
  coordinator = await t.as('coordinator');
  reporter = await t.as('agency_reporter');
  ngo = t.users.agency_reporter.agencyId;
});
after(() => t.close());

test('the coordinator edits a year\'s catalogue; problems are named by path; reporters and analysts read it, only the coordinator writes', async () => {
  const got = await reporter.get('/api/indicator-catalogue?year=2024');
  assert.equal(got.status, 200);
  assert.equal(got.body.source, 'profile');
  const c = got.body.catalogue;
  assert.equal((await (await t.as('analyst')).get('/api/indicator-catalogue?year=2024')).status, 200);
  assert.equal((await reporter.put('/api/indicator-catalogue?year=2024', c)).status, 403);

  const n = c.indicators.length;
  const bad = await coordinator.put('/api/indicator-catalogue?year=2024', {
    ...c,
    indicators: [...c.indicators, { ...GRANTS, agencies: ['kind:nope', 'no_such_agency'] }, { ...GRANTS, id: 'prevention.awareness_events2', renamedFrom: ['prevention.awareness_events'] }],
  });
  assert.equal(bad.status, 400);
  assert.deepEqual(paths(bad), [`indicators.${n}.agencies.0`]);
  const bad2 = await coordinator.put('/api/indicator-catalogue?year=2024', {
    ...c,
    indicators: [...c.indicators, { ...GRANTS, agencies: ['no_such_agency'] }, { ...GRANTS, id: 'prevention.awareness_events2', renamedFrom: ['prevention.awareness_events'] }, { ...c.indicators[0] }],
    rules: [...c.rules, { id: 'grants_rule', kind: 'at_most', left: 'prevention.small_grants', right: 'nowhere.to_be_found' }],
  });
  assert.equal(bad2.status, 400);
  assert.equal(bad2.body.error.code, 'validation_failed');
  assert.deepEqual(paths(bad2), [`indicators.${n + 1}.renamedFrom.0`, `indicators.${n + 2}.id`, `indicators.${n}.agencies.0`, `rules.${c.rules.length}.right`].sort());

  const put = await coordinator.put('/api/indicator-catalogue?year=2024', { ...c, indicators: [...c.indicators, GRANTS] });
  assert.equal(put.status, 200, JSON.stringify(put.body));
  assert.equal(put.body.source, 'stored');
  assert.equal(put.body.updatedBy, t.users.coordinator.username);
  assert.equal((await reporter.get('/api/indicator-catalogue?year=2025')).body.source, 'inherited');
  assert.equal((await reporter.get('/api/indicator-catalogue?year=2023')).body.source, 'profile', 'earlier years keep theirs');
  const trail = await t.db.kysely.selectFrom('audit_log').select('details').where('action', '=', 'indicators.catalogue').executeTakeFirstOrThrow();
  assert.deepEqual((trail.details as { added: string[] }).added, ['prevention.small_grants']);
});

test('the form, the template and the checks follow the year\'s catalogue: attributes beside the count, each its own answer', async () => {
  const form = await reporter.get(`/api/submissions/form?agencyId=${ngo}&period=2024`);
  const grants = form.body.indicators.find((i: { id: string }) => i.id === 'prevention.small_grants');
  assert.deepEqual(grants.attributes.map((a: { id: string }) => a.id), ['azn', 'organisations']);
  assert.equal(grants.qualifier, 'about');
  assert.ok(!(await reporter.get(`/api/submissions/form?agencyId=${ngo}&period=2023`)).body.indicators.some((i: { id: string }) => i.id === 'prevention.small_grants'), '2023 follows its own catalogue');

  const bad = await reporter.put('/api/submissions/form', { agencyId: ngo, period: '2024', values: [
    { indicatorId: 'prevention.small_grants', value: 3 },
    { indicatorId: 'prevention.small_grants', attribute: 'azn', value: 1500.555 },
    { indicatorId: 'prevention.small_grants', attribute: 'organisations', value: 2.5 },
    { indicatorId: 'prevention.small_grants', attribute: 'kg', value: 1 },
  ] });
  assert.equal(bad.status, 400);
  assert.deepEqual(paths(bad), ['values.prevention.small_grants#azn', 'values.prevention.small_grants#kg', 'values.prevention.small_grants#organisations']);

  // The CSV template: one row for the count, one per attribute (column H names it).
  const csv = String((await reporter.get(`/api/submissions/template?agencyId=${ngo}&period=2024&format=csv&lang=en`)).body).trim().split(/\r\n/);
  assert.equal(csv[1], 'indicator,label,unit,value,qualifier,status,note,attribute');
  const rows = csv.filter((l) => l.startsWith('prevention.small_grants,'));
  assert.deepEqual(rows, ['prevention.small_grants,Small grants awarded,count,,about,,,', 'prevention.small_grants,Small grants awarded: Amount,azn,,,,,azn', 'prevention.small_grants,Small grants awarded: Organisations,count,,,,,organisations']);
  const filled = csv.map((l) => l.replace('Small grants awarded,count,,about', 'Small grants awarded,count,4,about').replace(',azn,,,,,azn', ',azn,2500.5,,,,azn').replace(',count,,,,,organisations', ',count,x,,,,organisations')).join('\r\n');
  const refused = await reporter.post('/api/submissions/import', { agencyId: ngo, period: '2024', format: 'csv', contentBase64: Buffer.from(filled).toString('base64') });
  assert.equal(refused.status, 400);
  const row = csv.findIndex((l) => l.endsWith(',organisations')) + 1;
  assert.deepEqual(paths(refused), [`row ${row}, cell D${row}`]);
  const imported = await reporter.post('/api/submissions/import', { agencyId: ngo, period: '2024', format: 'csv', contentBase64: Buffer.from(filled.replace(',count,x,', ',count,2,')).toString('base64') });
  assert.equal(imported.status, 200, JSON.stringify(imported.body));
  const sub = await reporter.get(`/api/submissions/${imported.body.id}`);
  assert.deepEqual(sub.body.values.filter((v: { indicatorId: string }) => v.indicatorId === 'prevention.small_grants').map((v: { attribute: string; value: number; qualifier: string | null }) => [v.attribute, v.value, v.qualifier]), [['', 4, 'about'], ['azn', 2500.5, null], ['organisations', 2, null]]);
});

test('an indicator with figures for the year is retired, never removed; retired, it leaves the forms', async () => {
  const c = (await coordinator.get('/api/indicator-catalogue?year=2024')).body.catalogue;
  const removed = await coordinator.put('/api/indicator-catalogue?year=2024', { ...c, indicators: c.indicators.filter((i: { id: string }) => i.id !== 'prevention.small_grants') });
  assert.equal(removed.status, 400);
  assert.match(removed.body.error.fields[0].message, /"prevention.small_grants" has figures for 2024: retire it/);
  const retired = await coordinator.put('/api/indicator-catalogue?year=2024', { ...c, indicators: c.indicators.map((i: { id: string }) => (i.id === 'prevention.small_grants' ? { ...i, retired: true } : i)) });
  assert.equal(retired.status, 200, JSON.stringify(retired.body));
  const form = await reporter.get(`/api/submissions/form?agencyId=${ngo}&period=2024`);
  assert.ok(!form.body.indicators.some((i: { id: string }) => i.id === 'prevention.small_grants'));
});
