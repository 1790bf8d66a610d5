import type { AgencyKind, Profile } from '../profile/schema.ts';
import type { Rng } from './rng.ts';

/**
 * Victims identified per year. 2019, 2022, 2023 and 2024 are the published figures (MIA annual
 * reports: 91, 94 = 91 + 3, 91, 91). The other years are synthetic, chosen so that the published
 * cumulatives hold: 976 for 2005–2019, 1,350 for 2005–2023 and 1,441 for 2005–2024. 2025 is synthetic.
 */
export const IDENTIFIED_PER_YEAR: Readonly<Record<number, number>> = {
  2005: 44, 2006: 58, 2007: 61, 2008: 55, 2009: 62, 2010: 64, 2011: 68, 2012: 59, 2013: 62, 2014: 64,
  2015: 63, 2016: 67, 2017: 72, 2018: 86, 2019: 91, 2020: 87, 2021: 102, 2022: 94, 2023: 91, 2024: 91,
  2025: 89,
};
export const FALLBACK_IDENTIFIED_PER_YEAR = 90;
/** Potential victims a year who are never confirmed (2023: 37 supported by NGOs and alerts). */
export const POTENTIAL_PER_YEAR = 30;

// Obviously synthetic names: plain given names with family names built on "sample", "test",
// "example", "trial" and "template" — never a real person's record.
export const FEMALE_GIVEN = ['Aysel', 'Leyla', 'Günel', 'Nərmin', 'Səbinə', 'Aynur', 'Könül', 'Lalə', 'Nigar', 'Vüsalə', 'Şəbnəm', 'Aygün'] as const;
export const MALE_GIVEN = ['Elvin', 'Rəşad', 'Orxan', 'Tural', 'Kamran', 'Elnur', 'Ramil', 'Vüqar'] as const;
export const FAMILY_ROOTS = ['Nümunə', 'Sınaq', 'Misal', 'Təcrübə', 'Şablon'] as const;
export const familyName = (root: string, female: boolean) => `${root}${female ? 'ova' : 'ov'}`;

type W<T> = readonly (readonly [T, number])[];
const HOME = 'HOME';

/** Countries of exploitation (2023: TR 28, RU 28, AE 15, BH 10, QA 4, IR 3, IQ 1, internal 2; 2019: TR 54, QA 16, IR 8, RU 5, AE 2). */
export const SEXUAL_COUNTRIES: W<string> = [['TR', 33], ['RU', 22], ['AE', 17], ['QA', 8], ['BH', 7], ['IR', 5], [HOME, 3], ['IQ', 1], ['GE', 1], ['PK', 1], ['CY', 1], ['GR', 1]];
export const LABOUR_COUNTRIES: W<string> = [[HOME, 50], ['RU', 40], ['TR', 10]];
export const MARRIAGE_COUNTRIES: W<string> = [['IR', 60], [HOME, 20], ['TR', 20]];
export const homeOr = (code: string, home: string) => (code === HOME ? home : code);

export const FOREIGN_CITIZENSHIP: W<readonly [string, string]> = [[['UZ', 'uz'], 3], [['TJ', 'tg'], 2], [['GE', 'ka'], 2], [['RU', 'ru'], 2], [['KG', 'ky'], 1], [['TM', 'tk'], 1]];

export const SEXUAL_SUBTYPES: W<string> = [['prostitution', 85], ['private_sexual_services', 10], ['remote_interactive', 4], ['pornography', 1]];
/** Forced-labour sectors with their ISIC Rev. 4 section. */
export const LABOUR_SUBTYPES: W<readonly [string, string | null]> = [[['construction', 'F'], 35], [['agriculture', 'A'], 20], [['domestic_work', 'T'], 20], [['hospitality', 'I'], 15], [['begging', null], 10]];
export const CONTROL_MEANS = ['false_promises', 'withholds_documents', 'debt_bondage', 'takes_earnings', 'threats', 'restricts_movement', 'psychological_abuse', 'physical_abuse'] as const;
export const VULNERABILITIES = ['unemployed', 'low_income', 'single_parent', 'domestic_violence_history', 'care_leaver'] as const;

/** Online recruitment grows over the years; the 2023–2024 reports name WhatsApp, TikTok, Instagram and Telegram. */
export function platformsFor(year: number): string[] {
  if (year < 2012) return ['Odnoklassniki', 'Mail.ru Agent'];
  if (year < 2019) return ['Odnoklassniki', 'Facebook', 'WhatsApp', 'Instagram'];
  return ['WhatsApp', 'Instagram', 'Telegram', 'TikTok'];
}
export const onlineShare = (year: number) => (year < 2012 ? 0.03 : year < 2019 ? 0.12 : 0.3);

/** 2023 referrals to NGOs by organisation: Clean World 14, Children of Azerbaijan 10, Contact 7, Family World 16, 21st Century Women / Women's Initiative 20. */
const NGO_WEIGHTS: W<string> = [['clean_world', 14], ['children_of_azerbaijan', 10], ['tamas', 7], ['family_world', 16], ['women_21st_century', 10], ['womens_initiative', 10], ['sails_of_hope', 3]];

/** The agencies the generator names, as profile codes; null where the profile has none of that kind. */
export interface AgencyPlan {
  /** Where the demo police investigator and hotline operator work (same rule as the demo users). */
  police: string;
  hotline: string | null;
  /** Who takes identification decisions (the Main Department where the profile has it). */
  decider: string;
  shelter: string | null;
  ssa: string | null;
  socialAid: string | null;
  employment: string | null;
  bar: string | null;
  migration: string | null;
  repatriation: string | null;
  ngos: W<string>;
}

export function agencyPlan(profile: Profile): AgencyPlan {
  const has = (code: string) => profile.agencies.some((a) => a.code === code);
  const ofKind = (kind: AgencyKind) => profile.agencies.find((a) => a.kind === kind)?.code ?? null;
  const prefer = (code: string, kind: AgencyKind) => (has(code) ? code : ofKind(kind));
  const police = ofKind('police') ?? ofKind('coordinator') ?? profile.agencies[0]?.code;
  if (!police) throw new Error('The profile has no agencies');
  const ngos = NGO_WEIGHTS.filter(([code]) => has(code));
  return {
    police,
    hotline: ofKind('hotline'),
    decider: has('mia_anti_trafficking') ? 'mia_anti_trafficking' : police,
    shelter: prefer('mia_shelter', 'shelter'),
    ssa: prefer('ssa_assistance_centre', 'social_services'),
    socialAid: prefer('social_services_agency', 'social_services'),
    employment: has('state_employment_agency') ? 'state_employment_agency' : null,
    bar: ofKind('bar'),
    migration: ofKind('migration'),
    repatriation: has('iom') ? 'iom' : null,
    ngos: ngos.length ? ngos : profile.agencies.filter((a) => a.kind === 'ngo').map((a) => [a.code, 1] as const),
  };
}

/** Residence: the capital for about a quarter (2023: 24 of 91), the other regions evenly. */
export function pickRegion(profile: Profile, rng: Rng): string | null {
  const capital = profile.regions.regions.find((r) => r.kind === 'capital');
  const others = profile.regions.regions.filter((r) => r.kind !== 'capital');
  if (capital && (others.length === 0 || rng.chance(0.26))) return capital.code;
  return others.length ? rng.pick(others).code : null;
}
