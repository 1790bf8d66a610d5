// UNODC GLOTIP: the Global Report questionnaire's figures, in the long layout of dataUNODC's
// data_glotip.xlsx, one row per indicator × dimension × category × sex × age (docs/returns/glotip.md).
import type { Profile } from '../profile/schema.ts';
import type { Shared } from './check.ts';
import { ageGroup, count, formVariables, sexOf, sharedDefendantFigures, sharedVictimFigures, type SexKey } from './common.ts';
import { alpha3, countryName } from './countries.ts';
import { wholeCalendarYear } from './period.ts';
import { defendantSteps, factsRegistered, personsAt, victimRecords, type DefendantStep, type VictimRecord } from './records.ts';
import type { Cell, Sheet } from './schema.ts';
import type { MakeContext, ReturnDefinition } from './types.ts';

const COLUMNS = ['Iso3_code', 'Country', 'Region', 'Subregion', 'Indicator', 'Dimension', 'Category', 'Sex', 'Age', 'Year', 'Unit of measurement', 'txtVALUE', 'Source'];
const SEX: Record<SexKey | 'total', string> = { female: 'Female', male: 'Male', unknown: 'Unknown', total: 'Total' };
const AGE = { child: '0 to 17 years', adult: '18 years or over', unknown: 'Unknown', total: 'Total' } as const;

/** GLOTIP's forms of exploitation, from the profile's HTCDS variables; several forms count a victim under each. */
const GLOTIP_FORM: Record<string, string> = {
  isSexualExploit: 'Sexual exploitation',
  isForcedLabour: 'Forced labour',
  isForcedMarriage: 'Forced marriage',
  isOrganRemoval: 'Organ removal',
  isForcedMilitary: 'Other purposes',
  isSlaveryAndPractices: 'Other purposes',
  isOtherExploit: 'Other purposes',
};
export const glotipForms = (profile: Profile, v: VictimRecord): string[] => {
  const forms = [...new Set(formVariables(profile, v).map((x) => GLOTIP_FORM[x] ?? 'Other purposes'))];
  return forms.length ? forms : ['Unknown'];
};

/** The persons at the questionnaire's three stages of criminal justice, trafficking articles only. */
export function justiceStages(steps: DefendantStep[]) {
  const scopes = ['trafficking', 'labour'] as const;
  return {
    // Q 2.1: suspected, arrested or cautioned: a suspect or a charged person.
    'Persons brought into formal contact': personsAt(steps, ['suspect', 'charged'], [...scopes]),
    'Persons prosecuted': personsAt(steps, ['sent_to_court'], [...scopes]),
    'Persons convicted': personsAt(steps, ['convicted'], [...scopes]),
  };
}

async function make({ db, profile, period }: MakeContext) {
  const iso3 = alpha3(profile.settings.code) ?? profile.settings.code;
  const country = profile.settings.name.en ?? profile.settings.code;
  const year = wholeCalendarYear(period) ?? `${period.from}/${period.to}`;
  const source = `Azad, national records (${period.from} to ${period.to})`;
  const rows: Cell[][] = [];
  const row = (indicator: string, dimension: string, category: string, sex: string, age: string, value: number, unit = 'Counts') =>
    rows.push([iso3, country, null, null, indicator, dimension, category, sex, age, year, unit, value, source]);

  const victims = await victimRecords(db, period, 'identified');
  /** Every sex × age cell of a group of victims, totals included. */
  const victimCells = (dimension: string, category: string, vs: VictimRecord[]) => {
    for (const sex of ['female', 'male', 'unknown', 'total'] as const) {
      for (const age of ['child', 'adult', 'unknown', 'total'] as const) {
        row('Detected trafficking victims', dimension, category, SEX[sex], AGE[age], count(vs, (v) => (sex === 'total' || sexOf(v.gender) === sex) && (age === 'total' || ageGroup(v) === age)));
      }
    }
  };
  victimCells('Total', 'Total', victims);
  const forms = ['Sexual exploitation', 'Forced labour', 'Forced marriage', 'Organ removal', 'Other purposes', 'Unknown'];
  for (const f of forms) victimCells('by form of exploitation', f, victims.filter((v) => glotipForms(profile, v).includes(f)));
  const citizenships = [...new Set(victims.map((v) => v.citizenship ?? ''))].sort();
  for (const c of citizenships) victimCells('by citizenship', c === '' ? 'Unknown' : countryName(c), victims.filter((v) => (v.citizenship ?? '') === c));

  // Q 1.1 and 1.2: offences recorded, and the articles they were recorded under.
  const facts = (await factsRegistered(db, profile, period)).filter((f) => f.scope !== 'related');
  row('Offences of trafficking in persons', 'Total', 'Total', 'Total', 'Total', facts.length);
  for (const a of [...new Set(facts.map((f) => f.article))].sort()) row('Offences of trafficking in persons', 'by article', `Criminal Code art. ${a}`, 'Total', 'Total', count(facts, (f) => f.article === a));

  const steps = await defendantSteps(db, profile, period);
  for (const [indicator, persons] of Object.entries(justiceStages(steps))) {
    for (const sex of ['female', 'male', 'unknown', 'total'] as const) row(indicator, 'Total', 'Total', SEX[sex], 'Total', count(persons, (p) => sex === 'total' || sexOf(p.sex) === sex));
    for (const c of [...new Set(persons.map((p) => p.citizenship ?? ''))].sort()) {
      row(indicator, 'by citizenship', c === '' ? 'Unknown' : countryName(c), 'Total', 'Total', count(persons, (p) => (p.citizenship ?? '') === c));
    }
  }

  const sheet: Sheet = {
    name: 'data_glotip',
    title: [`UNODC Global Report on Trafficking in Persons: ${country}, ${period.from} to ${period.to}`, 'Victims: identified in the period. Persons: trafficking articles only (see docs/returns/glotip.md).'],
    columns: COLUMNS,
    rows,
  };
  const shared: Shared[] = [...sharedVictimFigures(victims, 'Detected trafficking victims'), ...sharedDefendantFigures(steps)];
  return { sheets: [sheet], shared };
}

export const glotip: ReturnDefinition = {
  info: { name: 'glotip', title: 'UNODC GLOTIP questionnaire', receiver: 'UNODC', format: 'xlsx', periodKind: 'calendar', doc: 'docs/returns/glotip.md' },
  make,
};
