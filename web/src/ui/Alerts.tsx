// Announced messages: errors interrupt (role="alert"), confirmations wait (role="status").
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';
import { errorMessage, fieldMessage } from '../errors.ts';

/**
 * The error summary at the top of a form: the failure in words and, when the server
 * named fields, a list of links that move focus to each one.
 */
export function FormAlert({
  error,
  labels = {},
  idPrefix = '',
  override,
}: {
  error: unknown;
  /** path → the field's label, for the summary list */
  labels?: Record<string, string>;
  idPrefix?: string;
  /** A page's own wording for an error code without field details (e.g. wrong credentials at sign-in). */
  override?: Partial<Record<string, string>>;
}) {
  const { t } = useTranslation();
  if (!error) return null;
  const api = error instanceof ApiError ? error : null;
  const fields = (api?.fields ?? []).filter((f) => f.path in labels);
  const focus = (e: MouseEvent<HTMLAnchorElement>, id: string) => {
    e.preventDefault();
    const el = document.getElementById(id);
    el?.focus();
    el?.scrollIntoView({ block: 'center' });
  };
  const headline = fields.length ? t('errors.fieldsHeading') : ((api && override?.[api.code]) ?? errorMessage(t, error));
  return (
    <div className="alert alert--error" role="alert">
      <p className="alert-title">{headline}</p>
      {fields.length > 0 && (
        <ul>
          {fields.map((f) => (
            <li key={f.path}>
              <a href={`#${idPrefix}${f.path}`} onClick={(e) => focus(e, `${idPrefix}${f.path}`)}>
                {labels[f.path]}: {fieldMessage(t, f.message)}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A polite live region for confirmations; present even when empty so changes are announced. */
export function Notice({ message }: { message: string | null | undefined }) {
  return (
    <div role="status" aria-live="polite" className={message ? 'alert alert--ok' : 'live-empty'}>
      {message}
    </div>
  );
}

/** Loading and load-failure states for a page section. */
export function LoadState({ loading, error }: { loading: boolean; error: unknown }) {
  const { t } = useTranslation();
  if (error) return <FormAlert error={error} />;
  if (loading) return <p className="muted" aria-live="polite">{t('app.loading')}</p>;
  return null;
}
