// GRETA (Council of Europe): the statistics of the evaluation questionnaire (Part III) for a period:
// presumed and identified victims, reflection periods, residence permits, assistance, compensation,
// and investigations, prosecutions and convictions (docs/returns/greta.md).
import type { Shared } from './check.ts';
import { ageGroup, count, sexOf, sharedDefendantFigures, sharedVictimFigures } from './common.ts';
import { countryName } from './countries.ts';
import { casesOpened, defendantSteps, paymentsMade, personsAt, personsHelped, reflectionPeriods, sentenceRecords, victimRecords, type VictimRecord } from './records.ts';
import type { Cell, Sheet } from './schema.ts';
import type { MakeContext, ReturnDefinition } from './types.ts';

/** A figure Azad does not record: never a blank, never a zero. */
export const NOT_AVAILABLE = 'not available';

async function make({ db, profile, period }: MakeContext) {
  const presumed = await victimRecords(db, period, 'registered');
  const identified = await victimRecords(db, period, 'identified');
  const title = (what: string) => [`GRETA questionnaire, Part III (statistics): ${profile.settings.name.en}, ${period.from} to ${period.to}`, what];

  const victimRows: Cell[][] = [];
  const both = (breakdown: string, category: string, pred: (v: VictimRecord) => boolean) => victimRows.push([breakdown, category, count(presumed, pred), count(identified, pred)]);
  both('total', 'all', () => true);
  both('sex', 'female', (v) => sexOf(v.gender) === 'female');
  both('sex', 'male', (v) => sexOf(v.gender) === 'male');
  both('sex', 'other or unknown', (v) => sexOf(v.gender) === 'unknown');
  both('age', 'children (under 18)', (v) => ageGroup(v) === 'child');
  both('age', 'adults', (v) => ageGroup(v) === 'adult');
  both('age', 'unknown', (v) => ageGroup(v) === 'unknown');
  for (const [sex, age, label] of [['female', 'child', 'girls'], ['male', 'child', 'boys'], ['female', 'adult', 'women'], ['male', 'adult', 'men']] as const) {
    both('sex and age', label, (v) => sexOf(v.gender) === sex && ageGroup(v) === age);
  }
  both('sex and age', 'sex or age unknown', (v) => sexOf(v.gender) === 'unknown' || ageGroup(v) === 'unknown');
  for (const f of profile.exploitationForms) both('form of exploitation (a person may have several)', f.label.en ?? f.code, (v) => v.forms.includes(f.code));
  both('form of exploitation (a person may have several)', 'not recorded', (v) => v.forms.length === 0);
  const nationalities = [...new Set([...presumed, ...identified].map((v) => v.citizenship ?? ''))].sort();
  for (const c of nationalities) both('nationality', c === '' ? 'unknown' : `${countryName(c)} (${c})`, (v) => (v.citizenship ?? '') === c);
  const victims: Sheet = {
    name: 'Victims',
    title: title('Presumed victims: persons first registered in the period (each was presumed a victim then). Identified: identified in the period.'),
    columns: ['breakdown', 'category', 'presumed victims', 'identified victims'],
    rows: victimRows,
  };

  const reflection = await reflectionPeriods(db, period);
  const helpKinds = profile.assistanceKinds.filter((k) => !k.forChildren);
  const helped = await personsHelped(db, period, helpKinds.map((k) => k.code));
  const payments = await paymentsMade(db, period, profile.paymentKinds.map((k) => k.code));
  const persons = (kind: string, victim: boolean) => new Set(helped.filter((h) => h.kind === kind && h.victim === victim).map((h) => h.personId)).size;
  const protection: Sheet = {
    name: 'Protection',
    title: title(`Recovery and reflection period: ${profile.settings.reflectionPeriodDays} days under national law (Convention art. 13: at least 30). Help: persons given each kind in the period.`),
    columns: ['figure', 'victims (identified by the period\'s end)', 'potential victims', 'note'],
    rows: [
      ['Recovery and reflection periods granted', reflection.length, null, 'periods begun in the period, whoever the person'],
      ...['cooperate', 'not_cooperate', 'undecided'].map((o): Cell[] => [`  of which outcome: ${o}`, count(reflection, (r) => r.outcome === o), null, null]),
      ['  of which outcome not yet recorded', count(reflection, (r) => r.outcome === null), null, null],
      ['Recovery and reflection periods refused', NOT_AVAILABLE, null, 'Azad records periods granted, not requests refused'],
      ['Residence permits issued', helpKinds.some((k) => k.code === 'residence_permit') ? persons('residence_permit', true) : NOT_AVAILABLE, helpKinds.some((k) => k.code === 'residence_permit') ? persons('residence_permit', false) : null, 'help recorded as kind residence_permit'],
      ['Residence permits by ground (co-operation / personal situation)', NOT_AVAILABLE, null, 'the ground of a permit is not recorded'],
      ...helpKinds.map((k): Cell[] => [`Assistance: ${k.label.en ?? k.code}`, persons(k.code, true), persons(k.code, false), null]),
      ...profile.paymentKinds.flatMap((k): Cell[][] => {
        const ps = payments.filter((p) => p.kind === k.code);
        return [
          [`Payments: ${k.label.en ?? k.code} (persons)`, new Set(ps.map((p) => p.personId)).size, null, 'state support, not compensation'],
          [`Payments: ${k.label.en ?? k.code} (${profile.settings.currency})`, ps.reduce((a, p) => a + p.amount, 0), null, null],
        ];
      }),
    ],
  };

  const compensation: Sheet = {
    name: 'Compensation',
    title: title('Compensation (Convention art. 15): claims, awards and payments are not recorded in Azad.'),
    columns: ['figure', 'from perpetrators', 'from the State', 'note'],
    rows: [
      ['Victims who claimed compensation', NOT_AVAILABLE, NOT_AVAILABLE, 'not recorded: civil claims are not part of the criminal-justice registry'],
      ['Victims awarded compensation', NOT_AVAILABLE, NOT_AVAILABLE, 'not recorded: sentences hold punishment, fine and confiscation, not awards'],
      ['Amount awarded', NOT_AVAILABLE, NOT_AVAILABLE, null],
      ['Victims paid compensation', NOT_AVAILABLE, NOT_AVAILABLE, 'Aid Fund payments are state support (see Protection), not compensation'],
    ],
  };

  const steps = await defendantSteps(db, profile, period);
  const cases = await casesOpened(db, profile, period);
  const sentences = (await sentenceRecords(db, profile, period)).filter((s) => s.scope !== 'related');
  const stage = (stages: string[]) => personsAt(steps, stages, ['trafficking', 'labour']);
  const bySex = (label: string, xs: { sex: string }[]): Cell[] => [label, xs.length, count(xs, (x) => sexOf(x.sex) === 'female'), count(xs, (x) => sexOf(x.sex) === 'male'), count(xs, (x) => sexOf(x.sex) === 'unknown')];
  const tCases = cases.filter((c) => c.scope !== 'related');
  const justice: Sheet = {
    name: 'Criminal justice',
    title: title('Trafficking articles only (144-1, 144-2, 144-3). Persons are counted once per stage reached in the period.'),
    columns: ['figure', 'total', 'female', 'male', 'sex unknown'],
    rows: [
      ['Investigations (criminal cases opened)', tCases.length, null, null, null],
      ['  of which labour trafficking', count(tCases, (c) => c.scope === 'labour'), null, null, null],
      bySex('Persons investigated (suspects and charged)', stage(['suspect', 'charged'])),
      bySex('Persons prosecuted (sent to court)', stage(['sent_to_court'])),
      bySex('Persons convicted', stage(['convicted'])),
      bySex('Persons acquitted', stage(['acquitted'])),
      ...[...new Set(sentences.map((s) => s.punishment))].sort().map((p) => bySex(`Sentences: ${p}`, sentences.filter((s) => s.punishment === p))),
      ['Sentences with confiscation of assets', count(sentences, (s) => s.confiscation), null, null, null],
    ],
  };

  const shared: Shared[] = [
    ...sharedVictimFigures(identified, 'Identified victims'),
    ...sharedDefendantFigures(steps),
    { figure: 'cases.initiated', ours: cases.length, what: 'Criminal cases opened under any article of the registry' },
    { figure: 'reflection_period.granted', ours: reflection.length, what: 'Recovery and reflection periods granted' },
  ];
  if (helpKinds.some((k) => k.code === 'shelter')) shared.push({ figure: 'assistance.shelter', ours: persons('shelter', true), what: 'Victims given shelter' });
  if (helpKinds.some((k) => k.code === 'residence_permit')) shared.push({ figure: 'assistance.residence_permits', ours: persons('residence_permit', true), what: 'Residence permits issued to victims' });
  return { sheets: [victims, protection, compensation, justice], shared };
}

export const greta: ReturnDefinition = {
  info: { name: 'greta', title: 'GRETA questionnaire statistics (Part III)', receiver: 'Council of Europe, GRETA', format: 'xlsx', periodKind: 'calendar', doc: 'docs/returns/greta.md' },
  make,
};
