import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { loadProfile, profileDir } from '../../profile/load.ts';
import type { Profile } from '../../profile/schema.ts';
import { checkDefinition } from './check.ts';
import { FigureDef, type Block, type ReportDefinition } from './schema.ts';

let profile: Profile;
before(async () => {
  profile = await loadProfile(profileDir('az'));
});

const t = (en: string) => ({ en });
/** A one-language definition with the given figures and blocks. */
const definition = (figures: FigureDef[], blocks: Block[] = []): ReportDefinition => ({
  format: 'azad-report-definition/1',
  languages: ['en'],
  title: t('Report {year}'),
  figures,
  sections: [{ id: 'main', title: t('Main'), blocks }],
});
const errorsOf = (d: ReportDefinition) => checkDefinition(d, profile, profile.indicators);
const at = (d: ReportDefinition, path: string) => errorsOf(d).filter((e) => e.path === path).map((e) => e.message);

test('every code in a filter is checked against where it is defined, naming the path and the valid codes', () => {
  const d = definition([
    { id: 'a', label: t('a'), from: 'persons', where: { sex: ['female', 'women'], forms: ['sexual', 'sex'], citizenship: ['Turkey'] } },
    { id: 'b', label: t('b'), from: 'defendants', where: { stage: ['charged', 'indicted'] } },
    { id: 'c', label: t('c'), from: 'searches', where: { stage: ['charged'], status: ['caught'] } },
    { id: 'd', label: t('d'), from: 'contacts', where: { channels: ['phone'] } },
    { id: 'e', label: t('e'), from: 'services', where: { referredTo: { agencyKinds: ['social'] } } },
  ]);
  assert.match(at(d, 'figures.0.where.sex.1')[0] ?? '', /unknown sex "women".*"male", "female", "transgender_nonconforming", "unknown"/);
  assert.deepEqual(at(d, 'figures.0.where.sex.0'), []);
  assert.match(at(d, 'figures.0.where.forms.1')[0] ?? '', /unknown exploitation_form "sex".*"sexual", "forced_labour"/);
  assert.match(at(d, 'figures.0.where.citizenship.0')[0] ?? '', /ISO 3166/);
  assert.match(at(d, 'figures.1.where.stage.1')[0] ?? '', /unknown stage "indicted".*"suspect", "charged", "sent_to_court", "convicted", "acquitted"/);
  assert.match(at(d, 'figures.2.where.stage.0')[0] ?? '', /unknown search "charged".*"local", "interpol"/, 'on searches, stage is the kind of search');
  assert.match(at(d, 'figures.2.where.status.0')[0] ?? '', /unknown status "caught".*"wanted", "detained"/);
  assert.match(at(d, 'figures.3.where.channels.0')[0] ?? '', /unknown channel "phone".*"phone_152"/);
  assert.match(at(d, 'figures.4.where.referredTo.agencyKinds.0')[0] ?? '', /unknown agency_kind "social".*"social_services"/);
});

test('breakdown keys and group members must be codes of the dimension, bands or groups', () => {
  const d = definition([
    { id: 'a', label: t('a'), from: 'persons', breakdown: { by: 'sex', keys: ['female', 'males'] } },
    { id: 'b', label: t('b'), from: 'services', breakdown: { by: 'kind', groups: { medical: ['medical_surgery', 'surgery'] }, keys: ['medical', 'legal'] } },
    { id: 'c', label: t('c'), from: 'persons', breakdown: { by: 'age', bands: [{ key: 'adult', min: 18 }], keys: ['child'] } },
    { id: 'd', label: t('d'), from: 'persons', breakdown: { by: 'sex', rest: 'other_sex' } },
  ]);
  assert.match(at(d, 'figures.0.breakdown.keys.1')[0] ?? '', /unknown sex "males".*"male", "female", "transgender_nonconforming"/);
  assert.match(at(d, 'figures.1.breakdown.groups.medical.1')[0] ?? '', /unknown kind "surgery" for services; one of .*"medical_surgery"/);
  assert.match(at(d, 'figures.1.breakdown.keys.1')[0] ?? '', /"legal" is not a group; keys: "medical"/);
  assert.match(at(d, 'figures.2.breakdown.keys.0')[0] ?? '', /"child" is not a band; bands: "adult"/);
  assert.match(at(d, 'figures.3.breakdown.rest')[0] ?? '', /give "groups"/);
});

test('a part, a list, a table or a chart of a figure with no breakdown is an error; a part must be one of its keys', () => {
  const d = definition(
    [
      { id: 'total', label: t('total'), from: 'persons' },
      { id: 'by_sex', label: t('by sex'), from: 'persons', breakdown: { by: 'sex' } },
      { id: 'share', label: t('share'), formula: { value: 'total', breakdownOf: 'by_sex' } },
      { id: 'women', label: t('women'), formula: { part: 'total', key: 'female' } },
    ],
    [
      { kind: 'text', text: t('{total#female} women, {*total}, {by_sex#woman}, {share#female}, {+share}, {%total}, {%by_sex}') },
      { kind: 'chart', id: 'pie', type: 'pie', figure: 'total', title: t('x') },
      { kind: 'chart', id: 'series', type: 'series', figure: 'total', title: t('x') },
      { kind: 'chart', id: 'bar', type: 'bar', figure: 'by_sex', title: t('x'), keys: ['female', 'females'] },
      { kind: 'table', figure: 'total', caption: t('x'), keyLabel: t('x') },
    ],
  );
  const text = at(d, 'sections.0.blocks.0.text.en');
  assert.ok(text.some((m) => /\{total#female\}: the figure "total" has no breakdown/.test(m)), text.join('\n'));
  assert.ok(text.some((m) => /\{\*total\}: the figure "total" has no breakdown/.test(m)));
  assert.ok(text.some((m) => /"woman" is not a part of "by_sex" \(broken down by sex\); its parts: "male", "female", "transgender_nonconforming"/.test(m)));
  assert.ok(text.some((m) => /\{%total\}: the figure "total" has no breakdown/.test(m)), 'shares need parts too');
  assert.equal(text.length, 4, 'a formula taking its parts from another figure has them');
  assert.match(at(d, 'sections.0.blocks.1.figure')[0] ?? '', /a pie chart: the figure "total" has no breakdown/);
  assert.deepEqual(at(d, 'sections.0.blocks.2.figure'), [], 'a series chart may show totals');
  assert.match(at(d, 'sections.0.blocks.3.keys.1')[0] ?? '', /"females" is not a part of "by_sex"/);
  assert.match(at(d, 'sections.0.blocks.4.figure')[0] ?? '', /a table: the figure "total" has no breakdown/);
  assert.match(at(d, 'figures.3.formula.key')[0] ?? '', /the figure "total" has no breakdown/);
});

test('section and chart ids are unique', () => {
  const d = definition([{ id: 'by_sex', label: t('x'), from: 'persons', breakdown: { by: 'sex' } }], [
    { kind: 'chart', id: 'c', type: 'pie', figure: 'by_sex', title: t('x') },
    { kind: 'chart', id: 'c', type: 'bar', figure: 'by_sex', title: t('x') },
  ]);
  d.sections.push({ id: 'main', title: t('again'), blocks: [] });
  assert.match(at(d, 'sections.1.id')[0] ?? '', /section "main" appears twice \(first at sections.0\)/);
  assert.match(at(d, 'sections.0.blocks.1.id')[0] ?? '', /chart "c" appears twice/);
});

test('submitted figures name indicators of the catalogue and attributes they have', () => {
  const d = definition([
    { id: 'a', label: t('a'), from: 'submitted', where: { indicators: ['prevention.booklets.mia', 'prevention.bookletz'] } },
    { id: 'b', label: t('b'), from: 'submitted', where: { indicators: ['prevention.booklets.mia'], attribute: 'azn' } },
  ]);
  assert.match(at(d, 'figures.0.where.indicators.1')[0] ?? '', /unknown indicator "prevention.bookletz"; the catalogue has .*"prevention.booklets.mia"/);
  assert.deepEqual(at(d, 'figures.0.where.indicators.0'), []);
  assert.match(at(d, 'figures.1.where.attribute')[0] ?? '', /"prevention.booklets.mia" has no attribute "azn"; attributes: none/);
});

test('the shipped definitions pass every check', async () => {
  const { profileDefinition } = await import('./store.ts');
  for (const code of ['az', 'zz']) {
    const p = await loadProfile(profileDir(code));
    assert.deepEqual(checkDefinition(await profileDefinition(p), p, p.indicators), [], code);
  }
});

test('the object form of an article filter refuses parts the profile does not have, like the string form', () => {
  const d = definition([
    { id: 'a', label: t('a'), from: 'facts', where: { articles: [{ article: '243', parts: ['1', '4'] }, '243.4', { article: '243', parts: 'all' }] } },
  ]);
  assert.match(at(d, 'figures.0.where.articles.0.parts.1')[0] ?? '', /unknown part "4" of article 243 in the country profile; its parts: "1", "2", "3"/);
  assert.deepEqual(at(d, 'figures.0.where.articles.0.parts.0'), []);
  assert.match(at(d, 'figures.0.where.articles.1')[0] ?? '', /unknown article or part "243.4"/);
  assert.deepEqual(at(d, 'figures.0.where.articles.2'), []);
});

test('a figure label, a note, a table key label, the subtitle and a key label missing a report language are refused like a sentence', () => {
  const three = (s: string) => ({ az: s, en: s, ru: s });
  const d: ReportDefinition = {
    format: 'azad-report-definition/1',
    languages: ['az', 'en', 'ru'],
    title: three('Report {year}'),
    subtitle: { az: 'a', en: 'b' },
    figures: [{ id: 'a', label: { az: 'a', en: 'a' }, note: { en: 'n' }, from: 'persons', breakdown: { by: 'sex' } }],
    sections: [{ id: 'main', title: three('Main'), blocks: [{ kind: 'text', text: three('{a}') }, { kind: 'table', figure: 'a', caption: three('c'), keyLabel: { en: 'Sex' } }] }],
    labels: { sex: { female: { az: 'Qadın', en: 'Women' } } },
  };
  const paths = errorsOf(d).map((e) => e.path).sort();
  assert.deepEqual(paths, ['figures.0.label.ru', 'figures.0.note.az', 'figures.0.note.ru', 'labels.sex.female.ru', 'sections.0.blocks.1.keyLabel.az', 'sections.0.blocks.1.keyLabel.ru', 'subtitle.ru']);
  assert.match(at(d, 'figures.0.label.ru')[0] ?? '', /the ru text is empty/);
});

test('the shipped definition has every text in every language', async () => {
  const { profileDefinition } = await import('./store.ts');
  assert.deepEqual(errorsOf(await profileDefinition(profile)), []);
});

test('a formula figure with a breakdown, filter, date, count or list of its own is refused, not silently ignored', () => {
  const d = definition([
    { id: 'total', label: t('total'), from: 'persons', breakdown: { by: 'sex' } },
    { id: 'since', label: t('since'), formula: { cumulative: 'total', from: 2005 }, breakdown: { by: 'sex' }, where: { sex: ['female'] } },
    { id: 'plain', label: t('plain'), formula: { sum: ['total'] }, unit: 'people', note: t('n') },
  ]);
  assert.match(at(d, 'figures.1.breakdown')[0] ?? '', /"breakdown" is for a figure counted from records/);
  assert.match(at(d, 'figures.1.where')[0] ?? '', /"where" is for a figure counted from records/);
  assert.deepEqual(errorsOf(d).filter((e) => e.path.startsWith('figures.2')), [], 'unit and note are for every figure');
});

test('an unknown formula names the formulas there are', () => {
  const parsed = FigureDef.safeParse({ id: 'x.ratio', label: t('r'), formula: { ratio: ['a.b', 'c.d'] } });
  assert.equal(parsed.success, false);
  assert.match(parsed.error?.issues[0]?.message ?? '', /a formula is one of \{"part".*"sum".*"cumulative".*"breakdownOf"/);
});
