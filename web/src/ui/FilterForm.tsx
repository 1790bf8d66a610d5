// The filter form above a list: a labelled search landmark with its fields, then submit and clear.
import type { FormEventHandler, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function FilterForm({
  label,
  submitLabel,
  onSubmit,
  onClear,
  noValidate,
  children,
}: {
  label: string;
  submitLabel: string;
  onSubmit: FormEventHandler<HTMLFormElement>;
  onClear: () => void;
  noValidate?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <form className="filters card" role="search" aria-label={label} onSubmit={onSubmit} noValidate={noValidate}>
      {children}
      <div className="form-actions">
        <button type="submit" className="button">
          {submitLabel}
        </button>
        <button type="button" className="button button--secondary" onClick={onClear}>
          {t('common.clear')}
        </button>
      </div>
    </form>
  );
}
