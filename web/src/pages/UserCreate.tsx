import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateUserInput, User } from '../../../src/accounts/schema.ts';
import { api } from '../api.ts';
import { FormAlert } from '../components/Alerts.tsx';
import { CheckboxField, TextField } from '../components/Field.tsx';
import { Page } from '../components/Page.tsx';
import { UserFields, userFieldLabels, type UserValues } from '../components/UserFields.tsx';
import { setFlash } from '../flash.ts';
import { assertValid, blankFields, useSubmit } from '../form.ts';
import { currentLanguage } from '../i18n/index.ts';
import { Link, navigate } from '../router.tsx';

export function UserCreatePage() {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [mustChangePassword, setMustChange] = useState(true);
  const [values, setValues] = useState<UserValues>({ displayName: '', email: '', agencyId: '', roles: [], language: currentLanguage() });
  const { busy, error, onSubmit, fieldError } = useSubmit();
  const labels = userFieldLabels(t);

  const submit = onSubmit(async () => {
    const required = t('fieldErrors.required');
    // In the order of the form, so the error summary reads top to bottom.
    assertValid(
      blankFields({ username, displayName: values.displayName, agencyId: values.agencyId }, required),
      blankFields({ roles: values.roles }, t('fieldErrors.chooseRole')),
      blankFields({ password }, required),
    );
    const body: CreateUserInput = {
      username: username.trim().toLowerCase(),
      displayName: values.displayName.trim(),
      email: values.email.trim() || null,
      agencyId: values.agencyId,
      roles: values.roles,
      password,
      language: values.language,
      mustChangePassword,
    };
    const user = await api.post<User>('/api/users', body);
    setFlash(t('users.created', { username: user.username }));
    navigate('/users');
  });

  return (
    <Page title={t('userForm.createTitle')}>
      <p>
        <Link to="/users">← {t('common.back')}</Link>
      </p>
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
        <TextField id="password" type="password" label={labels.password} hint={t('userForm.passwordHint')} value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" error={fieldError('password')} />
        <CheckboxField id="mustChangePassword" label={t('userForm.mustChangePassword')} checked={mustChangePassword} onChange={(e) => setMustChange(e.target.checked)} />
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
