// "Counted as …": every figure's definition in words, in each report language, generated from the
// definition itself so the words can never drift from what is computed.
import type { Profile } from '../../profile/schema.ts';
import { countOf, dateOf } from './compile.ts';
import { labeller } from './labels.ts';
import type { FigureDef, ReportDefinition, ReportLang } from './schema.ts';

type W = Record<ReportLang, string>;
const w = (az: string, en: string, ru: string): W => ({ az, en, ru });

const COUNT: Record<string, W> = {
  persons: w('fərdi şəxslər', 'distinct persons', 'отдельные лица'),
  records: w('qeydlər', 'records', 'записи'),
  cases: w('fərdi cinayət işləri', 'distinct criminal cases', 'отдельные уголовные дела'),
  children: w('fərdi uşaqlar', 'distinct children', 'отдельные дети'),
  amount: w('məbləğlərin cəmi', 'the sum of amounts', 'сумма'),
  median_per_person: w('bir nəfərə düşən məbləğin medianı', 'the median amount per person', 'медиана суммы на человека'),
  value: w('agentliklərin təsdiqlənmiş hesabatlarındakı rəqəmlərin cəmi', 'the sum of the figures in approved agency submissions', 'сумма показателей из утверждённых отчётов ведомств'),
};
const SOURCE: Record<string, W> = {
  persons: w('şəxs qeydləri', 'person records', 'записи о лицах'),
  decisions: w('identifikasiya qərarları', 'identification decisions', 'решения об идентификации'),
  exploitation: w('istismar hadisələri', 'exploitation events', 'эпизоды эксплуатации'),
  services: w('göstərilən yardım', 'services given', 'оказанная помощь'),
  payments: w('ödənişlər', 'payments', 'выплаты'),
  referrals: w('yönləndirmələr', 'referrals', 'направления'),
  reflection_periods: w('sağalma və düşünmə müddətləri', 'reflection periods', 'периоды размышления'),
  contacts: w('qaynar xətt müraciətləri', 'hotline contacts', 'обращения на горячую линию'),
  facts: w('cinayət faktları', 'crime facts', 'факты преступлений'),
  cases: w('cinayət işləri', 'criminal cases', 'уголовные дела'),
  defendants: w('prosessual addımlar', 'procedural steps of persons prosecuted', 'процессуальные действия'),
  sentences: w('hökmlər', 'sentences', 'приговоры'),
  searches: w('axtarışlar', 'searches for wanted persons', 'розыск'),
  submitted: w('agentlik hesabatları', 'agency submissions', 'отчёты ведомств'),
  activities: w('tədbirlər reyestri', 'the activities register', 'реестр мероприятий'),
};
const DATE: Record<string, W> = {
  identified: w('identifikasiya tarixi', 'date identified', 'дата идентификации'),
  contact: w('ilk müraciət tarixi', 'date of first contact', 'дата первого обращения'),
  under_way: w('il ərzində davam edən', 'under way at any time in the year', 'продолжавшиеся в течение года'),
  open_at_end: w('ilin sonunda açıq olan', 'still open on 31 December', 'открытые на 31 декабря'),
  status: w('statusun dəyişdiyi tarix', 'date the status was reached', 'дата смены статуса'),
};
const FILTER: Record<string, W> = {
  articles: w('maddələr', 'articles', 'статьи'),
  kinds: w('növlər', 'kinds', 'виды'),
  agencies: w('agentliklər', 'agencies', 'ведомства'),
  agencyKinds: w('agentlik növləri', 'agency kinds', 'типы ведомств'),
  personStatus: w('şəxsin statusu ilin sonunda', 'person at the end of the year', 'статус лица на конец года'),
  online: w('onlayn', 'online', 'онлайн'),
  platforms: w('platformalar', 'platforms', 'платформы'),
  stage: w('mərhələ', 'stage', 'стадия'),
  status: w('status', 'status', 'статус'),
  search: w('axtarış', 'search', 'розыск'),
  groups: w('maddə qrupları', 'article groups', 'группы статей'),
  indicators: w('göstəricilər', 'indicators', 'показатели'),
  referredTo: w('il ərzində yönləndirilib', 'referred in the year to', 'направлены в течение года в'),
  openedBefore: w('ildən əvvəl başlanmış', 'opened before the year', 'возбуждены до этого года'),
  children: w('qurbanların uşaqlarına', "to victims' children", 'детям жертв'),
};
const BY: W = w('bölgü', 'broken down by', 'с разбивкой по');
const DATED: W = w('ilə aid edilir', 'in the year by', 'год определяется по');

const valueText = (v: unknown, lang: ReportLang, def: ReportDefinition, profile: Profile, name: string): string => {
  const label = labeller(def, profile, lang);
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? label(name === 'kinds' ? 'kind' : name === 'agencies' ? 'agency' : name, x) : JSON.stringify(x))).join(', ');
  if (typeof v === 'object' && v) return Object.values(v).flat().join(', ');
  return String(v);
};

/** The definition of one figure in words, in one language. */
export function describe(f: FigureDef, def: ReportDefinition, profile: Profile, lang: ReportLang): string {
  const m = f.formula;
  const note = f.note?.[lang] ? ` ${f.note[lang]}` : '';
  if (m) {
    if ('part' in m) return `${w('hissəsi', 'part', 'часть')[lang]} "${m.key}": ${m.part}${note}`;
    if ('sum' in m) return `${w('cəmi', 'sum of', 'сумма')[lang]} ${m.sum.join(' + ')}${note}`;
    if ('cumulative' in m) return `${m.cumulative}, ${m.from}–${w('il', 'the year', 'год')[lang]} ${w('cəmi', 'added up', 'нарастающим итогом')[lang]}${note}`;
    return `${m.value}; ${w('hissələr', 'parts from', 'части из')[lang]} ${m.breakdownOf}${note}`;
  }
  const from = f.from ?? 'persons';
  const parts = [`${COUNT[countOf(f)]?.[lang]} (${SOURCE[from]?.[lang]})`];
  const date = dateOf(f);
  parts.push(`${DATED[lang]}: ${DATE[date]?.[lang] ?? date}`);
  for (const [k, v] of Object.entries(f.where ?? {})) {
    if (v === undefined || k === 'articleField' || k === 'attribute') continue;
    parts.push(`${FILTER[k]?.[lang] ?? k}: ${valueText(v, lang, def, profile, k)}`);
  }
  if (f.breakdown) parts.push(`${BY[lang]} ${f.breakdown.by}`);
  return `${parts.join('; ')}${note}`;
}
