// A small History-API router: no library, plain paths, Back and Forward work.
import { useEffect, useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

const EVENT = 'azad:navigate';

export interface Location {
  path: string;
  query: URLSearchParams;
}

let snapshot: { href: string; location: Location } | null = null;

function current(): Location {
  const href = window.location.pathname + window.location.search;
  if (snapshot?.href !== href) {
    snapshot = { href, location: { path: window.location.pathname.replace(/\/+$/, '') || '/', query: new URLSearchParams(window.location.search) } };
  }
  return snapshot.location;
}

function subscribe(onChange: () => void) {
  window.addEventListener('popstate', onChange);
  window.addEventListener(EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(EVENT, onChange);
  };
}

export function useLocation(): Location {
  return useSyncExternalStore(subscribe, current);
}

/** Goes to an in-app address; `replace` keeps the history entry (e.g. after a search). */
export function navigate(to: string, opts: { replace?: boolean } = {}) {
  if (to === window.location.pathname + window.location.search) return;
  if (opts.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(EVENT));
}

/** Matches `/users/:id`-style patterns; returns the parameters or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/');
  const s = path.split('/');
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    const seg = p[i] ?? '';
    const val = s[i] ?? '';
    if (seg.startsWith(':')) params[seg.slice(1)] = decodeURIComponent(val);
    else if (seg !== val) return null;
  }
  return params;
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string };

/** An ordinary link (middle-click and "open in new tab" still work) that routes in-app. */
export function Link({ to, onClick, children, ...rest }: LinkProps) {
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={handle} {...rest}>
      {children}
    </a>
  );
}

/** Sets the document title for the page being shown. */
export function usePageTitle(title: string) {
  useEffect(() => {
    document.title = `${title} · Azad`;
  }, [title]);
}
