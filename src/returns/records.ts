// The records every return reads, for any period: plain queries taking `db` first, one row per subject.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Profile } from '../profile/schema.ts';
import { toldDate } from '../victims/partial-date.ts';
import type { Period } from './schema.ts';

type Db = Kysely<Database>;

/** A victim's statistics (never identity): the person record in the clear, and their latest exploitation. */
export interface VictimRecord {
  id: string;
  gender: string;
  birthYear: number | null;
  isMinor: boolean | null;
  citizenship: string | null;
  contactDate: string;
  identifiedOn: string | null;
  status: string;
  channel: string;
  closedOn: string | null;
  closureReason: string | null;
  /** Kind of the agency that took the latest identification decision. */
  decidedBy: string | null;
  forms: string[];
  subtypes: string[];
  exploitationCountry: string | null;
  /** As told: YYYY, YYYY-MM or YYYY-MM-DD (ages read only its year). */
  exploitationStart: string | null;
  isic: string | null;
  means: string[];
  recruiterRelation: string | null;
  recruitmentMethod: string | null;
  platform: string | null;
}

/**
 * Which persons: `identified` — identified in the period (the annual report's `victims.identified`);
 * `registered` — first contact in the period, whatever became of them (presumed victims).
 * A record merged into another is the same person, counted once through the survivor, as the report does.
 */
export async function victimRecords(db: Db, period: Period, which: 'identified' | 'registered'): Promise<VictimRecord[]> {
  const date = which === 'identified' ? sql`p.identified_on` : sql`p.contact_date`;
  const persons = await sql<{
    id: string; gender: string; birth_year: number | null; is_minor: boolean | null; citizenship: string | null; contact_date: string; identified_on: string | null;
    identification_status: string; channel: string; closed_on: string | null; closure_reason: string | null; decided_by: string | null;
    forms: string[] | null; subtypes: string[] | null; country: string | null; start_date: string | null; start_precision: string | null; isic_section: string | null; means_of_control: string[] | null;
  }>`
    select p.id, p.gender, p.birth_year, p.is_minor, p.citizenship, p.contact_date, p.identified_on, p.identification_status, p.channel,
           p.closed_on, p.closure_reason, dec.kind as decided_by,
           le.forms, le.subtypes, le.country, le.start_date, le.start_precision, le.isic_section, le.means_of_control
      from persons p
      left join (
        -- Each person's latest exploitation event: the one the annual report reads (sources.ts, LATEST_EXPLOITATION).
        select distinct on (person_id) person_id, forms, subtypes, country, start_date, start_precision, isic_section, means_of_control
          from exploitation_events where kind = 'exploitation'
         order by person_id, start_date desc nulls last, created_at desc) le on le.person_id = p.id
      left join (
        select distinct on (d.person_id) d.person_id, a.kind from identification_decisions d join agencies a on a.id = d.deciding_agency_id
         order by d.person_id, d.decided_on desc, d.created_at desc) dec on dec.person_id = p.id
     where p.merged_into is null and ${date} between ${period.from} and ${period.to}
     order by ${date}, p.id`.execute(db);
  // Recruitment: the latest event that says how the person was recruited and by whom.
  const recruitment = await sql<{ person_id: string; recruitment_method: string | null; recruiter_relation: string | null; online_platform: string | null }>`
    select distinct on (e.person_id) e.person_id, e.recruitment_method, e.recruiter_relation, e.online_platform
      from exploitation_events e join persons p on p.id = e.person_id
     where p.merged_into is null and ${date} between ${period.from} and ${period.to}
       and (e.recruitment_method is not null or e.recruiter_relation is not null)
     order by e.person_id, e.start_date desc nulls last, e.created_at desc`.execute(db);
  const rec = new Map(recruitment.rows.map((r) => [r.person_id, r]));
  return persons.rows.map((r) => ({
    id: r.id,
    gender: r.gender,
    birthYear: r.birth_year,
    isMinor: r.is_minor,
    citizenship: r.citizenship,
    contactDate: r.contact_date,
    identifiedOn: r.identified_on,
    status: r.identification_status,
    channel: r.channel,
    closedOn: r.closed_on,
    closureReason: r.closure_reason,
    decidedBy: r.decided_by,
    forms: r.forms ?? [],
    subtypes: r.subtypes ?? [],
    exploitationCountry: r.country,
    exploitationStart: r.start_date === null ? null : toldDate(r.start_date, r.start_precision ?? 'day'),
    isic: r.isic_section,
    means: r.means_of_control ?? [],
    recruiterRelation: rec.get(r.id)?.recruiter_relation ?? null,
    recruitmentMethod: rec.get(r.id)?.recruitment_method ?? null,
    platform: rec.get(r.id)?.online_platform ?? null,
  }));
}

/**
 * Age in whole years at a date, from the birth year alone (the birth date is encrypted identity):
 * the same arithmetic as the annual report's age bands (year − birth year).
 */
export const ageAt = (v: Pick<VictimRecord, 'birthYear'>, date: string | null): number | null => (v.birthYear === null || date === null ? null : Number(date.slice(0, 4)) - v.birthYear);

/** Child (under 18) or adult at a date; the recorded minor flag where the birth year is unknown. */
export function childOrAdult(v: Pick<VictimRecord, 'birthYear' | 'isMinor'>, date: string | null): 'child' | 'adult' | 'unknown' {
  const age = ageAt(v, date);
  if (age !== null) return age < 18 ? 'child' : 'adult';
  return v.isMinor === null ? 'unknown' : v.isMinor ? 'child' : 'adult';
}

/** How a crime or case falls under the returns: trafficking (144-1, 144-3), forced labour (144-2), or only related offences. */
export type CrimeScope = 'labour' | 'trafficking' | 'related';

/** The article groups the international returns count as trafficking in persons (the Palermo Protocol offence). */
export const TRAFFICKING_GROUPS = new Set(['trafficking', 'forced_labour', 'documents']);

/** The group of an article reference ("144-1.2" → the group of 144-1), from the profile. */
export function articleGroup(profile: Profile, ref: string): string | null {
  const byCode = new Map(profile.criminalArticles.map((a) => [a.code, a.group]));
  return byCode.get(ref) ?? byCode.get(ref.replace(/\.[0-9]+$/, '')) ?? null;
}

/**
 * Labour trafficking when the case names a forced-labour article or one of its victims was exploited
 * in forced labour; otherwise trafficking when it names a trafficking article; otherwise related only.
 */
export function crimeScope(profile: Profile, articles: string[], labourVictim: boolean): CrimeScope {
  const groups = articles.map((a) => articleGroup(profile, a));
  if (!groups.some((g) => g !== null && TRAFFICKING_GROUPS.has(g))) return 'related';
  return groups.includes('forced_labour') || labourVictim ? 'labour' : 'trafficking';
}

/** The profile's forms that are forced labour (HTCDS `isForcedLabour`), whatever their codes. */
export const labourForms = (profile: Profile) => profile.exploitationForms.filter((f) => f.htcds === 'isForcedLabour').map((f) => f.code);

/** Whether one of the case's victims was exploited in forced labour. */
function labourVictim(profile: Profile, caseId: ReturnType<typeof sql>) {
  const forms = labourForms(profile);
  if (!forms.length) return sql`false`;
  return sql`exists (
  select 1 from case_victims cv join exploitation_events e on e.person_id = cv.person_id
   where cv.case_id = ${caseId} and e.kind = 'exploitation' and e.forms && array[${sql.join(forms)}]::text[])`;
}

/** A person prosecuted, at one procedural step taken in the period. */
export interface DefendantStep {
  personId: string;
  caseId: string;
  sex: string;
  citizenship: string | null;
  stage: string;
  onDate: string;
  scope: CrimeScope;
}

export async function defendantSteps(db: Db, profile: Profile, period: Period): Promise<DefendantStep[]> {
  const rows = await sql<{ person_id: string; case_id: string; sex: string; citizenship: string | null; stage: string; on_date: string; articles: string[]; labour_victim: boolean }>`
    select pp.id as person_id, pp.case_id, pp.sex, pp.citizenship, st.stage, st.on_date, c.articles, ${labourVictim(profile, sql`c.id`)} as labour_victim
      from procedural_steps st join prosecuted_persons pp on pp.id = st.prosecuted_person_id join criminal_cases c on c.id = pp.case_id
     where st.on_date between ${period.from} and ${period.to}
     order by st.on_date, pp.id`.execute(db);
  return rows.rows.map((r) => ({ personId: r.person_id, caseId: r.case_id, sex: r.sex, citizenship: r.citizenship, stage: r.stage, onDate: r.on_date, scope: crimeScope(profile, r.articles, r.labour_victim) }));
}

/** Distinct persons who reached a stage in the period (a person charged twice counts once). */
export function personsAt(steps: DefendantStep[], stages: string[], scopes?: CrimeScope[]): DefendantStep[] {
  const seen = new Map<string, DefendantStep>();
  for (const s of steps) if (stages.includes(s.stage) && (!scopes || scopes.includes(s.scope)) && !seen.has(s.personId)) seen.set(s.personId, s);
  return [...seen.values()];
}

export interface SentenceRecord {
  personId: string;
  sex: string;
  punishment: string;
  imprisonmentMonths: number | null;
  fineAmount: number | null;
  confiscation: boolean;
  sentencedOn: string;
  scope: CrimeScope;
}

export async function sentenceRecords(db: Db, profile: Profile, period: Period): Promise<SentenceRecord[]> {
  const rows = await sql<{ person_id: string; sex: string; punishment: string; imprisonment_months: number | null; fine_amount: string | null; confiscation: boolean; sentenced_on: string; articles: string[]; labour_victim: boolean }>`
    select pp.id as person_id, pp.sex, se.punishment, se.imprisonment_months, se.fine_amount, se.confiscation, se.sentenced_on, c.articles, ${labourVictim(profile, sql`c.id`)} as labour_victim
      from sentences se join prosecuted_persons pp on pp.id = se.prosecuted_person_id join criminal_cases c on c.id = pp.case_id
     where se.sentenced_on between ${period.from} and ${period.to}
     order by se.sentenced_on, se.id`.execute(db);
  return rows.rows.map((r) => ({ personId: r.person_id, sex: r.sex, punishment: r.punishment, imprisonmentMonths: r.imprisonment_months, fineAmount: r.fine_amount === null ? null : Number(r.fine_amount), confiscation: r.confiscation, sentencedOn: r.sentenced_on, scope: crimeScope(profile, r.articles, r.labour_victim) }));
}

export interface CaseRecord {
  id: string;
  openedOn: string;
  scope: CrimeScope;
}

/** Criminal cases opened in the period (investigations). */
export async function casesOpened(db: Db, profile: Profile, period: Period): Promise<CaseRecord[]> {
  const rows = await sql<{ id: string; opened_on: string; articles: string[]; labour_victim: boolean }>`
    select c.id, c.opened_on, c.articles, ${labourVictim(profile, sql`c.id`)} as labour_victim from criminal_cases c
     where c.opened_on between ${period.from} and ${period.to} order by c.opened_on, c.id`.execute(db);
  return rows.rows.map((r) => ({ id: r.id, openedOn: r.opened_on, scope: crimeScope(profile, r.articles, r.labour_victim) }));
}

/** Crime facts registered in the period (GLOTIP's "offences recorded"). */
export async function factsRegistered(db: Db, profile: Profile, period: Period): Promise<{ id: string; scope: CrimeScope; article: string }[]> {
  const rows = await sql<{ id: string; articles: string[]; principal_article: string }>`
    select f.id, f.articles, f.principal_article from crime_facts f where f.registered_on between ${period.from} and ${period.to} order by f.registered_on, f.id`.execute(db);
  return rows.rows.map((r) => ({ id: r.id, scope: crimeScope(profile, r.articles, false), article: r.principal_article }));
}

/** Persons who received a kind of help in the period (voided entries and help to children excluded), with whether they were identified by the period's end. */
export async function personsHelped(db: Db, period: Period, kinds: string[]): Promise<{ personId: string; kind: string; victim: boolean }[]> {
  if (!kinds.length) return [];
  const rows = await sql<{ person_id: string; kind: string; victim: boolean }>`
    select distinct s.person_id, s.kind, coalesce(p.identified_on <= ${period.to}, false) as victim
      from assistance s join persons p on p.id = s.person_id
     where s.voided_at is null and s.child_id is null and s.date between ${period.from} and ${period.to}
       and s.kind in (${sql.join(kinds)})`.execute(db);
  return rows.rows.map((r) => ({ personId: r.person_id, kind: r.kind, victim: r.victim }));
}

/** Payments standing (not voided) in the period. */
export async function paymentsMade(db: Db, period: Period, kinds: string[]): Promise<{ personId: string; kind: string; amount: number }[]> {
  if (!kinds.length) return [];
  const rows = await sql<{ person_id: string; kind: string; amount: string }>`
    select pay.person_id, pay.kind, pay.amount from payments pay
     where pay.voided_at is null and pay.paid_on between ${period.from} and ${period.to} and pay.kind in (${sql.join(kinds)})`.execute(db);
  return rows.rows.map((r) => ({ personId: r.person_id, kind: r.kind, amount: Number(r.amount) }));
}

/** Recovery and reflection periods begun in the period. */
export async function reflectionPeriods(db: Db, period: Period): Promise<{ personId: string; outcome: string | null; days: number }[]> {
  const rows = await sql<{ person_id: string; outcome: string | null; days: number }>`
    select rp.person_id, rp.outcome, rp.length_days + rp.extension_days as days from reflection_periods rp
     where rp.start_date between ${period.from} and ${period.to}`.execute(db);
  return rows.rows.map((r) => ({ personId: r.person_id, outcome: r.outcome, days: r.days }));
}

/**
 * Where the records begin: the first victim's first contact and the first procedural step. Before
 * them Azad knows nothing (a year before the system is "not available", not zero).
 */
export async function recordsBegin(db: Db): Promise<{ victims: string | null; justice: string | null }> {
  const r = await sql<{ victims: string | null; justice: string | null }>`
    select (select min(contact_date) from persons) as victims, (select min(on_date) from procedural_steps) as justice`.execute(db);
  return r.rows[0] ?? { victims: null, justice: null };
}
