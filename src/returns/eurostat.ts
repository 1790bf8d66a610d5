// Eurostat crim_thb-style tables: registered victims and persons in the criminal-justice system, one
// observation per line with its flag, where a true zero (0) and "not available" (:) stay apart (docs/returns/eurostat.md).
import type { Profile } from '../profile/schema.ts';
import type { Shared } from './check.ts';
import { ageGroup, count, profileHasForm, sexOf, sharedDefendantFigures, sharedVictimFigures } from './common.ts';
import { EU27 } from './countries.ts';
import { wholeCalendarYear } from './period.ts';
import { defendantSteps, personsAt, recordsBegin, victimRecords, type VictimRecord } from './records.ts';
import type { Cell, Sheet } from './schema.ts';
import type { MakeContext, ReturnDefinition } from './types.ts';

/** Eurostat's mark for a value that is not available. */
export const NA = ':';

export const COLUMNS = ['table', 'leg_stat', 'sex', 'age', 'citizen', 'exploit', 'geo', 'time', 'OBS_VALUE', 'OBS_FLAG', 'note'];

/** Exploitation forms as Eurostat groups them, each from the profile's HTCDS variables. */
const EXPLOIT: [code: string, variables: string[]][] = [
  ['SEX', ['isSexualExploit']],
  ['LAB', ['isForcedLabour']],
  ['ORG', ['isOrganRemoval']],
  ['OTH', ['isForcedMarriage', 'isForcedMilitary', 'isSlaveryAndPractices', 'isOtherExploit']],
];

const citizenGroup = (home: string, c: string | null) => (c === null ? 'UNK' : c === home ? 'NAT' : EU27.has(c) ? 'EU27_2020_FOR' : 'NEU27_2020_FOR');
const SEX = { female: 'F', male: 'M', unknown: 'UNK' } as const;
const AGE = { child: 'Y_LT18', adult: 'Y_GE18', unknown: 'UNK' } as const;

function exploitCodes(profile: Profile, v: VictimRecord): string[] {
  const byCode = new Map(profile.exploitationForms.map((f) => [f.code, f.htcds]));
  const vars = new Set(v.forms.map((f) => byCode.get(f)));
  const codes = EXPLOIT.filter(([, vs]) => vs.some((x) => vars.has(x))).map(([c]) => c);
  return codes.length ? codes : ['UNK'];
}

async function make({ db, profile, period }: MakeContext) {
  const home = profile.settings.code;
  const time = wholeCalendarYear(period) ?? `${period.from}/${period.to}`;
  const begin = await recordsBegin(db);
  // A period that ends before the records begin: Azad cannot say; every cell is ":".
  const victimsKnown = begin.victims !== null && begin.victims <= period.to;
  const justiceKnown = begin.justice !== null && begin.justice <= period.to;
  const rows: Cell[][] = [];
  const obs = (table: string, leg: string, sex: string, age: string, citizen: string, exploit: string, value: number | null, note: string | null = null) =>
    rows.push([table, leg, sex, age, citizen, exploit, home, time, value === null ? NA : value, '', note]);

  // Registered victims: identified or presumed. Azad registers a presumed victim at first contact.
  const victims = (await victimRecords(db, period, 'registered')).concat(await victimRecords(db, period, 'identified'));
  const seen = new Set<string>();
  const registered = victims.filter((v) => (seen.has(v.id) ? false : (seen.add(v.id), true)));
  const identified = registered.filter((v) => v.identifiedOn !== null && v.identifiedOn >= period.from && v.identifiedOn <= period.to);
  const victimNote = victimsKnown ? null : 'before the records begin';
  const vCount = (xs: VictimRecord[], pred: (v: VictimRecord) => boolean) => (victimsKnown ? count(xs, pred) : null);
  for (const [leg, xs] of [['VICT_REG', registered], ['VICT_IDENT', identified]] as const) {
    for (const sex of ['T', 'F', 'M', 'UNK']) {
      for (const age of ['TOTAL', 'Y_LT18', 'Y_GE18', 'UNK']) {
        obs('crim_thb_vsa', leg, sex, age, 'TOTAL', 'TOTAL', vCount(xs, (v) => (sex === 'T' || SEX[sexOf(v.gender)] === sex) && (age === 'TOTAL' || AGE[ageGroup(v)] === age)), victimNote);
      }
    }
    for (const citizen of ['NAT', 'EU27_2020_FOR', 'NEU27_2020_FOR', 'UNK']) obs('crim_thb_vctz', leg, 'T', 'TOTAL', citizen, 'TOTAL', vCount(xs, (v) => citizenGroup(home, v.citizenship) === citizen), victimNote);
    for (const [code, vars] of [...EXPLOIT, ['UNK', []] as [string, string[]]]) {
      // A form the profile does not record at all is not available, never a zero.
      const collected = code === 'UNK' || vars.some((x) => profileHasForm(profile, x));
      obs('crim_thb_vexp', leg, 'T', 'TOTAL', 'TOTAL', code, collected ? vCount(xs, (v) => exploitCodes(profile, v).includes(code)) : null, collected ? victimNote : 'form not recorded in this country');
    }
  }

  const steps = await defendantSteps(db, profile, period);
  const justiceNote = justiceKnown ? null : 'before the records begin';
  for (const [leg, stages] of [['SUSP', ['suspect', 'charged']], ['PROS', ['sent_to_court']], ['CONV', ['convicted']]] as const) {
    const persons = personsAt(steps, [...stages], ['trafficking', 'labour']);
    for (const sex of ['T', 'F', 'M', 'UNK']) obs('crim_thb_sexo', leg, sex, 'TOTAL', 'TOTAL', 'TOTAL', justiceKnown ? count(persons, (p) => sex === 'T' || SEX[sexOf(p.sex)] === sex) : null, justiceNote);
    for (const citizen of ['NAT', 'EU27_2020_FOR', 'NEU27_2020_FOR', 'UNK']) obs('crim_thb_ctz', leg, 'T', 'TOTAL', citizen, 'TOTAL', justiceKnown ? count(persons, (p) => citizenGroup(home, p.citizenship) === citizen) : null, justiceNote);
  }

  const sheet: Sheet = { name: 'crim_thb', columns: COLUMNS, rows };
  const shared: Shared[] = victimsKnown ? [...sharedVictimFigures(identified, 'Victims identified (leg_stat VICT_IDENT)')] : [];
  if (justiceKnown) shared.push(...sharedDefendantFigures(steps));
  return { sheets: [sheet], shared };
}

export const eurostat: ReturnDefinition = {
  info: { name: 'eurostat', title: 'Eurostat crim_thb-style tables', receiver: 'Eurostat', format: 'csv', periodKind: 'calendar', doc: 'docs/returns/eurostat.md' },
  make,
};
