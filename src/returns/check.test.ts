import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareWithReport, type ReportValues } from './check.ts';
import { calendarYear, parsePeriod, tipYear, wholeCalendarYear } from './period.ts';

const report: ReportValues = new Map([['victims.identified', { value: 91, breakdown: { female: 90, male: 1 } }]]);

test('a disagreement with the annual report is a finding with both numbers, never silence', () => {
  const findings = compareWithReport(report, calendarYear(2023), [
    { figure: 'victims.identified', ours: 91, what: 'Victims' },
    { figure: 'victims.identified', part: 'male', ours: 2, what: 'Victims, male' },
    { figure: 'victims.unheard_of', ours: 1, what: 'Something' },
  ]);
  assert.deepEqual(findings.map((f) => [f.code, f.severity, f.figure, f.part, f.ours, f.report]), [
    ['report_disagrees', 'error', 'victims.identified', 'male', 2, 1],
    ['report_not_comparable', 'warning', 'victims.unheard_of', undefined, 1, undefined],
  ]);
});

test('only a whole calendar year compares with the annual report', () => {
  assert.equal(wholeCalendarYear(calendarYear(2023)), 2023);
  assert.equal(wholeCalendarYear(tipYear(2024)), null);
  assert.equal(wholeCalendarYear({ from: '2023-01-01', to: '2023-12-30' }), null);
  assert.deepEqual(compareWithReport(null, tipYear(2024), [{ figure: 'victims.identified', ours: 3, what: 'Victims' }]).map((f) => f.code), ['report_not_comparable']);
});

test('the CLI period: a year, or both dates, checked', () => {
  assert.deepEqual(parsePeriod({ period: '2023' }), { from: '2023-01-01', to: '2023-12-31' });
  assert.deepEqual(parsePeriod({ from: '2023-04-01', to: '2024-03-31' }), tipYear(2024));
  assert.throws(() => parsePeriod({ from: '2023-02-30', to: '2024-03-31' }), /Invalid period/);
  assert.throws(() => parsePeriod({ period: '2023', from: '2023-01-01' }), /Invalid period/);
  assert.throws(() => parsePeriod({ from: '2024-01-01', to: '2023-01-01' }), /Invalid period/);
});
