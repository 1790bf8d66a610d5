import { useState, type ReactNode } from 'react';

/** A folding card that the user opens and closes, and that opens by itself when errors appear inside. */
export function Fold({ openWhen, startOpen, className, children, ...data }: { openWhen: boolean; startOpen?: boolean; className: string; children: ReactNode } & Record<`data-${string}`, string>) {
  const [open, setOpen] = useState(openWhen || Boolean(startOpen));
  const [hadErrors, setHadErrors] = useState(openWhen);
  if (openWhen !== hadErrors) {
    setHadErrors(openWhen);
    if (openWhen) setOpen(true);
  }
  return (
    <details className={className} open={open} onToggle={(e) => setOpen(e.currentTarget.open)} {...data}>
      {children}
    </details>
  );
}
