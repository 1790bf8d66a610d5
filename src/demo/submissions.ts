// Synthetic agency submissions, activities and illustrative National Action Plan measures for the demo.
// 2023's approved figures are the ones the 2023 annual report published (aggregates, no person in them);
// 2022 is derived from them (with the published changes where printed); 2024 is under way.
import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import { appendAudit } from '../audit/record.ts';
import { recordActivity } from '../activities/activities.ts';
import type { ActivityInput } from '../activities/schema.ts';
import { createMeasure, reportOnMeasure, reviewReport } from '../action-plan/action-plan.ts';
import type { Database } from '../db/schema.ts';
import type { Profile } from '../profile/schema.ts';
import { expectedAgencies, formIndicators, validateValues } from '../submissions/catalogue.ts';
import { periodDeadline, type Qualifier, type ValueInput } from '../submissions/schema.ts';
import { createRng, type Rng } from './rng.ts';

/** As published for 2023 (MIA annual report, 21.05.2024); a qualifier where the report printed one. */
export const PUBLISHED_2023: Record<string, number | [number, Qualifier]> = {
  'prevention.booklets.mia': 14000, 'prevention.booklets.mlspp': 3000, 'prevention.booklets.scfwca': 1000,
  'prevention.portal.articles': 583, 'prevention.portal.materials': 331, 'prevention.tv_interviews.mia': 25,
  'prevention.website_updates.mia': 48, 'prevention.vocational_institutions': 41, 'prevention.culture_events': [100, 'more_than'],
  'training.police.senior_units': 38, 'training.police.rank_officers': 249, 'training.police.virtual': 1650,
  'training.school_psychologists': 206, 'training.tour_operators': 30, 'training.hotels_agencies': 20,
  'training.asan_volunteers': [50, 'more_than'], 'training.judges': 75, 'training.barristers': 71, 'training.justice_candidates': [400, 'more_than'],
  'prevention.early_marriages_curbed': 293, 'prevention.birth_registrations': 4746, 'prevention.birth_registrations.previously_unregistered': 427,
  'prevention.care_leavers.career_project': 290, 'prevention.care_leavers.vocational': 6, 'prevention.care_leavers.self_employment': 2,
  'prevention.adopted_abroad_monitored': 23, 'prevention.guardianship_monitoring': 56, 'prevention.education_evasion_monitoring': 68,
  'prevention.street_children_aided': 132, 'funding.ngo_rewards.azn': 23000, 'funding.ngo_rewards.people': 18, 'funding.ngo_projects.count': 11,
  'funding.ngo_projects.azn': 94000, 'funding.victim_rehabilitation.azn': 120000,
  'labour.employer_sessions': 60, 'labour.employer_sessions.attendees': [6500, 'more_than'], 'labour.site_inspections.sites': 32,
  'labour.site_inspections.uncontracted': 47, 'labour.site_inspections.fines_azn': 123000, 'labour.site_inspections.employers_fined': 13,
  'labour.inspectorate.uncontracted': 512, 'labour.inspectorate.fines_azn': 2374000, 'labour.inspectorate.unrelated_work': 1,
  'labour.under_15_employment': 2, 'labour.work_permits.issued': 5441, 'labour.work_permits.extended': 4773,
  'labour.employment_agency.employed': 1198, 'labour.employment_agency.jobseekers': 118398, 'labour.employment_agency.quota': 2751,
  'labour.employment_agency.public_work': 5628, 'labour.employment_agency.self_employment': 17362, 'labour.employment_agency.insurance': 8370,
  'labour.employment_agency.vocational': 9518, 'labour.employment_agency.advice': 281529, 'labour.forced_labour_cases': 3,
  'labour.forced_labour_criminal_cases': 2, 'migration.channels_revealed': 8, 'migration.persons_removed': 154,
  'street_children.identified': 342, 'street_children.parents_handled': 345, 'street_children.files_forwarded': 504,
};
/** 2022 where the report printed the change against it. */
const PUBLISHED_DELTA_2023: Record<string, number> = { 'labour.inspectorate.uncontracted': 143, 'labour.inspectorate.fines_azn': 591900 };
/** Not published; synthetic but consistent with the rules (workers checked ≥ uncontracted found). */
const SYNTHETIC_2023: Record<string, number> = { 'labour.site_inspections.workers_inspected': 1240 };

/** n split into `parts` whole parts that add up to n exactly. */
function split(n: number, parts: number, rng: Rng): number[] {
  const weights = Array.from({ length: parts }, () => 0.8 + rng.next() * 0.4);
  const total = weights.reduce((a, b) => a + b, 0);
  const out = weights.map((w) => Math.floor((n * w) / total));
  out[parts - 1]! += n - out.reduce((a, b) => a + b, 0);
  return out;
}

/** One agency's values for a period: the published 2023 figure (split across quarters), else synthetic. */
export function valuesFor(profile: Profile, agencyCode: string, period: string, rng: Rng): ValueInput[] {
  const agency = profile.agencies.find((a) => a.code === agencyCode)!;
  const year = Number(period.slice(0, 4));
  const quarter = period.includes('-Q') ? Number(period.slice(-1)) : 0;
  const published = profile.settings.code === 'AZ';
  const out: ValueInput[] = [];
  for (const ind of formIndicators(profile.indicators, agency, period)) {
    const p = published ? PUBLISHED_2023[ind.id] : undefined;
    const [published2023, qualifier] = Array.isArray(p) ? p : [p ?? SYNTHETIC_2023[ind.id] ?? rng.int(3, 40), null];
    let base = published2023;
    if (year === 2022) base = PUBLISHED_DELTA_2023[ind.id] !== undefined ? base - PUBLISHED_DELTA_2023[ind.id]! : Math.round(base * (0.8 + rng.next() * 0.3));
    if (year >= 2024) base = Math.round(base * (0.9 + rng.next() * 0.3));
    // A quarter's share of the year, the same split for each indicator of the agency and year.
    const value = quarter ? split(base, 4, createRng(year * 31 + ind.id.length))[quarter - 1]! : base;
    out.push({ indicatorId: ind.id, state: 'reported', value, qualifier });
  }
  // Parts stay within their wholes after scaling.
  const v = (id: string) => out.find((x) => x.indicatorId === id);
  for (const rule of profile.indicators.rules) {
    const l = v(rule.left);
    const r = v(rule.right);
    if (l?.value != null && r?.value != null && rule.kind !== 'requires' && l.value > r.value) r.value = l.value;
  }
  return out;
}

export const periodsOf = (year: number) => [String(year), `${year}-Q1`, `${year}-Q2`, `${year}-Q3`, `${year}-Q4`];

/**
 * Loads the synthetic submissions (approved 2022 and 2023, 2024 in every state), activities and
 * illustrative action-plan measures. Every form is checked by the domain's own validation (complete,
 * every rule met) and then written in a few batched inserts with one audit entry for the lot: a
 * few hundred submissions through the one-by-one workflow would hold up the first start by
 * many seconds. Does nothing when the database already has submissions.
 */
export async function loadSyntheticSubmissions(db: Kysely<Database>, profile: Profile, opts: { seed: number; coordinatorUsername: string; reporterUsername: string }) {
  if (await db.selectFrom('submissions').select('id').limit(1).executeTakeFirst()) return;
  const rng = createRng(opts.seed + 6);
  const users = await db.selectFrom('users').select(['id', 'username', 'agency_id']).where('username', 'in', [opts.coordinatorUsername, opts.reporterUsername]).execute();
  const coordinator = users.find((u) => u.username === opts.coordinatorUsername);
  const reporter = users.find((u) => u.username === opts.reporterUsername);
  const agencies = new Map((await db.selectFrom('agencies').select(['id', 'code']).execute()).map((a) => [a.code, a.id]));

  const subs: Insertable<Database['submissions']>[] = [];
  const values: Insertable<Database['submission_values']>[] = [];
  const events: Insertable<Database['submission_events']>[] = [];
  for (const year of [2022, 2023, 2024]) {
    for (const period of periodsOf(year)) {
      for (const agency of expectedAgencies(profile, period)) {
        const agencyId = agencies.get(agency.code);
        if (!agencyId) continue;
        // 2024: most not started yet; the rest a mix of draft, submitted, returned and approved.
        const fate = year < 2024 ? 'approved' : rng.weighted([['none', 6], ['draft', 1], ['submitted', 1], ['returned', 1], ['approved', 1]] as const);
        if (fate === 'none') continue;
        const vals = valuesFor(profile, agency.code, period, rng);
        const errors = validateValues(profile.indicators, formIndicators(profile.indicators, agency, period), vals, { complete: true });
        if (errors.length) throw new Error(`demo submission ${agency.code} ${period}: ${errors.map((e) => e.message).join('; ')}`);
        const id = randomUUID();
        const by = reporter?.agency_id === agencyId ? reporter.id : null;
        // Sent a few weeks after the period, reviewed a week later.
        const sent = new Date(`${periodDeadline(period, { year: 30, quarter: 10 })}T09:00:00Z`);
        const reviewed = new Date(sent.getTime() + 7 * 86_400_000);
        const submitted = fate !== 'draft';
        subs.push({
          id, agency_id: agencyId, period, status: fate, created_by: by,
          first_submitted_at: submitted ? sent : null, submitted_at: submitted ? sent : null, submitted_by: submitted ? by : null,
          approved_at: fate === 'approved' ? reviewed : null, approved_by: fate === 'approved' ? (coordinator?.id ?? null) : null,
        });
        for (const v of vals) values.push({ submission_id: id, indicator_id: v.indicatorId, state: v.state, value: v.value ?? null, qualifier: v.qualifier ?? null, note: null });
        if (submitted) events.push({ submission_id: id, kind: 'submitted', comment: null, user_id: by, at: sent });
        if (fate === 'returned') events.push({ submission_id: id, kind: 'returned', comment: 'Demo: rəqəmləri nazirliyinizin məktubu ilə yoxlayın.', user_id: coordinator?.id ?? null, at: reviewed });
        if (fate === 'approved') events.push({ submission_id: id, kind: 'approved', comment: null, user_id: coordinator?.id ?? null, at: reviewed });
      }
    }
  }
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < subs.length; i += 500) await trx.insertInto('submissions').values(subs.slice(i, i + 500)).execute();
    for (let i = 0; i < values.length; i += 500) await trx.insertInto('submission_values').values(values.slice(i, i + 500)).execute();
    for (let i = 0; i < events.length; i += 500) await trx.insertInto('submission_events').values(events.slice(i, i + 500)).execute();
    await appendAudit(trx, { actor: null, action: 'demo.submissions_loaded', outcome: 'ok', details: { demo: true, submissions: subs.length, values: values.length } });
  });

  if (profile.settings.code !== 'AZ' || !coordinator) return;
  await loadActivities(db, agencies, rng, coordinator.id);
  await loadMeasures(db, agencies, coordinator.id);
}

/** 57 international events of 2023 (36 in person, 21 online; 22 abroad, 35 in the country) and a few others. */
async function loadActivities(db: Kysely<Database>, agencies: Map<string, string>, rng: Rng, userId: string) {
  const mia = agencies.get('mia_anti_trafficking') ?? agencies.get('mia');
  if (!mia) return;
  const who = { userId, agencyId: mia, national: true };
  const audit = { actor: null, details: { demo: true } };
  const partners = ['OSCE (synthetic event)', 'IOM (synthetic event)', 'Council of Europe (synthetic event)', 'UNODC (synthetic event)', 'ICMPD (synthetic event)'];
  const mix: [boolean, boolean, number][] = [[true, false, 15], [true, true, 7], [false, false, 21], [false, true, 14]];
  const inputs: ActivityInput[] = [];
  let n = 0;
  for (const [abroad, online, count] of mix) {
    for (let i = 0; i < count; i++) {
      n++;
      const day = `2023-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + rng.int(0, 27)).padStart(2, '0')}`;
      inputs.push({ agencyId: mia, kind: 'international_event', title: `Demo international meeting ${n}`, date: day, abroad, online, partner: rng.pick(partners), place: online ? null : abroad ? 'Vienna' : 'Baku' });
    }
  }
  inputs.push(
    { agencyId: mia, kind: 'training', title: 'Demo course: identifying victims (police)', date: '2023-03-14', audience: 'police', participants: 249, trainers: 4, online: false, place: 'Baku' },
    { agencyId: mia, kind: 'training', title: 'Demo virtual classes for police units', date: '2023-06-20', audience: 'police', participants: 1650, trainers: 6, online: true },
    { agencyId: mia, kind: 'publication', title: 'Demo booklet: safe work abroad', date: '2023-04-01', copies: 14000, languages: ['az', 'ru', 'en'] },
    { agencyId: mia, kind: 'media', title: 'Demo TV interview on recruitment fraud', date: '2023-07-30', outlet: 'Demo TV channel' },
    { agencyId: mia, kind: 'awareness_event', title: 'Demo awareness day at a vocational school', date: '2023-10-18', place: 'Ganja', participants: 120 },
  );
  // Each later year has trainings for several audiences too, so that a report of the demo's current
  // year can print people trained by audience (2023 stays as above).
  const audiences = ['police', 'judges', 'prosecutors', 'labour_inspectors', 'teachers', 'social_workers'] as const;
  for (let year = 2024; year <= new Date().getUTCFullYear(); year++) {
    for (const [i, audience] of audiences.entries()) {
      if (rng.int(0, 3) === 0 && audience !== 'police') continue;
      const day = `${year}-${String(2 + i * 2).padStart(2, '0')}-${String(1 + rng.int(0, 27)).padStart(2, '0')}`;
      inputs.push({ agencyId: mia, kind: 'training', title: `Demo təlim ${year}-${i + 1}`, date: day, audience, participants: 15 + rng.int(0, 120), trainers: 1 + rng.int(0, 3), online: rng.int(0, 2) === 0, place: 'Baku' });
    }
  }
  await db.transaction().execute(async (trx) => {
    for (const input of inputs) await recordActivity(trx, input, who, audit);
  });
}

/** A handful of measures, marked illustrative: not the text of the real 2025–2030 plan. */
async function loadMeasures(db: Kysely<Database>, agencies: Map<string, string>, userId: string) {
  const id = (code: string) => agencies.get(code);
  const plan = [
    ['1.1', 'mia_anti_trafficking', ['national_coordinator'], '2025-12-31', 'Hüquq-mühafizə əməkdaşları üçün illik təlim proqramı (illüstrativ)', 'Annual training programme for law-enforcement officers (illustrative)', 'Ежегодная программа обучения сотрудников правоохранительных органов (иллюстративно)'],
    ['1.2', 'state_labour_inspection', ['state_employment_agency'], '2025-06-30', 'Tikinti sektorunda məcburi əmək risklərinin yoxlanışı (illüstrativ)', 'Inspections of forced-labour risks in construction (illustrative)', 'Проверки рисков принудительного труда в строительстве (иллюстративно)'],
    ['2.1', 'ministry_science_education', [], '2026-09-01', 'Məktəb psixoloqları üçün tədris modulu (illüstrativ)', 'A training module for school psychologists (illustrative)', 'Учебный модуль для школьных психологов (иллюстративно)'],
    ['2.2', 'state_migration_service', ['state_border_service'], '2027-12-31', 'Əcnəbi işçilər üçün məlumat kampaniyası (illüstrativ)', 'Information campaign for foreign workers (illustrative)', 'Информационная кампания для иностранных работников (иллюстративно)'],
    ['3.1', 'social_services_agency', ['ngo_coalition'], '2030-12-31', 'Qurbanlar üçün reinteqrasiya xidmətlərinin genişləndirilməsi (illüstrativ)', 'Wider reintegration services for victims (illustrative)', 'Расширение услуг по реинтеграции жертв (иллюстративно)'],
  ] as const;
  const audit = { actor: null, details: { demo: true } };
  await db.transaction().execute(async (trx) => {
    const ids: string[] = [];
    for (const [number, lead, co, deadline, az, en, textRu] of plan) {
      const responsible = id(lead);
      if (!responsible) continue;
      ids.push(
        await createMeasure(trx, { number, textAz: az, textEn: en, textRu, responsibleAgencyId: responsible, coResponsibleAgencyIds: co.map(id).filter((x): x is string => !!x), deadline, indicators: ['Nəticə göstəricisi (nümunə)'] }, userId, audit),
      );
    }
    const m1 = ids[0];
    const lead1 = id('mia_anti_trafficking');
    if (m1 && lead1) {
      const r = await reportOnMeasure(trx, m1, { period: '2025-Q2', progress: 'in_progress', narrative: 'Demo: planlaşdırılan dörd kursdan ikisi keçirilib.', evidence: 'Demo məktub № 0-000' }, { userId: userId, agencyId: lead1 }, audit);
      await reviewReport(trx, r, { decision: 'approved' }, userId, audit);
    }
  });
}
