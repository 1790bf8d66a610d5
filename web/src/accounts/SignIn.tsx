import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api.ts';
import { FormAlert, Notice } from '../ui/Alerts.tsx';
import { CheckboxField, TextField } from '../ui/Field.tsx';
import { Page } from '../ui/Page.tsx';
import { Link } from '../router.tsx';
import { requireFilled, useSubmit } from '../form.ts';
import type { Me } from '../session.tsx';

/**
 * Username and password; then, when the account has a second factor, the six-digit code. With an
 * administrator's one-time code instead, the person chooses their own password and is signed in.
 */
export function SignInPage({ notice, onSignedIn }: { notice?: 'signedOut' | 'unauthenticated' | undefined; onSignedIn: (me: Me) => Promise<void> }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needTotp, setNeedTotp] = useState(false);
  const [endOthers, setEndOthers] = useState(false);
  const [withCode, setWithCode] = useState(false);
  const [code, setCode] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const totpRef = useRef<HTMLInputElement>(null);
  const { busy, error, setError, onSubmit, fieldError } = useSubmit();

  // The code field appears in place of nothing: take the user straight to it.
  useEffect(() => {
    if (needTotp) totpRef.current?.focus();
  }, [needTotp]);

  const submit = onSubmit(async () => {
    const required = t('fieldErrors.required');
    const secret = withCode ? { code, newPassword } : { password };
    requireFilled(needTotp ? { username, ...secret, totp } : { username, ...secret }, required);
    try {
      const common = { username, ...(needTotp ? { totp: totp.trim() } : {}), ...(endOthers ? { endOtherSessions: true } : {}) };
      const me = withCode
        ? await api.quiet.post<Me>('/api/auth/reset', { ...common, code: code.trim(), newPassword })
        : await api.quiet.post<Me>('/api/auth/login', { ...common, password });
      setPassword('');
      setNewPassword('');
      setCode('');
      setTotp('');
      await onSignedIn(me);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'second_factor_required' && !needTotp) {
        setNeedTotp(true);
        setError(null);
        return;
      }
      throw err;
    }
  });

  const startOver = () => {
    setNeedTotp(false);
    setNewPassword('');
    setCode('');
    setTotp('');
    setPassword('');
    setError(null);
  };

  const labels = { username: t('signIn.username'), password: t('signIn.password'), totp: t('signIn.totp'), code: t('signIn.code'), newPassword: t('signIn.newPassword') };
  const wrong = needTotp ? undefined : withCode ? t('signIn.wrongCode') : t('signIn.wrong');

  return (
    <div className="narrow">
      <Page title={t('signIn.title')}>
        {notice && !error && <Notice message={notice === 'signedOut' ? t('signIn.signedOut') : t('errors.unauthenticated')} />}
        <p>{needTotp ? t('signIn.totpIntro') : withCode ? t('signIn.codeIntro') : t('signIn.intro')}</p>
        <FormAlert error={error} labels={labels} override={wrong ? { invalid_credentials: wrong } : {}} />
        <form className="card form" onSubmit={submit} noValidate>
          <TextField
            id="username"
            label={labels.username}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            readOnly={needTotp}
            required
            error={fieldError('username')}
          />
          {withCode ? (
            <>
              <TextField id="code" label={labels.code} value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" autoCapitalize="characters" spellCheck={false} readOnly={needTotp} required error={fieldError('code')} />
              <TextField
                id="newPassword"
                type="password"
                label={labels.newPassword}
                hint={t('changePassword.policy')}
                value={newPassword}
                onChange={(e) => setNewPassword(e.target.value)}
                autoComplete="new-password"
                readOnly={needTotp}
                required
                error={fieldError('newPassword')}
              />
            </>
          ) : (
            <TextField
              id="password"
              type="password"
              label={labels.password}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              autoComplete="current-password"
              readOnly={needTotp}
              required
              error={fieldError('password')}
            />
          )}
          {needTotp && (
            <TextField
              ref={totpRef}
              id="totp"
              label={labels.totp}
              hint={t('signIn.totpHint')}
              value={totp}
              onChange={(e) => setTotp(e.target.value)}
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              maxLength={6}
              className="field--short"
              required
              error={fieldError('totp')}
            />
          )}
          <CheckboxField id="endOtherSessions" label={t('signIn.endOtherSessions')} checked={endOthers} onChange={(e) => setEndOthers(e.target.checked)} />
          <div className="form-actions">
            <button type="submit" className="button" disabled={busy}>
              {busy ? t('signIn.submitting') : t('signIn.submit')}
            </button>
            {needTotp && (
              <button type="button" className="button button--link" onClick={startOver}>
                {t('signIn.startOver')}
              </button>
            )}
            {!needTotp && (
              <button
                type="button"
                className="button button--link"
                onClick={() => {
                  setWithCode(!withCode);
                  setError(null);
                }}
              >
                {withCode ? t('signIn.withPassword') : t('signIn.withCode')}
              </button>
            )}
          </div>
        </form>
        <p className="hint">
          <Link to="/public">{t('public.title')}</Link>
        </p>
      </Page>
    </div>
  );
}
