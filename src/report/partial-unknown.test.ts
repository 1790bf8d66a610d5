import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ReportDefinition, ReportLang } from './definition/schema.ts';
import { fill } from './document.ts';
import type { ReportFigure } from './report.ts';
import { validateReport } from './validation.ts';

const text = { az: '{prevention.posters.azn} manat', en: 'spending AZN {prevention.posters.azn}', ru: '{prevention.posters.azn} манатов' };
const def: ReportDefinition = {
  format: 'azad-report-definition/1',
  languages: ['az', 'en', 'ru'],
  title: { az: 'H', en: 'R', ru: 'О' },
  figures: [{ id: 'prevention.posters.azn', label: { az: 'p', en: 'p', ru: 'п' }, unit: 'azn', from: 'submitted', count: 'value', where: { indicators: ['prevention.posters'], attribute: 'azn' } }],
  sections: [{ id: 'prevention', title: { az: 'p', en: 'p', ru: 'п' }, blocks: [{ kind: 'text', text }] }],
};
const sources = ['clean_world', 'tamas', 'ngo_coalition'].map((agencyCode, i) => ({ agencyCode, submissionId: String(i) }));
const posters = (over: Partial<ReportFigure> = {}): ReportFigure => ({ id: 'prevention.posters.azn', value: 2000, delta: null, unknown: 1, sources, ...over });
const filled = (f: ReportFigure, lang: ReportLang) => fill(text[lang], { def, year: 2024, lang, figures: new Map([[f.id, f]]), label: (_d, k) => k });
const problems = (f: ReportFigure) => validateReport({ year: 2024, def, figures: [f], previous: new Map(), publishedPrevious: null, narratives: {}, imported: new Map(), emptyCharts: [] });

test('a sum where an agency answered "unknown" prints "at least" and is a partial_unknown warning naming the count', () => {
  assert.equal(filled(posters(), 'en'), 'spending AZN at least 2,000');
  assert.equal(filled(posters(), 'az'), 'ən azı 2.000 manat');
  assert.match(filled(posters(), 'ru'), /^не менее 2\s000 манатов$/u);
  const w = problems(posters()).filter((p) => p.code === 'partial_unknown');
  assert.deepEqual(w.map((p) => [p.severity, p.figure]), [['warning', 'prevention.posters.azn']]);
  assert.match(w[0]?.message ?? '', /1 of the 3 agency answers summed here is "unknown"/);
});

test('without unknown answers the sum prints plain; an agency qualifier is kept', () => {
  assert.equal(filled(posters({ unknown: undefined }), 'en'), 'spending AZN 2,000');
  assert.deepEqual(problems(posters({ unknown: undefined })).filter((p) => p.code === 'partial_unknown'), []);
  assert.equal(filled(posters({ qualifier: 'more_than' }), 'en'), 'spending AZN more than 2,000');
});
