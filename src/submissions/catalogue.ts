// The indicator catalogue in force for a period (src/indicators/) as the forms and rules use it.
import type { FieldError } from '../errors.ts';
import type { Agency, Indicator, IndicatorCatalogue, Profile } from '../profile/schema.ts';
import { periodTypeOf, type ValueInput } from './schema.ts';

/** Whether an agency reports an indicator: named by code, or covered by its level or its kind. */
export function reports(indicator: Indicator, agency: Pick<Agency, 'code' | 'level'> & Partial<Pick<Agency, 'kind'>>): boolean {
  return indicator.agencies.some((ref) => ref === agency.code || ref === `level:${agency.level}` || ref === `kind:${agency.kind}`);
}

/** The indicators on an agency's form for a period: typed or imported, of the period's type, not retired. */
export function formIndicators(catalogue: IndicatorCatalogue, agency: Pick<Agency, 'code' | 'level'> & Partial<Pick<Agency, 'kind'>>, period: string): Indicator[] {
  const type = periodTypeOf(period);
  return catalogue.indicators.filter((i) => i.source === 'form' && !i.retired && i.periodType === type && reports(i, agency));
}

/** Agencies expected to report for a period: every agency with at least one form indicator of its type. */
export function expectedAgencies(profile: Profile, period: string, catalogue: IndicatorCatalogue = profile.indicators): Agency[] {
  return profile.agencies.filter((a) => formIndicators(catalogue, a, period).length > 0);
}

/** The field a value's problems are named by: `values.<indicator>`, or `values.<indicator>#<attribute>` for an attribute. */
export const valuePath = (indicatorId: string, attribute = '') => `values.${indicatorId}${attribute ? `#${attribute}` : ''}`;

const fmt = (n: number) => new Intl.NumberFormat('en-GB').format(n);

/**
 * Checks one form's values: known indicators and attributes, no repeats, whole numbers for counts, never negative,
 * an answer for every indicator when `complete`, and the catalogue's rules between figures.
 * Each problem names its indicator (`values.<id>`); rule messages name both figures and their values.
 */
export function validateValues(catalogue: IndicatorCatalogue, indicators: Indicator[], values: ValueInput[], opts: { complete: boolean }): FieldError[] {
  const errors: FieldError[] = [];
  const onForm = new Map(indicators.map((i) => [i.id, i]));
  // Counts by indicator id (the rules compare them); every answer, attributes included, by its path.
  const seen = new Map<string, ValueInput>();
  const answered = new Set<string>();
  for (const v of values) {
    const attr = v.attribute ?? '';
    const path = valuePath(v.indicatorId, attr);
    const ind = onForm.get(v.indicatorId);
    if (!ind) {
      errors.push({ path, message: `"${v.indicatorId}" is not on this agency's form for this period` });
      continue;
    }
    const attribute = attr ? ind.attributes.find((a) => a.id === attr) : undefined;
    if (attr && !attribute) {
      errors.push({ path, message: `${ind.label.en} has no attribute "${attr}"${ind.attributes.length ? ` (${ind.attributes.map((a) => a.id).join(', ')})` : ''}` });
      continue;
    }
    const name = attribute ? `${ind.label.en}, ${attribute.label.en}` : ind.label.en;
    const unit = attribute ? attribute.unit : ind.unit;
    if (answered.has(path)) {
      errors.push({ path, message: `${name} is given twice` });
      continue;
    }
    answered.add(path);
    if (!attr) seen.set(v.indicatorId, v);
    const hasValue = v.value !== null && v.value !== undefined;
    if (v.state !== 'reported') {
      if (hasValue) errors.push({ path, message: `${name}: leave the value empty when it is ${v.state === 'unknown' ? 'unknown' : 'not applicable'}` });
      continue;
    }
    if (!hasValue) {
      if (opts.complete) errors.push({ path, message: `${name}: enter a value (0 if none), or mark it unknown or not applicable` });
      continue;
    }
    if (v.value! < 0) errors.push({ path, message: `${name} cannot be negative (${fmt(v.value!)})` });
    else if (unit !== 'azn' && !Number.isInteger(v.value)) errors.push({ path, message: `${name} must be a whole number (${v.value})` });
    else if (unit === 'azn' && Math.round(v.value! * 100) !== v.value! * 100) errors.push({ path, message: `${name}: at most two decimals` });
  }
  if (opts.complete) {
    for (const ind of indicators) {
      if (!answered.has(valuePath(ind.id))) errors.push({ path: valuePath(ind.id), message: `${ind.label.en}: enter a value (0 if none), or mark it unknown or not applicable` });
      for (const a of ind.attributes) {
        if (!answered.has(valuePath(ind.id, a.id))) errors.push({ path: valuePath(ind.id, a.id), message: `${ind.label.en}, ${a.label.en}: enter a value (0 if none), or mark it unknown or not applicable` });
      }
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
        if (l > r) errors.push({ path: valuePath(rule.left), message: `${names} cannot be more than ${other}, of which it is a part` });
        break;
      case 'at_most':
        if (l > r) errors.push({ path: valuePath(rule.left), message: `${names} cannot be more than ${other}` });
        break;
      case 'requires':
        if (l > 0 && r === 0) errors.push({ path: valuePath(rule.right), message: `${other} cannot be 0 when ${names} is reported` });
        break;
      default: {
        const never: never = rule.kind;
        throw new Error(`unknown rule kind ${String(never)}`);
      }
    }
  }
  return errors;
}
