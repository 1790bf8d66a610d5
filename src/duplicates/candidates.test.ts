import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scorePair, WEIGHTS } from './candidates.ts';

const person = (over: Partial<Parameters<typeof scorePair>[0]> = {}) => ({
  id: '1',
  caseCode: 'AZ-2026-00001',
  ownerAgencyId: 'a',
  openedOn: '2026-01-01',
  given: 'Aynur',
  family: 'Məmmədova',
  birthDate: '1994-07-12',
  birthYear: 1994,
  sex: 'female',
  citizenship: 'AZ',
  ...over,
});

test('the weights add up to one', () => {
  assert.equal(Math.round(Object.values(WEIGHTS).reduce((a, b) => a + b, 0) * 1000), 1000);
});

test('one person spelt in two scripts scores high, each part saying why', () => {
  const { score, parts } = scorePair(person(), person({ given: 'Айнур', family: 'Мамедова' }));
  assert.ok(score > 0.9, String(score));
  assert.deepEqual(Object.fromEntries(parts.map((p) => [p.part, p.verdict])), { givenName: 'same', familyName: 'similar', birthDate: 'same', sex: 'same', citizenship: 'same' });
});

test('unknown parts count half, differing ones nothing', () => {
  const { parts } = scorePair(person({ birthDate: null, birthYear: null, citizenship: null }), person({ sex: 'male', birthDate: '1994-01-01' }));
  const by = Object.fromEntries(parts.map((p) => [p.part, p]));
  assert.equal(by.birthDate?.verdict, 'unknown');
  assert.equal(by.birthDate?.points, WEIGHTS.birthDate / 2);
  assert.equal(by.citizenship?.verdict, 'unknown');
  assert.equal(by.sex?.points, 0);
  const sameYear = scorePair(person(), person({ birthDate: '1994-12-31' })).parts.find((p) => p.part === 'birthDate');
  assert.equal(sameYear?.verdict, 'same_year');
  // Dates as told: the same year, or the same month, is not the same birth date.
  for (const told of ['1994', '1994-07']) {
    const part = scorePair(person({ birthDate: told }), person({ birthDate: told })).parts.find((p) => p.part === 'birthDate');
    assert.equal(part?.verdict, 'same_year', told);
  }
});
