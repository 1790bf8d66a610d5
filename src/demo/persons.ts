// The synthetic victims of the demo set: seeded, shaped like the published annual reports
// (mostly women aged 25–35, exploited mainly in Türkiye, Russia and the UAE), and never real.
import type { z } from 'zod';
import type { Profile } from '../profile/schema.ts';
import type { ClosureReason, ConsentPurpose, CreatePersonInput, EventInput, Gender, IdentificationChannel, ReflectionOutcome } from '../victims/schema.ts';
import { createRng, type Rng } from './rng.ts';
import * as v from './vocabulary.ts';

type Role = 'police_investigator' | 'hotline_operator';

export interface SyntheticPerson {
  /** Stable within one seed: the year and the position in that year's intake order. */
  key: string;
  year: number;
  kind: 'identified' | 'potential';
  /** Who records the intake; the owner agency is theirs. */
  intake: { role: Role; agency: string };
  input: CreatePersonInput;
  /** Decisions after the automatic 'potential' one at contact, in date order; agencies are profile codes. */
  decisions: { status: 'identified' | 'not_confirmed'; decidedOn: string; agency: string }[];
  events: z.infer<typeof EventInput>[];
  reflection: { startDate: string; extensionDays: number; outcome: z.infer<typeof ReflectionOutcome> | null; outcomeDate: string | null } | null;
  consents: { purpose: z.infer<typeof ConsentPurpose>; agency: string | null; given: boolean; recordedOn: string }[];
  referrals: { to: string; sentOn: string; respondedOn: string; status: 'accepted' | 'completed'; completedOn: string | null }[];
  children: { label: string; birthYear: number; gender: z.infer<typeof Gender> }[];
  /** `child` is an index into `children`. */
  assistance: { kind: string; provider: string; date: string; endDate: string | null; legalStage: 'investigation' | 'court' | null; child: number | null }[];
  payments: { kind: string; amount: number; paidOn: string; payer: string }[];
  closure: { reason: z.infer<typeof ClosureReason>; closedOn: string } | null;
}

export interface GenerateOptions {
  seed: number;
  fromYear: number;
  toYear: number;
  /** Multiplies the yearly counts (1 = the published shape, about 120 persons a year). */
  scale?: number;
  /** Exactly this many persons in all, spread over the years in the same proportions (overrides scale). */
  total?: number;
  /** Nothing is dated after this day ('YYYY-MM-DD'); defaults to today. */
  asOf?: string;
}

const DAY = 86_400_000;
const toDay = (date: string) => Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY);
const toDate = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

/**
 * A start of exploitation as victims often tell it: about one in seven only by month and one in
 * ten only by year. Drawn from its own seed (the days), not the generator's stream, so adding it
 * moved no other synthetic value.
 */
function toldAs(date: string, seed: number): string {
  const x = createRng(seed >>> 0).next();
  return x < 0.1 ? date.slice(0, 4) : x < 0.24 ? date.slice(0, 7) : date;
}

/** How many identified and potential victims each year gets. */
export function yearPlan(opts: GenerateOptions): { year: number; identified: number; potential: number }[] {
  const rng = createRng(opts.seed ^ 0x5eed);
  const raw: { year: number; identified: number; potential: number }[] = [];
  for (let y = opts.fromYear; y <= opts.toYear; y++) {
    raw.push({ year: y, identified: v.IDENTIFIED_PER_YEAR[y] ?? v.FALLBACK_IDENTIFIED_PER_YEAR, potential: v.POTENTIAL_PER_YEAR + rng.int(-6, 6) });
  }
  const base = raw.reduce((s, r) => s + r.identified + r.potential, 0);
  const scale = opts.total !== undefined ? opts.total / base : (opts.scale ?? 1);
  if (scale === 1) return raw;
  // Largest remainder, so the parts add up to the total exactly.
  const cells = raw.flatMap((r, i) => [{ i, f: 'identified' as const, x: r.identified * scale }, { i, f: 'potential' as const, x: r.potential * scale }]);
  const out = raw.map((r) => ({ year: r.year, identified: 0, potential: 0 }));
  const target = opts.total ?? Math.round(base * scale);
  let assigned = 0;
  for (const c of cells) {
    (out[c.i] as (typeof out)[number])[c.f] = Math.floor(c.x);
    assigned += Math.floor(c.x);
  }
  const order = cells.map((c, k) => ({ k, rem: c.x - Math.floor(c.x) })).sort((a, b) => b.rem - a.rem || a.k - b.k);
  for (let j = 0; assigned < target && j < order.length; j++, assigned++) {
    const c = cells[(order[j] as { k: number }).k] as (typeof cells)[number];
    (out[c.i] as (typeof out)[number])[c.f] += 1;
  }
  return out;
}

/** The persons of the options' years, one year at a time, each year in order of first contact. */
export function* syntheticPersons(profile: Profile, opts: GenerateOptions): Generator<SyntheticPerson> {
  const asOf = toDay(opts.asOf ?? new Date().toISOString().slice(0, 10));
  const ctx = new PersonFactory(profile, createRng(opts.seed), asOf, opts.toYear);
  for (const plan of yearPlan(opts)) {
    const batch: SyntheticPerson[] = [];
    for (let i = 0; i < plan.identified; i++) batch.push(ctx.identified(plan.year));
    for (let i = 0; i < plan.potential; i++) batch.push(ctx.potential(plan.year));
    batch.sort((a, b) => (a.input.contactDate < b.input.contactDate ? -1 : a.input.contactDate > b.input.contactDate ? 1 : 0));
    for (const [i, p] of batch.entries()) yield { ...p, key: `${plan.year}-${String(i + 1).padStart(5, '0')}` };
  }
}

export const generatePersons = (profile: Profile, opts: GenerateOptions) => [...syntheticPersons(profile, opts)];

class PersonFactory {
  private readonly agencies: v.AgencyPlan;
  private readonly assistanceKinds: Set<string>;
  private readonly forms: Map<string, Set<string>>;
  private readonly allowance: { code: string; amount: number } | null;
  private readonly home: string;

  constructor(
    private readonly profile: Profile,
    private readonly rng: Rng,
    private readonly asOf: number,
    private readonly lastYear: number,
  ) {
    this.agencies = v.agencyPlan(profile);
    this.assistanceKinds = new Set(profile.assistanceKinds.filter((k) => !k.monetary).map((k) => k.code));
    this.forms = new Map(profile.exploitationForms.map((f) => [f.code, new Set(f.subtypes.map((s) => s.code))]));
    const ota = profile.paymentKinds.find((k) => k.code === 'one_time_allowance' && k.defaultAmount);
    this.allowance = ota?.defaultAmount ? { code: ota.code, amount: ota.defaultAmount } : null;
    this.home = profile.settings.code;
  }

  /** A day within the year, never after asOf. */
  private dayIn(year: number): number {
    const first = toDay(`${year}-01-01`);
    const last = Math.min(toDay(`${year}-12-31`), this.asOf - 1);
    return first + Math.floor(this.rng.next() * Math.max(1, last - first + 1));
  }

  private clamp = (day: number) => Math.min(day, this.asOf);

  private base(year: number, kind: SyntheticPerson['kind'], form: string, contact: number, channel: z.infer<typeof IdentificationChannel>): SyntheticPerson {
    const r = this.rng;
    const female = form === 'sexual' || form === 'forced_marriage' ? r.chance(kind === 'identified' ? 0.985 : 0.9) : r.chance(0.4);
    // Age at identification (2023: 18–25: 6, 25–35: 50, 35+: 35 of 91), with a few minors.
    const band = r.weighted([['minor', 2], ['young', 13], ['prime', 50], ['older', 35]] as const);
    const age = band === 'minor' ? r.int(14, 17) : band === 'young' ? r.int(18, 24) : band === 'prime' ? r.int(25, 34) : 35 + Math.floor(r.next() ** 1.6 * 24);
    const birthYear = year - age;
    const birthDate = r.chance(0.9) ? `${birthYear}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}` : null;
    const foreign = r.chance(0.03) ? r.weighted(v.FOREIGN_CITIZENSHIP) : null;
    const given = female ? r.pick(v.FEMALE_GIVEN) : r.pick(v.MALE_GIVEN);
    const identity = {
      givenName: given,
      familyName: v.familyName(r.pick(v.FAMILY_ROOTS), female),
      patronymic: r.chance(0.8) ? `${r.pick(v.MALE_GIVEN)} ${female ? 'qızı' : 'oğlu'}` : null,
      birthDate,
      documentNumbers: r.chance(0.7) ? [`SYN${String(r.int(0, 9_999_999)).padStart(7, '0')}`] : [],
      phones: r.chance(0.6) ? [`+994 00 ${r.int(100, 999)} ${r.int(10, 99)} ${r.int(10, 99)}`] : [],
      address: r.chance(0.5) ? `${r.pick(v.FAMILY_ROOTS)} küçəsi ${r.int(1, 99)}` : null,
    };
    const role: Role = channel === 'hotline' && this.agencies.hotline ? 'hotline_operator' : 'police_investigator';
    return {
      key: '',
      year,
      kind,
      intake: { role, agency: role === 'hotline_operator' ? (this.agencies.hotline as string) : this.agencies.police },
      input: {
        identity,
        gender: female ? 'female' : 'male',
        birthYear,
        isMinor: age < 18,
        citizenship: foreign ? foreign[0] : this.home,
        residenceRegion: foreign && r.chance(0.7) ? null : v.pickRegion(this.profile, r),
        languages: foreign ? [foreign[1], 'ru'] : r.chance(0.3) ? ['az', 'ru'] : ['az'],
        vulnerabilities: r.some(v.VULNERABILITIES, r.weighted([[0, 5], [1, 4], [2, 1]] as const)),
        channel,
        contactDate: toDate(contact),
      },
      decisions: [],
      events: [],
      reflection: null,
      consents: [{ purpose: 'data_processing', agency: null, given: true, recordedOn: toDate(contact) }],
      referrals: [],
      children: [],
      assistance: [],
      payments: [],
      closure: null,
    };
  }

  private form(): string {
    const f = this.rng.weighted([['sexual', 92], ['forced_labour', 7], ['forced_marriage', 1]] as const);
    return this.forms.has(f) ? f : 'sexual';
  }

  /** Recruitment (sometimes) and exploitation, ending before the first contact. */
  private events(p: SyntheticPerson, form: string, contact: number, dated: boolean) {
    const r = this.rng;
    const country = v.homeOr(r.weighted(form === 'sexual' ? v.SEXUAL_COUNTRIES : form === 'forced_labour' ? v.LABOUR_COUNTRIES : v.MARRIAGE_COUNTRIES), this.home);
    // Most victims were exploited years before they are identified (2023: 74 of 91 during 2016–2022).
    const recent = r.chance(0.2);
    const end = recent ? contact - r.int(0, 15) : contact - r.int(180, 2200);
    const start = recent ? Math.min(end, contact - r.int(20, 200)) : end - r.int(30, 700);
    let subtypes: string[] = [];
    let isic: string | null = null;
    const allowed = this.forms.get(form) ?? new Set<string>();
    if (form === 'sexual') subtypes = [r.weighted(v.SEXUAL_SUBTYPES)];
    if (form === 'forced_labour') {
      const [sector, section] = r.weighted(v.LABOUR_SUBTYPES);
      subtypes = [sector];
      isic = section;
    }
    subtypes = subtypes.filter((s) => allowed.has(s));
    if (dated && r.chance(0.6)) {
      const online = r.chance(v.onlineShare(p.year));
      p.events.push({
        kind: 'recruitment',
        country: r.chance(0.85) ? this.home : country,
        startDate: toDate(start - r.int(5, 90)),
        recruitmentMethod: online ? 'online_platform' : r.weighted([['job_offer', 55], ['acquaintance', 15], ['marriage_proposal', form === 'forced_marriage' ? 60 : 8], ['other', 2]] as const),
        onlinePlatform: online ? r.pick(v.platformsFor(p.year)) : null,
        recruiterRelation: r.weighted([['friend', 30], ['other', 25], ['unknown', 20], ['intimate_partner', 15], ['family', 10]] as const),
      });
    }
    p.events.push({
      kind: 'exploitation',
      country,
      startDate: dated ? toldAs(toDate(start), start * 31 + contact) : null,
      endDate: dated ? toDate(end) : null,
      forms: [form],
      subtypes,
      isicSection: isic,
      meansOfControl: r.some(v.CONTROL_MEANS, r.int(1, 4)),
    });
  }

  private refer(p: SyntheticPerson, to: string | null, sent: number, completed: boolean) {
    if (!to || to === p.intake.agency || p.referrals.some((x) => x.to === to)) return;
    const day = this.clamp(sent);
    const responded = this.clamp(day + this.rng.int(0, 3));
    p.consents.push({ purpose: 'referral', agency: to, given: true, recordedOn: toDate(day) });
    p.referrals.push({ to, sentOn: toDate(day), respondedOn: toDate(responded), status: completed ? 'completed' : 'accepted', completedOn: completed ? toDate(this.clamp(responded + this.rng.int(20, 120))) : null });
  }

  private help(p: SyntheticPerson, kind: string, provider: string | null, day: number, extra: Partial<SyntheticPerson['assistance'][number]> = {}) {
    if (!provider || !this.assistanceKinds.has(kind)) return;
    p.assistance.push({ kind, provider, date: toDate(this.clamp(day)), endDate: null, legalStage: null, child: null, ...extra });
  }

  identified(year: number): SyntheticPerson {
    const r = this.rng;
    const a = this.agencies;
    const form = this.form();
    const decided = this.dayIn(year);
    const contact = decided - r.int(2, 30);
    const channel = r.weighted<z.infer<typeof IdentificationChannel>>([
      ['police', 40], ['consulate_readmission', 18], ['border', 8], ['hotline', 10], ['ngo', 10], ['self_referral', 9], ['foreign_authority', 4], ['labour_inspection', form === 'forced_labour' ? 30 : 0],
    ]);
    const p = this.base(year, 'identified', form, contact, channel);
    this.events(p, form, contact, true);
    if (r.chance(0.04) && decided - contact >= 2) p.decisions.push({ status: 'not_confirmed', decidedOn: toDate(contact + 1), agency: a.decider });
    p.decisions.push({ status: 'identified', decidedOn: toDate(decided), agency: a.decider });

    // A few of the newest cases still wait for everything after the reflection period opened.
    const reflectionStart = Math.min(contact + r.int(0, 3), decided);
    const pending = year === this.lastYear && r.chance(0.04);
    const extension = r.chance(0.08) ? r.int(15, 30) : 0;
    const outcome = pending ? null : r.weighted([['cooperate', 85], ['not_cooperate', 8], ['undecided', 7]] as const);
    const outcomeDay = this.clamp(reflectionStart + r.int(10, 30 + extension));
    // 2023 report: "10 (+2) victims were given 30 days in which to recover" of 91 identified.
    if (pending || r.chance(0.12)) p.reflection = { startDate: toDate(reflectionStart), extensionDays: extension, outcome, outcomeDate: outcome ? toDate(outcomeDay) : null };
    if (pending) return p;
    if (outcome === 'cooperate') p.consents.push({ purpose: 'law_enforcement_sharing', agency: null, given: true, recordedOn: toDate(outcomeDay) });

    const closeFrom = decided + r.int(120, 420);
    const closing = closeFrom < this.asOf - 30;
    const foreign = p.input.citizenship !== this.home;
    // 2023: 67 of 91 referred to NGOs, 67 to the Social Services Agency, 68 in the MIA shelter.
    const ngo = a.ngos.length ? r.weighted(a.ngos) : null;
    let toNgo = r.chance(0.74);
    const toSsa = r.chance(0.74) && a.ssa !== null;
    if (!toNgo && !toSsa) toNgo = true;
    const sheltered = r.chance(0.75) && a.shelter !== null;
    const after = () => decided + r.int(0, 120);
    if (sheltered) {
      const start = reflectionStart + r.int(0, 3);
      this.refer(p, a.shelter, start, closing);
      this.help(p, 'shelter', a.shelter, start, { endDate: toDate(this.clamp(start + r.int(10, 75))) });
      if (r.chance(0.7)) this.help(p, 'medical_hiv_test', a.shelter, start + r.int(1, 10));
      if (r.chance(0.45)) this.help(p, 'medical_gynaecological', a.shelter, start + r.int(1, 20));
    }
    if (toNgo) this.refer(p, ngo, decided + r.int(0, 20), closing);
    if (toSsa) this.refer(p, a.ssa, decided + r.int(0, 20), closing);
    const carer = toSsa ? a.ssa : ngo;
    if (r.chance(0.7)) this.help(p, 'psychological', carer, after());
    if (r.chance(0.55)) {
      const byBar = a.bar !== null && r.chance(0.5);
      if (byBar) this.refer(p, a.bar, decided + r.int(0, 30), closing);
      this.help(p, 'legal', byBar ? a.bar : (ngo ?? carer), after(), { legalStage: r.chance(0.6) ? 'investigation' : 'court' });
    }
    if (r.chance(0.05)) this.help(p, 'medical_therapeutic', a.shelter ?? carer, after());
    if (r.chance(0.012)) this.help(p, 'medical_surgery', a.shelter ?? carer, after());
    if (r.chance(0.15)) this.help(p, 'vocational_training', a.ssa ?? ngo, after());
    if (r.chance(0.11) && a.employment) {
      this.refer(p, a.employment, decided + r.int(20, 90), closing);
      this.help(p, 'employment', a.employment, decided + r.int(60, 200));
    }
    if (r.chance(0.09)) this.help(p, 'identity_documents', a.police, after());
    if (r.chance(0.12)) this.help(p, 'social_aid', a.socialAid, after());
    const reintegrated = r.chance(foreign ? 0.1 : 0.4);
    if (reintegrated) this.help(p, 'family_reintegration', ngo ?? carer, decided + r.int(30, 200));
    if (foreign && r.chance(0.7)) this.help(p, 'residence_permit', a.migration, after());
    if (foreign && r.chance(0.3)) this.help(p, 'repatriation', a.repatriation, after());
    // 2023: 90 of 91 victims received the one-time allowance.
    if (this.allowance && r.chance(0.99)) p.payments.push({ kind: this.allowance.code, amount: this.allowance.amount, paidOn: toDate(this.clamp(decided + r.int(3, 45))), payer: a.police });

    if (p.input.gender === 'female' && year - (p.input.birthYear ?? year) >= 20 && r.chance(0.25)) {
      const n = r.chance(0.3) ? 2 : 1;
      for (let i = 0; i < n; i++) {
        const age = r.int(0, Math.min(16, year - (p.input.birthYear ?? year) - 18, year - 1990));
        p.children.push({ label: `Uşaq ${i + 1}`, birthYear: year - age, gender: r.chance(0.5) ? 'female' : 'male' });
        const childCarer = a.ssa ?? ngo;
        if (r.chance(0.55)) this.help(p, 'child_birth_certificate', childCarer, after(), { child: i });
        if (age >= 6 && r.chance(0.8)) this.help(p, 'child_school_supplies', childCarer, after(), { child: i });
        if (age >= 6 && r.chance(0.8)) this.help(p, 'child_schooling', childCarer, after(), { child: i });
        if (age >= 3 && age < 6 && r.chance(0.5)) this.help(p, 'child_preschool', childCarer, after(), { child: i });
      }
    }

    if (closing) {
      const last = Math.max(closeFrom, ...p.assistance.map((x) => toDay(x.endDate ?? x.date)), ...p.referrals.map((x) => toDay(x.completedOn ?? x.respondedOn)));
      const closedOn = this.clamp(last + r.int(1, 30));
      const reason: z.infer<typeof ClosureReason> = foreign && r.chance(0.7) ? 'returned' : reintegrated || r.chance(0.75) ? 'reintegrated' : r.weighted([['lost_contact', 60], ['closed', 40]] as const);
      p.closure = { reason, closedOn: toDate(closedOn) };
    }
    return p;
  }

  potential(year: number): SyntheticPerson {
    const r = this.rng;
    const a = this.agencies;
    const contact = this.dayIn(year);
    const channel = r.weighted<z.infer<typeof IdentificationChannel>>([['ngo', 35], ['hotline', 30], ['self_referral', 15], ['police', 15], ['labour_inspection', 5]]);
    const form = this.form();
    const p = this.base(year, 'potential', form, contact, channel);
    if (r.chance(0.5)) this.events(p, form, contact, r.chance(0.5));
    const settled = contact + 60 < this.asOf;
    const rejected = settled && r.chance(0.75);
    const decided = this.clamp(contact + r.int(10, 60));
    if (rejected) p.decisions.push({ status: 'not_confirmed', decidedOn: toDate(decided), agency: a.decider });
    // Within a year nearly every unconfirmed intake is closed; a few linger open (stale records).
    const closing = settled && contact + 365 < this.asOf && r.chance(rejected ? 0.97 : 0.9);
    // 2023: of 37 potential victims, 16 got legal, 7 psychological and 1 medical help; 15 went to the Employment Agency.
    const ngo = a.ngos.length ? r.weighted(a.ngos) : null;
    if (r.chance(0.6)) {
      this.refer(p, ngo, contact + r.int(0, 10), closing);
      if (r.chance(0.45)) this.help(p, 'legal', ngo, contact + r.int(1, 40));
      if (r.chance(0.2)) this.help(p, 'psychological', ngo, contact + r.int(1, 40));
      if (r.chance(0.03)) this.help(p, 'medical_therapeutic', ngo, contact + r.int(1, 40));
    }
    if (r.chance(0.4)) this.refer(p, a.employment, contact + r.int(0, 20), closing);
    if (closing) {
      const last = Math.max(decided, ...p.assistance.map((x) => toDay(x.date)), ...p.referrals.map((x) => toDay(x.completedOn ?? x.respondedOn)));
      p.closure = { reason: rejected ? 'closed' : 'lost_contact', closedOn: toDate(this.clamp(last + r.int(1, 60))) };
    }
    return p;
  }
}
