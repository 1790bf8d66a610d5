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
  // Inside the sentence, as a list prints a label: "insan alveri", not "İnsan alveri".
  assert.match(describe(trafficking, def, profile, 'az'), /maddə qrupları: insan alveri/);
});

test('"counted as": article objects in words, codes translated, the attribute named, the cumulative range filled in', async () => {
  const profile = await loadProfile(profileDir('az'));
  const def = await profileDefinition(profile);
  const three = (x: string) => ({ az: x, en: x, ru: x });
  const crimes = { id: 'x.crimes', label: three('c'), from: 'facts' as const, where: { articles: [{ article: '243', parts: 'all' as const }, { article: '243', parts: 'none' as const }, { article: '243', parts: ['1', '2'] }, '182'] } };
  assert.match(describe(crimes, def, profile, 'en'), /articles: 243 \(all parts\); 243 \(no part named\); 243, part 1, 2; 182 \(all parts\)/);
  // The string forms say the same as the object forms: "144-1" is every part, "144-1.2" part 2.
  const strings = { ...crimes, where: { articles: ['144-1', '144-1.2'] } };
  assert.match(describe(strings, def, profile, 'en'), /articles: 144-1 \(all parts\); 144-1, part 2/);
  assert.match(describe(strings, def, profile, 'ru'), /статьи: 144-1 \(все части\); 144-1, часть 2/);
  for (const lang of ['az', 'en', 'ru'] as const) assert.doesNotMatch(describe(crimes, def, profile, lang), /[{}"]/, lang);
  const victims = { id: 'x.victims', label: three('v'), from: 'services' as const, where: { personStatus: 'victim' as const, children: true } };
  assert.doesNotMatch(describe(victims, def, profile, 'az'), /victim|true/);
  assert.doesNotMatch(describe(victims, def, profile, 'ru'), /victim|true/);
  const amount = { id: 'x.azn', label: three('a'), from: 'submitted' as const, count: 'value' as const, where: { indicators: ['prevention.awareness_events'], attribute: 'azn' } };
  const count = { ...amount, where: { indicators: ['prevention.awareness_events'] } };
  assert.notEqual(describe(amount, def, profile, 'en'), describe(count, def, profile, 'en'));
  assert.match(describe(amount, def, profile, 'en'), /the value reported beside the count: azn/);
  // With the year's catalogue, indicators and the attribute are named by their labels, not ids.
  const catalogue = { ...profile.indicators, indicators: profile.indicators.indicators.map((i) => (i.id === 'prevention.awareness_events' ? { ...i, attributes: [{ id: 'azn', unit: 'azn' as const, label: { az: 'manatla xərc', en: 'spent in AZN', ru: 'расходы в манатах' } }] } : i)) };
  const named = describe(amount, def, profile, 'en', 2024, catalogue);
  assert.match(named, /indicators: “Awareness events held”; the value reported beside the count: spent in AZN/);
  assert.doesNotMatch(named, /prevention\.awareness_events/);
  assert.match(describe(amount, def, profile, 'ru', 2024, catalogue), /показатели: «Проведённые просветительские мероприятия»; .*: расходы в манатах/);
  const since = { id: 'x.since', label: three('s'), formula: { cumulative: 'victims.identified', from: 2005 } };
  assert.match(describe(since, def, profile, 'en', 2024), /2005–2024 added up/);
  assert.match(describe(since, def, profile, 'ru', 2024), /2005–2024 нарастающим итогом/);
});

test('a part of a figure is named by its label, not its key', async () => {
  const profile = await loadProfile(profileDir('az'));
  const def = await profileDefinition(profile);
  const part = def.figures.find((f) => f.formula && 'part' in f.formula && /^[a-z_]+$/.test((f.formula as { key: string }).key));
  assert.ok(part, 'the shipped definition has a part formula');
  const { key } = part.formula as { key: string };
  for (const lang of ['az', 'ru'] as const) assert.ok(!describe(part, def, profile, lang).includes(`"${key}"`), `${lang}: ${describe(part, def, profile, lang)}`);
});
