import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import az from '../../web/src/i18n/az.json' with { type: 'json' };
import en from '../../web/src/i18n/en.json' with { type: 'json' };
import ru from '../../web/src/i18n/ru.json' with { type: 'json' };
import { loadProfile, profileDir } from '../profile/load.ts';
import type { Profile } from '../profile/schema.ts';
import { checkDefinition } from './definition/check.ts';
import type { ReportDefinition } from './definition/schema.ts';
import { DefinitionCode, PART_PLACES, ProblemCode } from './problems.ts';
import { validateReport } from './validation.ts';

const LANGS = { az, en, ru } as const;
/** `{{name}}` (or `{{name, format}}`) interpolations of a message; a value given in each language (`printed_ru` in the ru text) counts as one. */
const names = (message: string, lang = '') => new Set([...message.matchAll(/\{\{(\w+)(?:, *\w+)?\}\}/g)].map((m) => (m[1] as string).replace(new RegExp(`_${lang}$`), '_<lang>')));
const sorted = (s: Set<string>) => [...s].sort();

let profile: Profile;
before(async () => {
  profile = await loadProfile(profileDir('az'));
});

test('every validation problem code the server can emit is said in az, en and ru, with the same values', () => {
  for (const code of ProblemCode.options) {
    const said = Object.entries(LANGS).map(([lang, m]) => [lang, (m.report.problems as Record<string, string | undefined>)[code]] as const);
    for (const [lang, message] of said) assert.ok(message?.trim(), `report.problems.${code} has no ${lang} text`);
    for (const [lang, message] of said) assert.deepEqual(sorted(names(message ?? '', lang)), sorted(names(said[1]?.[1] ?? '', 'en')), `report.problems.${code}: ${lang} interpolates other values than en`);
  }
});

test('every definition checker code and part place is said in az, en and ru, with the same values', () => {
  for (const [group, codes] of [['checks', DefinitionCode.options], ['partPlaces', PART_PLACES]] as const) {
    for (const code of codes) {
      const said = Object.entries(LANGS).map(([lang, m]) => [lang, (m.reportEditor[group] as Record<string, string | undefined>)[code]] as const);
      for (const [lang, message] of said) assert.ok(message?.trim(), `reportEditor.${group}.${code} has no ${lang} text`);
      for (const [lang, message] of said) assert.deepEqual(sorted(names(message ?? '')), sorted(names(said[1]?.[1] ?? '')), `reportEditor.${group}.${code}: ${lang} interpolates other values than en`);
    }
  }
});

/** The values a message needs that the web app does not add itself (`where`, `whole`). */
const needs = (message: string) => [...names(message)].filter((n) => n !== 'where' && n !== 'whole');

test("the checker's errors carry every value their translation interpolates", () => {
  const text = (s: string) => ({ en: s });
  const def = {
    format: 'azad-report-definition/1',
    languages: ['en', 'ru'],
    title: text('Report {year}'),
    figures: [
      { id: 'a', label: text('a'), from: 'persons', date: 'nope', where: { sex: ['women'], citizenship: ['Turkey'], online: true }, breakdown: { by: 'sex', keys: ['female', 'x'], rest: 'other' } },
      { id: 'a', label: text(''), from: 'services', where: { kinds: ['nope'], agencies: ['nope'] }, breakdown: { by: 'age', bands: [{ key: 'young', max: 17 }], keys: ['old'] } },
      { id: 'b', label: text('b'), formula: { sum: ['missing'] } },
      { id: 'c', label: text('c'), from: 'facts', where: { articles: ['999'] } },
      { id: 'd', label: text('d'), formula: { part: 'c', key: 'x' } },
    ],
    sections: [
      { id: 's', title: text('S'), blocks: [{ kind: 'text', text: text('{nope} {*c} {a#x}') }, { kind: 'table', figure: 'c', caption: text('t') }, { kind: 'chart', id: 'k', type: 'pie', figure: 'c', title: text('k'), keys: ['x'] }] },
      { id: 's', title: text('S'), blocks: [{ kind: 'chart', id: 'k', type: 'pie', figure: 'nope', title: text('k') }] },
    ],
  } as unknown as ReportDefinition;
  const errors = checkDefinition(def, profile, profile.indicators);
  assert.ok(new Set(errors.map((e) => e.code)).size >= 15, `only ${[...new Set(errors.map((e) => e.code))].join(', ')}`);
  for (const e of errors) {
    for (const n of needs(en.reportEditor.checks[e.code])) assert.ok(n in e.params, `${e.path} (${e.code}) has no "${n}" in ${JSON.stringify(e.params)}`);
  }
});

test("the validation panel's problems carry every value their translation interpolates", () => {
  const def = {
    format: 'azad-report-definition/1',
    languages: ['en'],
    title: { en: 'R' },
    figures: [{ id: 'a', label: { en: 'a' }, from: 'persons', breakdown: { by: 'sex' } }],
    sections: [{ id: 's', title: { en: 'S' }, blocks: [{ kind: 'text', text: { en: '{a#male} {a#female} {b}' } }, { kind: 'narrative', id: 'n', label: { en: 'n' } }] }],
  } as unknown as ReportDefinition;
  const problems = validateReport({
    year: 2024,
    def,
    figures: [{ id: 'a', value: -3, breakdown: { female: 0, male: 2 }, unknown: 1, parts: 'partition', delta: null }],
    previous: new Map([['a', 5]]),
    publishedPrevious: new Map([['a', 4]]),
    narratives: { en: new Map() },
    imported: new Map([['a@2024', 7]]),
    emptyCharts: ['k'],
  });
  assert.ok(new Set(problems.map((p) => p.code)).size >= 8, `only ${[...new Set(problems.map((p) => p.code))].join(', ')}`);
  for (const p of problems) {
    for (const n of needs(en.report.problems[p.code])) assert.ok(n in p.params, `${p.code} has no "${n}" in ${JSON.stringify(p.params)}`);
  }
});
