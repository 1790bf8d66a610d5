import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ReportDefinition } from './definition/schema.ts';
import { fill } from './document.ts';
import type { ReportFigure } from './report.ts';

const three = (x: string) => ({ az: x, en: x, ru: x });
const def: ReportDefinition = {
  format: 'azad-report-definition/1',
  languages: ['en'],
  title: three('R'),
  figures: [
    { id: 'victims', label: three('v'), from: 'persons', breakdown: { by: 'sex', keys: ['female', 'male'] } },
    { id: 'since', label: three('s'), formula: { cumulative: 'victims', from: 2005 } },
    { id: 'channels', label: three('c'), from: 'persons', breakdown: { by: 'channel' } },
  ],
  sections: [],
};
const fig = (id: string, breakdown: Record<string, number>): ReportFigure => ({ id, value: Object.values(breakdown).reduce((s, n) => s + n, 0), delta: null, breakdown, parts: 'partition', unknown: 0 });
const filled = (text: string, figures: ReportFigure[]) => fill(text, { def, year: 2024, lang: 'en', figures: new Map(figures.map((f) => [f.id, f])), label: (_d, k) => k });

test('parts print in the order of breakdown.keys, then by code, whatever order the figure holds them in', () => {
  // A cumulative total whose first year was imported as {"male", "female"} still prints women first.
  assert.equal(filled('All: {*=since}', [fig('since', { male: 200, female: 789 })]), 'All: female: 789 and male: 200');
  assert.equal(filled('All: {*=channels}', [fig('channels', { police: 14, hotline: 23, border: 4 })]), 'All: border: 4, hotline: 23 and police: 14');
  assert.equal(filled('{=channels#police}{+=channels}', [fig('channels', { police: 14, ngo: 8, hotline: 23 })]), '14, hotline: 23, ngo: 8');
});
