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
  assert.equal(filled(posters(), 'az'), 'Ən azı 2.000 manat'); // the text's start opens a sentence
  assert.match(filled(posters(), 'ru'), /^Не менее 2\s000 манатов$/u);
  const w = problems(posters()).filter((p) => p.code === 'partial_unknown');
  assert.deepEqual(w.map((p) => [p.severity, p.figure]), [['warning', 'prevention.posters.azn']]);
  assert.match(w[0]?.message ?? '', /1 of the 3 agency answers summed here is "unknown"/);
});

test('without unknown answers the sum prints plain; an agency qualifier is kept', () => {
  assert.equal(filled(posters({ unknown: undefined }), 'en'), 'spending AZN 2,000');
  assert.deepEqual(problems(posters({ unknown: undefined })).filter((p) => p.code === 'partial_unknown'), []);
  assert.equal(filled(posters({ qualifier: 'more_than' }), 'en'), 'spending AZN more than 2,000');
});

test('a qualified sum that opens a sentence starts with a capital, in every language', () => {
  const at = (t: string, lang: ReportLang, f: ReportFigure) => fill(t, { def, year: 2024, lang, figures: new Map([[f.id, f]]), label: (_d, k) => k });
  assert.equal(at('{prevention.posters.azn} spent, then {prevention.posters.azn} again', 'en', posters({ unknown: undefined, qualifier: 'more_than' })), 'More than 2,000 spent, then more than 2,000 again');
  assert.match(at('{=prevention.posters.azn} израсходовано', 'ru', posters()), /^Не менее 2\s000 израсходовано$/u);
});

test('partial_unknown names what the figure prints: the agencies\' own qualifier when they gave one, else "at least"', () => {
  const own = problems(posters({ qualifier: 'more_than' })).find((p) => p.code === 'partial_unknown');
  assert.match(own?.message ?? '', /prints as "more than 2,000"/);
  assert.equal(own?.params?.qualifier, 'more_than');
  // The web panel says it in the reader's language from these.
  assert.equal(own?.params?.printed_en, 'more than 2,000');
  assert.match(String(own?.params?.printed_ru), /^более 2\s000$/u);
  assert.equal(typeof own?.params?.printed_az, 'string');
  const plain = problems(posters()).find((p) => p.code === 'partial_unknown');
  assert.match(plain?.message ?? '', /prints as "at least 2,000"/);
  assert.equal(plain?.params?.qualifier, 'at_least');
});
