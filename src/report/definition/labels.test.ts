import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { loadProfile, profileDir } from '../../profile/load.ts';
import type { Profile } from '../../profile/schema.ts';
import { unlabelledParts } from './check.ts';
import { dimensionCodes } from './codes.ts';
import { hasLabel, labeller } from './labels.ts';
import { REPORT_LANGS, SOURCES, type ReportDefinition } from './schema.ts';
import { SOURCE_SPECS } from './sources.ts';
import { profileDefinition } from './store.ts';

let profile: Profile;
before(async () => {
  profile = await loadProfile(profileDir('az'));
});

const bare = (): ReportDefinition => ({ format: 'azad-report-definition/1', languages: ['az', 'en', 'ru'], title: { az: 'x', en: 'x', ru: 'x' }, figures: [], sections: [{ id: 's', title: { az: 'x', en: 'x', ru: 'x' }, blocks: [] }] });

test('every code of every dimension of every source has a label in az, en and ru, with no definition labels at all', () => {
  const missing: string[] = [];
  for (const source of SOURCES) {
    for (const dim of Object.keys(SOURCE_SPECS[source].dims)) {
      for (const code of dimensionCodes(source, dim, profile) ?? []) {
        if (code === 'other' || code === 'unknown') continue;
        for (const lang of REPORT_LANGS) if (!hasLabel(bare(), profile, dim, code, lang)) missing.push(`${source}.${dim}.${code} (${lang})`);
      }
    }
  }
  assert.deepEqual(missing, []);
  assert.equal(labeller(bare(), profile, 'ru')('sex', 'transgender_nonconforming'), 'Трансгендерные или гендерно неконформные лица');
  assert.equal(labeller(bare(), profile, 'az')('caller_type', 'relative'), 'Qohum');
});

test('a printed part with no label is a warning naming where to add it; the shipped definition has none', async () => {
  const d = bare();
  d.figures = [{ id: 'help', label: { en: 'help' }, from: 'services', breakdown: { by: 'kind', groups: { medical_any: ['medical_surgery'] } } }];
  d.sections[0]?.blocks.push({ kind: 'text', text: { az: '{*help}', en: '{*help}', ru: '{*help}' } });
  const warnings = unlabelledParts(d, profile);
  assert.equal(warnings.length, 1);
  assert.equal(warnings[0]?.path, 'labels.kind.medical_any');
  assert.match(warnings[0]?.message ?? '', /no label in az, en, ru/);
  assert.deepEqual(unlabelledParts(await profileDefinition(profile), profile), []);
});

test('mid-sentence a label drops its capital, unless it is a name: a brand, an acronym, or a capitalised second word', async () => {
  const { midSentence } = await import('./labels.ts');
  assert.equal(midSentence('Women', 'sex', 'en'), 'women');
  assert.equal(midSentence('Information on working abroad', 'topic', 'en'), 'information on working abroad');
  assert.equal(midSentence('Aid Fund payment', 'kind', 'en'), 'Aid Fund payment');
  assert.equal(midSentence('Выплата Фонда помощи', 'kind', 'ru'), 'Выплата Фонда помощи');
  assert.equal(midSentence('HIV/AIDS testing', 'kind', 'en'), 'HIV/AIDS testing');
  assert.equal(midSentence('Psychological help by NGO', 'kind', 'en'), 'psychological help by NGO');
  assert.equal(midSentence('Referral to the State Employment Agency', 'kind', 'en'), 'referral to the State Employment Agency');
});
