// Labelled form controls: every control has a <label>, and its hint and error are
// linked with aria-describedby so screen readers read them with the control.
import type { ComponentPropsWithRef, InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

interface Common {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  optional?: boolean;
}

function describedBy(id: string, hint?: string, error?: string) {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Extras({ id, hint, error }: { id: string; hint?: string | undefined; error?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          <span className="visually-hidden">{t('errors.heading')}: </span>
          {error}
        </p>
      )}
    </>
  );
}

function Label({ id, label, optional }: Pick<Common, 'id' | 'label' | 'optional'>) {
  const { t } = useTranslation();
  return (
    <label htmlFor={id}>
      {label}
      {optional && <span className="optional"> ({t('common.optional')})</span>}
    </label>
  );
}

export function TextField({ id, label, hint, error, optional, className, ...input }: Common & ComponentPropsWithRef<'input'>) {
  return (
    <div className={`field${error ? ' field--error' : ''}${className ? ` ${className}` : ''}`}>
      <Label id={id} label={label} optional={optional ?? false} />
      <Extras id={id} hint={hint} error={error} />
      <input id={id} name={id} aria-describedby={describedBy(id, hint, error)} aria-invalid={error ? true : undefined} {...input} />
    </div>
  );
}

export function TextAreaField({ id, label, hint, error, optional, className, ...area }: Common & ComponentPropsWithRef<'textarea'>) {
  return (
    <div className={`field${error ? ' field--error' : ''}${className ? ` ${className}` : ''}`}>
      <Label id={id} label={label} optional={optional ?? false} />
      <Extras id={id} hint={hint} error={error} />
      <textarea id={id} name={id} aria-describedby={describedBy(id, hint, error)} aria-invalid={error ? true : undefined} {...area} />
    </div>
  );
}

export function SelectField({ id, label, hint, error, optional, children, className, ...select }: Common & SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode }) {
  return (
    <div className={`field${error ? ' field--error' : ''}${className ? ` ${className}` : ''}`}>
      <Label id={id} label={label} optional={optional ?? false} />
      <Extras id={id} hint={hint} error={error} />
      <select id={id} name={id} aria-describedby={describedBy(id, hint, error)} aria-invalid={error ? true : undefined} {...select}>
        {children}
      </select>
    </div>
  );
}

export function CheckboxField({ id, label, hint, error, ...input }: Omit<Common, 'optional'> & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className={`field field--checkbox${error ? ' field--error' : ''}`}>
      <input type="checkbox" id={id} name={id} aria-describedby={describedBy(id, hint, error)} aria-invalid={error ? true : undefined} {...input} />
      <label htmlFor={id}>{label}</label>
      <Extras id={id} hint={hint} error={error} />
    </div>
  );
}

/** A group of checkboxes under one legend (e.g. the roles of a user). */
export function CheckboxGroup<V extends string>({
  id,
  legend,
  options,
  value,
  onChange,
  error,
  hint,
}: {
  id: string;
  legend: string;
  options: readonly { value: V; label: string }[];
  value: readonly V[];
  onChange: (next: V[]) => void;
  error?: string | undefined;
  hint?: string | undefined;
}) {
  const toggle = (v: V, on: boolean) => onChange(on ? [...value.filter((x) => x !== v), v] : value.filter((x) => x !== v));
  return (
    <fieldset id={id} className={`field checkbox-group${error ? ' field--error' : ''}`} aria-describedby={describedBy(id, hint, error)} tabIndex={-1}>
      <legend>{legend}</legend>
      <Extras id={id} hint={hint} error={error} />
      <div className="checkbox-grid">
        {options.map((o) => (
          <div className="field--checkbox" key={o.value}>
            <input type="checkbox" id={`${id}-${o.value}`} checked={value.includes(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} />
            <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * One choice of a few, all in view (e.g. gender): arrow keys move and choose, Enter submits the
 * form from any of them, which makes short forms quick to finish from the keyboard.
 */
export function RadioGroup<V extends string>({
  id,
  legend,
  options,
  value,
  onChange,
  error,
  hint,
}: {
  id: string;
  legend: string;
  options: readonly { value: V; label: string }[];
  value: V | '';
  onChange: (next: V) => void;
  error?: string | undefined;
  hint?: string | undefined;
}) {
  return (
    <fieldset id={id} className={`field radio-group${error ? ' field--error' : ''}`} aria-describedby={describedBy(id, hint, error)} tabIndex={-1}>
      <legend>{legend}</legend>
      <Extras id={id} hint={hint} error={error} />
      <div className="radio-row">
        {options.map((o) => (
          <div className="field--checkbox" key={o.value}>
            <input type="radio" id={`${id}-${o.value}`} name={id} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} aria-invalid={error ? true : undefined} />
            <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
