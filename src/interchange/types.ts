import { z } from 'zod';
import { ActivityKind, Audience } from '../activities/schema.ts';
import { LegalStage } from '../assistance/schema.ts';
import { encryptField, type FieldKey } from '../crypto/fields.ts';
import { identifierKey } from '../hotline/hotline.ts';
import { normalizeAny } from '../hotline/identifiers.ts';
import { CallerType, ContactChannel, TipStatus } from '../hotline/schema.ts';
import { HotlineOutcome, IndicatorId, type Profile } from '../profile/schema.ts';
import { AppError } from '../errors.ts';
import { assertArticle, assertArticles, type ResolvedArticle } from '../prosecution/articles.ts';
import { CaseStatus as ProsecutionCaseStatus, Cooperation, DefendantRole, FactStatus, LegalAidStage, Platform, Punishment, SearchKind, Stage, WantedStatus } from '../prosecution/schema.ts';
import { ReferralStatus } from '../referrals/schema.ts';
import { Period, Qualifier, SubmissionStatus, ValueState } from '../submissions/schema.ts';
import { matchKeysFor } from '../victims/persons.ts';
import { endsBeforeStart, PartialDateText } from '../victims/partial-date.ts';
import { ClosureReason, ConsentPurpose, EventKind, Gender, IdentificationChannel, IdentificationStatus, MeansOfControl, RecruiterRelation, RecruitmentMethod, ReflectionOutcome } from '../victims/schema.ts';
import { f, type FieldSpec, type Table } from './field.ts';

/** Bumped on any change that an older reader would misread; `docs/interchange/` keeps each version. */
export const FORMAT_VERSION = 1;

export interface DeriveContext {
  key: FieldKey;
  profile: Profile;
}
/** A problem with one field of a record, found after its shape was checked. */
export class FieldProblem extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

export interface RecordType {
  type: string;
  table: Table;
  /** One line in the docs. */
  description: string;
  fields: Record<string, FieldSpec>;
  /** Columns computed from the record (match keys, article groups): never on the wire. */
  derive?: (rec: Record<string, unknown>, ctx: DeriveContext, id: string) => Record<string, unknown>;
  /** The table is partitioned by this column, which is part of its key beside `id`. */
  partitionColumn?: string;
}

/** A voided service or payment says why; a reason without a void is a mistake in the file. */
function voidComplete(r: Record<string, unknown>) {
  if ((r.voided_at == null) !== (r.void_reason == null)) throw new FieldProblem(r.voided_at == null ? 'voided_at' : 'void_reason', 'a voided entry has both voided_at and void_reason');
}

/** A domain check (the registry's article rules), its refusal put in the file's terms. */
function inFileTerms<T>(check: () => T): T {
  try {
    return check();
  } catch (err) {
    const first = err instanceof AppError ? err.fields[0] : undefined;
    if (first) throw new FieldProblem(first.path, first.message);
    throw err;
  }
}
// A set per profile: a region is checked on every hotline contact.
const regionSets = new WeakMap<Profile, Set<string>>();
const region = (profile: Profile, code: unknown, path: string) => {
  if (code == null) return;
  let known = regionSets.get(profile);
  if (!known) regionSets.set(profile, (known = new Set(profile.regions.regions.map((r) => r.code))));
  if (!known.has(String(code))) throw new FieldProblem(path, `unknown region "${String(code)}" in the country profile`);
};

/**
 * Every record type, parents before children: a file in this order never refers forward, and
 * the importer writes its buffers in this order.
 */
export const RECORD_TYPES: readonly RecordType[] = [
  {
    type: 'person',
    table: 'persons',
    description: 'A victim or potential victim: identity (encrypted at rest) and the statistical fields.',
    fields: {
      case_code: f.text({ required: true }),
      owner_agency: f.agency({ required: true }),
      given_name: f.secret({ required: true }),
      family_name: f.secret(),
      patronymic: f.secret(),
      birth_date: f.secret({ schema: PartialDateText }),
      documents: f.secretList(),
      phones: f.secretList(),
      address: f.secret(),
      gender: f.text({ required: true, values: Gender }),
      birth_year: f.int({ min: 1900, max: 2100 }),
      is_minor: f.bool(),
      citizenship: f.text(),
      residence_region: f.text(),
      languages: f.texts({ required: true }),
      vulnerabilities: f.texts({ required: true }),
      channel: f.text({ required: true, values: IdentificationChannel }),
      contact_date: f.date({ required: true }),
      identification_status: f.text({ required: true, values: IdentificationStatus }),
      identified_on: f.date(),
      closure_reason: f.text({ values: ClosureReason }),
      closed_on: f.date(),
      closure_note: f.secret(),
    },
    derive: (r, { key, profile }) => {
      region(profile, r.residence_region, 'residence_region');
      return { match_keys: matchKeysFor(key, { givenName: String(r.given_name), familyName: (r.family_name as string) ?? null, birthDate: (r.birth_date as string) ?? null }) };
    },
  },
  {
    type: 'identification_decision',
    table: 'identification_decisions',
    description: "A step of the person's identification: potential, identified or not confirmed.",
    fields: { person: f.ref('person', { required: true }), status: f.text({ required: true, values: IdentificationStatus }), decided_on: f.date({ required: true }), deciding_agency: f.agency({ required: true }), note: f.secret() },
  },
  {
    type: 'exploitation_event',
    table: 'exploitation_events',
    description: 'Recruitment, transit or exploitation, with forms, place and means of control.',
    fields: {
      person: f.ref('person', { required: true }),
      kind: f.text({ required: true, values: EventKind }),
      country: f.text(),
      region: f.text(),
      start_date: f.partialDate({ precision: 'start_precision' }),
      end_date: f.partialDate({ precision: 'end_precision' }),
      forms: f.texts({ required: true }),
      subtypes: f.texts({ required: true }),
      isic_section: f.text(),
      means_of_control: f.texts({ required: true, values: MeansOfControl }),
      recruitment_method: f.text({ values: RecruitmentMethod }),
      online_platform: f.text(),
      recruiter_relation: f.text({ values: RecruiterRelation }),
    },
    derive: (r) => {
      // Dates as told overlap when one contains the other: only an end wholly before the start is wrong.
      if (typeof r.start_date === 'string' && typeof r.end_date === 'string' && endsBeforeStart(r.start_date, r.end_date)) throw new FieldProblem('end_date', 'must not be before start_date');
      return {};
    },
  },
  {
    type: 'reflection_period',
    table: 'reflection_periods',
    description: 'The recovery and reflection period (30 days by law, extendable); one per person.',
    fields: { person: f.ref('person', { required: true }), start_date: f.date({ required: true }), length_days: f.int({ required: true, max: 365 }), extension_days: f.int({ required: true, max: 365 }), outcome: f.text({ values: ReflectionOutcome }), outcome_date: f.date() },
  },
  {
    type: 'consent',
    table: 'consents',
    description: 'Consent given or refused for a purpose, optionally towards one agency.',
    fields: { person: f.ref('person', { required: true }), purpose: f.text({ required: true, values: ConsentPurpose }), agency: f.agency(), given: f.bool({ required: true }), recorded_on: f.date({ required: true }) },
  },
  {
    type: 'child',
    table: 'children',
    description: "A victim's child, by a label rather than a name.",
    fields: { person: f.ref('person', { required: true }), label: f.text({ required: true }), birth_year: f.int({ min: 1900, max: 2100 }), gender: f.text({ required: true, values: Gender }) },
  },
  {
    type: 'referral',
    table: 'referrals',
    description: 'A referral from one agency to another, with its answer.',
    fields: {
      person: f.ref('person', { required: true }),
      from_agency: f.agency({ required: true }),
      to_agency: f.agency({ required: true }),
      status: f.text({ required: true, values: ReferralStatus }),
      sent_at: f.timestamp({ required: true }),
      responded_at: f.timestamp(),
      completed_at: f.timestamp(),
      consent_override: f.secret(),
      note: f.secret(),
    },
  },
  {
    type: 'service',
    table: 'assistance',
    description: 'A service given: shelter, medical, psychological, legal and the rest (kinds from the profile).',
    fields: {
      person: f.ref('person', { required: true }),
      child: f.ref('child'),
      kind: f.text({ required: true }),
      provider_agency: f.agency({ required: true }),
      date: f.date({ required: true }),
      end_date: f.date(),
      legal_stage: f.text({ values: LegalStage }),
      notes: f.secret(),
      voided_at: f.timestamp(),
      void_reason: f.secret(),
    },
    derive: (r, { profile }) => {
      if (!profile.assistanceKinds.some((k) => k.code === r.kind)) throw new FieldProblem('kind', `unknown service kind "${String(r.kind)}" in the country profile`);
      voidComplete(r);
      return {};
    },
  },
  {
    type: 'payment',
    table: 'payments',
    description: 'A payment: the one-time allowance, Aid Fund payments and the rest.',
    fields: { person: f.ref('person', { required: true }), kind: f.text({ required: true }), amount: f.numeric({ required: true }), currency: f.text({ required: true }), paid_on: f.date({ required: true }), payer_agency: f.agency({ required: true }), override_reason: f.secret(), voided_at: f.timestamp(), void_reason: f.secret() },
    // One key per record: a payment re-imported is the same payment.
    derive: (r, _ctx, id) => {
      voidComplete(r);
      return { idempotency_key: `interchange:${id}` };
    },
  },
  {
    type: 'hotline_contact',
    table: 'hotline_contacts',
    partitionColumn: 'started_at',
    description: 'A call or message to the hotline: who, when, about what, and the outcome. No content.',
    fields: {
      agency: f.agency({ required: true }),
      started_at: f.timestamp({ required: true }),
      duration_seconds: f.int({ required: true }),
      channel: f.text({ required: true, values: ContactChannel }),
      language: f.text({ required: true }),
      caller_type: f.text({ required: true, values: CallerType }),
      topic: f.text({ required: true }),
      region: f.text(),
      outcome: f.text({ required: true, values: HotlineOutcome }),
      referred_agency: f.agency(),
      follow_up_due: f.date(),
      follow_up_done_at: f.timestamp(),
      person: f.ref('person'),
      notes: f.secret(),
    },
    derive: (r, { profile }) => {
      region(profile, r.region, 'region');
      return {};
    },
  },
  {
    type: 'crime_fact',
    table: 'crime_facts',
    description: 'A registered crime (a "fact"): articles of the Criminal Code, region, online platforms.',
    fields: {
      agency: f.agency({ required: true }),
      registered_on: f.date({ required: true }),
      articles: f.texts({ required: true, min: 1 }),
      region: f.text(),
      online: f.bool({ required: true }),
      platforms: f.texts({ required: true, values: Platform }),
      status: f.text({ required: true, values: FactStatus }),
      summary: f.secret(),
    },
    derive: (r, { profile }) => {
      region(profile, r.region, 'region');
      const principal = (inFileTerms(() => assertArticles(profile, r.articles as string[], 'articles'))[0] as ResolvedArticle).article;
      return { principal_article: principal.code, principal_group: principal.group, principal_key: principal.reportKey ?? null };
    },
  },
  {
    type: 'fact_victim',
    table: 'fact_victims',
    description: 'A person recorded as a victim of a crime.',
    fields: { fact: f.ref('crime_fact', { required: true }), person: f.ref('person', { required: true }) },
  },
  {
    type: 'hotline_tip',
    table: 'hotline_tips',
    description: 'A tip forwarded from the hotline to the police, possibly linked to a crime.',
    fields: {
      contact: f.ref('hotline_contact'),
      agency: f.agency({ required: true }),
      status: f.text({ required: true, values: TipStatus }),
      summary: f.secret({ required: true }),
      crime_record: f.ref('crime_fact'),
      reviewed_at: f.timestamp(),
    },
  },
  {
    type: 'hotline_identifier',
    table: 'hotline_identifiers',
    description: 'A phone number or account named in a contact or tip; normalised and keyed on import.',
    fields: { contact: f.ref('hotline_contact'), tip: f.ref('hotline_tip'), value: f.secret({ required: true }) },
    derive: (r, { key, profile }) => {
      if ((r.contact == null) === (r.tip == null)) throw new FieldProblem('contact', 'name exactly one of contact and tip');
      const n = normalizeAny(String(r.value), profile.settings.code);
      return { kind: n.kind, normalized_enc: encryptField(key, n.normalized), match_key: n.linkable ? identifierKey(key, n) : null, valid: n.valid };
    },
  },
  {
    type: 'criminal_case',
    table: 'criminal_cases',
    description: 'A criminal case: number, articles, investigating agency and status.',
    fields: {
      number: f.text({ required: true }),
      opened_on: f.date({ required: true }),
      articles: f.texts({ required: true, min: 1 }),
      agency: f.agency({ required: true }),
      unit: f.text(),
      status: f.text({ required: true, values: ProsecutionCaseStatus }),
      status_on: f.date({ required: true }),
    },
    derive: (r, { profile }) => {
      // The principal article is the bare article ("144-1" of "144-1.2"), as when a case is opened through the API.
      const principal = (inFileTerms(() => assertArticles(profile, r.articles as string[], 'articles'))[0] as ResolvedArticle).article;
      return { principal_article: principal.code };
    },
  },
  { type: 'case_fact', table: 'case_facts', description: 'A crime investigated in a case.', fields: { case: f.ref('criminal_case', { required: true }), fact: f.ref('crime_fact', { required: true }) } },
  {
    type: 'case_status',
    table: 'case_status_history',
    description: "A step of a case's status history.",
    fields: { case: f.ref('criminal_case', { required: true }), status: f.text({ required: true, values: ProsecutionCaseStatus }), on_date: f.date({ required: true }) },
  },
  {
    type: 'case_victim',
    table: 'case_victims',
    description: "A victim in a case, their cooperation and the Bar's legal aid.",
    fields: { case: f.ref('criminal_case', { required: true }), person: f.ref('person', { required: true }), cooperation: f.text({ required: true, values: Cooperation }), legal_aid: f.texts({ required: true, values: LegalAidStage }) },
  },
  {
    type: 'prosecuted_person',
    table: 'prosecuted_persons',
    description: 'A person prosecuted in a case: identity (encrypted at rest), role and procedural stage.',
    fields: {
      case: f.ref('criminal_case', { required: true }),
      given_name: f.secret({ required: true }),
      family_name: f.secret(),
      patronymic: f.secret(),
      birth_date: f.secret(),
      documents: f.secretList(),
      address: f.secret(),
      sex: f.text({ required: true, values: z.enum(['male', 'female']) }),
      birth_year: f.int({ min: 1900, max: 2100 }),
      citizenship: f.text(),
      role: f.text({ required: true, values: DefendantRole }),
      stage: f.text({ required: true, values: Stage }),
    },
  },
  {
    type: 'procedural_step',
    table: 'procedural_steps',
    description: 'A dated procedural stage of a person prosecuted.',
    fields: { prosecuted_person: f.ref('prosecuted_person', { required: true }), stage: f.text({ required: true, values: Stage }), on_date: f.date({ required: true }) },
  },
  {
    type: 'sentence',
    table: 'sentences',
    description: 'The sentence of a person convicted; one per person.',
    fields: {
      prosecuted_person: f.ref('prosecuted_person', { required: true }),
      court_agency: f.agency(),
      court: f.text(),
      sentenced_on: f.date({ required: true }),
      punishment: f.text({ required: true, values: Punishment }),
      imprisonment_months: f.int({ max: 1200 }),
      fine_amount: f.numeric(),
      confiscation: f.bool({ required: true }),
    },
  },
  {
    type: 'wanted_person',
    table: 'wanted_persons',
    description: 'A local or Interpol search for a person prosecuted.',
    fields: {
      prosecuted_person: f.ref('prosecuted_person', { required: true }),
      search: f.text({ required: true, values: SearchKind }),
      article: f.text({ required: true }),
      since: f.date({ required: true }),
      hiding_country: f.text(),
      status: f.text({ required: true, values: WantedStatus }),
      status_on: f.date({ required: true }),
    },
    derive: (r, { profile }) => {
      const a = inFileTerms(() => assertArticle(profile, String(r.article), 'article')).article;
      return { article_code: a.code, article_group: a.group, report_key: a.reportKey ?? null };
    },
  },
  {
    type: 'submission',
    table: 'submissions',
    description: "An agency's figures for a period (a year or a quarter) and where they stand in review.",
    fields: {
      agency: f.agency({ required: true }),
      period: f.text({ required: true, schema: Period }),
      status: f.text({ required: true, values: SubmissionStatus }),
      first_submitted_at: f.timestamp(),
      submitted_at: f.timestamp(),
      approved_at: f.timestamp(),
    },
  },
  {
    type: 'submission_value',
    table: 'submission_values',
    description: "One figure of a submission, by the catalogue's indicator id.",
    fields: {
      submission: f.ref('submission', { required: true }),
      indicator: f.text({ required: true, column: 'indicator_id' }),
      /** Absent or "" for the count; an attribute id of the indicator (`azn`) for a value beside it. */
      attribute: f.text({ schema: z.string().regex(/^([a-z][a-z0-9_]*)?$/, 'an attribute id such as "azn", or empty for the count') }),
      state: f.text({ required: true, values: ValueState }),
      value: f.numeric(),
      qualifier: f.text({ values: Qualifier }),
      note: f.text(),
    },
    // Indicators are checked for their form only: the catalogue is per year and may name ones the profile does not.
    derive: (r) => {
      if (!IndicatorId.safeParse(r.indicator).success) throw new FieldProblem('indicator', `"${String(r.indicator)}" is not an indicator id`);
      return { attribute: typeof r.attribute === 'string' ? r.attribute : '' };
    },
  },
  {
    type: 'activity',
    table: 'activities',
    description: 'A prevention activity: an event, training, publication or media appearance.',
    fields: {
      agency: f.agency({ required: true }),
      kind: f.text({ required: true, values: ActivityKind }),
      title: f.text({ required: true }),
      date: f.date({ required: true }),
      place: f.text(),
      online: f.bool(),
      abroad: f.bool(),
      audience: f.text({ values: Audience }),
      participants: f.int(),
      trainers: f.int(),
      copies: f.int(),
      languages: f.json(z.array(z.string().min(2).max(3)).max(10)),
      partner: f.text(),
      outlet: f.text(),
    },
  },
  {
    type: 'historical_aggregate',
    table: 'historical_aggregates',
    description: 'A published figure of a year before Azad, with its breakdown.',
    fields: {
      figure: f.text({ required: true, column: 'figure_id' }),
      year: f.int({ required: true, min: 1990, max: 2100 }),
      value: f.numeric({ required: true }),
      // The same rule as the report's history API: parts named, whole and not negative, adding up to the value.
      breakdown: f.json(z.record(z.string().min(1).max(60), z.number().int().min(0))),
      source: f.text({ required: true }),
    },
    derive: (r) => {
      if (r.breakdown != null) {
        const sum = Object.values(r.breakdown as Record<string, number>).reduce((a, b) => a + b, 0);
        if (sum !== Number(r.value)) throw new FieldProblem('breakdown', `the parts sum to ${sum}, not ${String(r.value)}`);
      }
      return {};
    },
  },
];

export const TYPE_ORDER = new Map(RECORD_TYPES.map((t, i) => [t.type, i]));
export const recordType = (type: string) => RECORD_TYPES.find((t) => t.type === type);
