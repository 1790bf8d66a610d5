// US TIP report: the law-enforcement figures and protection for any period, by default the TIP year
// (1 April – 31 March), labour trafficking in parentheses as the report prints it (docs/returns/tip.md).
import type { Shared } from './check.ts';
import { ageGroup, count, formVariables, sexOf, sharedDefendantFigures, sharedVictimFigures } from './common.ts';
import { casesOpened, defendantSteps, paymentsMade, personsAt, personsHelped, sentenceRecords, victimRecords, type CrimeScope, type SentenceRecord } from './records.ts';
import type { Cell, Sheet } from './schema.ts';
import type { MakeContext, ReturnDefinition } from './types.ts';

/** "45 (12)": the total, then the labour-trafficking part, as the TIP report's global law-enforcement table prints it. */
export const tipFigure = (total: number, labour: number) => `${total} (${labour})`;

const median = (xs: number[]): number | null => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const inScope = (scope: CrimeScope) => scope !== 'related';

async function make({ db, profile, period }: MakeContext) {
  const victims = await victimRecords(db, period, 'identified');
  const steps = await defendantSteps(db, profile, period);
  const cases = await casesOpened(db, profile, period);
  const sentences = await sentenceRecords(db, profile, period);

  const lawRow = (figure: string, counted: string, total: number, labour: number, sex: number): Cell[] => [figure, counted, total, sex, labour, total - sex - labour, tipFigure(total, labour)];
  const tCases = cases.filter((c) => inScope(c.scope));
  const prosecuted = personsAt(steps, ['sent_to_court'], ['trafficking', 'labour']);
  const convicted = personsAt(steps, ['convicted'], ['trafficking', 'labour']);
  const labourVictim = (v: (typeof victims)[number]) => formVariables(profile, v).includes('isForcedLabour');
  const sexVictim = (v: (typeof victims)[number]) => formVariables(profile, v).includes('isSexualExploit') && !labourVictim(v);
  const law: Sheet = {
    name: 'Law enforcement',
    title: [`US Trafficking in Persons report: ${profile.settings.name.en}, ${period.from} to ${period.to}`, 'Trafficking articles only (144-1, 144-2, 144-3); labour trafficking: a forced-labour article or a victim in forced labour.'],
    columns: ['figure', 'counted as', 'total', 'sex trafficking', 'labour trafficking', 'other or unspecified', 'as printed: total (labour)'],
    rows: [
      lawRow('Investigations', 'criminal cases opened', tCases.length, count(tCases, (c) => c.scope === 'labour'), count(tCases, (c) => c.scope === 'trafficking')),
      lawRow('Prosecutions', 'persons sent to court (defendants)', prosecuted.length, count(prosecuted, (p) => p.scope === 'labour'), count(prosecuted, (p) => p.scope === 'trafficking')),
      lawRow('Convictions', 'persons convicted', convicted.length, count(convicted, (p) => p.scope === 'labour'), count(convicted, (p) => p.scope === 'trafficking')),
      lawRow('Victims identified', 'persons identified as victims', victims.length, count(victims, labourVictim), count(victims, sexVictim)),
    ],
  };

  const tSentences = sentences.filter((s) => inScope(s.scope));
  const sentenceRow = (label: string, xs: SentenceRecord[]): Cell[] => {
    const months = xs.map((s) => s.imprisonmentMonths).filter((m): m is number => m !== null);
    return [label, xs.length, count(xs, (s) => s.scope === 'labour'), months.length ? Math.min(...months) : null, median(months), months.length ? Math.max(...months) : null, count(xs, (s) => s.confiscation)];
  };
  const kinds = [...new Set(tSentences.map((s) => s.punishment))].sort();
  const sentencesSheet: Sheet = {
    name: 'Sentences',
    title: ['Sentences passed in the period (one per sentence), trafficking articles only; months of imprisonment or of the suspended term.'],
    columns: ['punishment', 'sentences', 'of which labour trafficking', 'months: shortest', 'months: median', 'months: longest', 'with confiscation'],
    rows: [...kinds.map((k) => sentenceRow(k, tSentences.filter((s) => s.punishment === k))), sentenceRow('total', tSentences)],
  };

  const services = await personsHelped(db, period, profile.assistanceKinds.filter((k) => !k.forChildren).map((k) => k.code));
  const payments = await paymentsMade(db, period, profile.paymentKinds.map((k) => k.code));
  const persons = (pred: (s: (typeof services)[number]) => boolean) => new Set(services.filter(pred).map((s) => s.personId)).size;
  const paid = (kind: string) => payments.filter((p) => p.kind === kind);
  const protection: Sheet = {
    name: 'Protection',
    title: ['Victims identified, and persons given help in the period (victims identified by the period\'s end; potential victims beside them).'],
    columns: ['figure', 'total', 'female', 'male', 'other or unknown sex', 'children', 'adults', 'age unknown'],
    rows: [
      ['Victims identified', victims.length, count(victims, (v) => sexOf(v.gender) === 'female'), count(victims, (v) => sexOf(v.gender) === 'male'), count(victims, (v) => sexOf(v.gender) === 'unknown'), count(victims, (v) => ageGroup(v) === 'child'), count(victims, (v) => ageGroup(v) === 'adult'), count(victims, (v) => ageGroup(v) === 'unknown')],
    ],
  };
  const plain = (label: string, n: number | string): Cell[] => [label, n, null, null, null, null, null, null];
  protection.rows.push(
    plain('Victims given shelter', persons((s) => s.kind === 'shelter' && s.victim)),
    plain('Potential victims given shelter', persons((s) => s.kind === 'shelter' && !s.victim)),
    plain('Victims given any assistance', persons((s) => s.victim)),
    plain('Potential victims given any assistance', persons((s) => !s.victim)),
    ...profile.paymentKinds.flatMap((k) => [
      plain(`Persons paid: ${k.label.en ?? k.code}`, new Set(paid(k.code).map((p) => p.personId)).size),
      plain(`Amount paid (${profile.settings.currency}): ${k.label.en ?? k.code}`, paid(k.code).reduce((a, p) => a + p.amount, 0)),
    ]),
  );

  const shared: Shared[] = [
    ...sharedVictimFigures(victims),
    ...sharedDefendantFigures(steps),
    { figure: 'cases.initiated', ours: cases.length, what: 'Criminal cases opened under any article of the registry' },
    ...['imprisonment', 'suspended', 'fine'].map((k): Shared => ({ figure: 'sentences.by_type', part: k, ours: count(sentences, (s) => s.punishment === k), what: `Sentences of ${k}, any article of the registry` })),
  ];
  // The report's shelter and payment figures, where the profile has their kinds.
  const hasKind = (code: string) => profile.paymentKinds.some((k) => k.code === code);
  if (profile.assistanceKinds.some((k) => k.code === 'shelter')) shared.push({ figure: 'assistance.shelter', ours: persons((s) => s.kind === 'shelter' && s.victim), what: 'Victims given shelter' });
  if (hasKind('one_time_allowance')) shared.push({ figure: 'assistance.lump_sum_700', ours: new Set(paid('one_time_allowance').map((p) => p.personId)).size, what: 'Persons paid the one-time allowance' });
  if (hasKind('aid_fund_payment')) shared.push({ figure: 'assistance.aid_fund.recipients', ours: new Set(paid('aid_fund_payment').map((p) => p.personId)).size, what: 'Persons paid from the Aid Fund' });
  return { sheets: [law, sentencesSheet, protection], shared };
}

export const tip: ReturnDefinition = {
  info: { name: 'tip', title: 'US Trafficking in Persons report', receiver: 'US Department of State', format: 'xlsx', periodKind: 'april-march', doc: 'docs/returns/tip.md' },
  make,
};
