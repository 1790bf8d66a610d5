// The indicator catalogue (profiles/<code>/indicators.json) as the forms and rules use it.
import type { FieldError } from '../errors.ts';
import type { Agency, Indicator, IndicatorCatalogue, Profile } from '../profile/schema.ts';
import { periodTypeOf, type ValueInput } from './schema.ts';

/** Whether an agency reports an indicator: named by code, or covered by its level. */
export function reports(indicator: Indicator, agency: Pick<Agency, 'code' | 'level'>): boolean {
  return indicator.agencies.some((ref) => ref === agency.code || ref === `level:${agency.level}`);
}

/** The indicators on an agency's form for a period: typed or imported, of the period's type. */
export function formIndicators(catalogue: IndicatorCatalogue, agency: Pick<Agency, 'code' | 'level'>, period: string): Indicator[] {
  const type = periodTypeOf(period);
  return catalogue.indicators.filter((i) => i.source === 'form' && i.periodType === type && reports(i, agency));
}

/** Agencies expected to report for a period: every agency with at least one form indicator of its type. */
export function expectedAgencies(profile: Profile, period: string): Agency[] {
  return profile.agencies.filter((a) => formIndicators(profile.indicators, a, period).length > 0);
}

const fmt = (n: number) => new Intl.NumberFormat('en-GB').format(n);

/**
 * Checks one form's values: known indicators, no repeats, whole numbers for counts, never negative,
 * an answer for every indicator when `complete`, and the catalogue's rules between figures.
 * Each problem names its indicator (`values.<id>`); rule messages name both figures and their values.
 */
export function validateValues(catalogue: IndicatorCatalogue, indicators: Indicator[], values: ValueInput[], opts: { complete: boolean }): FieldError[] {
  const errors: FieldError[] = [];
  const onForm = new Map(indicators.map((i) => [i.id, i]));
  const seen = new Map<string, ValueInput>();
  const path = (id: string) => `values.${id}`;
  for (const v of values) {
    const ind = onForm.get(v.indicatorId);
    if (!ind) {
      errors.push({ path: path(v.indicatorId), message: `"${v.indicatorId}" is not on this agency's form for this period` });
      continue;
    }
    if (seen.has(v.indicatorId)) {
      errors.push({ path: path(v.indicatorId), message: `${ind.label.en} is given twice` });
      continue;
    }
    seen.set(v.indicatorId, v);
    const hasValue = v.value !== null && v.value !== undefined;
    if (v.state !== 'reported') {
      if (hasValue) errors.push({ path: path(v.indicatorId), message: `${ind.label.en}: leave the value empty when it is ${v.state === 'unknown' ? 'unknown' : 'not applicable'}` });
      continue;
    }
    if (!hasValue) {
      if (opts.complete) errors.push({ path: path(v.indicatorId), message: `${ind.label.en}: enter a value (0 if none), or mark it unknown or not applicable` });
      continue;
    }
    if (v.value! < 0) errors.push({ path: path(v.indicatorId), message: `${ind.label.en} cannot be negative (${fmt(v.value!)})` });
    else if (ind.unit !== 'azn' && !Number.isInteger(v.value)) errors.push({ path: path(v.indicatorId), message: `${ind.label.en} must be a whole number (${v.value})` });
    else if (ind.unit === 'azn' && Math.round(v.value! * 100) !== v.value! * 100) errors.push({ path: path(v.indicatorId), message: `${ind.label.en}: at most two decimals` });
  }
  if (opts.complete) {
    for (const ind of indicators) {
      if (!seen.has(ind.id)) errors.push({ path: path(ind.id), message: `${ind.label.en}: enter a value (0 if none), or mark it unknown or not applicable` });
    }
  }
  const reported = (id: string) => {
    const v = seen.get(id);
    return v?.state === 'reported' && typeof v.value === 'number' ? v.value : null;
  };
  for (const rule of catalogue.rules) {
    const left = onForm.get(rule.left);
    const right = onForm.get(rule.right);
    const l = reported(rule.left);
    const r = reported(rule.right);
    // A rule between figures of different agencies is checked on the national figures, not on a form.
    if (!left || !right || l === null || r === null) continue;
    const names = `${left.label.en} (${fmt(l)})`;
    const other = `${right.label.en} (${fmt(r)})`;
    switch (rule.kind) {
      case 'part_of':
        if (l > r) errors.push({ path: path(rule.left), message: `${names} cannot be more than ${other}, of which it is a part` });
        break;
      case 'at_most':
        if (l > r) errors.push({ path: path(rule.left), message: `${names} cannot be more than ${other}` });
        break;
      case 'requires':
        if (l > 0 && r === 0) errors.push({ path: path(rule.right), message: `${other} cannot be 0 when ${names} is reported` });
        break;
      default: {
        const never: never = rule.kind;
        throw new Error(`unknown rule kind ${String(never)}`);
      }
    }
  }
  return errors;
}
