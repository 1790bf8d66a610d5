// What several returns share: the sex and age keys, the forms of exploitation by HTCDS variable, counting.
import type { Profile } from '../profile/schema.ts';
import { childOrAdult, type DefendantStep, type VictimRecord } from './records.ts';
import type { Shared } from './check.ts';

export type SexKey = 'female' | 'male' | 'unknown';
/** Victims' gender follows HTCDS; the returns ask for sex: transgender/non-conforming and unknown fall under "unknown". */
export const sexOf = (gender: string): SexKey => (gender === 'female' || gender === 'male' ? gender : 'unknown');

export const count = <T>(xs: T[], pred: (x: T) => boolean) => xs.reduce((n, x) => n + (pred(x) ? 1 : 0), 0);

/** The date a victim's age is taken at: identification, else first contact. */
export const registeredOn = (v: VictimRecord) => v.identifiedOn ?? v.contactDate;
export const ageGroup = (v: VictimRecord) => childOrAdult(v, registeredOn(v));

/** The HTCDS variables of a victim's forms of exploitation (from the profile's mapping). */
export function formVariables(profile: Profile, v: VictimRecord): string[] {
  const byCode = new Map(profile.exploitationForms.map((f) => [f.code, f.htcds]));
  return v.forms.map((f) => byCode.get(f)).filter((x): x is string => x !== undefined);
}

/** Whether the profile records a form mapped to this HTCDS variable at all (else its count is "not available"). */
export const profileHasForm = (profile: Profile, variable: string) => profile.exploitationForms.some((f) => f.htcds === variable);

/** Victims identified in the period as the annual report counts them: total, by sex, by citizenship, children. */
export function sharedVictimFigures(identified: VictimRecord[], what = 'Victims identified'): Shared[] {
  const out: Shared[] = [
    { figure: 'victims.identified', ours: identified.length, what },
    { figure: 'victims.identified', part: 'female', ours: count(identified, (v) => v.gender === 'female'), what: `${what}, female` },
    { figure: 'victims.identified', part: 'male', ours: count(identified, (v) => v.gender === 'male'), what: `${what}, male` },
    { figure: 'victims.by_age', part: 'under-18', ours: count(identified, (v) => ageGroup(v) === 'child'), what: `${what}, children` },
  ];
  const byCitizenship = new Map<string, number>();
  for (const v of identified) if (v.citizenship) byCitizenship.set(v.citizenship, (byCitizenship.get(v.citizenship) ?? 0) + 1);
  for (const [c, n] of [...byCitizenship].sort()) out.push({ figure: 'victims.by_citizenship', part: c, ours: n, what: `${what}, citizens of ${c}` });
  return out;
}

/**
 * Defendants as the annual report counts them: every article of the registry, distinct persons per
 * stage, by sex. The returns' own rows keep to the trafficking articles; this reconciles the query path.
 */
export function sharedDefendantFigures(steps: DefendantStep[]): Shared[] {
  const out: Shared[] = [];
  for (const stage of ['charged', 'sent_to_court', 'convicted'] as const) {
    const persons = new Map<string, DefendantStep>();
    for (const s of steps) if (s.stage === stage) persons.set(s.personId, s);
    const all = [...persons.values()];
    const what = `Persons at stage "${stage}" under any article of the registry`;
    out.push({ figure: `defendants.${stage}`, ours: all.length, what });
    for (const sex of ['female', 'male'] as const) out.push({ figure: `defendants.${stage}`, part: sex, ours: count(all, (s) => s.sex === sex), what: `${what}, ${sex}` });
  }
  return out;
}
