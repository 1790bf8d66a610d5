// The validation panel's problems in the interface language. The server words them in English with
// a stable code; the known ones are said again from their code and the values in the message, and
// anything else is shown as the server wrote it rather than hidden.
import type { TFunction } from 'i18next';
import type { Overview } from './report.ts';

type Problem = Overview['problems'][number];

const KNOWN: [code: string, re: RegExp, say: (t: TFunction, m: RegExpExecArray) => string][] = [
  ['narrative_missing', /^The narrative block "([^"]+)" has no (\w+) text yet/, (t, m) => t('report.problems.narrativeMissing', { block: m[1], lang: m[2] })],
  ['no_data', /^(\S+) has no value for (\d{4})/, (t, m) => t('report.problems.noData', { figure: m[1], year: m[2] })],
  ['not_submitted', /^([^:]+): no approved submission for (\d{4})/, (t, m) => t('report.problems.notSubmitted', { figure: m[1], year: m[2] })],
  ['chart_empty', /^The chart "([^"]+)" has no data/, (t, m) => t('report.problems.chartEmpty', { chart: m[1] })],
  ['unknown_part', /^([^:]+): (\d+) of (\d+) are recorded without this detail/, (t, m) => t('report.problems.unknownPart', { figure: m[1], unknown: m[2], value: m[3] })],
];

export function problemMessage(t: TFunction, p: Problem): string {
  for (const [code, re, say] of KNOWN) {
    if (p.code !== code) continue;
    const m = re.exec(p.message);
    if (m) return say(t, m);
  }
  return p.message;
}
