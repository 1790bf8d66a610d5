// Country profile: the data that makes Azad one country's system rather than
// another's. Shared with the browser, so this file imports only zod.
import { z } from 'zod';

/** UI languages a label can carry. */
export const Language = z.enum(['az', 'en', 'ru']);
export type Language = z.infer<typeof Language>;

export const Label = z.strictObject({
  az: z.string().min(1),
  en: z.string().min(1),
  ru: z.string().min(1).optional(),
});
export type Label = z.infer<typeof Label>;

/** Lowercase ASCII slug: codes end up in URLs, database keys and exports. */
export const Code = z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be a lowercase slug (a-z, 0-9, _)');

const TimeZone = z.string().refine(isTimeZone, 'must be an IANA time zone, e.g. "Asia/Baku"');

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const Years = z.number().int().min(1).max(100);
/**
 * How long identifying data is kept, in whole years, per kind of record (docs/retention.md gives the
 * legal reasoning). Past it, `azad retention run` anonymises the record; the statistics stay.
 */
export const Retention = z.strictObject({
  /** Identified victim, case closed: years after closure. */
  victimCaseClosedYears: Years.default(10),
  /** Child victim, case closed: years after the later of closure and the 18th birthday. */
  childCaseClosedYears: Years.default(10),
  /** Person linked to criminal proceedings, case closed: years after closure. */
  proceedingsCaseClosedYears: Years.default(20),
  /** Potential or not-confirmed victim, case closed: years after closure. */
  notConfirmedCaseClosedYears: Years.default(5),
  /** Hotline contact linked to no person: years after the contact. */
  hotlineContactYears: Years.default(3),
});
export type Retention = z.infer<typeof Retention>;

/** Settings of the international returns (src/returns, docs/returns/). */
export const ReturnsSettings = z.strictObject({
  /**
   * k of the CTDC public file's k-anonymity: every combination of quasi-identifiers occurs at
   * least k times. CTDC publishes with k = 11, so that no query returns fewer than 10 records.
   */
  ctdcK: z.number().int().min(2).max(1000).default(11),
});
export type ReturnsSettings = z.infer<typeof ReturnsSettings>;

export const ProfileSettings = z.strictObject({
  code: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code'),
  name: Label,
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code'),
  languages: z.array(Language).min(1),
  defaultLanguage: Language,
  timezone: TimeZone,
  // A legal clock, not a preference: for AZ, 30 days under art. 14-1.1 of the
  // Law on Combating Trafficking in Persons (No. 958-IIQ, 2005).
  reflectionPeriodDays: z.number().int().positive(),
  caseCodePrefix: z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/, 'must be 2-10 uppercase letters or digits'),
  retention: Retention.prefault({}),
  returns: ReturnsSettings.prefault({}),
});
export type ProfileSettings = z.infer<typeof ProfileSettings>;

export const EconomicRegion = z.strictObject({ code: Code, label: Label });
export type EconomicRegion = z.infer<typeof EconomicRegion>;

export const RegionKind = z.enum(['capital', 'city', 'district']);
export type RegionKind = z.infer<typeof RegionKind>;

export const Region = z.strictObject({
  code: Code,
  label: Label,
  economicRegion: Code,
  kind: RegionKind,
});
export type Region = z.infer<typeof Region>;

export const Regions = z.strictObject({
  economicRegions: z.array(EconomicRegion).min(1),
  regions: z.array(Region).min(1),
});
export type Regions = z.infer<typeof Regions>;

export const AgencyKind = z.enum([
  'coordinator', 'police', 'shelter', 'hotline', 'social_services', 'ngo',
  'central_authority', 'local_authority', 'bar', 'prosecutor', 'court',
  'labour_inspectorate', 'migration', 'border', 'ombudsman', 'other',
]);
export type AgencyKind = z.infer<typeof AgencyKind>;

export const AgencyLevel = z.enum(['central', 'local', 'ngo', 'international']);
export type AgencyLevel = z.infer<typeof AgencyLevel>;

export const Agency = z.strictObject({
  code: Code,
  label: Label,
  kind: AgencyKind,
  level: AgencyLevel,
  region: Code.optional(),
});
export type Agency = z.infer<typeof Agency>;

export const Agencies = z.array(Agency).min(1);
export type Agencies = z.infer<typeof Agencies>;

export const ArticleGroup = z.enum([
  'trafficking', 'forced_labour', 'documents', 'public_morality', 'minors', 'extortion', 'other',
]);
export type ArticleGroup = z.infer<typeof ArticleGroup>;

export const CriminalArticle = z.strictObject({
  // Article numbers as the country's code writes them ("144-1", "243.1").
  code: z.string().regex(/^[0-9]+([-.][0-9]+)*$/, 'must be an article number like "144-1"'),
  label: Label,
  group: ArticleGroup,
  /** Parts of the article a record may name ("1" for "243.1"); a record names the article alone or one of these. */
  parts: z.array(z.string().regex(/^[0-9]+$/, 'must be a part number like "1"')).optional(),
  /** The key the annual report uses for this article in its breakdowns (e.g. wanted persons: "brothel"). */
  reportKey: Code.optional(),
});
export type CriminalArticle = z.infer<typeof CriminalArticle>;

export const CriminalArticles = z.array(CriminalArticle).min(1);
export type CriminalArticles = z.infer<typeof CriminalArticles>;

export const ExploitationSubtype = z.strictObject({
  code: Code,
  label: Label,
  /** CTDC variable for this subtype, where CTDC has one (e.g. "typeOfSexProstitution"). */
  htcds: z.string().min(1).optional(),
});
export type ExploitationSubtype = z.infer<typeof ExploitationSubtype>;

export const ExploitationForm = z.strictObject({
  code: Code,
  label: Label,
  /** HTCDS/CTDC category variable (e.g. "isSexualExploit"), so exports need no mapping table. */
  htcds: z.string().min(1),
  subtypes: z.array(ExploitationSubtype),
});
export type ExploitationForm = z.infer<typeof ExploitationForm>;

export const ExploitationForms = z.array(ExploitationForm).min(1);
export type ExploitationForms = z.infer<typeof ExploitationForms>;

export const AssistanceKind = z.strictObject({
  code: Code,
  label: Label,
  forChildren: z.boolean(),
  monetary: z.boolean(),
});
export type AssistanceKind = z.infer<typeof AssistanceKind>;

export const AssistanceKinds = z.array(AssistanceKind).min(1);
export type AssistanceKinds = z.infer<typeof AssistanceKinds>;

export const PaymentKind = z.strictObject({
  code: Code,
  label: Label,
  /** In settings.currency; null where the amount is decided case by case. */
  defaultAmount: z.number().nonnegative().nullable(),
  recurring: z.boolean(),
  /** Paid at most once per person unless overridden with a reason (AZ: the one-time allowance). */
  oncePerPerson: z.boolean(),
});
export type PaymentKind = z.infer<typeof PaymentKind>;

export const PaymentKinds = z.array(PaymentKind).min(1);
export type PaymentKinds = z.infer<typeof PaymentKinds>;

export const HotlineOutcome = z.enum(['information_given', 'referred', 'tip_forwarded', 'linked_to_person', 'follow_up']);
export type HotlineOutcome = z.infer<typeof HotlineOutcome>;

/** What callers ring the hotline about; a topic may carry a template the operator starts from. */
export const HotlineTopic = z.strictObject({
  code: Code,
  label: Label,
  defaultOutcome: HotlineOutcome.optional(),
  noteTemplate: Label.optional(),
});
export type HotlineTopic = z.infer<typeof HotlineTopic>;
export const HotlineTopics = z.array(HotlineTopic).min(1);

/** Aggregate indicators agencies report (not counted from records): units, periods, who reports, rules. */
export const IndicatorUnit = z.enum(['count', 'people', 'azn']);
export type IndicatorUnit = z.infer<typeof IndicatorUnit>;
export const PeriodType = z.enum(['year', 'quarter']);
export type PeriodType = z.infer<typeof PeriodType>;
/** Dotted slug, as the published-figures file spells its ids ("labour.inspectorate.fines_azn"). */
export const IndicatorId = z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/, 'must be a dotted lowercase id like "training.judges"');
/** An agency code, "level:<level>" for every agency of that level (e.g. all local authorities), or "kind:<kind>" for every agency of that kind. */
export const ReporterRef = z.union([
  Code,
  z.string().regex(/^level:(central|local|ngo|international)$/, 'must be an agency code, level:<level> or kind:<kind>'),
  z.string().refine((s) => s.startsWith('kind:') && AgencyKind.safeParse(s.slice(5)).success, 'must be an agency code, level:<level> or kind:<kind>'),
]);

/** How exactly a figure is known; the report prints it ("more than 50", "50-dən çox"). */
export const Qualifier = z.enum(['more_than', 'at_least', 'nearly', 'about', 'less_than']);
export type Qualifier = z.infer<typeof Qualifier>;

/** A value an indicator carries beside its count: an amount in AZN, a number of organisations or of brochures. */
export const IndicatorAttribute = z.strictObject({
  id: Code,
  label: Label,
  unit: IndicatorUnit,
});
export type IndicatorAttribute = z.infer<typeof IndicatorAttribute>;

export const Indicator = z.strictObject({
  id: IndicatorId,
  label: Label,
  unit: IndicatorUnit,
  periodType: PeriodType,
  /** Who reports it on their form; for an activities-fed indicator, whose activities count. */
  agencies: z.array(ReporterRef),
  /** 'form': typed or imported by agencies; 'activities': counted from the activities register. */
  source: z.enum(['form', 'activities']).default('form'),
  /** The qualifier a new answer starts with on the form ("more than", for figures agencies count roughly); the reporter may change it. */
  qualifier: Qualifier.optional(),
  /** Values reported beside the count, each its own answer: `[{ "id": "azn", "unit": "azn", … }]`. */
  attributes: z.array(IndicatorAttribute).max(10).default([]),
  /** Ids this indicator had in earlier years: their values carry over as its year-before values. */
  renamedFrom: z.array(IndicatorId).max(10).default([]),
  /** No longer on any form from this catalogue's year on; kept so its label and history stay readable. */
  retired: z.boolean().default(false),
});
export type Indicator = z.infer<typeof Indicator>;

/**
 * part_of: left is a part of right, so never more than it; at_most: left ≤ right across indicators;
 * requires: left > 0 needs right > 0 (money for projects needs a number of projects).
 */
export const IndicatorRule = z.strictObject({
  id: Code,
  kind: z.enum(['part_of', 'at_most', 'requires']),
  left: IndicatorId,
  right: IndicatorId,
});
export type IndicatorRule = z.infer<typeof IndicatorRule>;

export const IndicatorCatalogue = z.strictObject({
  /** Days after a period ends by which its submission is due; later ones show as late. */
  deadlineDays: z.strictObject({ year: z.number().int().positive(), quarter: z.number().int().positive() }),
  indicators: z.array(Indicator).min(1),
  rules: z.array(IndicatorRule),
});
export type IndicatorCatalogue = z.infer<typeof IndicatorCatalogue>;

/** One schema per file of a profile directory. */
const parts = {
  settings: ProfileSettings,
  regions: Regions,
  agencies: Agencies,
  criminalArticles: CriminalArticles,
  exploitationForms: ExploitationForms,
  assistanceKinds: AssistanceKinds,
  paymentKinds: PaymentKinds,
  hotlineTopics: HotlineTopics,
  indicators: IndicatorCatalogue,
} as const;
type Parts = { [K in keyof typeof parts]: z.infer<(typeof parts)[K]> };

export type IssuePath = (string | number)[];
type Issue = { path: IssuePath; message: string };

/** Every label in a profile (or in those parts of it given) with its path. */
export function* profileLabels(p: Partial<Parts>): Generator<[IssuePath, Label]> {
  if (p.settings) yield [['settings', 'name'], p.settings.name];
  for (const [i, r] of (p.regions?.economicRegions ?? []).entries()) yield [['regions', 'economicRegions', i, 'label'], r.label];
  for (const [i, r] of (p.regions?.regions ?? []).entries()) yield [['regions', 'regions', i, 'label'], r.label];
  for (const [i, a] of (p.agencies ?? []).entries()) yield [['agencies', i, 'label'], a.label];
  for (const [i, a] of (p.criminalArticles ?? []).entries()) yield [['criminalArticles', i, 'label'], a.label];
  for (const [i, f] of (p.exploitationForms ?? []).entries()) {
    yield [['exploitationForms', i, 'label'], f.label];
    for (const [j, s] of f.subtypes.entries()) yield [['exploitationForms', i, 'subtypes', j, 'label'], s.label];
  }
  for (const [i, k] of (p.assistanceKinds ?? []).entries()) yield [['assistanceKinds', i, 'label'], k.label];
  for (const [i, k] of (p.paymentKinds ?? []).entries()) yield [['paymentKinds', i, 'label'], k.label];
  for (const [i, k] of (p.hotlineTopics ?? []).entries()) {
    yield [['hotlineTopics', i, 'label'], k.label];
    if (k.noteTemplate) yield [['hotlineTopics', i, 'noteTemplate'], k.noteTemplate];
  }
}

function duplicateCodes(items: readonly { code: string }[] | undefined, at: IssuePath): Issue[] {
  const first = new Map<string, number>();
  const issues: Issue[] = [];
  (items ?? []).forEach((item, i) => {
    const j = first.get(item.code);
    if (j === undefined) first.set(item.code, i);
    else issues.push({ path: [...at, i, 'code'], message: `duplicate code "${item.code}" (first at [${j}])` });
  });
  return issues;
}

/** Indicator ids unique, rules naming known indicators of the same period type, reporters that exist. */
function catalogueIssues(c: IndicatorCatalogue, agencies: Agencies | undefined): Issue[] {
  const issues: Issue[] = [];
  const byId = new Map<string, Indicator>();
  c.indicators.forEach((ind, i) => {
    if (byId.has(ind.id)) issues.push({ path: ['indicators', 'indicators', i, 'id'], message: `duplicate indicator "${ind.id}"` });
    byId.set(ind.id, ind);
    if (agencies) {
      const codes = new Set(agencies.map((a) => a.code));
      ind.agencies.forEach((ref, j) => {
        if (!ref.startsWith('level:') && !ref.startsWith('kind:') && !codes.has(ref)) issues.push({ path: ['indicators', 'indicators', i, 'agencies', j], message: `unknown agency "${ref}"` });
      });
    }
  });
  c.rules.forEach((r, i) => {
    for (const side of ['left', 'right'] as const) {
      if (!byId.has(r[side])) issues.push({ path: ['indicators', 'rules', i, side], message: `unknown indicator "${r[side]}"` });
    }
    const l = byId.get(r.left);
    const rt = byId.get(r.right);
    if (l && rt && l.periodType !== rt.periodType) issues.push({ path: ['indicators', 'rules', i], message: 'a rule compares indicators of one period type' });
  });
  return issues;
}

/** Rules that span items or files. Each rule runs when the parts it reads are valid. */
function crossFileIssues(p: Partial<Parts>): Issue[] {
  const issues: Issue[] = [
    ...duplicateCodes(p.regions?.economicRegions, ['regions', 'economicRegions']),
    ...duplicateCodes(p.regions?.regions, ['regions', 'regions']),
    ...duplicateCodes(p.agencies, ['agencies']),
    ...duplicateCodes(p.criminalArticles, ['criminalArticles']),
    ...duplicateCodes(p.exploitationForms, ['exploitationForms']),
    ...(p.exploitationForms ?? []).flatMap((f, i) => duplicateCodes(f.subtypes, ['exploitationForms', i, 'subtypes'])),
    ...duplicateCodes(p.assistanceKinds, ['assistanceKinds']),
    ...duplicateCodes(p.paymentKinds, ['paymentKinds']),
    ...duplicateCodes(p.hotlineTopics, ['hotlineTopics']),
  ];

  if (p.regions) {
    const economic = new Set(p.regions.economicRegions.map((e) => e.code));
    p.regions.regions.forEach((r, i) => {
      if (!economic.has(r.economicRegion)) {
        issues.push({ path: ['regions', 'regions', i, 'economicRegion'], message: `unknown economic region "${r.economicRegion}"` });
      }
    });
  }

  if (p.regions && p.agencies) {
    const regions = new Set(p.regions.regions.map((r) => r.code));
    p.agencies.forEach((a, i) => {
      if (a.region !== undefined && !regions.has(a.region)) {
        issues.push({ path: ['agencies', i, 'region'], message: `unknown region "${a.region}"` });
      }
    });
  }

  if (p.indicators) issues.push(...catalogueIssues(p.indicators, p.agencies));

  if (p.settings) {
    const { languages, defaultLanguage } = p.settings;
    if (new Set(languages).size !== languages.length) {
      issues.push({ path: ['settings', 'languages'], message: 'languages must not repeat' });
    }
    if (!languages.includes(defaultLanguage)) {
      issues.push({ path: ['settings', 'defaultLanguage'], message: `"${defaultLanguage}" is not in languages` });
    }
    for (const [path, label] of profileLabels(p)) {
      for (const lang of languages) {
        if (!label[lang]) issues.push({ path: [...path, lang], message: `missing "${lang}", a language of this profile` });
      }
    }
  }
  return issues;
}

export const Profile = z.strictObject(parts).superRefine(
  (value: unknown, ctx) => {
    if (typeof value !== 'object' || value === null) return;
    // Re-check each part on its own so that one malformed file does not hide
    // the cross-file problems of the others: a start reports everything at once.
    const valid: Partial<Record<keyof Parts, unknown>> = {};
    for (const key of Object.keys(parts) as (keyof Parts)[]) {
      const r = parts[key].safeParse((value as Record<string, unknown>)[key]);
      if (r.success) valid[key] = r.data;
    }
    for (const { path, message } of crossFileIssues(valid as Partial<Parts>)) {
      ctx.addIssue({ code: 'custom', path, message });
    }
  },
  { when: () => true },
);
export type Profile = z.infer<typeof Profile>;

/**
 * The label text for `lang` (a UI language or a BCP 47 tag such as "ru-RU"),
 * else for `fallback` (typically the profile's defaultLanguage), else en, else az.
 */
export function labelOf(label: Label, lang: string, fallback?: string): string {
  const pick = (l: string | undefined): string | undefined => {
    const key = l?.split('-')[0]?.toLowerCase();
    return key === 'az' || key === 'en' || key === 'ru' ? label[key] : undefined;
  };
  return pick(lang) ?? pick(fallback) ?? label.en ?? label.az;
}
