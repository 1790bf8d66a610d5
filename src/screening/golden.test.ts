import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { GOLDEN_PATH, goldenLines } from './golden.ts';

test('every result over the synthetic corpus is byte for byte the recorded one (speed work changes nothing)', () => {
  const want = fs.readFileSync(GOLDEN_PATH, 'utf8').trim().split('\n');
  const got = goldenLines();
  assert.equal(got.length, want.length);
  const changed = got.filter((l, k) => l !== want[k]).map((l) => l.split(' ')[0]);
  assert.deepEqual(changed, [], `${changed.length} results changed, e.g. ${changed.slice(0, 5).join(', ')}`);
});
