import assert from 'node:assert/strict';
import { test } from 'node:test';
import { genreDevReport } from './genre-dev.ts';
import { genreCues } from './genre.ts';
import { normalise } from './normalise.ts';
import { screenText } from './screen.ts';

test('genre dev set: texts about trafficking are judged about, first-party items stay first-party', () => {
  const r = genreDevReport();
  assert.ok(r.about_judged_about! >= 0.95, JSON.stringify(r.wrong));
  assert.ok(r.about_flagged! <= 0.05, JSON.stringify(r.wrong));
  assert.ok(r.first_party_judged_first_party! >= 0.97, JSON.stringify(r.wrong));
});

test('advice addressed to the reader is about, with its reasons shown; a recruiter saying "if you want" is not', () => {
  const advice = screenText({ id: 'a', text: 'If your employer keeps your passport, ask for it back. Call 152, it is free.' });
  assert.equal(advice.genre?.genre, 'about');
  assert.ok(advice.genre?.cues.some((c) => c.kind === 'reader_if' && c.text === 'If your'));
  assert.equal(advice.flagged, false);
  const recruiter = screenText({ id: 'r', text: 'если хочешь работать — паспорт оставишь у меня, билет я оплачу, потом отработаешь' });
  assert.equal(recruiter.genre?.genre, 'first_party');
});

test('statistics and the English article: "a" is not Russian "ya", figures of record count for a report', () => {
  const news = screenText({ id: 'n', text: 'In 2025 police identified 112 victims, up 14% on the year before, a report said.' });
  assert.ok(news.genre?.cues.some((c) => c.kind === 'statistics' && c.text === '14%'));
  assert.ok(!news.genre?.cues.some((c) => c.kind === 'first_person'));
  assert.equal(news.genre?.genre, 'about');
});

test('checklist items are found wherever they stand; lines that open with a word hold none', () => {
  // The cues counted (a kind at weight 0 is counted but not shown in a result).
  const list = (text: string) => genreCues(normalise(text), text).cues.filter((c) => c.kind === 'list').map((c) => c.text);
  assert.deepEqual(list('- pasport\n- viza'), ['-', '-']);
  assert.deepEqual(list('Signs:\n  • no contract\n2. no pay'), ['•', '2.']);
  assert.deepEqual(list('he said 1) no pay 2) no rest'), ['1)', '2)']);
  assert.deepEqual(list('🚩 passport kept'), ['🚩']);
  assert.deepEqual(list('Day\n✅ check the agency'), ['✅']);
  assert.deepEqual(list('Day one\nnothing here (see 12)x'), []);
});
