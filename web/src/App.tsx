// The session state machine: restore → sign in → (enrol a second factor | change password) → the app.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../src/profile/schema.ts';
import { api, onSessionProblem, setCsrfToken } from './api.ts';
import { Layout } from './ui/Layout.tsx';
import { NotificationsBadge } from './notifications/Notifications.tsx';
import { invalidate } from './data.ts';
import { changeLanguage, currentLanguage } from './i18n/index.ts';
import { ChangePasswordPage } from './accounts/ChangePassword.tsx';
import { EnrolPage } from './accounts/Enrol.tsx';
import { NotFoundPage } from './ui/NotFound.tsx';
import { SignInPage } from './accounts/SignIn.tsx';
import { match, navigate, useLocation } from './router.tsx';
import { publicRoutes, routes } from './routes.ts';
import { can, SessionContext, type Me, type Session } from './session.tsx';

type Phase = { kind: 'loading' } | { kind: 'anonymous'; notice?: 'signedOut' | 'unauthenticated' } | { kind: 'signedIn'; me: Me };

/** Public pages need no session and never wait for one; everything else goes through sign-in. */
export function App() {
  const { path } = useLocation();
  const open = publicRoutes.find((r) => match(r.path, path));
  if (open) {
    const Component = open.component;
    return (
      <Layout>
        <Component />
      </Layout>
    );
  }
  return <SessionApp />;
}

function SessionApp() {
  const { t } = useTranslation();
  const { path } = useLocation();
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  // A language picked on the sign-in screen is stored on the account after sign-in.
  const pickedBeforeSignIn = useRef(false);

  const begin = useCallback(async (me: Me, fresh: boolean) => {
    setCsrfToken(me.csrfToken);
    if (fresh && pickedBeforeSignIn.current && me.user.language !== currentLanguage()) {
      const language = currentLanguage();
      await api.patch('/api/me', { language }).catch(() => undefined);
      me = { ...me, user: { ...me.user, language } };
    } else if (me.user.language !== currentLanguage()) {
      await changeLanguage(me.user.language);
    }
    pickedBeforeSignIn.current = false;
    setPhase({ kind: 'signedIn', me });
  }, []);

  const end = useCallback((notice?: 'signedOut' | 'unauthenticated') => {
    setCsrfToken(null);
    invalidate();
    setPhase(notice ? { kind: 'anonymous', notice } : { kind: 'anonymous' });
  }, []);

  const refresh = useCallback(async () => {
    try {
      const me = await api.quiet.get<Me>('/api/me');
      setCsrfToken(me.csrfToken);
      setPhase({ kind: 'signedIn', me });
    } catch {
      end('unauthenticated');
    }
  }, [end]);

  // Restore a session on load; an unauthenticated answer just means "show sign-in".
  useEffect(() => {
    api.quiet.get<Me>('/api/me').then(
      (me) => begin(me, false),
      () => end(),
    );
  }, [begin, end]);

  // Any later call that finds the session gone, or owing a factor or a password, re-reads it.
  useEffect(
    () =>
      onSessionProblem((code) => {
        if (code === 'unauthenticated') end('unauthenticated');
        else void refresh();
      }),
    [end, refresh],
  );

  const signOut = useCallback(async () => {
    await api.quiet.post('/api/auth/logout').catch(() => undefined);
    end('signedOut');
    navigate('/');
  }, [end]);

  const session: Session | null = useMemo(() => (phase.kind === 'signedIn' ? { me: phase.me, refresh, signOut } : null), [phase, refresh, signOut]);

  const onLanguage = useCallback(
    (language: Language) => {
      if (phase.kind !== 'signedIn') {
        pickedBeforeSignIn.current = true;
        return;
      }
      api.patch('/api/me', { language }).catch(() => undefined);
    },
    [phase.kind],
  );

  if (phase.kind === 'loading') {
    return (
      <p className="boot" aria-live="polite">
        {t('app.loading')}
      </p>
    );
  }

  if (phase.kind === 'anonymous' || !session) {
    const notice = phase.kind === 'anonymous' ? phase.notice : undefined;
    return (
      <Layout onLanguage={onLanguage}>
        <SignInPage notice={notice} onSignedIn={(me) => begin(me, true)} />
      </Layout>
    );
  }

  const { me } = session;
  const frame = { userName: me.user.displayName, onSignOut: () => void signOut(), onLanguage, demo: me.demo, userTools: <NotificationsBadge /> };

  let content;
  let nav;
  if (me.secondFactorEnrolmentRequired) content = <EnrolPage required />;
  else if (me.user.mustChangePassword) content = <ChangePasswordPage />;
  else {
    nav = routes.filter((r) => r.nav && can(me, r.action)).map((r) => ({ path: r.path, label: t(`nav.${r.nav!}`) }));
    const found = routes.map((r) => ({ r, params: match(r.path, path) })).find((x) => x.params !== null && can(me, x.r.action));
    const Component = found?.r.component;
    content = Component && found.params ? <Component key={path} params={found.params} /> : <NotFoundPage />;
  }

  return (
    <SessionContext.Provider value={session}>
      <Layout {...frame} {...(nav ? { nav } : {})}>
        {content}
      </Layout>
    </SessionContext.Provider>
  );
}
