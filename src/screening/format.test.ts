import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatScore } from './format.ts';
import { screenText, screeningModel } from './screen.ts';

test('a score below the threshold never reads as reaching it (issue 15: 0.7519 beside 0.7521)', () => {
  assert.equal(formatScore(0.7519), '0.7519');
  assert.notEqual(formatScore(0.7519), formatScore(0.7521));
});

test('an unflagged result always scores below the threshold as shown, a flagged one at or above it', () => {
  const { threshold } = screeningModel();
  const texts = [
    'Работодатель забрал паспорт и угрожает? Это признаки торговли людьми. Звоните 152.',
    'Pasportumu əlimdən aldılar, kömək edin',
    'Bakıda marketə kassir tələb olunur, rəsmi müqavilə.',
    'Polis Dubaya qız aparan dəstəni saxlayıb: pasportları əllərindən alınıb.',
  ];
  for (const text of texts) {
    const r = screenText({ id: 't', text });
    assert.equal(r.threshold, threshold);
    assert.equal(Number(formatScore(r.score)) >= Number(formatScore(threshold)), r.flagged, `${text}: ${r.score} vs ${threshold}`);
  }
});
