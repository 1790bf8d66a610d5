import assert from 'node:assert/strict';
import { test } from 'node:test';
import { latinFold, matchTokens, similarity, skeleton, turkicLower } from './names.ts';

test('Turkic casing folds dotted and dotless I explicitly', () => {
  assert.equal(turkicLower('İLHAM'), 'ilham');
  assert.equal(turkicLower('IŞIQ'), 'ışıq');
});

test('Azerbaijani Latin, Azerbaijani Cyrillic and Russian spellings meet at one skeleton', () => {
  const same = [
    ['Məmmədova', 'Мәммәдова', 'Мамедова', 'Mammadova'],
    ['Həsənov', 'Һәсәнов', 'Гасанов', 'Hasanov'],
    ['Cəfərova', 'Ҹәфәрова', 'Джафарова', 'Jafarova'],
    ['Qasımov', 'Гасымов', 'Касумов'],
    ['Əliyeva', 'Алиева', 'Aliyeva'],
  ];
  for (const group of same) {
    const skels = new Set(group.map(skeleton));
    assert.equal(skels.size, 1, `${group.join(' / ')} → ${[...skels].join(', ')}`);
  }
  assert.notEqual(skeleton('Məmmədova'), skeleton('Əliyeva'));
});

test('folding keeps letters comparable and drops everything else', () => {
  assert.equal(latinFold('Gülnarə-Şükürova'), 'gulnaresh' + 'ukurova');
  assert.ok(similarity(latinFold('Aygun'), latinFold('Aygün')) === 1);
  assert.ok(similarity('mamedova', 'memmedova') > 0.85);
  assert.ok(similarity('mamedova', 'aliyeva') < 0.7);
});

test('match tokens need two facts: full name, or a name part with the birth date', () => {
  assert.deepEqual(matchTokens({ givenName: 'Aynur' }), []);
  assert.equal(matchTokens({ givenName: 'Aynur', familyName: 'Qasımova', birthDate: '1995-04-01' }).length, 3);
});
