// Record-derived figures of the victims section of the annual report (docs/report-figures.md).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Profile } from '../profile/schema.ts';
import { partition, type Figure, type Period } from './figure.ts';

type Db = Kysely<Database>;

/** Assistance kinds (profile codes) behind each "persons helped with …" figure. */
export const ASSISTANCE_FIGURES: Record<string, readonly string[]> = {
  'assistance.shelter': ['shelter'],
  'assistance.vocational_training': ['vocational_training'],
  'assistance.employment': ['employment'],
  'assistance.residence_permits': ['residence_permit'],
  'assistance.id_documents': ['identity_documents'],
  'assistance.surgery': ['medical_surgery'],
  'assistance.medical_treatment': ['medical_therapeutic', 'medical_gynaecological', 'medical_other'],
  'assistance.social_aid': ['social_aid'],
  'assistance.family_reintegration': ['family_reintegration'],
};

/** Help given to victims' children: distinct children per kind. */
export const CHILD_FIGURES: Record<string, string> = {
  'victims_children.school_supplies': 'child_school_supplies',
  'victims_children.preschool': 'child_preschool',
  'victims_children.birth_certificates': 'child_birth_certificate',
  'victims_children.alimony': 'child_maintenance',
};

/** The "of whom" parts printed for referrals and potential victims, by assistance kind. */
const SUPPORT_PARTS: Record<string, readonly string[]> = {
  legal: ['legal'],
  psychological: ['psychological'],
  medical: ['medical_hiv_test', 'medical_gynaecological', 'medical_therapeutic', 'medical_surgery', 'medical_other'],
  vocational: ['vocational_training'],
  employment_agency: ['employment'],
};

/** Age bands as the ministry prints them; the lower bound belongs to the band (25 is in 25-35). */
export function ageBand(age: number): string {
  if (age < 18) return 'under-18';
  if (age < 25) return '18-25';
  if (age < 35) return '25-35';
  return '35+';
}

const inPeriod = (column: string, p: Period) => sql<boolean>`${sql.ref(column)} between ${p.from}::date and ${p.to}::date`;
/** A timestamp falls in the period by the profile's calendar, not the server's. */
const stampInPeriod = (column: string, p: Period, tz: string) => sql<boolean>`(${sql.ref(column)} at time zone ${tz})::date between ${p.from}::date and ${p.to}::date`;

const counted = (rows: { key: string | null; n: number | string }[]) => new Map(rows.map((r) => [r.key, Number(r.n)]));

async function identifiedBy(db: Db, p: Period, key: ReturnType<typeof sql<string | null>>) {
  const rows = await db
    .selectFrom('persons')
    .select([key.as('key'), sql<number>`count(*)`.as('n')])
    .where(inPeriod('persons.identified_on', p))
    .groupBy(sql`1`)
    .execute();
  return counted(rows);
}

/** Each identified person once, under the country (or year) of their latest exploitation event. */
async function latestExploitation(db: Db, p: Period, field: 'country' | 'year') {
  const rows = await sql<{ key: string | null; n: number }>`
    with latest as (
      select distinct on (e.person_id) e.person_id, e.country, e.start_date
        from exploitation_events e
       where e.kind = 'exploitation'
       order by e.person_id, e.start_date desc nulls last, e.created_at desc
    )
    select ${field === 'country' ? sql`l.country` : sql`extract(year from l.start_date)::int::text`} as key, count(*) as n
      from persons pr left join latest l on l.person_id = pr.id
     where pr.identified_on between ${p.from}::date and ${p.to}::date
     group by 1`.execute(db);
  return counted(rows.rows);
}

/** Years before the period's year fold into one "first-last" band, as the ministry prints "2016-2022". */
function foldEarlierYears(counts: Map<string | null, number>, year: number): Map<string | null, number> {
  const earlier = [...counts].filter(([k]) => k !== null && Number(k) < year);
  if (earlier.length === 0) return counts;
  const years = earlier.map(([k]) => Number(k));
  const label = Math.min(...years) === Math.max(...years) ? String(years[0]) : `${Math.min(...years)}-${Math.max(...years)}`;
  const out = new Map([...counts].filter(([k]) => k === null || Number(k) >= year));
  out.set(label, earlier.reduce((s, [, n]) => s + n, 0));
  return out;
}

/** Distinct persons with any of these assistance kinds dated in the period. */
interface AssistedFilter {
  providerKind?: string;
  /** Persons identified as victims by the end of the period ("victims were given …"). */
  victimsOnly?: boolean;
  /** Persons not (yet) identified at the end of the period. */
  potentialOnly?: boolean;
  /** Only persons referred in the period to an agency of this kind ("of the N referred, …"). */
  referredTo?: { agencyKind: string; tz: string };
}

async function personsAssisted(db: Db, p: Period, kinds: readonly string[], extra?: AssistedFilter) {
  let q = db
    .selectFrom('assistance')
    .innerJoin('persons', 'persons.id', 'assistance.person_id')
    .innerJoin('agencies', 'agencies.id', 'assistance.provider_agency_id')
    .select(sql<number>`count(distinct assistance.person_id)`.as('n'))
    .where('assistance.kind', 'in', kinds)
    .where('assistance.child_id', 'is', null)
    .where(inPeriod('assistance.date', p));
  if (extra?.providerKind) q = q.where('agencies.kind', '=', extra.providerKind);
  if (extra?.victimsOnly) q = q.where('persons.identified_on', '<=', sql<string>`${p.to}::date`);
  if (extra?.potentialOnly) q = q.where((eb) => eb.or([eb('persons.identified_on', 'is', null), eb('persons.identified_on', '>', sql<string>`${p.to}::date`)]));
  const referred = extra?.referredTo;
  if (referred) {
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('referrals as r')
          .innerJoin('agencies as ra', 'ra.id', 'r.to_agency_id')
          .select(sql`1`.as('one'))
          .whereRef('r.person_id', '=', 'assistance.person_id')
          .where('ra.kind', '=', referred.agencyKind)
          .where('r.status', '<>', 'revoked')
          .where(stampInPeriod('r.sent_at', p, referred.tz)),
      ),
    );
  }
  return Number((await q.executeTakeFirstOrThrow()).n);
}

async function overlappingParts(db: Db, p: Period, parts: readonly string[], extra: AssistedFilter) {
  const breakdown: Record<string, number> = {};
  for (const part of parts) breakdown[part] = await personsAssisted(db, p, SUPPORT_PARTS[part] ?? [], extra);
  return breakdown;
}

/** Persons referred in the period to agencies of a kind; each once, under the first such agency. */
async function referredTo(db: Db, p: Period, tz: string, agencyKind: string) {
  const rows = await sql<{ key: string; n: number }>`
    select first_to as key, count(*) as n from (
      select distinct on (r.person_id) r.person_id, a.code as first_to
        from referrals r join agencies a on a.id = r.to_agency_id
       where a.kind = ${agencyKind} and r.status <> 'revoked'
         and ${stampInPeriod('r.sent_at', p, tz)}
       order by r.person_id, r.sent_at
    ) firsts group by 1`.execute(db);
  return counted(rows.rows);
}

export async function victimFigures(db: Db, profile: Profile, p: Period, year: number): Promise<Figure[]> {
  const tz = profile.settings.timezone;
  const capital = new Set(profile.regions.regions.filter((r) => r.kind === 'capital').map((r) => r.code));
  const out: Figure[] = [];

  out.push(partition('victims.identified', await identifiedBy(db, p, sql<string | null>`persons.gender`)));
  out.push(partition('victims.by_country_of_exploitation', await latestExploitation(db, p, 'country')));
  out.push(partition('victims.by_exploitation_period', foldEarlierYears(await latestExploitation(db, p, 'year'), year)));
  out.push(partition('victims.by_citizenship', await identifiedBy(db, p, sql<string | null>`persons.citizenship`)));
  out.push(partition('victims.by_region', await identifiedBy(db, p, sql<string | null>`persons.residence_region`)));

  const ages = await identifiedBy(db, p, sql<string | null>`(extract(year from persons.identified_on)::int - persons.birth_year)::text`);
  const bands = new Map<string | null, number>();
  for (const [age, n] of ages) {
    const band = age === null ? null : ageBand(Number(age));
    bands.set(band, (bands.get(band) ?? 0) + n);
  }
  out.push(partition('victims.by_age', bands));

  const regions = await identifiedBy(db, p, sql<string | null>`persons.residence_region`);
  const residence = new Map<string | null, number>();
  for (const [region, n] of regions) {
    const key = region === null ? null : capital.has(region) ? 'capital' : 'other';
    residence.set(key, (residence.get(key) ?? 0) + n);
  }
  out.push(partition('victims.by_residence', residence));

  const allowance = await db
    .selectFrom('payments')
    .select(sql<number>`count(distinct person_id)`.as('n'))
    .where('kind', '=', 'one_time_allowance')
    .where(inPeriod('paid_on', p))
    .executeTakeFirstOrThrow();
  out.push({ id: 'assistance.lump_sum_700', value: Number(allowance.n) });

  for (const [id, kinds] of Object.entries(ASSISTANCE_FIGURES)) out.push({ id, value: await personsAssisted(db, p, kinds, { victimsOnly: true }) });

  // Aid Fund: recipients, and the typical (median) total one recipient received in the period.
  const fund = await sql<{ total: string }>`
    select sum(amount) as total from payments
     where kind = 'aid_fund_payment' and paid_on between ${p.from}::date and ${p.to}::date
     group by person_id order by 1`.execute(db);
  const totals = fund.rows.map((r) => Number(r.total));
  out.push({ id: 'assistance.aid_fund.recipients', value: totals.length });
  out.push({ id: 'assistance.aid_fund.amount_azn', value: totals.length ? median(totals) : null });

  const ngo = partition('referrals.ngo', await referredTo(db, p, tz, 'ngo'));
  out.push(ngo);
  const ssa = partition('referrals.social_services_agency', await referredTo(db, p, tz, 'social_services'));
  out.push({ id: ssa.id, value: ssa.value, parts: 'overlapping', breakdown: await overlappingParts(db, p, ['psychological', 'medical', 'vocational', 'employment_agency'], { providerKind: 'social_services', referredTo: { agencyKind: 'social_services', tz } }) });

  const potentialParts = ['legal', 'psychological', 'medical', 'employment_agency'];
  const allSupport = [...new Set(potentialParts.flatMap((k) => SUPPORT_PARTS[k] ?? []))];
  out.push({
    id: 'potential_victims.supported',
    value: await personsAssisted(db, p, allSupport, { potentialOnly: true }),
    parts: 'overlapping',
    breakdown: await overlappingParts(db, p, potentialParts, { potentialOnly: true }),
  });

  // The Bar's legal aid: each person once, under the latest stage at which they were helped.
  const stages = await sql<{ key: string | null; n: number }>`
    select stage as key, count(*) as n from (
      select distinct on (a.person_id) a.person_id, a.legal_stage as stage
        from assistance a join agencies ag on ag.id = a.provider_agency_id
       where a.kind = 'legal' and ag.kind = 'bar' and a.child_id is null
         and a.date between ${p.from}::date and ${p.to}::date
       order by a.person_id, a.date desc, a.created_at desc
    ) s group by 1`.execute(db);
  const bar = partition('legal_aid.bar.total', counted(stages.rows));
  out.push(bar);
  out.push({ id: 'legal_aid.bar.court', value: bar.breakdown?.court ?? 0 });
  out.push({ id: 'legal_aid.bar.investigation', value: bar.breakdown?.investigation ?? 0 });

  for (const [id, kind] of Object.entries(CHILD_FIGURES)) {
    const r = await db
      .selectFrom('assistance')
      .select(sql<number>`count(distinct child_id)`.as('n'))
      .where('kind', '=', kind)
      .where('child_id', 'is not', null)
      .where(inPeriod('date', p))
      .executeTakeFirstOrThrow();
    out.push({ id, value: Number(r.n) });
  }

  const reflection = await db.selectFrom('reflection_periods').select(sql<number>`count(*)`.as('n')).where(inPeriod('start_date', p)).executeTakeFirstOrThrow();
  out.push({ id: 'reflection_period.granted', value: Number(reflection.n) });

  const calls = await db.selectFrom('hotline_contacts').select(sql<number>`count(*)`.as('n')).where(stampInPeriod('started_at', p, tz)).executeTakeFirstOrThrow();
  out.push({ id: 'hotline.calls', value: Number(calls.n) });
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}
