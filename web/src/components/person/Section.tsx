// The frame of one part of the person page: a titled card, and an add form that opens on demand.
import type { ReactNode } from 'react';

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
