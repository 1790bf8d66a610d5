import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GENRE_DEV_2_PATH, genreDevReport, readGenreDev } from './genre-dev.ts';
import { screenText } from './screen.ts';

test('genre dev set: texts about trafficking are judged about, first-party items stay first-party', () => {
  const r = genreDevReport();
  assert.ok(r.about_judged_about! >= 0.95, JSON.stringify(r.wrong));
  assert.ok(r.about_flagged! <= 0.05, JSON.stringify(r.wrong));
  assert.ok(r.first_party_judged_first_party! >= 0.97, JSON.stringify(r.wrong));
});

test('second genre dev set (wire copy, court and statistics reports, FAQ, slides, forums; recruiters posing as NGOs, victims quoting the news): the same bars, and first-party positives still flagged', () => {
  const r = genreDevReport(readGenreDev(GENRE_DEV_2_PATH));
  assert.ok(r.n >= 150);
  assert.ok(r.about_judged_about! >= 0.95, JSON.stringify(r.wrong));
  assert.ok(r.about_flagged! <= 0.05, JSON.stringify(r.wrong));
  assert.ok(r.first_party_judged_first_party! >= 0.9, JSON.stringify(r.wrong));
  assert.ok(r.positives_flagged! >= 0.9, JSON.stringify(r.missed));
  assert.equal(r.negatives_flagged, 0);
});

test('a first-party item that only mentions the police stays first-party; a recruiter\'s reassurance is not advice', () => {
  const victim = screenText({ id: 'v', text: 'если пойду в полицию, сказали, убьют. паспорт у них, работаем по 16 часов без выходных' });
  assert.equal(victim.genre?.genre, 'first_party');
  assert.equal(victim.flagged, true);
  const recruiter = screenText({ id: 'r', text: 'Polisdən qorxmayın, hər şey qanunidir! Rusiyada tikintiyə adam lazımdır, yol pulu bizdən, sonra maaşdan tutulacaq. Sənədləri biz saxlayırıq.' });
  assert.ok(recruiter.genre?.cues.some((c) => c.kind === 'reassure'));
  assert.equal(recruiter.genre?.genre, 'first_party');
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
