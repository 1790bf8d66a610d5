import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadProfile, profileDir } from '../profile/load.ts';
import { chartOption, chartTitle, percent, pieLegend, type ChartBlock } from './charts.ts';
import { colorOf } from './colors.ts';
import { labeller } from './definition/labels.ts';
import { profileDefinition } from './definition/store.ts';
import { renderSvg, svgToPng } from './svg.ts';
import { wrapWords } from './wrap.ts';

const profile = await loadProfile(profileDir('az'));
const def = await profileDefinition(profile);
const point = (year: number, female: number, male: number) => ({ year, value: female + male + 1, breakdown: { female, male }, source: 'records' as const });
const series = [point(2021, 10, 1), point(2022, 12, 2), point(2023, 9, 0)];
const block = (id: string) => def.sections.flatMap((s) => s.blocks).find((b): b is ChartBlock => b.kind === 'chart' && b.id === id) as ChartBlock;
const country = { id: 'victims.by_country_of_exploitation', value: 5, breakdown: { TR: 3, RU: 1, QA: 0 }, unknown: 1, parts: 'partition' as const };
const opt = (id: string, lang: 'az' | 'en' | 'ru', figure?: typeof country, dim: string | null = 'country_of_exploitation') =>
  chartOption({ def, block: block(id), figure, dim, series: block(id).type === 'series' ? series : null, label: labeller(def, profile, lang), lang });

test("a series chart's title names the years it shows, never more", () => {
  assert.equal(chartTitle(block('victims_series'), 2023, series, 'en'), 'Victims of trafficking identified, 2021–2023');
  assert.equal(chartTitle(block('victims_by_country'), 2023, null, 'ru'), '2023: по стране эксплуатации');
});

test('the SVG holds the data: bars per year with women, men and the unknown rest; country names in the language', () => {
  const svg = renderSvg(chartOption({ def, block: block('victims_series'), figure: undefined, dim: 'sex', series, label: labeller(def, profile, 'en'), lang: 'en' }) as Record<string, unknown>);
  assert.match(svg, /^<svg[^>]+width="640"/);
  for (const label of ['2021', '2022', '2023', 'Women', 'Men', 'Unknown']) assert.ok(svg.includes(label), label);
  const countries = renderSvg(opt('victims_by_country', 'az', country) as Record<string, unknown>);
  assert.ok(countries.includes('Türkiyə'), 'Azerbaijani country names');
  assert.ok(countries.includes('Məlum deyil'), 'the unknown part is drawn, not dropped, its label standing alone as the others do');
  assert.ok(!countries.includes('Qətər'), 'no bar for a zero part');
  assert.ok(renderSvg(opt('victims_by_country', 'ru', country) as Record<string, unknown>).includes('Турция'), 'Russian country names');
});

test('pie slices: no zero slice, whole or one-decimal percentages, fixed colours for women and men', () => {
  const sex = { id: 'victims.identified', value: 3, breakdown: { female: 2, male: 1, x: 0 }, unknown: 0, parts: 'partition' as const };
  const o = chartOption({ def, block: block('victims_by_sex'), figure: sex, dim: 'sex', series: null, label: labeller(def, profile, 'en'), lang: 'en' }) as { series: { data: { name: string; itemStyle: { color: string }; label: { formatter: string } }[] }[] };
  const data = o.series[0]?.data ?? [];
  assert.deepEqual(data.map((d) => d.name), ['Women', 'Men']);
  assert.equal(data[0]?.itemStyle.color, def.colors?.female);
  assert.equal(data[1]?.itemStyle.color, def.colors?.male);
  assert.equal(data[0]?.label.formatter, 'Women: 2 (67%)');
  assert.equal(percent(1, 3, 'en'), '33%');
  assert.equal(percent(1, 300, 'en'), '0.3%');
});

test('women and men keep one colour in every chart, also under a definition with no colours of its own', () => {
  const bare = { ...def, colors: undefined };
  const sex = { id: 'victims.identified', value: 3, breakdown: { female: 2, male: 1 }, unknown: 0, parts: 'partition' as const };
  const colours = (d: typeof def) => {
    const pie = chartOption({ def: d, block: block('victims_by_sex'), figure: sex, dim: 'sex', series: null, label: labeller(d, profile, 'en'), lang: 'en' }) as { series: { data: { itemStyle: { color: string } }[] }[] };
    const bars = chartOption({ def: d, block: block('victims_series'), figure: undefined, dim: 'sex', series, label: labeller(d, profile, 'en'), lang: 'en' }) as { series: { itemStyle: { color: string } }[] };
    return { pie: pie.series[0]?.data.map((x) => x.itemStyle.color), series: bars.series.slice(0, 2).map((x) => x.itemStyle.color) };
  };
  for (const d of [def, bare]) {
    const c = colours(d);
    assert.deepEqual(c.pie, [colorOf('female'), colorOf('male')]);
    assert.deepEqual(c.series, [colorOf('female'), colorOf('male')], 'the series lists female, male in key order');
  }
  assert.notEqual(colorOf('female'), colorOf('male'));
  assert.equal(colorOf('female'), def.colors?.female, "the profile's colours are the fixed ones");
});

test('categories without a fixed colour never share one in a chart, nor take the colour of women or men', () => {
  const platforms = { id: 'online.facts', value: 58, breakdown: { whatsapp: 20, telegram: 16, tiktok: 10, instagram: 9 }, unknown: 3, parts: 'partition' as const };
  const pie = chartOption({ def, block: block('online_by_platform'), figure: platforms, dim: 'platform', series: null, label: labeller(def, profile, 'en'), lang: 'en' });
  const colours = (pieLegend(pie) ?? []).map((e) => e.color);
  assert.equal(colours.length, 5);
  assert.equal(new Set(colours).size, 5, colours.join(' '));
  assert.ok(!colours.includes(colorOf('female')) && !colours.includes(colorOf('male')));
});

test("a pie's parts for the page's list: its names, printed values and colours; none for bars", () => {
  const sex = { id: 'victims.identified', value: 3, breakdown: { female: 2, male: 1 }, unknown: 0, parts: 'partition' as const };
  const pie = chartOption({ def, block: block('victims_by_sex'), figure: sex, dim: 'sex', series: null, label: labeller(def, profile, 'az'), lang: 'az' });
  assert.deepEqual(pieLegend(pie), [
    { name: 'Qadın', text: 'Qadın: 2 (67%)', color: colorOf('female') },
    { name: 'Kişi', text: 'Kişi: 1 (33%)', color: colorOf('male') },
  ]);
  assert.equal(pieLegend(opt('victims_by_country', 'az', country)), null);
});

test('labels wrap between words only, also in Azerbaijani (ECharts would break a word at "ə")', () => {
  const text = 'Birləşmiş Ərəb Əmirlikləri: 1 (100%)';
  const lines = wrapWords(text, 150).split('\n');
  assert.deepEqual(lines, ['Birləşmiş Ərəb', 'Əmirlikləri: 1 (100%)']);
  assert.equal(wrapWords('Azadlıqdan_məhrum_etmə_uzun_bir_söz', 70), 'Azadlıqdan_məhrum_etmə_uzun_bir_söz', 'a word longer than the line keeps its line');
  const citizens = { id: 'victims.by_citizenship', value: 4, breakdown: { AE: 3, TR: 1 }, unknown: 0, parts: 'partition' as const };
  const svg = renderSvg(chartOption({ def, block: block('victims_by_citizenship'), figure: citizens, dim: 'citizenship', series: null, label: labeller(def, profile, 'az'), lang: 'az' }) as Record<string, unknown>);
  assert.ok(svg.includes('>Əmirlikləri: 3 (75%)<'), 'the pie label is whole words in the SVG');
});

test('pie percentages are rounded once and add up to 100 (largest remainder)', () => {
  const sex = { id: 'victims.identified', value: 51, breakdown: { female: 39, male: 10, transgender_nonconforming: 1 }, unknown: 1, parts: 'partition' as const };
  const o = chartOption({ def, block: block('victims_by_sex'), figure: sex, dim: 'sex', series: null, label: labeller(def, profile, 'en'), lang: 'en' }) as { series: { data: { label: { formatter: string } }[] }[] };
  const shares = (o.series[0]?.data ?? []).map((d) => Number(/\((\d+(?:\.\d)?)%\)$/.exec(d.label.formatter)?.[1]));
  assert.equal(o.series[0]?.data[0]?.label.formatter, 'Women: 39 (76%)', '76.47 % is 76 %, not 77 %');
  assert.deepEqual(shares, [76, 20, 2, 2]);
  assert.equal(percent(39, 51, 'en'), '76%');
  assert.equal(percent(3, 1000, 'en'), '0.3%');
});

test('a top-N bar chart ends with one "other" bar for the rest', () => {
  const many = { id: 'victims.by_region', value: 20, breakdown: Object.fromEntries(Array.from({ length: 18 }, (_, i) => [`r${i}`, 18 - i])), unknown: 0, parts: 'partition' as const };
  const o = chartOption({ def, block: block('victims_by_region'), figure: many, dim: 'region', series: null, label: labeller(def, profile, 'en'), lang: 'en' }) as { yAxis: { data: string[] } };
  assert.equal(o.yAxis.data.length, 16);
  assert.equal(o.yAxis.data.at(-1), 'Other', 'a bar label stands alone, capitalised like the others');
});

test('no data, no chart; a PNG for Word', () => {
  assert.equal(chartOption({ def, block: block('defendants_series'), figure: undefined, dim: 'sex', series: [], label: labeller(def, profile, 'en'), lang: 'en' }), null);
  const png = svgToPng(renderSvg(chartOption({ def, block: block('victims_series'), figure: undefined, dim: 'sex', series, label: labeller(def, profile, 'en'), lang: 'en' }) as Record<string, unknown>));
  assert.deepEqual([...png.subarray(1, 4)], [...Buffer.from('PNG')]);
});

test("a chart without keys of its own keeps the figure's breakdown.keys order (age bands), then the rest largest first; Russian percent as the text writes it", () => {
  const bands = ['under-18', '18-29', '30-44', '45+'];
  const d = { ...def, figures: [...def.figures, { id: 'x.ages', label: { az: 'Yaş', en: 'Ages', ru: 'Возраст' }, from: 'persons' as const, breakdown: { by: 'age' as const, keys: bands, bands: [{ key: 'under-18', min: 0, max: 17 }, { key: '18-29', min: 18, max: 29 }, { key: '30-44', min: 30, max: 44 }, { key: '45+', min: 45, max: 120 }] } }] };
  const ages = { id: 'x.ages', value: 25, breakdown: { 'under-18': 3, '18-29': 12, '30-44': 8, '45+': 2 }, unknown: 0, parts: 'partition' as const };
  for (const type of ['bar', 'pie'] as const) {
    const b: ChartBlock = { kind: 'chart', id: 'ages', type, figure: 'x.ages', title: { az: 'a', en: 'a', ru: 'a' } };
    const o = chartOption({ def: d, block: b, figure: ages, dim: 'age', series: null, label: labeller(d, profile, 'ru'), lang: 'ru' }) as { series: { data: ({ name: string; label: { formatter: string } } | number)[] }[]; xAxis?: { data: string[] } };
    const names = type === 'pie' ? o.series[0]?.data.map((x) => (x as { name: string }).name) : o.xAxis?.data;
    assert.deepEqual(names?.map((n) => n.replace(/\n/g, ' ')), bands.map((k) => labeller(d, profile, 'ru')('age', k)), type);
    // Without keys the same parts would be largest first.
    if (type === 'pie') assert.match((o.series[0]?.data[1] as { label: { formatter: string } }).label.formatter.replace(/\n/g, ' '), /12 \(48\u00a0%\)/);
  }
  assert.equal(percent(1, 4, 'ru'), '25\u00a0%');
  assert.equal(percent(1, 4, 'en'), '25%');
});
