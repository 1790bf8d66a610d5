// The machinery behind the definition language: for each record source, the SQL of its rows, its
// dates, what can be counted, its filters and its breakdown dimensions. Definitions name these;
// they never contain SQL. docs/report-definition.md lists every name below in words.
import { sql, type RawBuilder } from 'kysely';
import type { Profile } from '../../profile/schema.ts';
import type { ArticleRef, Count, Filters, Source } from './schema.ts';

type Sql = RawBuilder<unknown>;

export interface Ctx {
  profile: Profile;
  /** The year column of the pass (an int expression). */
  yr: Sql;
  /** The date that puts a record in the year (some filters read it). */
  date: string;
}

/** A point date puts a record in the year it falls in; an interval in every year it overlaps. */
export type DateSpec =
  | { kind: 'point'; expr: (c: Ctx) => Sql; join?: Sql; stamp?: Sql }
  | { kind: 'interval'; cond: (c: Ctx) => Sql; join?: Sql }
  | { kind: 'period'; expr: Sql };

export interface SourceSpec {
  from: Sql;
  dates: Record<string, DateSpec>;
  defaultDate: string;
  subjects: Partial<Record<Count, Sql>>;
  defaultCount: Count;
  /** Counts for which every row is its own subject (no de-duplication needed for a breakdown). */
  rowIsSubject: Count[];
  /** The order of a subject's records for `first` and `latest`. */
  order: Sql[];
  dims: Record<string, (c: Ctx) => Sql>;
  filters: Partial<Record<keyof Filters, (value: never, c: Ctx) => Sql>>;
  /** Always applied (e.g. revoked referrals never count). A filter of the same name replaces it. */
  always?: { filter: keyof Filters; cond: Sql };
  /** The person a row is about, for the records behind a figure. */
  person?: Sql;
  /** A condition every row of the source meets (only approved submissions count). */
  where?: Sql;
  /** Joins made only when a figure of the pass reads their alias (an agency, the latest exploitation event). */
  joins?: { alias: string; sql: Sql }[];
}

const list = (values: readonly (string | number | boolean)[]) => sql.join(values.map((v) => sql.val(v)));
/**
 * A filter's `column in (values)` tests, by the SQL object they return: a pass that holds its
 * figures' conditions as bits looks a column that several such filters test up once a row (compile.ts).
 */
export const IN_LISTS = new WeakMap<Sql, { col: Sql; values: readonly string[] }>();
const inList = (col: Sql, values: readonly string[]) => {
  const cond = sql`${col} in (${list(values)})`;
  IN_LISTS.set(cond, { col, values });
  return cond;
};
const yearEnd = (c: Ctx) => sql`make_date(${c.yr}, 12, 31)`;
const yearStart = (c: Ctx) => sql`make_date(${c.yr}, 1, 1)`;
const localDate = (col: Sql, p: Profile) => sql`(${col} at time zone ${sql.val(p.settings.timezone)})::date`;

/** One article reference as a condition on a column holding one reference ("144-1.2"). */
function articleCond(profile: Profile, col: Sql, ref: ArticleRef): Sql {
  const whole = (code: string) => sql`(${col} = ${code} or ${col} like ${`${code}.%`})`;
  if (typeof ref === 'string') return profile.criminalArticles.some((a) => a.code === ref) ? whole(ref) : sql`${col} = ${ref}`;
  if (ref.parts === 'all') return whole(ref.article);
  if (ref.parts === 'none') return sql`${col} = ${ref.article}`;
  return sql`${col} in (${list(ref.parts.map((p) => `${ref.article}.${p}`))})`;
}

/** Articles on an array column (any element) or on its first, principal element. */
const articlesOn = (arrayCol: Sql) => (refs: ArticleRef[], c: Ctx, field: 'any' | 'principal' = 'any') => {
  const conds = (col: Sql) => sql`(${sql.join(refs.map((r) => articleCond(c.profile, col, r)), sql` or `)})`;
  return field === 'principal' ? conds(sql`${arrayCol}[1]`) : sql`exists (select 1 from unnest(${arrayCol}) as art(ref) where ${conds(sql`art.ref`)})`;
};

/** The breakdowns and filters every source joined to `persons p` shares. */
function personParts(personId: Sql) {
  const age = (c: Ctx) => sql`(${c.yr} - p.birth_year)`;
  const latestCountry = sql`le.country`;
  const dims: SourceSpec['dims'] = {
    sex: () => sql`nullif(p.gender, 'unknown')`,
    citizenship: () => sql`p.citizenship`,
    region: () => sql`p.residence_region`,
    residence: (c) => {
      const capitals = c.profile.regions.regions.filter((r) => r.kind === 'capital').map((r) => r.code);
      return sql`case when p.residence_region is null then null when p.residence_region in (${list(capitals.length ? capitals : [''])}) then 'capital' else 'other' end`;
    },
    age: (c) => age(c),
    minor: (c) => sql`case when p.birth_year is null then null when ${age(c)} < 18 then 'minor' else 'adult' end`,
    person_status: (c) => sql`case when p.identified_on <= ${yearEnd(c)} then 'victim' else 'potential' end`,
    country_of_exploitation: () => latestCountry,
    exploitation_form: () => sql`le.forms[1]`,
  };
  const filters: SourceSpec['filters'] = {
    sex: (v: string[]) => inList(sql`p.gender`, v),
    citizenship: (v: string[]) => inList(sql`p.citizenship`, v),
    regions: (v: string[]) => inList(sql`p.residence_region`, v),
    age: (v: { min?: number; max?: number }, c) => sql`(${v.min ?? 0} <= ${age(c)} and ${age(c)} <= ${v.max ?? 200})`,
    personStatus: (v: 'victim' | 'potential', c) => (v === 'victim' ? sql`p.identified_on <= ${yearEnd(c)}` : sql`(p.identified_on is null or p.identified_on > ${yearEnd(c)})`),
    countryOfExploitation: (v: string[]) => inList(latestCountry, v),
    forms: (v: string[]) => sql`le.forms && array[${list(v)}]::text[]`,
    referredTo: (v: { agencies?: string[]; agencyKinds?: string[] }, c) =>
      sql`exists (select 1 from referrals r2 join agencies a2 on a2.id = r2.to_agency_id
                   where r2.person_id = ${personId} and r2.status <> 'revoked'
                     and date_part('year', ${localDate(sql`r2.sent_at`, c.profile)})::int = ${c.yr}
                     ${v.agencies ? sql`and a2.code in (${list(v.agencies)})` : sql``}
                     ${v.agencyKinds ? sql`and a2.kind in (${list(v.agencyKinds)})` : sql``})`,
  };
  return { dims, filters, joins: [{ alias: 'le', sql: LATEST_EXPLOITATION }] };
}

/** Each person's latest exploitation event (the one they were identified from), in one pass over the events. */
const LATEST_EXPLOITATION = sql`left join (
  select distinct on (person_id) person_id, country, extract(year from start_date)::int::text as year, forms
    from exploitation_events where kind = 'exploitation'
   order by person_id, start_date desc nulls last, created_at desc) le on le.person_id = p.id`;

const agencyParts = (alias: string) => ({
  dims: { agency: () => sql`${sql.ref(`${alias}.code`)}`, agency_kind: () => sql`${sql.ref(`${alias}.kind`)}` } as SourceSpec['dims'],
  filters: {
    agencies: (v: string[]) => inList(sql.ref(`${alias}.code`), v),
    agencyKinds: (v: string[]) => inList(sql.ref(`${alias}.kind`), v),
    agencyLevels: (v: string[]) => inList(sql.ref(`${alias}.level`), v),
  } as SourceSpec['filters'],
});

/**
 * A source about a person (`person_id`, not null, a foreign key to persons): the person `p` is
 * joined only when the pass reads one of the person's columns, as the agency is, since every row has
 * exactly one person.
 */
function withPerson(personId: Sql, agencyAlias: string | null, spec: Omit<SourceSpec, 'person'>, personInFrom = false): SourceSpec {
  const pp = personParts(personId);
  const ap = agencyAlias ? agencyParts(agencyAlias) : { dims: {}, filters: {} };
  const person = { alias: 'p', sql: sql`join persons p on p.id = ${personId}` };
  return { ...spec, person: personId, joins: [...(personInFrom ? [] : [person]), ...(spec.joins ?? []), ...pp.joins], dims: { ...pp.dims, ...ap.dims, ...spec.dims }, filters: { ...pp.filters, ...ap.filters, ...spec.filters } };
}

const point = (expr: (c: Ctx) => Sql, join?: Sql): DateSpec => (join ? { kind: 'point', expr, join } : { kind: 'point', expr });
const col = (name: string) => () => sql.ref(name) as Sql;

export const SOURCE_SPECS: Record<Source, SourceSpec> = {
  persons: withPerson(sql`p.id`, 'a', {
    from: sql`persons p`,
    // A record merged into another is the same person: counted once, through the survivor.
    where: sql`p.merged_into is null`,
    joins: [{ alias: 'a', sql: sql`join agencies a on a.id = p.owner_agency_id` }],
    dates: { identified: point(col('p.identified_on')), contact: point(col('p.contact_date')), closed: point(col('p.closed_on')) },
    defaultDate: 'identified',
    subjects: { persons: sql`p.id`, records: sql`p.id` },
    defaultCount: 'persons',
    rowIsSubject: ['persons', 'records'],
    order: [sql`p.created_at`],
    dims: {
      channel: () => sql`p.channel`,
      status: () => sql`p.identification_status`,
      exploitation_year: () => sql`le.year`,
    },
    filters: { status: (v: string[]) => inList(sql`p.identification_status`, v) },
  }, true),
  decisions: withPerson(sql`d.person_id`, 'a', {
    from: sql`identification_decisions d`,
    joins: [{ alias: 'a', sql: sql`join agencies a on a.id = d.deciding_agency_id` }],
    dates: { decided: point(col('d.decided_on')) },
    defaultDate: 'decided',
    subjects: { persons: sql`d.person_id`, records: sql`d.id` },
    defaultCount: 'persons',
    rowIsSubject: ['records'],
    order: [sql`d.decided_on`, sql`d.created_at`],
    dims: { status: () => sql`d.status` },
    filters: { status: (v: string[]) => inList(sql`d.status`, v) },
  }),
  exploitation: withPerson(sql`e.person_id`, null, {
    from: sql`exploitation_events e`,
    dates: { started: point(col('e.start_date')), identified: point(col('p.identified_on')) },
    defaultDate: 'started',
    subjects: { persons: sql`e.person_id`, records: sql`e.id` },
    defaultCount: 'persons',
    rowIsSubject: ['records'],
    order: [sql`e.start_date`, sql`e.created_at`],
    dims: { country: () => sql`e.country`, form: () => sql`e.forms[1]`, platform: () => sql`e.online_platform`, sector: () => sql`e.isic_section`, recruitment: () => sql`e.recruitment_method`, recruiter_relation: () => sql`e.recruiter_relation`, kind: () => sql`e.kind` },
    filters: { kinds: (v: string[]) => inList(sql`e.kind`, v), forms: (v: string[]) => sql`e.forms && array[${list(v)}]::text[]`, countryOfExploitation: (v: string[]) => inList(sql`e.country`, v), platforms: (v: string[]) => inList(sql`e.online_platform`, v) },
  }),
  services: withPerson(sql`s.person_id`, 'a', {
    from: sql`assistance s`,
    // Only what stands: a voided service counts nowhere.
    where: sql`s.voided_at is null`,
    joins: [{ alias: 'a', sql: sql`join agencies a on a.id = s.provider_agency_id` }],
    dates: { given: point(col('s.date')) },
    defaultDate: 'given',
    subjects: { persons: sql`s.person_id`, records: sql`s.id`, children: sql`s.child_id` },
    defaultCount: 'persons',
    rowIsSubject: ['records'],
    order: [sql`s.date`, sql`s.created_at`],
    dims: { kind: () => sql`s.kind`, legal_stage: () => sql`s.legal_stage` },
    filters: { kinds: (v: string[]) => inList(sql`s.kind`, v), children: (v: boolean) => (v ? sql`s.child_id is not null` : sql`s.child_id is null`) },
    always: { filter: 'children', cond: sql`s.child_id is null` },
  }),
  payments: withPerson(sql`pay.person_id`, 'a', {
    from: sql`payments pay`,
    where: sql`pay.voided_at is null`,
    joins: [{ alias: 'a', sql: sql`join agencies a on a.id = pay.payer_agency_id` }],
    dates: { paid: point(col('pay.paid_on')) },
    defaultDate: 'paid',
    subjects: { persons: sql`pay.person_id`, records: sql`pay.id`, amount: sql`pay.amount`, median_per_person: sql`pay.amount` },
    defaultCount: 'persons',
    rowIsSubject: ['records', 'amount'],
    order: [sql`pay.paid_on`, sql`pay.created_at`],
    dims: { kind: () => sql`pay.kind` },
    filters: { kinds: (v: string[]) => inList(sql`pay.kind`, v) },
  }),
  referrals: withPerson(sql`r.person_id`, 'a', {
    from: sql`referrals r`,
    joins: [{ alias: 'a', sql: sql`join agencies a on a.id = r.to_agency_id` }, { alias: 'fa', sql: sql`join agencies fa on fa.id = r.from_agency_id` }],
    dates: { sent: { kind: 'point', expr: (c) => localDate(sql`r.sent_at`, c.profile), stamp: sql`r.sent_at` } },
    defaultDate: 'sent',
    subjects: { persons: sql`r.person_id`, records: sql`r.id` },
    defaultCount: 'persons',
    rowIsSubject: ['records'],
    order: [sql`r.sent_at`],
    dims: { status: () => sql`r.status`, from_agency: () => sql`fa.code` },
    filters: { status: (v: string[]) => inList(sql`r.status`, v) },
    always: { filter: 'status', cond: sql`r.status <> 'revoked'` },
  }),
  reflection_periods: withPerson(sql`rp.person_id`, null, {
    from: sql`reflection_periods rp`,
    dates: { started: point(col('rp.start_date')) },
    defaultDate: 'started',
    subjects: { persons: sql`rp.person_id`, records: sql`rp.id` },
    defaultCount: 'records',
    rowIsSubject: ['records'],
    order: [sql`rp.start_date`, sql`rp.created_at`],
    dims: { outcome: () => sql`rp.outcome` },
    filters: {},
  }),
  contacts: {
    dims: { ...agencyParts('a').dims, channel: () => sql`c.channel`, topic: () => sql`c.topic`, caller_type: () => sql`c.caller_type`, region: () => sql`c.region`, language: () => sql`c.language`, outcome: () => sql`c.outcome` },
    filters: { ...agencyParts('a').filters, channels: (v: string[]) => inList(sql`c.channel`, v), topics: (v: string[]) => inList(sql`c.topic`, v), regions: (v: string[]) => inList(sql`c.region`, v) },
    from: sql`hotline_contacts c`,
    joins: [{ alias: 'a', sql: sql`join agencies a on a.id = c.agency_id` }],
    dates: { started: { kind: 'point', expr: (x) => localDate(sql`c.started_at`, x.profile), stamp: sql`c.started_at` } },
    defaultDate: 'started',
    subjects: { records: sql`c.id`, persons: sql`c.person_id` },
    defaultCount: 'records',
    rowIsSubject: ['records'],
    order: [sql`c.started_at`],
    person: sql`c.person_id`,
  },
  facts: {
    from: sql`crime_facts f`,
    joins: [{ alias: 'a', sql: sql`join agencies a on a.id = f.agency_id` }],
    dates: { registered: point(col('f.registered_on')) },
    defaultDate: 'registered',
    subjects: { records: sql`f.id` },
    defaultCount: 'records',
    rowIsSubject: ['records'],
    order: [sql`f.registered_on`, sql`f.created_at`],
    dims: { ...agencyParts('a').dims, article: () => sql`f.principal_article`, article_part: () => sql`f.articles[1]`, group: () => sql`f.principal_group`, report_key: () => sql`f.principal_key`, platform: () => sql`f.platforms[1]`, region: () => sql`f.region`, online: () => sql`case when f.online then 'online' else 'offline' end` },
    filters: {
      ...agencyParts('a').filters,
      online: (v: boolean) => sql`f.online = ${v}`,
      platforms: (v: string[]) => sql`f.platforms && array[${list(v)}]::text[]`,
      groups: (v: string[]) => inList(sql`f.principal_group`, v),
      regions: (v: string[]) => inList(sql`f.region`, v),
    },
  },
  cases: {
    from: sql`criminal_cases c`,
    joins: [{ alias: 'a', sql: sql`join agencies a on a.id = c.agency_id` }],
    dates: { opened: point(col('c.opened_on')), status: point(col('h.on_date'), sql`join case_status_history h on h.case_id = c.id`) },
    defaultDate: 'opened',
    subjects: { cases: sql`c.id`, records: sql`c.id` },
    defaultCount: 'cases',
    rowIsSubject: ['records'],
    order: [sql`c.opened_on`, sql`c.created_at`],
    dims: { ...agencyParts('a').dims, article: () => sql`c.principal_article`, article_part: () => sql`c.articles[1]`, status: () => sql`c.status` },
    filters: {
      ...agencyParts('a').filters,
      online: (v: boolean) => sql`${v ? sql`` : sql`not`} exists (select 1 from case_facts cf join crime_facts f on f.id = cf.fact_id where cf.case_id = c.id and f.online)`,
      platforms: (v: string[]) => sql`exists (select 1 from case_facts cf join crime_facts f on f.id = cf.fact_id where cf.case_id = c.id and f.platforms && array[${list(v)}]::text[])`,
      openedBefore: (v: boolean, c) => (v ? sql`c.opened_on < ${yearStart(c)}` : sql`c.opened_on >= ${yearStart(c)}`),
      // With date "status", the status the case reached in the year; otherwise its status now.
      status: (v: string[], c) => inList(c.date === 'status' ? sql`h.status` : sql`c.status`, v),
    },
  },
  defendants: {
    from: sql`procedural_steps st join prosecuted_persons pp on pp.id = st.prosecuted_person_id join criminal_cases c on c.id = pp.case_id`,
    dates: { step: point(col('st.on_date')) },
    defaultDate: 'step',
    subjects: { persons: sql`pp.id`, records: sql`st.id`, cases: sql`pp.case_id` },
    defaultCount: 'persons',
    rowIsSubject: ['records'],
    order: [sql`st.on_date`, sql`st.created_at`],
    dims: { sex: () => sql`nullif(pp.sex, 'unknown')`, citizenship: () => sql`pp.citizenship`, stage: () => sql`st.stage`, article: () => sql`c.principal_article`, role: () => sql`pp.role` },
    filters: { stage: (v: string[]) => inList(sql`st.stage`, v), sex: (v: string[]) => inList(sql`pp.sex`, v), citizenship: (v: string[]) => inList(sql`pp.citizenship`, v) },
  },
  sentences: {
    from: sql`sentences se join prosecuted_persons pp on pp.id = se.prosecuted_person_id join criminal_cases c on c.id = pp.case_id`,
    dates: { sentenced: point(col('se.sentenced_on')) },
    defaultDate: 'sentenced',
    subjects: { persons: sql`pp.id`, records: sql`se.id`, amount: sql`se.fine_amount` },
    defaultCount: 'records',
    rowIsSubject: ['records', 'amount'],
    order: [sql`se.sentenced_on`, sql`se.created_at`],
    dims: { punishment: () => sql`se.punishment`, sex: () => sql`nullif(pp.sex, 'unknown')`, article: () => sql`c.principal_article` },
    filters: { punishments: (v: string[]) => inList(sql`se.punishment`, v), confiscation: (v: boolean) => sql`se.confiscation = ${v}`, sex: (v: string[]) => inList(sql`pp.sex`, v) },
  },
  searches: {
    from: sql`wanted_persons w`,
    dates: {
      // Every year a search is under way: begun by the year's end and not ended before it began.
      under_way: { kind: 'interval', cond: (c) => sql`w.since <= ${yearEnd(c)} and (w.status = 'wanted' or w.status_on >= ${yearStart(c)})` },
      // Still open on 31 December.
      open_at_end: { kind: 'interval', cond: (c) => sql`w.since <= ${yearEnd(c)} and (w.status = 'wanted' or w.status_on > ${yearEnd(c)})` },
      ended: point(col('w.status_on')),
      since: point(col('w.since')),
    },
    defaultDate: 'under_way',
    subjects: { persons: sql`w.prosecuted_person_id`, records: sql`w.id` },
    defaultCount: 'records',
    rowIsSubject: ['records'],
    order: [sql`w.since`, sql`w.created_at`],
    dims: { report_key: () => sql`coalesce(w.report_key, w.article_code)`, article: () => sql`w.article_code`, group: () => sql`w.article_group`, search: () => sql`w.search`, status: () => sql`w.status`, hiding_country: () => sql`w.hiding_country` },
    filters: {
      search: (v: string[]) => inList(sql`w.search`, v),
      stage: (v: string[]) => inList(sql`w.search`, v),
      status: (v: string[]) => inList(sql`w.status`, v),
      groups: (v: string[]) => inList(sql`w.article_group`, v),
    },
  },
  submitted: {
    from: sql`submission_values v join submissions sb on sb.id = v.submission_id join agencies a on a.id = sb.agency_id`,
    where: sql`sb.status = 'approved' and sb.period ~ '^[0-9]{4}(-Q[1-4])?$'`,
    dates: { period: { kind: 'period', expr: sql`substring(sb.period from 1 for 4)::int` } },
    defaultDate: 'period',
    subjects: { value: sql`v.value` },
    defaultCount: 'value',
    rowIsSubject: ['value'],
    order: [sql`sb.period`],
    dims: agencyParts('a').dims,
    filters: agencyParts('a').filters,
  },
  activities: {
    from: sql`activities act`,
    joins: [{ alias: 'a', sql: sql`join agencies a on a.id = act.agency_id` }],
    dates: { held: point(col('act.date')) },
    defaultDate: 'held',
    // The people and copies an entry records are summed, as an amount is: an entry without them adds nothing.
    subjects: { records: sql`act.id`, participants: sql`act.participants`, trainers: sql`act.trainers`, copies: sql`act.copies` },
    defaultCount: 'records',
    rowIsSubject: ['records', 'participants', 'trainers', 'copies'],
    order: [sql`act.date`, sql`act.created_at`],
    dims: {
      ...agencyParts('a').dims,
      kind: () => sql`act.kind`,
      attendance: () => sql`case when act.online then 'online' when not act.online then 'physical' end`,
      venue: () => sql`case when act.abroad then 'abroad' when not act.abroad then 'in_country' end`,
      audience: () => sql`act.audience`,
    },
    filters: {
      ...agencyParts('a').filters,
      kinds: (v: string[]) => inList(sql`act.kind`, v),
      online: (v: boolean) => sql`act.online = ${v}`,
      abroad: (v: boolean) => sql`act.abroad = ${v}`,
      audiences: (v: string[]) => inList(sql`act.audience`, v),
    },
  },
};

// Articles are matched on the records' own references, part included ("144-1.2").
SOURCE_SPECS.facts.filters.articles = ((v: ArticleRef[], c: Ctx) => articlesOn(sql`f.articles`)(v, c, 'any')) as never;
SOURCE_SPECS.cases.filters.articles = ((v: ArticleRef[], c: Ctx) => articlesOn(sql`c.articles`)(v, c, 'any')) as never;
SOURCE_SPECS.defendants.filters.articles = ((v: ArticleRef[], c: Ctx) => articlesOn(sql`c.articles`)(v, c, 'any')) as never;
SOURCE_SPECS.sentences.filters.articles = ((v: ArticleRef[], c: Ctx) => articlesOn(sql`c.articles`)(v, c, 'any')) as never;
SOURCE_SPECS.searches.filters.articles = ((v: ArticleRef[], c: Ctx) => sql`(${sql.join(v.map((r) => articleCond(c.profile, sql`w.article`, r)), sql` or `)})`) as never;

/** The principal-article variant for the sources that have several articles. */
export function articleFilter(source: Source, refs: ArticleRef[], c: Ctx, field: 'any' | 'principal'): Sql | null {
  const arrays: Partial<Record<Source, Sql>> = { facts: sql`f.articles`, cases: sql`c.articles`, defendants: sql`c.articles`, sentences: sql`c.articles` };
  const arr = arrays[source];
  if (arr) return articlesOn(arr)(refs, c, field);
  const fn = SOURCE_SPECS[source].filters.articles;
  return fn ? (fn as (v: ArticleRef[], c: Ctx) => Sql)(refs, c) : null;
}
