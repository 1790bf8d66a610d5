import type { SyntheticPerson } from '../demo/persons.ts';
import type { Profile } from '../profile/schema.ts';
import { rec, type Rec } from './records.ts';

/** Mid-morning of a day, but never later than now: a record dated today cannot come from the future. */
const at = (date: string) => new Date(Math.min(Date.parse(`${date}T10:00:00.000Z`), Date.now())).toISOString();

/**
 * One synthetic person and everything that happened to them, as interchange records: the same
 * derived state (status, identification date, closure) the domain functions would leave behind.
 */
export function* personRecords(profile: Profile, p: SyntheticPerson, id: string, caseCode: string): Generator<Rec> {
  const input = p.input;
  const latest = p.decisions.at(-1);
  const identifiedOn = latest?.status === 'identified' ? (p.decisions.find((d) => d.status === 'identified')?.decidedOn ?? null) : null;
  const idn = input.identity;
  yield rec('person', id, {
    case_code: caseCode,
    owner_agency: p.intake.agency,
    given_name: idn.givenName,
    family_name: idn.familyName,
    patronymic: idn.patronymic,
    birth_date: idn.birthDate,
    documents: idn.documentNumbers?.length ? idn.documentNumbers : null,
    phones: idn.phones?.length ? idn.phones : null,
    address: idn.address,
    gender: input.gender,
    birth_year: input.birthYear ?? null,
    is_minor: input.isMinor ?? null,
    citizenship: input.citizenship ?? null,
    residence_region: input.residenceRegion ?? null,
    languages: input.languages ?? [],
    vulnerabilities: input.vulnerabilities ?? [],
    channel: input.channel,
    contact_date: input.contactDate,
    identification_status: latest?.status ?? 'potential',
    identified_on: identifiedOn,
    closure_reason: p.closure?.reason ?? null,
    closed_on: p.closure?.closedOn ?? null,
  });
  const person = id;
  yield rec('identification_decision', `${id}/d0`, { person, status: 'potential', decided_on: input.contactDate, deciding_agency: p.intake.agency });
  for (const [i, d] of p.decisions.entries()) yield rec('identification_decision', `${id}/d${i + 1}`, { person, status: d.status, decided_on: d.decidedOn, deciding_agency: d.agency });
  for (const [i, e] of p.events.entries()) {
    yield rec('exploitation_event', `${id}/e${i}`, {
      person,
      kind: e.kind,
      country: e.country,
      region: e.region,
      start_date: e.startDate,
      end_date: e.endDate,
      forms: e.forms ?? [],
      subtypes: e.subtypes ?? [],
      isic_section: e.isicSection,
      means_of_control: e.meansOfControl ?? [],
      recruitment_method: e.recruitmentMethod,
      online_platform: e.onlinePlatform,
      recruiter_relation: e.recruiterRelation,
    });
  }
  if (p.reflection) {
    const r = p.reflection;
    yield rec('reflection_period', `${id}/r`, { person, start_date: r.startDate, length_days: profile.settings.reflectionPeriodDays, extension_days: r.extensionDays, outcome: r.outcome, outcome_date: r.outcomeDate });
  }
  for (const [i, c] of p.consents.entries()) yield rec('consent', `${id}/k${i}`, { person, purpose: c.purpose, agency: c.agency, given: c.given, recorded_on: c.recordedOn });
  for (const [i, c] of p.children.entries()) yield rec('child', `${id}/c${i}`, { person, label: c.label, birth_year: c.birthYear, gender: c.gender });
  for (const [i, r] of p.referrals.entries()) {
    yield rec('referral', `${id}/f${i}`, { person, from_agency: p.intake.agency, to_agency: r.to, status: r.status, sent_at: at(r.sentOn), responded_at: at(r.respondedOn), completed_at: r.completedOn ? at(r.completedOn) : null });
  }
  for (const [i, a] of p.assistance.entries()) {
    yield rec('service', `${id}/s${i}`, { person, child: a.child === null ? null : `${id}/c${a.child}`, kind: a.kind, provider_agency: a.provider, date: a.date, end_date: a.endDate, legal_stage: a.legalStage });
  }
  for (const [i, pay] of p.payments.entries()) {
    yield rec('payment', `${id}/p${i}`, { person, kind: pay.kind, amount: pay.amount, currency: profile.settings.currency, paid_on: pay.paidOn, payer_agency: pay.payer });
  }
}
