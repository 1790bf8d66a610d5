import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { CreatedUser, CreateUserInput, PendingReply } from '../../../src/accounts/schema.ts';
import { api } from '../api.ts';
import { FormAlert } from '../ui/Alerts.tsx';
import { TextField } from '../ui/Field.tsx';
import { OneTimeCode } from './OneTimeCode.tsx';
import { Page } from '../ui/Page.tsx';
import { UserFields, userFieldLabels, type UserValues } from './UserFields.tsx';
import { setFlash } from '../flash.ts';
import { assertValid, blankFields, useSubmit } from '../form.ts';
import { currentLanguage } from '../i18n/index.ts';
import { Link, navigate } from '../router.tsx';

/** A new account gets a one-time activation code, never a password chosen by the administrator. */
export function UserCreatePage() {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [values, setValues] = useState<UserValues>({ displayName: '', email: '', agencyId: '', roles: [], language: currentLanguage() });
  const [created, setCreated] = useState<z.infer<typeof CreatedUser> | null>(null);
  const { busy, error, onSubmit, fieldError } = useSubmit();
  const labels = userFieldLabels(t);

  const submit = onSubmit(async () => {
    const required = t('fieldErrors.required');
    // In the order of the form, so the error summary reads top to bottom.
    assertValid(blankFields({ username, displayName: values.displayName, agencyId: values.agencyId }, required), blankFields({ roles: values.roles }, t('fieldErrors.chooseRole')));
    const body: CreateUserInput = {
      username: username.trim().toLowerCase(),
      displayName: values.displayName.trim(),
      email: values.email.trim() || null,
      agencyId: values.agencyId,
      roles: values.roles,
      language: values.language,
    };
    const res = await api.post<z.infer<typeof CreatedUser> | z.infer<typeof PendingReply>>('/api/users', body);
    if ('pending' in res) {
      setFlash(t('changes.proposed'));
      navigate('/users');
      return;
    }
    setCreated(res);
  });

  if (created) {
    return (
      <Page title={t('userForm.createTitle')}>
        <p>{t('users.created', { username: created.username })}</p>
        <OneTimeCode code={created.oneTimeCode} username={created.username} />
        <p>
          <Link to="/users">← {t('common.back')}</Link>
        </p>
      </Page>
    );
  }

  return (
    <Page title={t('userForm.createTitle')}>
      <p>
        <Link to="/users">← {t('common.back')}</Link>
      </p>
      <p>{t('userForm.activationIntro')}</p>
      <FormAlert error={error} labels={labels} />
      <form className="card form" onSubmit={submit} noValidate>
        <TextField
          id="username"
          label={labels.username}
          hint={t('userForm.usernameHint')}
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          error={fieldError('username')}
        />
        <UserFields values={values} onChange={setValues} fieldError={fieldError} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('common.saving') : t('userForm.create')}
          </button>
          <Link to="/users" className="button button--secondary">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </Page>
  );
}
