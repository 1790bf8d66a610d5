import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { agencyId, userAt } from '../../test/factories.ts';
import { startTestApp, type Client, type TestApp } from '../../test/harness.ts';
import type { ReportDefinition } from './schema.ts';

// People trained, trainers and copies printed, summed from the activities register by a
// definition added through the API alone. Records: three trainings in 2023 (police 40 and 25,
// judges 15, two trainers each; parts print by code without `keys`), one in 2022 (police 10, one trainer), a booklet of 1,000 copies.
let t: TestApp;
let coordinator: Client;
let def: ReportDefinition;

before(async () => {
  t = await startTestApp();
  const mia = await userAt(t, 'mia', 'agency_reporter', 'mia.reporter.counts');
  coordinator = await t.as('coordinator');
  const miaId = await agencyId(t, 'mia');
  const training = (date: string, audience: string, participants: number, trainers: number) =>
    mia.post('/api/activities', { agencyId: miaId, kind: 'training', title: 'Synthetic course', date, audience, participants, trainers, online: false, place: 'Baku' });
  for (const [date, audience, n, tr] of [['2023-04-01', 'police', 40, 2], ['2023-05-01', 'police', 25, 2], ['2023-06-01', 'judges', 15, 2], ['2022-06-01', 'police', 10, 1]] as const) {
    const r = await training(date, audience, n, tr);
    assert.equal(r.status, 201, JSON.stringify(r.body));
  }
  const booklet = await mia.post('/api/activities', { agencyId: miaId, kind: 'publication', title: 'Synthetic booklet', date: '2023-03-01', copies: 1000, languages: ['az'] });
  assert.equal(booklet.status, 201, JSON.stringify(booklet.body));
  def = ((await coordinator.get('/api/reports/2023/definition')).body as { definition: ReportDefinition }).definition;
});
after(() => t.close());

const text = (en: string) => ({ az: en, en, ru: en });
const figures: ReportDefinition['figures'] = [
  { id: 'registry.trained', label: text('People trained'), from: 'activities', count: 'participants', where: { kinds: ['training'] }, breakdown: { by: 'audience' } },
  { id: 'registry.judges', label: text('Judges trained'), from: 'activities', count: 'participants', where: { kinds: ['training'], audiences: ['judges'] } },
  { id: 'registry.trainers', label: text('Trainers'), from: 'activities', count: 'trainers', where: { kinds: ['training'] } },
  { id: 'registry.copies', label: text('Copies'), from: 'activities', count: 'copies' },
];

test('participants, trainers and copies are summed per entry, by audience, with their change', async () => {
  const block = { kind: 'text' as const, text: text('Trained: {registry.trained} ({*=registry.trained}); judges {=registry.judges}; trainers {registry.trainers}; copies {=registry.copies}.') };
  const sections = def.sections.map((s, i) => (i === 0 ? { ...s, blocks: [...s.blocks, block] } : s));
  const r = await coordinator.post('/api/reports/2023/preview', { definition: { ...def, figures: [...def.figures, ...figures], sections }, lang: 'en' });
  assert.equal(r.status, 200, JSON.stringify(r.body).slice(0, 600));
  const body = r.body as { html: string; figures: { id: string; value: number | null; delta: number | null; breakdown?: Record<string, number> }[] };
  const f = (id: string) => body.figures.find((x) => x.id === id);
  assert.deepEqual([f('registry.trained')?.value, f('registry.trained')?.delta, f('registry.trained')?.breakdown], [80, 70, { police: 65, judges: 15 }]);
  assert.deepEqual([f('registry.trainers')?.value, f('registry.trainers')?.delta], [6, 5]);
  assert.equal(f('registry.judges')?.value, 15);
  assert.equal(f('registry.copies')?.value, 1000);
  assert.match(body.html, /Trained: 80 \(\+70\) \(judges: 15 and police officers: 65\); judges 15; trainers 6 \(\+5\); copies 1,000\./);
});

test('an audience that is not a code, or a count the source has not, is refused by its path', async () => {
  const bad = [{ ...figures[1], where: { kinds: ['training'], audiences: ['juges'] } }, { ...figures[2], from: 'payments', count: 'trainers' }] as ReportDefinition['figures'];
  const r = await coordinator.post('/api/reports/2023/preview', { definition: { ...def, figures: [...def.figures, ...bad] }, lang: 'en' });
  assert.equal(r.status, 400);
  const said = JSON.stringify(r.body);
  assert.match(said, /where\.audiences\.0/);
  assert.match(said, /juges/);
  assert.match(said, /\.count/);
});
