import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { clientInvalid, requireFilled, useSubmit } from '../form.ts';
import { useSession } from '../session.tsx';
import { FormAlert } from '../ui/Alerts.tsx';
import { TextField } from '../ui/Field.tsx';

/** Current password, new password twice; the server's policy errors land on the named field. */
export function PasswordChangeForm({ onChanged }: { onChanged: () => Promise<void> }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const { busy, error, onSubmit, fieldError } = useSubmit();
  const labels = { currentPassword: t('changePassword.current'), newPassword: t('changePassword.new'), confirmPassword: t('changePassword.confirm') };

  const submit = onSubmit(async () => {
    requireFilled({ currentPassword, newPassword, confirmPassword: confirm }, t('fieldErrors.required'));
    if (newPassword !== confirm) throw clientInvalid([{ path: 'confirmPassword', message: t('fieldErrors.mismatch') }]);
    await api.post('/api/me/password', { currentPassword, newPassword });
    setCurrent('');
    setNew('');
    setConfirm('');
    await onChanged();
  });

  return (
    <>
      <FormAlert error={error} labels={labels} override={{ invalid_credentials: t('fieldErrors.wrongPassword') }} />
      <form className="form" onSubmit={submit} noValidate>
        {/* Lets password managers file the new password under the right account. */}
        <input type="text" name="username" autoComplete="username" value={me.user.username} readOnly hidden />
        <TextField id="currentPassword" type="password" label={labels.currentPassword} value={currentPassword} onChange={(e) => setCurrent(e.target.value)} autoComplete="current-password" error={fieldError('currentPassword')} />
        <TextField id="newPassword" type="password" label={labels.newPassword} hint={t('changePassword.policy')} value={newPassword} onChange={(e) => setNew(e.target.value)} autoComplete="new-password" error={fieldError('newPassword')} />
        <TextField id="confirmPassword" type="password" label={labels.confirmPassword} value={confirm} onChange={(e) => setConfirm(e.target.value)} autoComplete="new-password" error={fieldError('confirmPassword')} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {t('changePassword.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
