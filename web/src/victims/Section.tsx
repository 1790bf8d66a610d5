// The frame of one part of the person page: a titled card, and an add form that opens on demand.
import type { FormEventHandler, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../ui/Alerts.tsx';

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="card person-section" id={id} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}

/** A form behind a disclosure button (<details>): keyboard- and screen-reader-friendly, no script. */
export function AddForm({ summary, children, open }: { summary: string; children: ReactNode; open?: boolean }) {
  return (
    <details className="add-form" open={open}>
      <summary>{summary}</summary>
      <div className="add-form-body">{children}</div>
    </details>
  );
}

/** "Nothing recorded yet." */
export function Empty({ children }: { children: ReactNode }) {
  return <p className="muted">{children}</p>;
}

/**
 * The usual add form of a section: behind its disclosure, the error summary, the fields and a save
 * button that says it is saving while the request is out.
 */
export function AddRecordForm({
  summary,
  error,
  labels,
  idPrefix,
  onSubmit,
  busy,
  saveLabel,
  wide,
  children,
}: {
  summary: string;
  error: unknown;
  labels: Record<string, string>;
  idPrefix: string;
  onSubmit: FormEventHandler<HTMLFormElement>;
  busy: boolean;
  saveLabel: string;
  /** The form spans the section's width (for many fields side by side). */
  wide?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <AddForm summary={summary}>
      <FormAlert error={error} labels={labels} idPrefix={idPrefix} />
      <form className={wide ? 'form form--wide' : 'form'} onSubmit={onSubmit} noValidate>
        {children}
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('common.saving') : saveLabel}
          </button>
        </div>
      </form>
    </AddForm>
  );
}
