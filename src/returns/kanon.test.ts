import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { classes, kAnonymise, smallestClass, type QuasiIdentifier, type Row } from './kanon.ts';

const QIS: QuasiIdentifier[] = [
  { name: 'age', columns: ['ageBroad', 'majority'], levels: [['ageBroad'], ['ageBroad', 'majority']] },
  { name: 'country', columns: ['country'], levels: [['country']] },
  { name: 'gender', columns: ['gender'], levels: [['gender']] },
];
const STEPS: [string, number][] = [['age', 1], ['country', 1], ['age', 2], ['gender', 1]];

test('generalise first, then drop: every combination left occurs at least k times, for any records and k', () => {
  const row = fc.record({
    ageBroad: fc.constantFrom('0--8', '9--17', '18--20', '21--23', '30--38'),
    majority: fc.constantFrom('Minor', 'Adult'),
    country: fc.constantFrom('AZ', 'TR', 'RU', 'AE', 'QA'),
    gender: fc.constantFrom('Female', 'Male'),
    means: fc.constantFrom('1', '0'),
  });
  fc.assert(
    fc.property(fc.array(row, { maxLength: 200 }), fc.integer({ min: 2, max: 15 }), (rows, k) => {
      const out = kAnonymise(rows as Row[], QIS, STEPS, k, '-99');
      if (out.rows.length) assert.ok(smallestClass(out.rows, QIS) >= k);
      assert.equal(out.rows.length + out.dropped, rows.length);
    }),
  );
});

test('a large enough group is left as it is; a rare one is generalised before anything is dropped', () => {
  const common = Array.from({ length: 11 }, (): Row => ({ ageBroad: '18--20', majority: 'Adult', country: 'TR', gender: 'Female' }));
  const rareAge = Array.from({ length: 11 }, (_, i): Row => ({ ageBroad: i % 2 ? '21--23' : '24--26', majority: 'Adult', country: 'AE', gender: 'Female' }));
  const out = kAnonymise([...common, ...rareAge], QIS, STEPS, 11, '-99');
  assert.equal(out.dropped, 0);
  assert.equal(out.generalised, 11);
  assert.deepEqual([...classes(out.rows, QIS).values()].sort(), [11, 11]);
  assert.ok(out.rows.filter((r) => r.country === 'AE').every((r) => r.ageBroad === '-99' && r.majority === 'Adult'), 'the band goes, minor/adult stays');
});
