import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { loadProfile, profileDir } from '../../profile/load.ts';
import type { Profile } from '../../profile/schema.ts';
import { fill } from '../document.ts';
import type { ReportFigure } from '../report.ts';
import { checkDefinition } from './check.ts';
import { labeller } from './labels.ts';
import type { ReportDefinition, ReportLang } from './schema.ts';
import { profileDefinition } from './store.ts';

let profile: Profile;
let def: ReportDefinition;
before(async () => {
  profile = await loadProfile(profileDir('az'));
  def = await profileDefinition(profile);
});

const fig = (id: string, value: number, delta: number, breakdown?: Record<string, number>): ReportFigure => ({ id, value, delta, ...(breakdown ? { breakdown, breakdownDelta: {}, parts: 'partition' as const, unknown: 0 } : {}) });
const filled = (text: string, figures: ReportFigure[], lang: ReportLang) => fill(text, { def, year: 2024, lang, figures: new Map(figures.map((f) => [f.id, f])), label: labeller(def, profile, lang) }).replaceAll('\u00a0', ' ');

test('{id|one:…|few:…|many:…|other:…} prints the number, its change and the word form its value takes', () => {
  const t = { en: '{x|one:person|other:persons} ({=x#female|one:woman|other:women})', ru: '{x|one:человек|few:человека|many:человек|other:человека} ({=x#female|one:женщина|few:женщины|many:женщин|other:женщины})' };
  const x = (n: number, women: number) => [fig('x', n, 1, { female: women })];
  assert.equal(filled(t.en, x(1, 1), 'en'), '1 (+1) person (1 woman)');
  assert.equal(filled(t.en, x(6, 2), 'en'), '6 (+1) persons (2 women)');
  assert.equal(filled(t.ru, x(1, 1), 'ru'), '1 (+1) человек (1 женщина)');
  assert.equal(filled(t.ru, x(3, 2), 'ru'), '3 (+1) человека (2 женщины)');
  assert.equal(filled(t.ru, x(6, 5), 'ru'), '6 (+1) человек (5 женщин)');
  assert.equal(filled(t.ru, x(21, 11), 'ru'), '21 (+1) человек (11 женщин)');
});

test('the shipped 2023 sentences agree with a number of 1 in en and ru', () => {
  const text = (id: string, lang: ReportLang) => def.sections.flatMap((s) => s.blocks).flatMap((b) => (b.kind === 'text' && b.text.en?.includes(`{${id}`) ? [b.text[lang] ?? ''] : []))[0] ?? '';
  const one = [fig('defendants.sent_to_court', 1, 1, { female: 0, male: 1 }), fig('defendants.convicted', 1, 1), fig('cases.investigation_completed', 1, 0), fig('cases.investigation_completed.from_previous_years', 0, 0)];
  assert.match(filled(text('defendants.convicted', 'en'), one, 'en'), /the cases of 1 \(\+1\) person \(0 women, 1 man\) were sent to court\. 1 \(\+1\) trafficker was convicted\./);
  assert.match(filled(text('defendants.convicted', 'ru'), one, 'ru'), /Осуждено 1 \(\+1\) торговец людьми\./);
  const victims = [fig('victims.identified', 51, 11, { female: 39, male: 12 })];
  assert.match(filled(text('victims.identified', 'ru'), victims, 'ru'), /признаны 51 \(\+11\) человек \(39 женщин, 12 мужчин\)/);
  assert.match(filled(text('victims.identified', 'en'), [fig('victims.identified', 1, 0, { female: 1, male: 0 })], 'en'), /1 \(no changes\) person was identified as a victim of trafficking/);
});

test('word forms must give every plural category of the language, and a list takes none', () => {
  const three = (x: string) => ({ az: x, en: x, ru: x });
  const d: ReportDefinition = {
    format: 'azad-report-definition/1',
    languages: ['az', 'en', 'ru'],
    title: three('R'),
    figures: [{ id: 'x', label: three('x'), from: 'persons', breakdown: { by: 'sex' } }],
    sections: [{ id: 'm', title: three('M'), blocks: [{ kind: 'text', text: { az: '{x|other:nəfər}', en: '{x|one:person|other:persons} {*x|one:a|other:b}', ru: '{x|one:человек|other:человека}' } }] }],
  };
  const errors = checkDefinition(d, profile).map((e) => `${e.path}: ${e.message}`);
  assert.ok(errors.some((e) => /^sections\.0\.blocks\.0\.text\.az: \{x\|…\}: the az text needs every plural form of az: one missing/.test(e)), errors.join('\n'));
  assert.ok(errors.some((e) => /^sections\.0\.blocks\.0\.text\.ru: \{x\|…\}: the ru text needs every plural form of ru: few, many missing/.test(e)), errors.join('\n'));
  assert.ok(errors.some((e) => /^sections\.0\.blocks\.0\.text\.en: \{x\|…\}: a list placeholder/.test(e)), errors.join('\n'));
  assert.equal(errors.length, 3, errors.join('\n'));
});
