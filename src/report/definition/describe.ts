// "Counted as …": every figure's definition in words, in each report language, generated from the
// definition itself so the words can never drift from what is computed.
import type { IndicatorCatalogue, Profile } from '../../profile/schema.ts';
import { countOf, dateOf } from './compile.ts';
import { dimensionOf } from '../document.ts';
import { labeller, midSentence } from './labels.ts';
import type { ArticleRef, FigureDef, ReportDefinition, ReportLang } from './schema.ts';

type W = Record<ReportLang, string>;
const w = (az: string, en: string, ru: string): W => ({ az, en, ru });

const COUNT: Record<string, W> = {
  persons: w('fərdi şəxslər', 'distinct persons', 'отдельные лица'),
  records: w('qeydlər', 'records', 'записи'),
  cases: w('fərdi cinayət işləri', 'distinct criminal cases', 'отдельные уголовные дела'),
  children: w('fərdi uşaqlar', 'distinct children', 'отдельные дети'),
  amount: w('məbləğlərin cəmi', 'the sum of amounts', 'сумма'),
  median_per_person: w('bir nəfərə düşən məbləğin medianı', 'the median amount per person', 'медиана суммы на человека'),
  participants: w('tədbirlərin iştirakçılarının cəmi', 'the sum of the participants of the entries', 'сумма участников мероприятий'),
  trainers: w('təlimçilərin cəmi', 'the sum of the trainers of the entries', 'сумма тренеров мероприятий'),
  copies: w('nüsxələrin cəmi', 'the sum of the copies of the entries', 'сумма экземпляров изданий'),
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
  closed: w('bağlanma tarixi', 'date closed', 'дата закрытия'),
  decided: w('qərar tarixi', 'date of the decision', 'дата решения'),
  started: w('başlama tarixi', 'date started', 'дата начала'),
  given: w('yardımın göstərildiyi tarix', 'date given', 'дата оказания'),
  paid: w('ödəniş tarixi', 'date paid', 'дата выплаты'),
  sent: w('göndərilmə tarixi', 'date sent', 'дата направления'),
  registered: w('qeydiyyat tarixi', 'date registered', 'дата регистрации'),
  opened: w('başlanma tarixi', 'date opened', 'дата возбуждения'),
  status: w('statusun dəyişdiyi tarix', 'date the status was reached', 'дата смены статуса'),
  step: w('prosessual addımın tarixi', 'date of the step', 'дата процессуального действия'),
  sentenced: w('hökm tarixi', 'date of the sentence', 'дата приговора'),
  under_way: w('il ərzində davam edən', 'under way at any time in the year', 'продолжавшиеся в течение года'),
  open_at_end: w('ilin sonunda açıq olan', 'still open on 31 December', 'открытые на 31 декабря'),
  ended: w('bitmə tarixi', 'date ended', 'дата окончания'),
  since: w('başlanğıc tarixi', 'date since', 'дата начала'),
  period: w('hesabat dövrü', 'the period reported', 'отчётный период'),
  held: w('keçirilmə tarixi', 'date held', 'дата проведения'),
};
/** Breakdown dimensions, as "broken down by …". */
const DIM: Record<string, W> = {
  sex: w('cinsə görə', 'sex', 'полу'),
  citizenship: w('vətəndaşlığa görə', 'citizenship', 'гражданству'),
  region: w('yaşayış rayonuna görə', 'region of residence', 'району проживания'),
  residence: w('paytaxt və digər bölgələrə görə', 'capital or elsewhere', 'столице и другим регионам'),
  age: w('yaşa görə', 'age', 'возрасту'),
  minor: w('yetkinlik yaşına görə', 'minor or adult', 'несовершеннолетним и взрослым'),
  person_status: w('qurban və ehtimal olunan qurban statusuna görə', 'victim or potential victim', 'статусу жертвы или возможной жертвы'),
  country_of_exploitation: w('istismar ölkəsinə görə', 'country of exploitation', 'стране эксплуатации'),
  exploitation_form: w('istismar formasına görə', 'form of exploitation', 'форме эксплуатации'),
  form: w('istismar formasına görə', 'form of exploitation', 'форме эксплуатации'),
  agency: w('agentliyə görə', 'agency', 'ведомству'),
  agency_kind: w('agentlik növünə görə', 'kind of agency', 'типу ведомства'),
  channel: w('kanala görə', 'channel', 'каналу'),
  status: w('statusa görə', 'status', 'статусу'),
  exploitation_year: w('istismar ilinə görə', 'year of exploitation', 'году эксплуатации'),
  country: w('ölkəyə görə', 'country', 'стране'),
  platform: w('platformaya görə', 'platform', 'платформе'),
  sector: w('sahəyə görə', 'sector', 'отрасли'),
  recruitment: w('cəlbetmə üsuluna görə', 'means of recruitment', 'способу вербовки'),
  recruiter_relation: w('cəlb edənlə münasibətə görə', "recruiter's relation", 'отношению к вербовщику'),
  kind: w('növə görə', 'kind', 'виду'),
  legal_stage: w('hüquqi mərhələyə görə', 'legal stage', 'правовой стадии'),
  from_agency: w('yönləndirən agentliyə görə', 'referring agency', 'направившему ведомству'),
  outcome: w('nəticəyə görə', 'outcome', 'результату'),
  topic: w('mövzuya görə', 'topic', 'теме'),
  caller_type: w('müraciət edənə görə', 'caller', 'типу обратившегося'),
  language: w('dilə görə', 'language', 'языку'),
  article: w('maddəyə görə', 'article', 'статье'),
  article_part: w('maddə və hissəyə görə', 'article and part', 'статье и части'),
  group: w('maddə qrupuna görə', 'article group', 'группе статей'),
  report_key: w('hesabat sətrinə görə', 'report line', 'строке отчёта'),
  online: w('onlayn olub-olmamasına görə', 'online or not', 'онлайн или нет'),
  stage: w('mərhələyə görə', 'stage', 'стадии'),
  role: w('rola görə', 'role', 'роли'),
  punishment: w('cəza növünə görə', 'punishment', 'виду наказания'),
  search: w('axtarış növünə görə', 'kind of search', 'виду розыска'),
  hiding_country: w('gizləndiyi ölkəyə görə', 'country of hiding', 'стране укрытия'),
  attendance: w('iştirakçılara görə', 'attendance', 'участникам'),
  venue: w('keçirildiyi yerə görə', 'venue', 'месту проведения'),
  audience: w('auditoriyaya görə', 'audience', 'аудитории'),
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
  sex: w('cins', 'sex', 'пол'),
  citizenship: w('vətəndaşlıq', 'citizenship', 'гражданство'),
  regions: w('yaşayış rayonları', 'regions of residence', 'районы проживания'),
  age: w('yaş', 'age', 'возраст'),
  countryOfExploitation: w('istismar ölkəsi', 'country of exploitation', 'страна эксплуатации'),
  forms: w('istismar formaları', 'forms of exploitation', 'формы эксплуатации'),
  agencyLevels: w('agentlik səviyyələri', 'agency levels', 'уровни ведомств'),
  channels: w('kanallar', 'channels', 'каналы'),
  topics: w('mövzular', 'topics', 'темы'),
  punishments: w('cəzalar', 'punishments', 'наказания'),
  confiscation: w('əmlak müsadirəsi', 'confiscation', 'конфискация'),
  abroad: w('xaricdə', 'abroad', 'за рубежом'),
  audiences: w('auditoriya', 'audience', 'аудитория'),
};
const BY: W = w('bölgü:', 'broken down by', 'с разбивкой по');
const DATED: W = w('ilə aid edilir', 'in the year by', 'год определяется по');

/** A filter's values are labelled as the parts of the breakdown over the same thing. */
const FILTER_DIM: Record<string, string> = { kinds: 'kind', agencies: 'agency', agencyKinds: 'agency_kind', groups: 'group', punishments: 'punishment', platforms: 'platform', forms: 'exploitation_form', regions: 'region', channels: 'channel', topics: 'topic', citizenship: 'citizenship', countryOfExploitation: 'country_of_exploitation' };

/** Filters whose single value is a code of a dimension with another name. */
const SCALAR_DIM: Record<string, string> = { personStatus: 'person_status' };
const YES_NO: Record<'true' | 'false', W> = { true: w('bəli', 'yes', 'да'), false: w('xeyr', 'no', 'нет') };
const ALL_PARTS: W = w('bütün hissələri', 'all parts', 'все части');
const NO_PART: W = w('hissə göstərilmədən', 'no part named', 'без указания части');
const PART: W = w('hissə', 'part', 'часть');
const ATTRIBUTE: W = w('sayın yanında bildirilən dəyər', 'the value reported beside the count', 'значение, указанное рядом с числом');

/**
 * An article filter in words, the string and object forms alike: "243" and `{parts: "all"}` are
 * "243 (all parts)", "243.1" and `{parts: ["1"]}` "243, part 1", `{parts: "none"}` "243 (no part named)".
 */
const articleText = (a: ArticleRef, lang: ReportLang): string => {
  if (typeof a === 'string') {
    const dot = a.indexOf('.');
    return articleText(dot < 0 ? { article: a, parts: 'all' } : { article: a.slice(0, dot), parts: [a.slice(dot + 1)] }, lang);
  }
  if (a.parts === 'all') return `${a.article} (${ALL_PARTS[lang]})`;
  if (a.parts === 'none') return `${a.article} (${NO_PART[lang]})`;
  return `${a.article}, ${PART[lang]} ${a.parts.join(', ')}`;
};

/** An indicator by its label in the year's catalogue (else the profile's), quoted; its id when it has none. */
const indicatorText = (id: string, catalogue: IndicatorCatalogue, lang: ReportLang): string => {
  const i = catalogue.indicators.find((x) => x.id === id || x.renamedFrom.includes(id));
  return i ? quoted(i.label[lang] ?? i.label.en ?? id, lang) : id;
};

/** A name quoted as each language quotes: “…” in English, «…» in Azerbaijani and Russian. */
const quoted = (s: string, lang: ReportLang) => (lang === 'en' ? `“${s}”` : `«${s}»`);

const valueText = (v: unknown, lang: ReportLang, def: ReportDefinition, profile: Profile, name: string, catalogue: IndicatorCatalogue): string => {
  // Values stand inside the sentence: labels as a list prints them ("status: detained", names kept).
  const named = labeller(def, profile, lang);
  const label = (dim: string, code: string) => midSentence(named(dim, code), dim, lang);
  if (name === 'articles' && Array.isArray(v)) return (v as ArticleRef[]).map((a) => articleText(a, lang)).join('; ');
  if (name === 'indicators' && Array.isArray(v)) return (v as string[]).map((id) => indicatorText(id, catalogue, lang)).join(', ');
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? label(FILTER_DIM[name] ?? name, x) : JSON.stringify(x))).join(', ');
  if (name === 'age' && typeof v === 'object' && v) {
    const { min, max } = v as { min?: number; max?: number };
    return min !== undefined && max !== undefined ? `${min}–${max}` : min !== undefined ? `≥ ${min}` : `≤ ${max}`;
  }
  if (name === 'referredTo' && typeof v === 'object' && v) {
    const r = v as { agencies?: string[]; agencyKinds?: string[] };
    return [...(r.agencies ?? []).map((c) => label('agency', c)), ...(r.agencyKinds ?? []).map((c) => label('agency_kind', c))].join(', ');
  }
  if (typeof v === 'object' && v) return Object.values(v).flat().join(', ');
  if (typeof v === 'boolean') return YES_NO[String(v) as 'true' | 'false'][lang];
  if (typeof v === 'string') return label(SCALAR_DIM[name] ?? name, v);
  return String(v);
};

/** The attribute a submitted figure sums, by its catalogue label ("AZN"). */
const attributeText = (f: FigureDef, catalogue: IndicatorCatalogue, lang: ReportLang): string | null => {
  const id = f.where?.attribute;
  if (!id) return null;
  const attr = catalogue.indicators.flatMap((i) => (f.where?.indicators?.some((x) => x === i.id || i.renamedFrom.includes(x)) ? i.attributes : [])).find((a) => a.id === id);
  return `${ATTRIBUTE[lang]}: ${attr ? (attr.label[lang] ?? attr.label.en) : id}`;
};

/**
 * The definition of one figure in words, in one language; `year`: the report year a cumulative
 * total runs to; `catalogue`: the year's indicator catalogue in force (its labels name indicators), else the profile's.
 */
export function describe(f: FigureDef, def: ReportDefinition, profile: Profile, lang: ReportLang, year?: number, catalogue: IndicatorCatalogue = profile.indicators): string {
  const m = f.formula;
  const name = (id: string) => {
    const label = def.figures.find((g) => g.id === id)?.label?.[lang];
    return label ? quoted(label, lang) : id;
  };
  const note = f.note?.[lang] ? ` ${f.note[lang]}` : '';
  if (m) {
    if ('part' in m) {
      const key = labeller(def, profile, lang)(dimensionOf(def, m.part), m.key);
      return `${w('hissəsi', 'part', 'часть')[lang]} "${key}": ${name(m.part)}${note}`;
    }
    if ('sum' in m) return `${w('cəmi', 'sum of', 'сумма')[lang]} ${m.sum.map(name).join(' + ')}${note}`;
    if ('cumulative' in m) return `${name(m.cumulative)}, ${m.from}–${year ?? w('hesabat ili', 'the report year', 'отчётный год')[lang]} ${w('cəmi', 'added up', 'нарастающим итогом')[lang]}${note}`;
    if ('percent' in m) {
      const key = m.key === undefined ? '' : ` "${labeller(def, profile, lang)(dimensionOf(def, m.percent), m.key)}"`;
      const share = `${name(m.percent)}${key ? ` (${w('hissəsi', 'part', 'часть')[lang]}${key})` : ''}`;
      if (lang === 'az') return `${name(m.of)} içində ${share} payı, faizlə${note}`;
      return `${share} ${lang === 'ru' ? 'в процентах от' : 'as a percentage of'} ${name(m.of)}${note}`;
    }
    return `${name(m.value)}; ${w('hissələr', 'parts from', 'части из')[lang]} ${name(m.breakdownOf)}${note}`;
  }
  const from = f.from ?? 'persons';
  // "distinct criminal cases", not "distinct criminal cases (criminal cases)".
  const count = countOf(f);
  const parts = [count === 'cases' && from === 'cases' ? `${COUNT[count]?.[lang]}` : `${COUNT[count]?.[lang]} (${SOURCE[from]?.[lang]})`];
  const date = dateOf(f);
  parts.push(`${DATED[lang]}: ${DATE[date]?.[lang] ?? date}`);
  for (const [k, v] of Object.entries(f.where ?? {})) {
    if (v === undefined || k === 'articleField' || k === 'attribute') continue;
    parts.push(`${FILTER[k]?.[lang] ?? k}: ${valueText(v, lang, def, profile, k, catalogue)}`);
  }
  const attribute = attributeText(f, catalogue, lang);
  if (attribute) parts.push(attribute);
  if (f.breakdown) parts.push(`${BY[lang]} ${DIM[f.breakdown.by]?.[lang] ?? f.breakdown.by}`);
  return `${parts.join('; ')}${note}`;
}

/** Every date, breakdown and filter some source offers, without words in some language (a test keeps it empty). */
export function undescribed(specs: Record<string, { dates: object; dims: object; filters: object }>): string[] {
  const missing: string[] = [];
  for (const [source, spec] of Object.entries(specs)) {
    for (const [table, words, keys] of [['date', DATE, spec.dates], ['breakdown', DIM, spec.dims], ['filter', FILTER, spec.filters]] as const) {
      for (const key of Object.keys(keys)) if (!(['az', 'en', 'ru'] as const).every((l) => words[key]?.[l])) missing.push(`${source}: ${table} ${key}`);
    }
  }
  return missing;
}
