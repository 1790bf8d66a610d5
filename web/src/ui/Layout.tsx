// The frame around every screen: skip link, header (brand, language, sign-out), navigation, main.
import { useEffect, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../src/profile/schema.ts';
import { Link, useLocation } from '../router.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

export interface NavItem {
  path: string;
  label: string;
}

export function Layout({
  children,
  nav,
  userName,
  onSignOut,
  onLanguage,
  demo = false,
  userTools,
}: {
  children: ReactNode;
  /** A demo database: say so on every page (sign-in there needs no second factor). */
  demo?: boolean;
  nav?: NavItem[];
  userName?: string;
  onSignOut?: () => void;
  onLanguage?: (lang: Language) => void;
  /** Beside the user's name: the notifications badge. */
  userTools?: ReactNode;
}) {
  const { t } = useTranslation();
  const { path } = useLocation();
  const first = useRef(true);
  // On a narrow screen the navigation folds behind a menu button; a page change folds it again.
  // Open for the page it was opened on: any navigation closes it without an effect.
  const [openAt, setOpenAt] = useState<string | null>(null);
  const menuOpen = openAt === path;

  // After an in-app navigation, focus the new page's heading so it is announced, or the field
  // a data-entry page marks as where work starts (its label is announced instead).
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    (document.querySelector<HTMLElement>('main [data-autofocus]') ?? document.querySelector<HTMLElement>('main h1'))?.focus();
  }, [path]);

  const skip = (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    document.getElementById('main')?.focus();
  };
  const under = (p: string) => (p === '/' ? path === '/' : path === p || path.startsWith(`${p}/`));
  // The deepest item the address is under (/hotline/new is "new contact", not also "hotline").
  const current = (nav ?? []).filter((i) => under(i.path)).sort((a, b) => b.path.length - a.path.length)[0]?.path;
  const isCurrent = (p: string) => p === current;

  return (
    <>
      <a className="skip-link" href="#main" onClick={skip}>
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <div className="brand">
            <span className="brand-name">{t('app.name')}</span>
            <span className="brand-tagline">{t('app.tagline')}</span>
          </div>
          <div className="header-tools">
            <LanguageSwitch {...(onLanguage ? { onChanged: onLanguage } : {})} />
            {userName && onSignOut && (
              <div className="user-box">
                {userTools}
                <span className="user-name">{t('app.signedInAs', { name: userName })}</span>
                <button type="button" className="button button--secondary" onClick={onSignOut}>
                  {t('app.signOut')}
                </button>
              </div>
            )}
          </div>
        </div>
        {nav && nav.length > 0 && (
          <nav aria-label={t('app.mainNav')} className="site-nav" data-open={menuOpen ? 'true' : 'false'}>
            <button type="button" className="menu-button" aria-expanded={menuOpen} aria-controls="main-nav-list" onClick={() => setOpenAt(menuOpen ? null : path)}>
              {t('app.menu')}
            </button>
            <ul id="main-nav-list">
              {nav.map((item) => (
                <li key={item.path}>
                  <Link to={item.path} aria-current={isCurrent(item.path) ? 'page' : undefined}>
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        {demo && (
          <p className="alert alert--warn" role="note" data-testid="demo-banner">
            {t('app.demoBanner')}
          </p>
        )}
        {children}
      </main>
      <footer className="site-footer">
        <p>{t('app.confidential')}</p>
      </footer>
    </>
  );
}
