import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { loadProfile, profileDir } from '../profile/load.ts';
import type { Profile } from '../profile/schema.ts';
import { labeller } from './definition/labels.ts';
import type { ReportDefinition, ReportLang } from './definition/schema.ts';
import { profileDefinition } from './definition/store.ts';
import { fill } from './document.ts';
import type { ReportFigure } from './report.ts';
import { validateReport } from './validation.ts';

let profile: Profile;
let def: ReportDefinition;
before(async () => {
  profile = await loadProfile(profileDir('az'));
  def = await profileDefinition(profile);
});

const fig = (id: string, value: number | null, breakdown?: Record<string, number>): ReportFigure => ({ id, value, delta: null, ...(breakdown ? { breakdown, parts: 'overlapping' as const } : {}) });

/** The shipped texts of the victims section that mention `id`, filled in `lang`. */
function sentencesWith(id: string, figures: ReportFigure[], lang: ReportLang): string[] {
  const c = { def, year: 2025, lang, figures: new Map(figures.map((f) => [f.id, f])), label: labeller(def, profile, lang) };
  return def.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'text' && b.text[lang]?.includes(id) ? [fill(b.text[lang] ?? '', c)] : [])));
}

// A later year with no surgery, no medical help from the agency and no maintenance arranged.
const zeroYear = (): ReportFigure[] => [
  fig('assistance.victims_helped', 20, { vocational_training: 5, employment: 3, identity_documents: 0, social_aid: 2, family_reintegration: 4, medical_treatment: 1, medical_surgery: 0, residence_permit: 0 }),
  fig('referrals.ngo', 7),
  fig('referrals.social_services_agency', 9, { psychological: 4, medical: 0, vocational: 1, employment_agency: 0 }),
  fig('potential_victims.supported', 6, { legal: 2, psychological: 0, medical: 0, employment_agency: 4 }),
  fig('victims_children.helped', 8, { child_school_supplies: 5, child_preschool: 3, child_birth_certificate: 0, child_maintenance: 0 }),
  fig('hotline.calls', 300),
];

test('the shipped 2023 sentences never print a zero part: surgery, medical help, maintenance left out when 0', () => {
  for (const lang of ['az', 'en', 'ru'] as const) {
    const texts = [...sentencesWith('assistance.victims_helped', zeroYear(), lang), ...sentencesWith('referrals.social_services_agency', zeroYear(), lang), ...sentencesWith('victims_children.helped', zeroYear(), lang)];
    assert.equal(texts.length, 3, `${lang}: the three sentences of help`);
    for (const t of texts) assert.doesNotMatch(t, /(^|[^\d])0([^\d,.]|$)/, `${lang}: no zero printed in "${t}"`);
  }
  const [helped, referred, children] = ['assistance.victims_helped', 'referrals.social_services_agency', 'victims_children.helped'].map((id) => sentencesWith(id, zeroYear(), 'en')[0] ?? '');
  assert.match(helped ?? '', /vocational courses: 5, employment found: 3, help obtaining targeted social aid: 2, return to the family: 4 and medical treatment: 1/);
  assert.doesNotMatch(helped ?? '', /urgery|residence/);
  assert.match(referred ?? '', /psychological help: 4 and vocational training: 1\./);
  assert.match(referred ?? '', /legal help: 2 and referral to the State Employment Agency: 4\./);
  assert.match(children ?? '', /school supplies: 5 and preschool education: 3\./);
  assert.doesNotMatch(children ?? '', /maintenance/);
});

test('the panel warns when a sentence names a part by hand that is zero', () => {
  const d: ReportDefinition = { ...def, sections: [{ id: 'help', title: { az: 'a', en: 'a', ru: 'a' }, blocks: [{ kind: 'text', text: { en: '{=potential_victims.supported#legal} legal and {=potential_victims.supported#medical} medical aid; {*potential_victims.supported}' } }] }] };
  const problems = validateReport({ year: 2025, def: d, figures: zeroYear(), previous: new Map(), publishedPrevious: null, narratives: {}, imported: new Map(), emptyCharts: [] });
  const zero = problems.filter((p) => p.code === 'zero_part');
  assert.equal(zero.length, 1, JSON.stringify(problems));
  assert.equal(zero[0]?.severity, 'warning');
  assert.equal(zero[0]?.figure, 'potential_victims.supported');
  assert.match(zero[0]?.message ?? '', /\{potential_victims\.supported#medical\} as 0/);
});

test('list placeholders are lower-case mid-sentence and capitalised only at the start of a sentence', () => {
  const figures = [fig('victims.identified', 12, { female: 9, male: 2 }), fig('victims.by_residence', 12, { capital: 5, other: 7 })];
  const c = (lang: ReportLang) => ({ def, year: 2025, lang, figures: new Map(figures.map((f) => [f.id, { ...f, parts: 'partition' as const, unknown: 1 }])), label: labeller(def, profile, lang) });
  assert.equal(fill('Victims ({=victims.identified#female} women{+=victims.identified}).', c('en')), 'Victims (9 women, men: 2, unknown: 1).');
  assert.equal(fill('{*=victims.by_residence}. Then {*=victims.by_residence}.', c('en')), 'Capital: 5, other towns and districts: 7 and unknown: 1. Then capital: 5, other towns and districts: 7 and unknown: 1.');
  assert.equal(fill('Qurbanlar ({=victims.identified#male} kişi{+=victims.identified}).', c('az')), 'Qurbanlar (2 kişi, qadın: 9, məlum deyil: 1).');
  assert.equal(fill('Итого: {*=victims.by_residence}.', c('ru')), 'Итого: столица: 5, другие города и районы: 7 и неизвестно: 1.');
});

test('the Aid Fund sentence says median in every language, and a median with no payments prints "no data", not 0', () => {
  const figures = [fig('assistance.aid_fund.recipients', 0), fig('assistance.aid_fund.amount_azn', null), fig('legal_aid.bar.total', 3), fig('legal_aid.bar.court', 1), fig('legal_aid.bar.investigation', 2)];
  const words = { az: /medianı \(manat\): məlumat yoxdur\./, en: /median paid per recipient \(AZN\): no data\./, ru: /медиана выплаты на получателя \(манатов\): нет данных\./ };
  for (const lang of ['az', 'en', 'ru'] as const) {
    const [text] = sentencesWith('assistance.aid_fund.amount_azn', figures, lang);
    assert.match(text ?? '', words[lang], `${lang}: ${text}`);
  }
  const problems = validateReport({ year: 2025, def, figures, previous: new Map(), publishedPrevious: null, narratives: {}, imported: new Map(), emptyCharts: [] });
  const median = problems.filter((p) => p.figure === 'assistance.aid_fund.amount_azn');
  assert.deepEqual(median.map((p) => [p.severity, p.code]), [['warning', 'median_no_data']], 'no payments is a fact to note, not a missing figure');
});

test('a label stands alone capitalised (a table row, a chart axis) and in a list lower-cased, whatever case it was written in', () => {
  const lower: ReportDefinition = { ...def, labels: { ...def.labels, report_key: { trafficking: { az: 'insan alveri', en: 'trafficking', ru: 'торговля людьми' } } } };
  for (const [lang, alone] of [['az', 'İnsan alveri'], ['en', 'Trafficking'], ['ru', 'Торговля людьми']] as const) {
    assert.equal(labeller(lower, profile, lang)('report_key', 'trafficking'), alone);
  }
  const figures = new Map([['x', { id: 'x', value: 3, delta: null, breakdown: { trafficking: 3 }, parts: 'partition' as const, unknown: 0 }]]);
  const withX: ReportDefinition = { ...lower, figures: [...lower.figures, { id: 'x', label: { az: 'x', en: 'x', ru: 'x' }, from: 'facts', breakdown: { by: 'report_key' } }] };
  assert.equal(fill('Facts: {*=x}.', { def: withX, year: 2025, lang: 'en', figures, label: labeller(withX, profile, 'en') }), 'Facts: trafficking: 3.');
  assert.equal(labeller(lower, profile, 'en')('report_key', 'no_such_key'), 'no_such_key', 'a code without a label is printed as it is');
});

test('an amount in manats with kopecks prints both digits, and so does its change; whole manats print none', () => {
  const money = { id: 'x.fines', label: { az: 'Cərimələr', en: 'Fines', ru: 'Штрафы' }, from: 'submitted' as const, count: 'value' as const, unit: 'azn' as const, where: { indicators: ['prevention.awareness_events'] } };
  const d = { ...def, figures: [...def.figures, money] };
  const say = (value: number, delta: number | null, lang: ReportLang, text = 'AZN {x.fines}') =>
    fill(text, { def: d, year: 2025, lang, figures: new Map([['x.fines', { id: 'x.fines', value, delta }]]), label: labeller(d, profile, lang) });
  assert.equal(say(18500.5, 1200.25, 'en'), 'AZN 18,500.50 (+1,200.25)');
  assert.equal(say(18500.5, null, 'az', '{=x.fines} manat'), '18.500,50 manat');
  assert.equal(say(18500.5, -0.5, 'ru'), 'AZN 18\u00a0500,50 (-0,50)');
  assert.equal(say(2374000, 591900, 'en'), 'AZN 2,374,000 (+591,900)');
  assert.equal(say(100, 0.5, 'en'), 'AZN 100.00 (+0.50)');
});

test('an Azerbaijani case ending after a placeholder belongs to the number, before its change; elsewhere it stays put', () => {
  const c = (lang: ReportLang, delta: number | null) => ({ def, year: 2025, lang, figures: new Map([['victims.identified', { id: 'victims.identified', value: 7, delta }]]), label: labeller(def, profile, lang) });
  assert.equal(fill('Onlardan {victims.identified}-si qadındır.', c('az', 2)), 'Onlardan 7-si (+2) qadındır.');
  assert.equal(fill('{=victims.identified}-si', c('az', 2)), '7-si');
  assert.equal(fill('{victims.identified}-si', c('az', 0)), '7-si (dəyişməyib)');
  assert.equal(fill('a {victims.identified}-year trend', c('en', 2)), 'a 7 (+2)-year trend');
});

test('{%id} prints each part as its share of the figure, rounded to add up to 100 for a partition, in the language', () => {
  const c = (lang: ReportLang, f: ReportFigure) => ({ def, year: 2025, lang, figures: new Map([[f.id, f]]), label: labeller(def, profile, lang) });
  const sex: ReportFigure = { id: 'victims.identified', value: 51, delta: 3, breakdown: { female: 39, male: 10, transgender_nonconforming: 0 }, unknown: 2, parts: 'partition' };
  assert.equal(fill('{%victims.identified}', c('en', sex)), 'Women: 76%, men: 20% and unknown: 4%');
  assert.equal(fill('Из них {%victims.identified}.', c('ru', sex)), 'Из них женщины: 76\u00a0%, мужчины: 20\u00a0% и неизвестно: 4\u00a0%.');
  // 39, 10, 1 and 1 of 51 print 76, 20, 2, 2 (not 77 + 20 + 2 + 2 = 101).
  assert.equal(fill('{%victims.identified}', c('en', { ...sex, breakdown: { female: 39, male: 10, transgender_nonconforming: 1 }, unknown: 1 })), 'Women: 76%, men: 20%, transgender or gender non-conforming persons: 2% and unknown: 2%');
  assert.equal(fill('{%victims.identified}', c('en', { ...sex, value: 0, breakdown: {}, unknown: 0 })), 'None');
});
