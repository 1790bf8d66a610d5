import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { agencyId, intake } from '../../test/factories.ts';
import { startTestApp, type Client, type TestApp } from '../../test/harness.ts';
import { todayInCalendar } from '../../victims/schema.ts';
import type { ReportDefinition } from './schema.ts';

// A share formula ({"percent": …, "of": …}) added to the shipped definition through the API alone,
// over crafted records: 3 women and 1 man identified this year, one woman the year before.
let t: TestApp;
let coordinator: Client;
let Y: number;
let shipped: ReportDefinition;

before(async () => {
  t = await startTestApp();
  const police = await t.as('police_investigator');
  coordinator = await t.as('coordinator');
  Y = Number(todayInCalendar().slice(0, 4));
  const mia = await agencyId(t, 'mia');
  for (const gender of ['female', 'female', 'female', 'male'] as const) {
    const p = await intake(police, { gender, contactDate: `${Y}-01-01` });
    const d = await police.post(`/api/persons/${p.id}/decisions`, { status: 'identified', decidedOn: `${Y}-01-01`, decidingAgencyId: mia });
    assert.equal(d.status, 201, JSON.stringify(d.body));
  }
  const before = await intake(police, { gender: 'female', contactDate: `${Y - 1}-06-01` });
  assert.equal((await police.post(`/api/persons/${before.id}/decisions`, { status: 'identified', decidedOn: `${Y - 1}-06-01`, decidingAgencyId: mia })).status, 201);
  const got = await coordinator.get(`/api/reports/${Y}/definition`);
  assert.equal(got.status, 200);
  shipped = (got.body as { definition: ReportDefinition }).definition;
});
after(() => t.close());

const text = (en: string, ru: string, az: string) => ({ az, en, ru });
const label = text('Share', 'Доля', 'Pay');

function withShares(extra: ReportDefinition['figures']): ReportDefinition {
  const block = { kind: 'text' as const, text: text('Women: {victims.women_share}; none: {victims.convicted_share}.', 'Женщины: {victims.women_share}; нет: {victims.convicted_share}.', 'Qadınlar: {victims.women_share}; yox: {victims.convicted_share}.') };
  const sections = shipped.sections.map((s, i) => (i === 0 ? { ...s, blocks: [...s.blocks, block] } : s));
  return { ...shipped, figures: [...shipped.figures, ...extra], sections };
}

const shares: ReportDefinition['figures'] = [
  { id: 'victims.women_share', label, formula: { percent: 'victims.identified', key: 'female', of: 'victims.identified' } },
  // Of a figure that is 0 this year: no share at all.
  { id: 'victims.convicted_share', label, formula: { percent: 'victims.identified', of: 'defendants.convicted', decimals: 0 } },
];

async function preview(def: ReportDefinition, lang: string) {
  const r = await coordinator.post(`/api/reports/${Y}/preview`, { definition: def, lang });
  assert.equal(r.status, 200, JSON.stringify(r.body).slice(0, 600));
  return r.body as { html: string; problems: { code: string; figure: string | null; severity: string }[]; figures: { id: string; value: number | null; delta: number | null }[] };
}

test('a share is the part over the whole in percent, printed in each language; a share of 0 is "no data" and a warning', async () => {
  const def = withShares(shares);
  const en = await preview(def, 'en');
  const women = en.figures.find((f) => f.id === 'victims.women_share');
  assert.deepEqual([women?.value, women?.delta], [75, -25], '3 of 4, against 1 of 1 the year before');
  assert.equal(en.figures.find((f) => f.id === 'victims.convicted_share')?.value, null);
  assert.match(en.html, /Women: 75% \(-25 pp\); none: no data\./);
  assert.deepEqual(en.problems.filter((p) => p.figure === 'victims.convicted_share').map((p) => [p.severity, p.code]), [['warning', 'share_no_base']]);
  assert.equal(en.problems.filter((p) => p.figure === 'victims.women_share').length, 0);
  assert.match((await preview(def, 'ru')).html, /Женщины: 75\u00a0% \(-25 п\. п\.\); нет: нет данных\./);
  assert.match((await preview(def, 'az')).html, /Qadınlar: 75% \(-25 faiz bəndi\); yox: məlumat yoxdur\./);
});

test('decimals round the share; a part that the whole does not have is refused by its path', async () => {
  const third = withShares([{ id: 'victims.women_share', label, formula: { percent: 'victims.identified', key: 'male', of: 'victims.identified', decimals: 2 } }, shares[1] as ReportDefinition['figures'][number]]);
  const r = await preview(third, 'en');
  assert.equal(r.figures.find((f) => f.id === 'victims.women_share')?.value, 25);
  const bad = withShares([{ id: 'victims.women_share', label, formula: { percent: 'victims.identified', key: 'children', of: 'victims.identified' } }, shares[1] as ReportDefinition['figures'][number]]);
  const refused = await coordinator.post(`/api/reports/${Y}/preview`, { definition: bad, lang: 'en' });
  assert.equal(refused.status, 400);
  assert.match(JSON.stringify(refused.body), /formula\.key/);
  const unknown = withShares([{ id: 'victims.women_share', label, formula: { percent: 'victims.nobody', of: 'victims.identified' } }, shares[1] as ReportDefinition['figures'][number]]);
  const r2 = await coordinator.post(`/api/reports/${Y}/preview`, { definition: unknown, lang: 'en' });
  assert.equal(r2.status, 400);
  assert.match(JSON.stringify(r2.body), /victims\.nobody/);
});

test('a share of a figure that has no value (no submission reports it) is missing, not "no data": "—" and an error', async () => {
  const missing = withShares([shares[0] as ReportDefinition['figures'][number], { id: 'victims.convicted_share', label, formula: { percent: 'victims.identified', of: 'training.judges' } }]);
  const r = await preview(missing, 'en');
  assert.equal(r.figures.find((f) => f.id === 'victims.convicted_share')?.value ?? null, null);
  assert.match(r.html, /none: —\./);
  assert.deepEqual(r.problems.filter((p) => p.figure === 'victims.convicted_share').map((p) => [p.severity, p.code]), [['error', 'no_data']]);
});
