import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { agencyId, userAt } from '../test/factories.ts';
import { startTestApp, type Client, type TestApp } from '../test/harness.ts';
import { formatQualified, periodDeadline } from './schema.ts';

let t: TestApp;
let inspector: Client; // agency reporter at the State Labour Inspection Service
let ngo: Client; // the harness's agency reporter, at an NGO
let coordinator: Client;
let lab: string;

// The labour inspectorate's 2023 figures as published, plus workers checked (not published; synthetic).
const labour2023: Record<string, number> = {
  'labour.employer_sessions': 60,
  'labour.employer_sessions.attendees': 6500,
  'labour.site_inspections.sites': 32,
  'labour.site_inspections.workers_inspected': 900,
  'labour.site_inspections.uncontracted': 47,
  'labour.site_inspections.fines_azn': 123000,
  'labour.site_inspections.employers_fined': 13,
  'labour.inspectorate.uncontracted': 512,
  'labour.inspectorate.fines_azn': 2374000,
  'labour.inspectorate.unrelated_work': 1,
  'labour.under_15_employment': 2,
  'labour.forced_labour_cases': 3,
  'labour.forced_labour_criminal_cases': 2,
};
const valuesOf = (figures: Record<string, number>, extra: Record<string, unknown>[] = []) => [
  ...Object.entries(figures).map(([indicatorId, value]) => ({ indicatorId, value, ...(indicatorId.endsWith('attendees') ? { qualifier: 'more_than' } : {}) })),
  ...extra,
];

before(async () => {
  t = await startTestApp();
  inspector = await userAt(t, 'state_labour_inspection', 'agency_reporter', 'sli.reporter');
  ngo = await t.as('agency_reporter');
  coordinator = await t.as('coordinator');
  lab = await agencyId(t, 'state_labour_inspection');
});
after(() => t.close());

describe('the submission workflow', () => {
  test('an inconsistent figure is refused, naming both figures; submit, return, fix, approve, lock, reopen', async () => {
    const form = await inspector.get(`/api/submissions/form?agencyId=${lab}&period=2023`);
    assert.equal(form.status, 200);
    assert.equal(form.body.indicators.length, 13);
    assert.equal(form.body.submission, null);

    // More uncontracted workers than workers checked: the part exceeds its whole.
    const bad = await inspector.put('/api/submissions/form', { agencyId: lab, period: '2023', values: valuesOf({ ...labour2023, 'labour.site_inspections.workers_inspected': 40 }) });
    assert.equal(bad.status, 400);
    const f = bad.body.error.fields.find((x: { path: string }) => x.path === 'values.labour.site_inspections.uncontracted');
    assert.ok(f, JSON.stringify(bad.body));
    assert.match(f.message, /Workers found without an employment contract at inspected sites \(47\)/);
    assert.match(f.message, /Workers checked at inspected construction sites \(40\)/);

    // A draft may be partial; submitting it is refused until every figure is answered.
    const partial = await inspector.put('/api/submissions/form', { agencyId: lab, period: '2023', values: [{ indicatorId: 'labour.employer_sessions', value: 60 }] });
    assert.equal(partial.status, 200);
    const id = partial.body.id as string;
    const early = await inspector.post(`/api/submissions/${id}/submit`);
    assert.equal(early.status, 400);
    assert.equal(early.body.error.fields.length, 12);

    // Negative amounts never pass.
    const negative = await inspector.put('/api/submissions/form', { agencyId: lab, period: '2023', values: [{ indicatorId: 'labour.inspectorate.fines_azn', value: -5 }] });
    assert.equal(negative.status, 400);
    assert.match(negative.body.error.fields[0].message, /cannot be negative/);

    // Zero, unknown and not applicable are three different answers.
    const { 'labour.under_15_employment': _u, 'labour.inspectorate.unrelated_work': _w, ...rest } = labour2023;
    const saved = await inspector.put('/api/submissions/form', {
      agencyId: lab,
      period: '2023',
      values: valuesOf({ ...rest, 'labour.site_inspections.uncontracted': 470 }, [
        { indicatorId: 'labour.under_15_employment', state: 'unknown' },
        { indicatorId: 'labour.inspectorate.unrelated_work', value: 0 },
      ]),
    });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.equal((await inspector.post(`/api/submissions/${id}/submit`)).status, 200);
    assert.equal((await inspector.put('/api/submissions/form', { agencyId: lab, period: '2023', values: [] })).status, 409, 'under review: not editable');

    // Only the coordinator reviews.
    assert.equal((await inspector.post(`/api/submissions/${id}/approve`, {})).status, 403);
    const returned = await coordinator.post(`/api/submissions/${id}/return`, { comment: 'Uncontracted workers 470 looks like a typo for 47' });
    assert.equal(returned.status, 200);
    const seen = await inspector.get(`/api/submissions/${id}`);
    assert.equal(seen.body.status, 'returned');
    assert.equal(seen.body.events.at(-1).comment, 'Uncontracted workers 470 looks like a typo for 47');
    const stored = Object.fromEntries(seen.body.values.map((v: { indicatorId: string }) => [v.indicatorId, v]));
    assert.deepEqual([stored['labour.under_15_employment'].state, stored['labour.under_15_employment'].value], ['unknown', null]);
    assert.deepEqual([stored['labour.inspectorate.unrelated_work'].state, stored['labour.inspectorate.unrelated_work'].value], ['reported', 0]);

    const fixed = await inspector.put('/api/submissions/form', { agencyId: lab, period: '2023', values: valuesOf(labour2023) });
    assert.equal(fixed.status, 200);
    assert.equal((await inspector.post(`/api/submissions/${id}/submit`)).status, 200);
    assert.equal((await coordinator.post(`/api/submissions/${id}/approve`, {})).status, 200);

    // Approved: locked against every edit, with its own error code.
    const locked = await inspector.put('/api/submissions/form', { agencyId: lab, period: '2023', values: valuesOf(labour2023) });
    assert.equal(locked.status, 409);
    assert.equal(locked.body.error.code, 'period_locked');
    const csv = 'azad-submission,state_labour_inspection,2023\r\nindicator,label,unit,value,qualifier,status,note\r\nlabour.employer_sessions,,count,61,,,\r\n';
    const lockedImport = await inspector.post('/api/submissions/import', { agencyId: lab, period: '2023', format: 'csv', contentBase64: Buffer.from(csv).toString('base64') });
    assert.equal(lockedImport.body.error.code, 'period_locked');
    assert.equal((await inspector.post(`/api/submissions/${id}/submit`)).body.error.code, 'period_locked');

    // Reopening needs a reason and is audited with it.
    assert.equal((await coordinator.post(`/api/submissions/${id}/reopen`, {})).status, 400);
    assert.equal((await coordinator.post(`/api/submissions/${id}/reopen`, { reason: 'Ministry sent corrected fines' })).status, 200);
    const audit = await t.db.kysely.selectFrom('audit_log').select(['details', 'actor_username']).where('action', '=', 'submissions.reopened').where('target_id', '=', id).executeTakeFirstOrThrow();
    assert.equal((audit.details as { reason: string }).reason, 'Ministry sent corrected fines');
    assert.equal(audit.actor_username, 'test.coordinator');
    assert.equal((await inspector.get(`/api/submissions/${id}`)).body.status, 'returned');
    // Re-approve so that the figures below have their source.
    assert.equal((await inspector.post(`/api/submissions/${id}/submit`)).status, 200);
    assert.equal((await coordinator.post(`/api/submissions/${id}/approve`, { comment: 'ok' })).status, 200);
  });
});

describe('access', () => {
  test('a reporter cannot see or submit for another agency', async () => {
    const other = await ngo.get(`/api/submissions/form?agencyId=${lab}&period=2023`);
    assert.equal(other.status, 403);
    const put = await ngo.put('/api/submissions/form', { agencyId: lab, period: '2023', values: valuesOf(labour2023) });
    assert.equal(put.status, 403);
    const tpl = await ngo.get(`/api/submissions/template?agencyId=${lab}&period=2023&format=csv`);
    assert.equal(tpl.status, 403);
    const imp = await ngo.post('/api/submissions/import', { agencyId: lab, period: '2023', format: 'csv', contentBase64: Buffer.from('x').toString('base64') });
    assert.equal(imp.status, 403);

    const sub = await coordinator.get('/api/submissions?period=2023');
    const labSub = sub.body.items.find((s: { agencyCode: string }) => s.agencyCode === 'state_labour_inspection');
    assert.ok(labSub, 'the coordinator sees every agency');
    assert.equal((await ngo.get(`/api/submissions/${labSub.id}`)).status, 404);
    assert.equal((await ngo.post(`/api/submissions/${labSub.id}/submit`)).status, 404);
    assert.equal((await ngo.post(`/api/submissions/${labSub.id}/comments`, { comment: 'hello' })).status, 404);
    assert.deepEqual((await ngo.get('/api/submissions')).body.items, [], 'nothing of another agency listed');
    assert.equal((await ngo.get('/api/submissions/completeness?period=2023')).status, 403);

    // Its own form works.
    const own = await ngo.get(`/api/submissions/form?agencyId=${t.users.agency_reporter.agencyId}&period=2023`);
    assert.equal(own.status, 200);
    assert.deepEqual(own.body.indicators.map((i: { id: string }) => i.id), ['prevention.awareness_events']);

    const analyst = await t.as('analyst');
    assert.equal((await analyst.get('/api/submissions')).status, 403);
    assert.equal((await analyst.get('/api/submissions/figures?year=2023')).status, 200);
  });
});

describe('figures and completeness', () => {
  test('only approved submissions count; sums keep qualifiers and unknowns apart', async () => {
    // Two NGOs report awareness events: one approved "more than 12", one approved 5, one unknown, one only submitted.
    const reporters = [
      ['clean_world', { value: 12, qualifier: 'more_than' }, true],
      ['tamas', { value: 5 }, true],
      ['family_world', { state: 'unknown' }, true],
      ['sails_of_hope', { value: 100 }, false],
    ] as const;
    for (const [code, v, approve] of reporters) {
      const c = await userAt(t, code, 'agency_reporter', `${code.replace(/_/g, '-')}.reporter`);
      const agency = await agencyId(t, code);
      const saved = await c.put('/api/submissions/form', { agencyId: agency, period: '2023', values: [{ indicatorId: 'prevention.awareness_events', ...v }] });
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
      assert.equal((await c.post(`/api/submissions/${saved.body.id}/submit`)).status, 200);
      if (approve) assert.equal((await coordinator.post(`/api/submissions/${saved.body.id}/approve`, {})).status, 200);
    }
    const figures = (await (await t.as('analyst')).get('/api/submissions/figures?year=2023')).body.items as { id: string; value: number | null; qualifier?: string; unknown?: number; sources: { agencyCode: string }[] }[];
    const events = figures.find((x) => x.id === 'prevention.awareness_events');
    assert.equal(events?.value, 17);
    assert.equal(events?.qualifier, 'more_than');
    assert.equal(events?.unknown, 1);
    assert.deepEqual(events?.sources.map((s) => s.agencyCode), ['clean_world', 'family_world', 'tamas']);
    const fines = figures.find((x) => x.id === 'labour.inspectorate.fines_azn');
    assert.equal(fines?.value, 2374000);
    assert.equal(figures.find((x) => x.id === 'labour.employer_sessions.attendees')?.qualifier, 'more_than');
  });

  test('completeness lists every expected agency with its status; missing after the deadline is late', async () => {
    const res = await coordinator.get('/api/submissions/completeness?period=2023');
    assert.equal(res.status, 200);
    assert.equal(res.body.deadline, '2024-02-14');
    const by = Object.fromEntries(res.body.items.map((i: { agencyCode: string }) => [i.agencyCode, i]));
    assert.equal(by.state_labour_inspection.status, 'approved');
    assert.equal(by.sails_of_hope.status, 'submitted');
    assert.equal(by.mia.status, 'missing');
    assert.equal(by.mia.late, true);
    // Every NGO and local executive authority reports awareness events; the coordinator's office reports nothing.
    assert.ok(res.body.items.length > 90, `${res.body.items.length} expected agencies`);
    assert.equal(by.national_coordinator, undefined);
  });
});

test('qualifiers print in each language; deadlines follow the period type', () => {
  assert.equal(formatQualified(50, 'more_than', 'en'), 'more than 50');
  assert.equal(formatQualified(50, 'more_than', 'az'), '50-dən çox');
  assert.equal(formatQualified(6, 'more_than', 'az'), '6-dan çox');
  assert.equal(formatQualified(30, 'nearly', 'az'), '30-a yaxın');
  assert.equal(formatQualified(2, 'nearly', 'az'), '2-yə yaxın');
  assert.equal(formatQualified(50, 'more_than', 'ru'), 'более 50');
  assert.equal(formatQualified(1000, 'nearly', 'en'), 'nearly 1,000');
  assert.equal(formatQualified(47, null, 'en'), '47');
  assert.equal(periodDeadline('2023-Q1', { year: 45, quarter: 20 }), '2023-04-20');
  assert.equal(periodDeadline('2023', { year: 45, quarter: 20 }), '2024-02-14');
});
