// A country as its two-letter ISO code, with the name it stands for shown as the hint.
import type { InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../format.ts';
import { countryCode } from '../victims/victims.ts';
import { TextField } from './Field.tsx';

export function CountryField({
  id,
  label,
  value,
  onChange,
  error,
  optional,
  ...rest
}: {
  id: string;
  label: string;
  value: string;
  onChange: (code: string) => void;
  error?: string | undefined;
  optional?: boolean;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'id'>) {
  const { t } = useTranslation();
  const f = useFormat();
  const name = f.countryName(countryCode(value));
  return (
    <TextField
      id={id}
      label={label}
      optional={optional ?? false}
      hint={name ? t('country.named', { name }) : t('country.hint')}
      value={value}
      onChange={(e) => onChange(e.target.value.toUpperCase())}
      maxLength={2}
      autoComplete="off"
      autoCapitalize="characters"
      spellCheck={false}
      className="field--code"
      error={error}
      {...rest}
    />
  );
}
