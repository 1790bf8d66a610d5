import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AGE_ONE, AGE_RANGE, HOURS, MAY_AGE, MAY_HOURS, MAY_PAY, MAY_RANGE, mayMatch, numericMatches, PAY_AFTER, PAY_BEFORE } from './numbers.ts';

test('the one-scan check never rules out a text a number expression matches', () => {
  // Digits, dashes, white space of several kinds, and the units' and currencies' letters in both
  // cases (ſ folds to s under /iu), in random order: near misses on every side of each expression.
  const pieces = [...'0123456789 -–+$€yYjJlLлЛгГјЈaseтsSſhHчЧ\u00a0\t\n', 'saat', 'час', 'hour', 'hrs', 'yaş', 'лет', 'года', 'years', 'year-old', 'let', 'летн', 'јаш', 'usd', 'EUR', 'euro', 'avro', 'евро', 'dollar', 'долл', '1 000', '2,500', '13', '24', '16-18'];
  const checks: [RegExp, number][] = [[HOURS, MAY_HOURS], [AGE_RANGE, MAY_RANGE], [AGE_ONE, MAY_AGE], [PAY_BEFORE, MAY_PAY], [PAY_AFTER, MAY_PAY]];
  const matched = new Map<RegExp, number>();
  let seed = 12345;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let n = 0; n < 30000; n++) {
    let t = '';
    for (let k = 1 + Math.floor(next() * 12); k > 0; k--) t += pieces[Math.floor(next() * pieces.length)];
    const may = mayMatch(t);
    for (const [re, bit] of checks) {
      if (![...t.matchAll(re)].length) continue;
      matched.set(re, (matched.get(re) ?? 0) + 1);
      assert.ok(may & bit, `${re.source.slice(0, 20)}… matches ${JSON.stringify(t)}`);
    }
  }
  for (const [re] of checks) assert.ok((matched.get(re) ?? 0) > 100, `${re.source.slice(0, 20)}… matched ${matched.get(re) ?? 0} strings`);
});

test('hours, ages and pay are still read where the check lets them through', () => {
  const slots = (t: string) => numericMatches(t).map((m) => m.slot);
  assert.deepEqual(slots('gündə 14 saat'), ['#long_hours']);
  assert.deepEqual(slots('18\t–\nSaat'), ['#long_hours']);
  assert.deepEqual(slots('qızlar 18-25'), ['#young_age']);
  assert.deepEqual(slots('15 yaş'), ['#child_age']);
  assert.deepEqual(slots('maaş 2000 $'), ['#big_pay']);
  assert.deepEqual(slots('+994 50 123 45 67'), []);
});
