import type { ReactNode } from 'react';
import { usePageTitle } from '../router.tsx';

/** A page's heading (focus target after navigation) and document title. */
export function Page({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  usePageTitle(title);
  return (
    <>
      <div className="page-head">
        <h1 tabIndex={-1}>{title}</h1>
        {actions && <div className="page-actions">{actions}</div>}
      </div>
      {children}
    </>
  );
}
