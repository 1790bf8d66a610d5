import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadProfile, profileDir } from '../profile/load.ts';
import { labeller } from '../report/definition/labels.ts';
import type { ReportDefinition } from '../report/definition/schema.ts';
import { countryName } from './countries.ts';

test('countries are named from the dataset in each language, not from the runtime locale data', () => {
  assert.equal(countryName('AE', 'az'), 'Birləşmiş Ərəb Əmirlikləri');
  assert.equal(countryName('AE', 'ru'), 'ОАЭ');
  assert.equal(countryName('AE', 'en'), 'United Arab Emirates');
  assert.equal(countryName('TR', 'az'), 'Türkiyə');
  assert.equal(countryName('ZZ', 'az'), null, 'a code the dataset lacks has no name');
  assert.equal(countryName('ae', 'az'), null, 'codes are upper case');
});

test("the server's labels name a country in the report's language", async () => {
  const profile = await loadProfile(profileDir('az'));
  const bare: ReportDefinition = { format: 'azad-report-definition/1', languages: ['az', 'en', 'ru'], title: { az: 'x', en: 'x', ru: 'x' }, figures: [], sections: [{ id: 's', title: { az: 'x', en: 'x', ru: 'x' }, blocks: [] }] };
  assert.equal(labeller(bare, profile, 'az')('citizenship', 'AE'), 'Birləşmiş Ərəb Əmirlikləri');
  assert.equal(labeller(bare, profile, 'ru')('country_of_exploitation', 'AE'), 'ОАЭ');
  assert.equal(labeller(bare, profile, 'en')('citizenship', 'AE'), 'United Arab Emirates');
});
