import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadProfile, profileDir } from '../../profile/load.ts';
import { describe, undescribed } from './describe.ts';
import { SOURCE_SPECS } from './sources.ts';
import { profileDefinition } from './store.ts';

test('every date, breakdown and filter of every source has words in az, en and ru', () => {
  assert.deepEqual(undescribed(SOURCE_SPECS), []);
});

test('"counted as" names what is counted in the reader\'s language, never a code', async () => {
  const profile = await loadProfile(profileDir('az'));
  const def = await profileDefinition(profile);
  const bySex = def.figures.find((f) => f.breakdown?.by === 'sex' && f.from === 'persons');
  assert.ok(bySex, 'the shipped definition has a persons figure by sex');
  assert.match(describe(bySex, def, profile, 'ru'), /с разбивкой по полу/);
  assert.doesNotMatch(describe(bySex, def, profile, 'az'), /\bsex\b/);
  const formula = def.figures.find((f) => f.formula && 'cumulative' in f.formula);
  assert.ok(formula);
  const { cumulative } = formula.formula as { cumulative: string };
  const label = def.figures.find((f) => f.id === cumulative)!.label.en!;
  assert.ok(describe(formula, def, profile, 'en').includes(label), 'a formula names the figures it uses by their labels');
});

test('a filter\'s values are named as the parts of the same thing are, in each language', async () => {
  const profile = await loadProfile(profileDir('az'));
  const def = await profileDefinition(profile);
  const detained = def.figures.find((f) => f.id === 'wanted.detained');
  assert.ok(detained);
  assert.match(describe(detained, def, profile, 'ru'), /статус: задержан/);
  const trafficking = def.figures.find((f) => f.id === 'crimes.trafficking');
  assert.ok(trafficking);
  assert.match(describe(trafficking, def, profile, 'az'), /İnsan alveri/);
});
