// HTCDS 2.0: a case-level file in IOM's Human Trafficking Case Data Standard fields, for exchange with
// partners. Identity never leaves: no names, birth date, documents, phones, address or notes (docs/returns/htcds.md).
import type { Profile } from '../profile/schema.ts';
import { sharedVictimFigures } from './common.ts';
import { ageAt, victimRecords, type VictimRecord } from './records.ts';
import type { Cell, Period, Sheet } from './schema.ts';
import type { MakeContext, ReturnDefinition } from './types.ts';

export const HTCDS_VERSION = '2.0';

const GENDER: Record<string, string> = { female: 'Feminine', male: 'Masculine', transgender_nonconforming: 'NonConforming', unknown: 'NonSpecifiedUnknown' };
const STATUS: Record<string, string> = { identified: 'ActualVictimOfTrafficking', potential: 'PossibleVictimOfTrafficking', not_confirmed: 'NotAVictimOfTrafficking' };
/** The deciding agency's kind → vic_TraffickingStatusDecisionMakingOrg. */
const DECIDER: Record<string, string> = { police: 'Police', ngo: 'NGO', prosecutor: 'CourtOrProsecution', court: 'CourtOrProsecution', shelter: 'Other', other: 'Other', ombudsman: 'Other' };
/** HTCDS 2.0 has no friend/partner split: both are "Acquainted"; brokers and employers ("other") are not said. */
const RELATION: Record<string, string> = { family: 'Familial', friend: 'Acquainted', intimate_partner: 'Acquainted' };
const RECRUITMENT: Record<string, string> = { online_platform: 'ThroughOnlineSocialNetworks', acquaintance: 'ThroughFriendsOrSocialEvents', job_offer: 'Other', marriage_proposal: 'Other', abduction: 'Other', other: 'Other' };
const PLATFORMS = ['Facebook', 'Instagram', 'WhatsApp', 'Telegram', 'FacebookMessenger', 'Viber', 'SnapChat', 'Line', '4Sale', 'WeChat', 'QQ', 'QZone', 'TikTok', 'Twitter'];
/** CTDC's means → the HTCDS 2.0 picklist, which has no "restricts movement" or "uses children": those go to Other. */
const MEANS: Record<string, string> = {
  debt_bondage: 'DebtBondage', takes_earnings: 'TakesEarnings', restricts_financial_access: 'RestrictsFinancialAccess', threats: 'PhysicalThreats',
  psychological_abuse: 'PsychologicalAbuse', physical_abuse: 'PhysicalAbuse', sexual_abuse: 'SexualAbuse', false_promises: 'FalsePromises',
  psychoactive_substances: 'PsychoactiveSubstance', restricts_movement: 'Other', restricts_medical_care: 'RestrictsMedicalCare', excessive_working_hours: 'ExcessiveWorkingHours',
  uses_children: 'Other', threat_of_law_enforcement: 'ThreatsLawEnforcement', withholds_necessities: 'WithholdsNecessities', withholds_documents: 'WithholdsDocuments', other: 'Other',
};
const TYPE: Record<string, string> = { isSexualExploit: 'SexualExploitation', isForcedLabour: 'ForcedLabour', isForcedMarriage: 'ForcedMarriage', isForcedMilitary: 'ForcedMilitaryByNonStateActors', isOrganRemoval: 'OrganRemoval', isSlaveryAndPractices: 'Servitude', isOtherExploit: 'Other' };
const SEX_TYPE: Record<string, string> = { typeOfSexProstitution: 'Prostitution', typeOfSexPornography: 'Pornography', typeOfSexRemoteInteractiveServices: 'RemoteInteractiveServices', typeOfSexPrivateSexualServices: 'PrivateSexualServices' };
/** ISIC Rev. 4 sections as HTCDS names them: the section letter, then its title in PascalCase. */
const ISIC: Record<string, string> = {
  A: 'AgricultureForestryAndFishing', B: 'MiningAndQuarrying', C: 'Manufacturing', D: 'ElectricityGasSteamAndAirConditioningSupply', E: 'WaterSupplySewerageWasteManagementAndRemediationActivities',
  F: 'Construction', G: 'WholesaleAndRetailTradeRepairOfMotorVehiclesAndMotorcycles', H: 'TransportationAndStorage', I: 'AccommodationAndFoodServiceActivities', J: 'InformationAndCommunication',
  K: 'FinancialAndInsuranceActivities', L: 'RealEstateActivities', M: 'ProfessionalScientificAndTechnicalActivities', N: 'AdministrativeAndSupportServiceActivities',
  O: 'PublicAdministrationAndDefenceCompulsorySocialSecurity', P: 'Education', Q: 'HumanHealthAndSocialWorkActivities', R: 'ArtsEntertainmentAndRecreation', S: 'OtherServiceActivities',
  T: 'ActivitiesOfHouseholdsAsEmployers', U: 'ActivitiesOfExtraterritorialOrganizations',
};

export const COLUMNS = [
  'HTCDSVersion', 'cas_CaseId', 'cas_Status', 'cas_ReasonForCaseClosure', 'prs_Gender', 'prs_Citizenship',
  'vic_TraffickingStatus', 'vic_TraffickingStatusDecisionMakingOrg', 'vic_AgeWhenTrafficked', 'vic_RelationshipToTrafficker', 'vic_MethodOfRecruitment', 'vic_RecruitmentWebsitesAndApps',
  'vic_MethodsOfControl', 'vic_TypeOfExploitation', 'vic_ForcedLabourIndustry', 'vic_TypeOfSexExploitation', 'hte_Type', 'hte_Date', 'hte_Country',
];

const multi = (xs: (string | undefined)[]) => [...new Set(xs.filter((x): x is string => !!x))].join(';') || null;

/** One person as an HTCDS row. `cas_CaseId` is Azad's record id, a random UUID that says nothing of the person. */
export function htcdsRow(profile: Profile, v: VictimRecord, period: Period): Cell[] {
  const formVar = new Map(profile.exploitationForms.map((f) => [f.code, f.htcds]));
  const subVar = new Map(profile.exploitationForms.flatMap((f) => f.subtypes.map((s) => [s.code, s.htcds ?? ''] as const)));
  const types = v.forms.map((f) => TYPE[formVar.get(f) ?? '']);
  if (v.subtypes.some((s) => subVar.get(s) === 'typeOfLabourBegging')) types.push('ForcedBegging');
  const platform = v.platform === null ? null : (PLATFORMS.find((p) => p.toLowerCase() === v.platform!.toLowerCase()) ?? 'Other');
  const age = v.exploitationStart === null ? null : ageAt(v, v.exploitationStart);
  const closed = v.closedOn !== null && v.closedOn <= period.to;
  return [
    HTCDS_VERSION,
    v.id,
    closed ? 'Closed' : 'Active',
    closed ? v.closureReason : null,
    GENDER[v.gender] ?? 'NonSpecifiedUnknown',
    v.citizenship,
    STATUS[v.status] ?? null,
    v.decidedBy === null ? null : (DECIDER[v.decidedBy] ?? 'NonPoliceGovernmentalOrganization'),
    age !== null && age >= 0 ? age : null,
    RELATION[v.recruiterRelation ?? ''] ?? null,
    RECRUITMENT[v.recruitmentMethod ?? ''] ?? null,
    platform,
    multi(v.means.map((m) => MEANS[m])),
    multi(types),
    v.isic && v.forms.some((f) => formVar.get(f) === 'isForcedLabour') ? `${v.isic}_${ISIC[v.isic] ?? ''}` : null,
    multi(v.subtypes.map((s) => SEX_TYPE[subVar.get(s) ?? ''])),
    v.forms.length || v.exploitationCountry ? 'Exploitation' : null,
    v.exploitationStart,
    v.exploitationCountry,
  ];
}

async function make({ db, profile, period }: MakeContext) {
  // Every person whose record began or who was identified in the period: a case "in" the period.
  const registered = await victimRecords(db, period, 'registered');
  const identified = await victimRecords(db, period, 'identified');
  const seen = new Set(registered.map((v) => v.id));
  const persons = [...registered, ...identified.filter((v) => !seen.has(v.id))];
  const sheet: Sheet = { name: 'htcds', columns: COLUMNS, rows: persons.map((v) => htcdsRow(profile, v, period)) };
  return { sheets: [sheet], shared: sharedVictimFigures(identified, 'Rows with vic_TraffickingStatus identified in the period') };
}

export const htcds: ReturnDefinition = {
  info: { name: 'htcds', title: `HTCDS ${HTCDS_VERSION} case-level exchange file`, receiver: 'partners (IOM HTCDS)', format: 'csv', periodKind: 'calendar', doc: 'docs/returns/htcds.md' },
  make,
};
