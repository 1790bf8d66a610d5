import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chartOption, chartTitle, type ChartData } from './charts.ts';
import { renderSvg, svgToPng } from './svg.ts';

const point = (year: number, female: number, male: number) => ({ year, value: female + male + 1, breakdown: { female, male }, source: 'records' as const });
const data: ChartData = {
  year: 2023,
  figures: new Map([['victims.by_country_of_exploitation', { id: 'victims.by_country_of_exploitation', value: 5, breakdown: { TR: 3, RU: 1 }, unknown: 1, parts: 'partition' as const }]]),
  series: { victims: [point(2021, 10, 1), point(2022, 12, 2), point(2023, 9, 0)], defendants: [], crimes: [] },
};

test("a series chart's title names the years it shows, never more", () => {
  assert.equal(chartTitle('victims_series', data, 'en'), 'Victims of trafficking identified, 2021–2023');
  assert.equal(chartTitle('victims_by_country', data, 'en'), '2023: by country of exploitation');
});

test('the SVG holds the data: bars per year with women, men and the unknown rest; country names in the language', () => {
  const svg = renderSvg(chartOption('victims_series', data, 'en') as Record<string, unknown>);
  assert.match(svg, /^<svg[^>]+width="640"/);
  for (const label of ['2021', '2022', '2023', 'Women', 'Men', 'Unknown']) assert.ok(svg.includes(label), label);
  const countries = renderSvg(chartOption('victims_by_country', data, 'az') as Record<string, unknown>);
  assert.ok(countries.includes('Türkiyə'), 'Azerbaijani country names');
  assert.ok(countries.includes('Məlum deyil'), 'the unknown part is drawn, not dropped');
});

test('no data, no chart; a PNG for Word', () => {
  assert.equal(chartOption('defendants_series', data, 'en'), null);
  const png = svgToPng(renderSvg(chartOption('victims_series', data, 'en') as Record<string, unknown>));
  assert.deepEqual([...png.subarray(1, 4)], [...Buffer.from('PNG')]);
});
