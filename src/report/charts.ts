// Chart definitions shared by the server (SVG in the report) and the web dashboard (canvas).
// Pure: they turn figures into ECharts options and never touch the database.
import type { Figure } from './figure.ts';
import type { SeriesPoint } from './history.ts';

export interface ChartSeries {
  victims: readonly SeriesPoint[];
  defendants: readonly SeriesPoint[];
  crimes: readonly SeriesPoint[];
}

export type ReportLang = 'az' | 'en';

export interface ChartData {
  year: number;
  figures: ReadonlyMap<string, Figure>;
  series: ChartSeries;
}

type Option = Record<string, unknown>;

interface ChartSpec {
  /** `first`: the first year of the chart's series, so a title never claims years the chart does not show. */
  title: Record<ReportLang, (year: number, first: number) => string>;
  /** Null when the data for this chart is not there (the chart is left out, and the validation panel says why). */
  option(data: ChartData, lang: ReportLang): Option | null;
}

const LOCALES: Record<ReportLang, string> = { az: 'az-Latn-AZ', en: 'en-GB' };
const countryName = (code: string, lang: ReportLang) => {
  try {
    return new Intl.DisplayNames([LOCALES[lang]], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
};

const WORDS: Record<string, Record<ReportLang, string>> = {
  female: { az: 'Qadın', en: 'Women' },
  male: { az: 'Kişi', en: 'Men' },
  unknown: { az: 'Məlum deyil', en: 'Unknown' },
  capital: { az: 'Paytaxt', en: 'Capital' },
  other: { az: 'Digər şəhər və rayonlar', en: 'Other towns and districts' },
  victims: { az: 'Qurbanlar', en: 'Victims' },
  'under-18': { az: '18 yaşadək', en: 'Under 18' },
  physical: { az: 'Əyani', en: 'In person' },
  online: { az: 'Onlayn', en: 'Online' },
  imprisonment: { az: 'Azadlıqdan məhrumetmə', en: 'Imprisonment' },
  suspended: { az: 'Şərti', en: 'Suspended' },
  fine: { az: 'Cərimə', en: 'Fine' },
  trafficking: { az: 'İnsan alveri', en: 'Trafficking' },
  solicitation_of_prostitution: { az: 'Fahişəliyə cəlb etmə', en: 'Involvement in prostitution' },
  brothel: { az: 'Əxlaqsızlıq yuvası', en: 'Running brothels' },
};
const article = (code: string, lang: ReportLang) => (lang === 'az' ? `Maddə ${code}` : `Art. ${code}`);
/** Public morality: Criminal Code articles 242, 243 and 244 (parts folded into the article). */
const PUBLIC_MORALITY = ['242', '243', '244'];
const word = (key: string, lang: ReportLang) => WORDS[key]?.[lang] ?? key;

/** A breakdown's parts plus its unknown part, largest first, as (label, value) pairs. */
function parts(f: Figure | undefined, label: (key: string) => string, lang: ReportLang): [string, number][] | null {
  if (!f?.breakdown) return null;
  const out: [string, number][] = Object.entries(f.breakdown).map(([k, n]) => [label(k), n]);
  if (f.unknown) out.push([word('unknown', lang), f.unknown]);
  return out.sort((a, b) => b[1] - a[1]);
}

const bar = (pairs: [string, number][], horizontal = false): Option => ({
  animation: false,
  grid: { left: horizontal ? 140 : 40, right: 30, top: 20, bottom: 40 },
  [horizontal ? 'yAxis' : 'xAxis']: { type: 'category', data: pairs.map((p) => p[0]), ...(horizontal ? { inverse: true } : { axisLabel: { interval: 0, rotate: pairs.length > 8 ? 45 : 0 } }) },
  [horizontal ? 'xAxis' : 'yAxis']: { type: 'value', minInterval: 1 },
  series: [{ type: 'bar', data: pairs.map((p) => p[1]), label: { show: true, position: horizontal ? 'right' : 'top' }, itemStyle: { color: '#1f5f8b' } }],
});

/** Years on the axis, one stacked bar per year; null with fewer than two years. */
function stackedByYear(points: readonly SeriesPoint[], series: Option[], bottom = 60): Option | null {
  if (points.length < 2) return null;
  return {
    animation: false,
    legend: { bottom: 0 },
    grid: { left: 40, right: 20, top: 20, bottom },
    xAxis: { type: 'category', data: points.map((p) => String(p.year)), axisLabel: { rotate: 45 } },
    yAxis: { type: 'value', minInterval: 1 },
    series,
  };
}

/** Women and men stacked, and whatever the records do not say as "unknown". */
function bySexSeries(points: readonly SeriesPoint[], lang: ReportLang): Option | null {
  const of = (k: string) => points.map((p) => p.breakdown[k] ?? 0);
  return stackedByYear(points, [
    { name: word('female', lang), type: 'bar', stack: 'sex', data: of('female'), itemStyle: { color: '#c0504d' } },
    { name: word('male', lang), type: 'bar', stack: 'sex', data: of('male'), itemStyle: { color: '#1f5f8b' } },
    { name: word('unknown', lang), type: 'bar', stack: 'sex', data: points.map((p) => p.value - (p.breakdown.female ?? 0) - (p.breakdown.male ?? 0)), itemStyle: { color: '#999' } },
  ]);
}

const pie = (pairs: [string, number][]): Option => ({
  animation: false,
  color: ['#1f5f8b', '#c0504d', '#9bbb59', '#8064a2', '#4bacc6', '#f79646', '#7f7f7f'],
  series: [{ type: 'pie', radius: ['35%', '65%'], data: pairs.map(([name, value]) => ({ name, value })), label: { formatter: '{b}: {c} ({d}%)' } }],
});

export const CHARTS = {
  victims_series: {
    title: { az: (y, f) => `İnsan alverinin qurbanları, ${f}–${y}`, en: (y, f) => `Victims of trafficking identified, ${f}–${y}` },
    option: (d, lang) => bySexSeries(d.series.victims, lang),
  },
  victims_by_sex: {
    title: { az: (y) => `${y}-cü ildə müəyyən edilmiş qurbanlar, cinsə görə`, en: (y) => `Victims identified in ${y}, by sex` },
    option: (d, lang) => {
      const p = parts(d.figures.get('victims.identified'), (k) => word(k, lang), lang);
      return p ? pie(p) : null;
    },
  },
  victims_by_exploitation_year: {
    title: { az: (y) => `${y}-cü ildə müəyyən edilmiş qurbanlar, istismar ilinə görə`, en: (y) => `Victims identified in ${y}, by year of exploitation` },
    option: (d, lang) => {
      const p = parts(d.figures.get('victims.by_exploitation_period'), (k) => k, lang);
      return p ? pie(p) : null;
    },
  },
  victims_by_country: {
    title: { az: (y) => `${y}: istismar ölkəsinə görə`, en: (y) => `${y}: by country of exploitation` },
    option: (d, lang) => {
      const p = parts(d.figures.get('victims.by_country_of_exploitation'), (k) => countryName(k, lang), lang);
      return p ? bar(p, true) : null;
    },
  },
  victims_by_citizenship: {
    title: { az: (y) => `${y}: vətəndaşlığa görə`, en: (y) => `${y}: by citizenship` },
    option: (d, lang) => {
      const p = parts(d.figures.get('victims.by_citizenship'), (k) => countryName(k, lang), lang);
      return p ? pie(p) : null;
    },
  },
  victims_by_age: {
    title: { az: (y) => `${y}: yaş qruplarına görə`, en: (y) => `${y}: by age band` },
    option: (d, lang) => {
      const f = d.figures.get('victims.by_age');
      if (!f?.breakdown) return null;
      const order = ['under-18', '18-25', '25-35', '35+'];
      const pairs: [string, number][] = order.filter((k) => k in (f.breakdown ?? {})).map((k) => [word(k, lang), f.breakdown?.[k] ?? 0]);
      if (f.unknown) pairs.push([word('unknown', lang), f.unknown]);
      return bar(pairs);
    },
  },
  victims_by_residence: {
    title: { az: (y) => `${y}: yaşayış yerinə görə`, en: (y) => `${y}: by place of residence` },
    option: (d, lang) => {
      const p = parts(d.figures.get('victims.by_residence'), (k) => word(k, lang), lang);
      return p ? pie(p) : null;
    },
  },
  defendants_series: {
    title: { az: (y, f) => `Cinayət məsuliyyətinə cəlb edilmiş şəxslər, ${f}–${y}`, en: (y, f) => `Persons prosecuted, ${f}–${y}` },
    option: (d, lang) => bySexSeries(d.series.defendants, lang),
  },
  crimes_series: {
    title: { az: (y, f) => `Maddələr üzrə cinayətlər, ${f}–${y}`, en: (y, f) => `Crimes by article, ${f}–${y}` },
    option: (d, lang) => {
      const points = d.series.crimes;
      const articles = [...new Set(points.flatMap((p) => Object.keys(p.breakdown)))].sort();
      return stackedByYear(points, articles.map((a) => ({ name: article(a, lang), type: 'bar', stack: 'article', data: points.map((p) => p.breakdown[a] ?? 0) })), 70);
    },
  },
  victims_by_region: {
    title: { az: (y) => `${y}: şəhər və rayonlar üzrə`, en: (y) => `${y}: by city or district` },
    option: (d, lang) => {
      const p = parts(d.figures.get('victims.by_region'), (k) => k.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()), lang);
      return p?.length ? bar(p.slice(0, 15), true) : null;
    },
  },
  events_participation: {
    title: { az: (y) => `${y}: beynəlxalq tədbirlərdə iştirak`, en: (y) => `${y}: officers' participation in international events` },
    option: (d, lang) => {
      const f = d.figures.get('events.participation');
      if (!f?.breakdown || !f.value) return null;
      const b = f.breakdown;
      return pie([[word('physical', lang), b.physical ?? 0], [word('online', lang), b.online ?? 0]]);
    },
  },
  crimes_by_article: {
    title: { az: (y) => `${y}: Cinayət Məcəlləsinin maddələri üzrə faktlar`, en: (y) => `${y}: crimes by article of the Criminal Code` },
    option: (d, lang) => {
      const p = parts(d.figures.get('crimes.by_article'), (k) => article(k, lang), lang);
      return p?.length ? bar(p, true) : null;
    },
  },
  crimes_public_morality: {
    title: { az: (y) => `${y}: ictimai əxlaqa qarşı cinayətlər`, en: (y) => `${y}: offences against public morality` },
    option: (d, lang) => {
      const b = d.figures.get('crimes.by_article')?.breakdown;
      if (!b) return null;
      const pairs: [string, number][] = PUBLIC_MORALITY.map((a) => [article(a, lang), b[a] ?? 0]);
      return pairs.some(([, n]) => n > 0) ? bar(pairs) : null;
    },
  },
  defendants_by_sex: {
    title: { az: (y) => `${y}: təqsirləndirilən şəxslər, cinsə görə`, en: (y) => `${y}: persons charged, by sex` },
    option: (d, lang) => {
      const p = parts(d.figures.get('defendants.charged'), (k) => word(k, lang), lang);
      return p?.some(([, n]) => n > 0) ? pie(p) : null;
    },
  },
  sentences_by_type: {
    title: { az: (y) => `${y}: cəzaların növləri`, en: (y) => `${y}: sentences by type` },
    option: (d, lang) => {
      const p = parts(d.figures.get('sentences.by_type'), (k) => word(k, lang), lang);
      return p?.some(([, n]) => n > 0) ? pie(p) : null;
    },
  },
  wanted_local: {
    title: { az: (y) => `${y}: axtarışda olan şəxslər`, en: (y) => `${y}: wanted persons` },
    option: (d, lang) => {
      const p = parts(d.figures.get('wanted.local'), (k) => word(k, lang), lang);
      const interpol = d.figures.get('wanted.interpol')?.value ?? 0;
      if (!p) return null;
      return bar([...p, [lang === 'az' ? 'İnterpol' : 'Interpol', interpol]], true);
    },
  },
  online_by_platform: {
    title: { az: (y) => `${y}: informasiya texnologiyaları ilə törədilmiş faktlar`, en: (y) => `${y}: offences committed online, by platform` },
    option: (d, lang) => {
      const p = parts(d.figures.get('online.facts'), (k) => k, lang);
      return p?.some(([, n]) => n > 0) ? pie(p) : null;
    },
  },
} satisfies Record<string, ChartSpec>;

export type ChartId = keyof typeof CHARTS;
export const chartIds = Object.keys(CHARTS) as ChartId[];

export function chartOption(id: ChartId, data: ChartData, lang: ReportLang): Option | null {
  return (CHARTS[id] as ChartSpec).option(data, lang);
}
const SERIES_OF: Partial<Record<ChartId, keyof ChartSeries>> = { victims_series: 'victims', defendants_series: 'defendants', crimes_series: 'crimes' };

export function chartTitle(id: ChartId, data: ChartData, lang: ReportLang): string {
  const s = SERIES_OF[id];
  const first = (s && data.series[s][0]?.year) ?? data.year;
  return (CHARTS[id] as ChartSpec).title[lang](data.year, first);
}
