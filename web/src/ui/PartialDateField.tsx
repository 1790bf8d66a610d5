// A date as the person told it: a full date, a month and year, or a year. The value is the text
// the server takes (YYYY-MM-DD, YYYY-MM or YYYY); the choice of what is known comes after the
// date itself, so the usual case (a full date) reads and types like any date field.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRECISIONS, precisionOf, type Precision } from '../../../src/victims/partial-date.ts';
import { useFormat } from '../format.ts';

interface Props {
  id: string;
  legend: string;
  value: string;
  onChange: (value: string) => void;
  /** The latest full date allowed (today). */
  max?: string | undefined;
  error?: string | undefined;
  optional?: boolean;
}

const MONTHS = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));

/** A month still being chosen keeps both parts ("2019-", "-05"); nothing chosen is empty. */
const yearAndMonth = (year: string, month: string) => (year || month ? `${year}-${month}` : '');

/** What is left of a value when the precision changes: coarser keeps its head, finer keeps the year. */
function narrowed(value: string, to: Precision): string {
  const [year = '', month = ''] = value.split('-');
  if (to === 'year') return year;
  if (to === 'month') return yearAndMonth(year, month);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : '';
}

export function PartialDateField({ id, legend, value, onChange, max, error, optional }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const [precision, setPrecision] = useState<Precision>(value ? precisionOf(value) : 'day');
  const describedBy = error ? `${id}-error` : undefined;
  const invalid = error ? true : undefined;
  const [year = '', month = ''] = value.split('-');
  const yearField = (
    <div className="field partial-date-year">
      <label htmlFor={id}>{t('partialDate.year')}</label>
      <input
        id={id}
        name={id}
        inputMode="numeric"
        autoComplete="off"
        maxLength={4}
        value={year}
        onChange={(e) => onChange(precision === 'month' ? yearAndMonth(e.target.value.trim(), month) : e.target.value.trim())}
        aria-describedby={describedBy}
        aria-invalid={invalid}
      />
    </div>
  );
  return (
    <fieldset className={`field partial-date${error ? ' field--error' : ''}`}>
      <legend>
        {legend}
        {optional && <span className="optional"> ({t('common.optional')})</span>}
      </legend>
      {error && (
        <p id={`${id}-error`} className="field-error">
          <span className="visually-hidden">{t('errors.heading')}: </span>
          {error}
        </p>
      )}
      <div className="partial-date-row">
        {precision === 'day' && (
          <div className="field">
            <label htmlFor={id}>{t('partialDate.date')}</label>
            <input id={id} name={id} type="date" max={max} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} />
          </div>
        )}
        {precision !== 'day' && yearField}
        {precision === 'month' && (
          <div className="field">
            <label htmlFor={`${id}-month`}>{t('partialDate.month')}</label>
            <select id={`${id}-month`} value={month} onChange={(e) => onChange(yearAndMonth(year, e.target.value))} aria-invalid={invalid}>
              <option value="">{t('partialDate.chooseMonth')}</option>
              {MONTHS.map((m) => (
                <option key={m} value={m}>
                  {f.monthName(Number(m))}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-precision`}>{t('partialDate.known')}</label>
          <select
            id={`${id}-precision`}
            value={precision}
            onChange={(e) => {
              const next = e.target.value as Precision;
              setPrecision(next);
              onChange(narrowed(value, next));
            }}
          >
            {PRECISIONS.slice()
              .reverse()
              .map((p) => (
                <option key={p} value={p}>
                  {t(`partialDate.${p}Known`)}
                </option>
              ))}
          </select>
        </div>
      </div>
    </fieldset>
  );
}
