// CTDC: the Counter-Trafficking Data Collaborative's public victim file (codebook v6, dictionary
// 15082018, 2020 header), one row per victim identified in the period, k-anonymised (docs/returns/ctdc.md).
import type { Profile } from '../profile/schema.ts';
import { registeredOn, sharedVictimFigures } from './common.ts';
import { ageAt, childOrAdult, victimRecords, type VictimRecord } from './records.ts';
import { kAnonymise, smallestClass, type QuasiIdentifier, type Row, type Step } from './kanon.ts';
import type { Finding, Sheet } from './schema.ts';
import type { MakeContext, ReturnDefinition } from './types.ts';

/** CTDC's missing code in case-management data (IOM's rows): `-99`. */
export const MISSING = '-99';

/** Means of control: Azad's code → CTDC flag and its label in meansOfControlConcatenated (codebook 1.3). */
const MEANS: [string, string, string][] = [
  ['debt_bondage', 'meansOfControlDebtBondage', 'Debt bondage'],
  ['takes_earnings', 'meansOfControlTakesEarnings', 'Takes/Withholds Earnings'],
  ['restricts_financial_access', 'meansOfControlRestrictsFinancialAccess', 'Restricts access to finances'],
  ['threats', 'meansOfControlThreats', 'Threats to individual or others'],
  ['psychological_abuse', 'meansOfControlPsychologicalAbuse', 'Psychological abuse'],
  ['physical_abuse', 'meansOfControlPhysicalAbuse', 'Physical abuse'],
  ['sexual_abuse', 'meansOfControlSexualAbuse', 'Sexual abuse'],
  ['false_promises', 'meansOfControlFalsePromises', 'False promises/deception'],
  ['psychoactive_substances', 'meansOfControlPsychoactiveSubstances', 'Use of psychoactive substances'],
  ['restricts_movement', 'meansOfControlRestrictsMovement', 'Denied freedom of movement/kept in isolation'],
  ['restricts_medical_care', 'meansOfControlRestrictsMedicalCare', 'Limits/restricts medical services'],
  ['excessive_working_hours', 'meansOfControlExcessiveWorkingHours', 'Excessive working hours'],
  ['uses_children', 'meansOfControlUsesChildren', 'Restricts access to/manipulates children'],
  ['threat_of_law_enforcement', 'meansOfControlThreatOfLawEnforcement', 'Threat of action by law enforcement'],
  ['withholds_necessities', 'meansOfControlWithholdsNecessities', 'Withholds/denies basic necessities'],
  ['withholds_documents', 'meansOfControlWithholdsDocuments', 'Withholds/Destroys Important Documents'],
  ['other', 'meansOfControlOther', 'Other'],
];

/** Forced-labour sectors: CTDC flag → label in typeOfLabourConcatenated (codebook 1.4). */
const LABOUR: [string, string][] = [
  ['typeOfLabourAgriculture', 'Agriculture/Farms/Animal Husbandry'],
  ['typeOfLabourAquafarming', 'Aquafarming/Fishing'],
  ['typeOfLabourBegging', 'Begging'],
  ['typeOfLabourConstruction', 'Construction'],
  ['typeOfLabourDomesticWork', 'Domestic Work'],
  ['typeOfLabourHospitality', 'Hospitality/Restaurant/Food Service/Hotel'],
  ['typeOfLabourIllicitActivities', 'Illicit Activities'],
  ['typeOfLabourManufacturing', 'Manufacturing/Factory work'],
  ['typeOfLabourMiningOrDrilling', 'Mining, Quarrying, Oil/Gas Extraction'],
  ['typeOfLabourPeddling', 'Peddling/informal street commerce'],
  ['typeOfLabourTransportation', 'Transportation'],
  ['typeOfLabourOther', 'Other'],
];
const SEX: [string, string][] = [
  ['typeOfSexProstitution', 'Prostitution'],
  ['typeOfSexPornography', 'Pornography'],
  ['typeOfSexRemoteInteractiveServices', 'Remote interactive services'],
  ['typeOfSexPrivateSexualServices', 'Private sexual services'],
];
const PURPOSES = ['isForcedLabour', 'isSexualExploit', 'isOtherExploit', 'isSexAndLabour', 'isForcedMarriage', 'isForcedMilitary', 'isOrganRemoval', 'isSlaveryAndPractices'];
const RELATIONS: [string, string, string][] = [
  ['intimate_partner', 'recruiterRelationIntimatePartner', 'Intimate Partner'],
  ['friend', 'recruiterRelationFriend', 'Friend/Acquaintance'],
  ['family', 'recruiterRelationFamily', 'Family/Relative'],
  ['other', 'recruiterRelationOther', 'Other'],
  ['unknown', 'recruiterRelationUnknown', 'Not Specified'],
];

const AGE_BANDS: [number, number, string][] = [[0, 8, '0--8'], [9, 17, '9--17'], [18, 20, '18--20'], [21, 23, '21--23'], [24, 26, '24--26'], [27, 29, '27--29'], [30, 38, '30--38'], [39, 47, '39--47'], [48, 200, '48+']];
export const ageBroad = (age: number | null) => (age === null || age < 0 ? MISSING : (AGE_BANDS.find(([lo, hi]) => lo <= age && age <= hi)?.[2] ?? MISSING));
const majority = (g: 'child' | 'adult' | 'unknown') => (g === 'child' ? 'Minor' : g === 'adult' ? 'Adult' : MISSING);
const GENDER: Record<string, string> = { female: 'Female', male: 'Male', transgender_nonconforming: 'Transgender/NonConforming', unknown: 'Unknown' };

export const COLUMNS = [
  'yearOfRegistration', 'Datasource', 'gender', 'ageBroad', 'majorityStatus', 'majorityStatusAtExploit', 'majorityEntry', 'citizenship', 'CountryOfExploitation',
  ...MEANS.map((m) => m[1]), 'meansOfControlNotSpecified', 'meansOfControlConcatenated',
  ...PURPOSES, 'typeOfExploitConcatenated',
  ...LABOUR.map((l) => l[0]), 'typeOfLabourNotSpecified', 'typeOfLabourConcatenated',
  ...SEX.map((s) => s[0]), 'typeOfSexConcatenated',
  'isAbduction', 'RecruiterRelationship', ...RELATIONS.map((r) => r[1]),
];

const flag = (b: boolean) => (b ? 1 : 0);

/** One victim as CTDC's public row (before k-anonymity); identity never enters it. */
export function ctdcRow(profile: Profile, v: VictimRecord): Row {
  const formVar = new Map(profile.exploitationForms.map((f) => [f.code, f.htcds]));
  const subVar = new Map(profile.exploitationForms.flatMap((f) => f.subtypes.map((s) => [s.code, s.htcds ?? ''] as const)));
  const vars = new Set(v.forms.map((f) => formVar.get(f)).filter((x): x is string => !!x));
  const subs = new Set(v.subtypes.map((s) => subVar.get(s)).filter((x): x is string => !!x));
  const known = vars.size > 0;
  const r: Row = {};
  const reg = registeredOn(v);
  r.yearOfRegistration = Number(reg.slice(0, 4));
  r.Datasource = 'Case management';
  r.gender = GENDER[v.gender] ?? 'Unknown';
  r.ageBroad = ageBroad(ageAt(v, reg));
  r.majorityStatus = majority(childOrAdult(v, reg));
  r.majorityStatusAtExploit = v.exploitationStart === null || v.birthYear === null ? MISSING : majority(childOrAdult(v, v.exploitationStart));
  // The recruitment date is not recorded apart from the events' start: not derivable.
  r.majorityEntry = MISSING;
  r.citizenship = v.citizenship ?? MISSING;
  r.CountryOfExploitation = v.exploitationCountry ?? MISSING;

  const means = new Set(v.means);
  for (const [code, col] of MEANS) r[col] = means.size ? flag(means.has(code)) : MISSING;
  r.meansOfControlNotSpecified = flag(means.size === 0);
  r.meansOfControlConcatenated = MEANS.filter(([code]) => means.has(code)).map((m) => m[2]).sort().join(';') || MISSING;

  const other = ['isForcedMarriage', 'isForcedMilitary', 'isOrganRemoval', 'isSlaveryAndPractices', 'isOtherExploit'].some((x) => vars.has(x));
  const p: Record<string, boolean> = {
    isForcedLabour: vars.has('isForcedLabour'),
    isSexualExploit: vars.has('isSexualExploit'),
    isOtherExploit: other,
    isSexAndLabour: vars.has('isForcedLabour') && vars.has('isSexualExploit'),
    isForcedMarriage: vars.has('isForcedMarriage'),
    isForcedMilitary: vars.has('isForcedMilitary'),
    isOrganRemoval: vars.has('isOrganRemoval'),
    isSlaveryAndPractices: vars.has('isSlaveryAndPractices'),
  };
  for (const col of PURPOSES) r[col] = known ? flag(p[col]!) : MISSING;
  r.typeOfExploitConcatenated = known ? [p.isForcedLabour && 'Forced labour', p.isSexualExploit && 'Sexual exploitation', other && 'Other'].filter(Boolean).join(';') : MISSING;

  const labour = p.isForcedLabour!;
  const labourSubs = LABOUR.filter(([col]) => subs.has(col));
  for (const [col] of LABOUR) r[col] = labour && labourSubs.length ? flag(subs.has(col)) : MISSING;
  r.typeOfLabourNotSpecified = labour ? flag(labourSubs.length === 0) : MISSING;
  r.typeOfLabourConcatenated = labour ? labourSubs.map((l) => l[1]).join(';') || 'Not Specified' : MISSING;
  const sexSubs = SEX.filter(([col]) => subs.has(col));
  for (const [col] of SEX) r[col] = p.isSexualExploit && sexSubs.length ? flag(subs.has(col)) : MISSING;
  r.typeOfSexConcatenated = p.isSexualExploit && sexSubs.length ? sexSubs.map((s) => s[1]).join(';') : MISSING;

  r.isAbduction = v.recruitmentMethod === null || v.recruitmentMethod === 'unknown' ? MISSING : flag(v.recruitmentMethod === 'abduction');
  const rel = RELATIONS.find(([code]) => code === v.recruiterRelation);
  r.RecruiterRelationship = rel ? rel[2] : MISSING;
  for (const [code, col] of RELATIONS) r[col] = rel ? flag(code === rel[0]) : MISSING;
  return r;
}

/**
 * The quasi-identifiers: what an outsider could know of a victim (when registered, sex, age,
 * citizenship, where and how exploited). Columns derived from one another generalise together.
 */
export const QUASI_IDENTIFIERS: QuasiIdentifier[] = [
  { name: 'year', columns: ['yearOfRegistration'], levels: [['yearOfRegistration']] },
  { name: 'gender', columns: ['gender'], levels: [['gender']] },
  { name: 'age', columns: ['ageBroad', 'majorityStatus', 'majorityStatusAtExploit', 'majorityEntry'], levels: [['ageBroad'], ['ageBroad', 'majorityStatus', 'majorityStatusAtExploit', 'majorityEntry']] },
  { name: 'citizenship', columns: ['citizenship'], levels: [['citizenship']] },
  { name: 'countryOfExploitation', columns: ['CountryOfExploitation'], levels: [['CountryOfExploitation']] },
  {
    name: 'exploitation',
    columns: [...PURPOSES, 'typeOfExploitConcatenated', ...LABOUR.map((l) => l[0]), 'typeOfLabourNotSpecified', 'typeOfLabourConcatenated', ...SEX.map((s) => s[0]), 'typeOfSexConcatenated'],
    levels: [
      // First the sector and kind of sexual exploitation, then the purpose itself.
      [...LABOUR.map((l) => l[0]), 'typeOfLabourNotSpecified', 'typeOfLabourConcatenated', ...SEX.map((s) => s[0]), 'typeOfSexConcatenated'],
      [...PURPOSES, 'typeOfExploitConcatenated', ...LABOUR.map((l) => l[0]), 'typeOfLabourNotSpecified', 'typeOfLabourConcatenated', ...SEX.map((s) => s[0]), 'typeOfSexConcatenated'],
    ],
  },
];
/** Least informative first: age band, sector, country of exploitation, citizenship, minor/adult, purpose, sex, year. */
export const STEPS: Step[] = [['age', 1], ['exploitation', 1], ['countryOfExploitation', 1], ['citizenship', 1], ['age', 2], ['exploitation', 2], ['gender', 1], ['year', 1]];

async function make({ db, profile, period }: MakeContext) {
  const k = profile.settings.returns.ctdcK;
  const victims = await victimRecords(db, period, 'identified');
  const out = kAnonymise(victims.map((v) => ctdcRow(profile, v)), QUASI_IDENTIFIERS, STEPS, k, MISSING);
  const smallest = out.rows.length ? smallestClass(out.rows, QUASI_IDENTIFIERS) : null;
  const sheet: Sheet = { name: 'ctdc', columns: COLUMNS, rows: out.rows.map((r) => COLUMNS.map((c) => r[c] ?? MISSING)) };
  const findings: Finding[] = [
    {
      code: 'records_incomplete',
      severity: 'info',
      ours: out.rows.length,
      message: `k-anonymity with k = ${k} (profile returns.ctdcK): of ${victims.length} victims, ${out.generalised} were generalised and ${out.dropped} left out; the smallest group of quasi-identifiers in the file has ${smallest ?? 0} rows.`,
    },
  ];
  // What the report shares is counted on the pool before anonymisation, as CTDC counts its own charts.
  return { sheets: [sheet], shared: sharedVictimFigures(victims, 'Victims identified (before k-anonymity)'), findings };
}

export const ctdc: ReturnDefinition = {
  info: { name: 'ctdc', title: 'CTDC public victim file (k-anonymised)', receiver: 'Counter Trafficking Data Collaborative (IOM)', format: 'csv', periodKind: 'calendar', doc: 'docs/returns/ctdc.md' },
  make,
};
