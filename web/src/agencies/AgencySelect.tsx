// Choosing an agency: active agencies grouped by kind, each group in alphabetical order.
import type { SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { AgencyKind } from '../../../src/profile/schema.ts';
import { useAgencies } from '../data.ts';
import { useFormat } from '../format.ts';
import { SelectField } from '../ui/Field.tsx';

export function AgencySelect({
  id,
  label,
  value,
  onChange,
  error,
  hint,
  optional,
  placeholder,
  exclude,
  ...rest
}: {
  id: string;
  label: string;
  value: string;
  onChange: (id: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
  optional?: boolean;
  /** The first, empty option ("Choose an agency", "All agencies"). */
  placeholder: string;
  /** Agencies not offered (e.g. one's own, as a referral target). */
  exclude?: readonly string[];
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange' | 'id'>) {
  const { t } = useTranslation();
  const f = useFormat();
  const agencies = useAgencies();
  const items = (agencies.data?.items ?? []).filter((a) => (a.active || a.id === value) && !exclude?.includes(a.id));
  const groups = AgencyKind.options
    .map((kind) => ({ kind, items: items.filter((a) => a.kind === kind).sort((a, b) => f.label(a.name).localeCompare(f.label(b.name))) }))
    .filter((g) => g.items.length > 0);
  return (
    <SelectField id={id} label={label} hint={hint} error={error} optional={optional ?? false} value={value} onChange={(e) => onChange(e.target.value)} {...rest}>
      <option value="">{placeholder}</option>
      {groups.map((g) => (
        <optgroup key={g.kind} label={t(`agencyKinds.${g.kind}`)}>
          {g.items.map((a) => (
            <option key={a.id} value={a.id}>
              {f.label(a.name)}
            </option>
          ))}
        </optgroup>
      ))}
    </SelectField>
  );
}
