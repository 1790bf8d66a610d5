// A catalogue is checked whole before it is stored: every problem at once, each named by its path
// ("indicators.3.attributes.0.id"), so the coordinator can fix them in one go.
import type { FieldError } from '../errors.ts';
import type { IndicatorCatalogue, Profile } from '../profile/schema.ts';

/** Ids and attribute ids unique, renames pointing at ids no longer in use, reporters that exist, rules between known indicators. */
export function checkCatalogue(c: IndicatorCatalogue, profile: Profile): FieldError[] {
  const errors: FieldError[] = [];
  const add = (path: string, message: string) => errors.push({ path, message });
  const first = new Map<string, number>();
  c.indicators.forEach((ind, i) => {
    const j = first.get(ind.id);
    if (j !== undefined) add(`indicators.${i}.id`, `"${ind.id}" is already indicator ${j + 1}`);
    else first.set(ind.id, i);
  });
  const codes = new Set(profile.agencies.map((a) => a.code));
  const renamedBy = new Map<string, string>();
  c.indicators.forEach((ind, i) => {
    const at = `indicators.${i}`;
    const attrs = new Set<string>();
    ind.attributes.forEach((a, k) => {
      if (attrs.has(a.id)) add(`${at}.attributes.${k}.id`, `attribute "${a.id}" is given twice`);
      attrs.add(a.id);
    });
    ind.agencies.forEach((ref, k) => {
      if (!ref.startsWith('level:') && !ref.startsWith('kind:') && !codes.has(ref)) add(`${at}.agencies.${k}`, `unknown agency "${ref}"`);
    });
    if (ind.source === 'form' && !ind.retired && ind.agencies.length === 0) add(`${at}.agencies`, 'say which agencies report it');
    ind.renamedFrom.forEach((old, k) => {
      if (old === ind.id) add(`${at}.renamedFrom.${k}`, 'an indicator is not renamed from itself');
      else if (first.has(old)) add(`${at}.renamedFrom.${k}`, `"${old}" is still an indicator of this catalogue; retire it or remove it first`);
      else if (renamedBy.has(old)) add(`${at}.renamedFrom.${k}`, `"${old}" is already continued by "${renamedBy.get(old)}"`);
      renamedBy.set(old, ind.id);
    });
  });
  c.rules.forEach((r, i) => {
    for (const side of ['left', 'right'] as const) {
      const k = first.get(r[side]);
      if (k === undefined) add(`rules.${i}.${side}`, `unknown indicator "${r[side]}"`);
    }
    const l = c.indicators[first.get(r.left) ?? -1];
    const rt = c.indicators[first.get(r.right) ?? -1];
    if (l && rt && l.periodType !== rt.periodType) add(`rules.${i}`, 'a rule compares indicators of one period type');
  });
  return errors;
}
