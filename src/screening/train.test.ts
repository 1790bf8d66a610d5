// The committed model and corpus are what `npm run train:screening` produces (a retrain takes a
// few seconds), and the independent evaluation set is frozen: any edit to it fails here.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { test } from 'node:test';
import { readSplit } from './corpus/io.ts';
import { INDEPENDENT_PATH, readIndependent, VARIANTS } from './independent.ts';
import { CHANNELS } from './schema.ts';
import { MODEL_PATH } from './screen.ts';
import { trainModel } from './train.ts';

test('the committed model and corpus match a retrain from the seed', () => {
  const { corpus, file } = trainModel();
  const committed = JSON.parse(fs.readFileSync(MODEL_PATH, 'utf8'));
  assert.deepEqual(JSON.parse(JSON.stringify(file)), committed, 'run npm run train:screening and commit data/screening/');
  for (const split of ['train', 'dev', 'test'] as const) {
    assert.deepEqual(readSplit(split).map((i) => i.id), corpus[split].map((i) => i.id), split);
  }
});

/** sha256 of data/screening/independent.jsonl as written and frozen (docs/screening.md, "firewall"). */
const FROZEN_SHA256 = '7f3afb665a8a67bef21666a8c44a1c2099a23f9b01d8c6f836a30e9677916ec2';

test('the independent evaluation set is frozen and covers every variant and channel', () => {
  assert.equal(createHash('sha256').update(fs.readFileSync(INDEPENDENT_PATH)).digest('hex'), FROZEN_SHA256);
  const items = readIndependent();
  assert.ok(items.length >= 600);
  for (const v of VARIANTS) assert.ok(items.filter((i) => i.variant === v).length >= 75, v);
  for (const c of CHANNELS) assert.ok(items.filter((i) => i.channel === c).length >= 90, c);
  assert.ok(items.every((i) => i.label === 0 || i.indicators.length > 0), 'every positive carries its indicators');
  assert.ok(items.filter((i) => i.channel === 'news' || i.channel === 'awareness').every((i) => i.label === 0));
});
