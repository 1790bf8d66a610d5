import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { FormAlert, Notice } from '../ui/Alerts.tsx';
import { TextField } from '../ui/Field.tsx';
import { Page } from '../ui/Page.tsx';
import { PasswordChangeForm } from './PasswordChangeForm.tsx';
import { TotpEnrolment } from './TotpEnrolment.tsx';
import { useSubmit } from '../form.ts';
import { useSession } from '../session.tsx';
import { OwnSessions } from './OwnSessions.tsx';

/** One's own password and second factor. */
export function AccountPage() {
  const { t } = useTranslation();
  const { me, refresh } = useSession();
  const [notice, setNotice] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const disable = useSubmit();

  const onDisable = disable.onSubmit(async () => {
    await api.post('/api/me/totp/disable', { code: code.trim() });
    setCode('');
    setNotice(t('account.disabled'));
    await refresh();
  });

  return (
    <Page title={t('account.title')}>
      <Notice message={notice} />
      <section className="card" aria-labelledby="account-password">
        <h2 id="account-password">{t('account.passwordTitle')}</h2>
        <PasswordChangeForm
          onChanged={async () => {
            setNotice(t('changePassword.done'));
            await refresh();
          }}
        />
      </section>

      <section className="card" aria-labelledby="account-totp">
        <h2 id="account-totp">{t('account.twoFactorTitle')}</h2>
        <p>{me.user.totpEnabled ? t('account.on') : t('account.off')}</p>
        {me.user.totpEnabled ? (
          <>
            <p>{t('account.disableIntro')}</p>
            <FormAlert error={disable.error} labels={{ code: t('enrol.code') }} idPrefix="disable-" />
            <form className="form" onSubmit={onDisable} noValidate>
              <TextField id="disable-code" label={t('enrol.code')} value={code} onChange={(e) => setCode(e.target.value)} inputMode="numeric" autoComplete="one-time-code" maxLength={6} className="field--short" error={disable.fieldError('code')} />
              <div className="form-actions">
                <button type="submit" className="button button--secondary" disabled={disable.busy}>
                  {t('account.disable')}
                </button>
              </div>
            </form>
          </>
        ) : (
          <TotpEnrolment
            required={me.secondFactorEnrolmentRequired}
            onEnabled={async () => {
              setNotice(t('enrol.done'));
              await refresh();
            }}
          />
        )}
      </section>

      <OwnSessions />
    </Page>
  );
}
