import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ReportDefinition } from './definition/schema.ts';
import type { ReportFigure } from './report.ts';
import { validateReport } from './validation.ts';

const channels: ReportFigure = { id: 'victims.by_channel', value: 51, delta: null, breakdown: { hotline: 23, police: 14, border: 4, ngo: 8, self: 2 }, parts: 'partition', unknown: 0 };
const all = '{=victims.by_channel#hotline}, {=victims.by_channel#police}{+=victims.by_channel}';
const some = '{=victims.by_channel#hotline}, {=victims.by_channel#police}';
const def = (text: { az: string; en: string; ru: string }): ReportDefinition => ({
  format: 'azad-report-definition/1',
  languages: ['az', 'en', 'ru'],
  title: { az: 'H', en: 'R', ru: 'О' },
  figures: [{ id: 'victims.by_channel', label: { az: 'k', en: 'c', ru: 'к' }, from: 'persons', breakdown: { by: 'channel' } }],
  sections: [{ id: 'channels', title: { az: 'k', en: 'c', ru: 'к' }, blocks: [{ kind: 'text', text }] }],
});
const warnings = (d: ReportDefinition) =>
  validateReport({ year: 2024, def: d, figures: [channels], previous: new Map(), publishedPrevious: null, narratives: {}, imported: new Map(), emptyCharts: [] }).filter((p) => p.code === 'parts_not_listed');

test('parts_not_listed reads every language of a sentence, not only the English one', () => {
  assert.deepEqual(warnings(def({ az: all, en: all, ru: all })), []);
  for (const lang of ['az', 'en', 'ru'] as const) {
    const w = warnings(def({ az: all, en: all, ru: all, [lang]: some }));
    assert.equal(w.length, 1, `${lang}: ${JSON.stringify(w)}`);
    assert.match(w[0]?.message ?? '', new RegExp(`not border \\(4\\), ngo \\(8\\), self \\(2\\) \\(in ${lang}\\)`));
  }
  const both = warnings(def({ az: some, en: all, ru: some }));
  assert.equal(both.length, 1, 'one warning per sentence, naming the languages');
  assert.match(both[0]?.message ?? '', /\(in az, ru\)/);
});
