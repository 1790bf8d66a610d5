// The account fields shared by the create and edit forms.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { roles, type Role } from '../../../src/access/roles.ts';
import type { Language } from '../../../src/profile/schema.ts';
import { useAgencies } from '../data.ts';
import { useFormat } from '../format.ts';
import { languages } from '../i18n/index.ts';
import { CheckboxGroup, SelectField, TextField } from '../ui/Field.tsx';

export interface UserValues {
  displayName: string;
  email: string;
  agencyId: string;
  roles: Role[];
  language: Language;
}

export function userFieldLabels(t: TFunction) {
  return {
    username: t('userForm.username'),
    displayName: t('userForm.displayName'),
    email: t('userForm.email'),
    agencyId: t('userForm.agency'),
    roles: t('userForm.roles'),
    language: t('userForm.language'),
  };
}

export function UserFields({
  values,
  onChange,
  fieldError,
}: {
  values: UserValues;
  onChange: (v: UserValues) => void;
  fieldError: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const agencies = useAgencies();
  const labels = userFieldLabels(t);
  const set = <K extends keyof UserValues>(k: K, v: UserValues[K]) => onChange({ ...values, [k]: v });
  const sorted = [...(agencies.data?.items ?? [])].sort((a, b) => f.label(a.name).localeCompare(f.label(b.name)));

  return (
    <>
      <TextField id="displayName" label={labels.displayName} value={values.displayName} onChange={(e) => set('displayName', e.target.value)} autoComplete="off" error={fieldError('displayName')} />
      <TextField id="email" type="email" label={labels.email} optional value={values.email} onChange={(e) => set('email', e.target.value)} autoComplete="off" error={fieldError('email')} />
      <SelectField id="agencyId" label={labels.agencyId} value={values.agencyId} onChange={(e) => set('agencyId', e.target.value)} error={fieldError('agencyId')}>
        <option value="">{t('userForm.chooseAgency')}</option>
        {sorted.map((a) => (
          <option key={a.id} value={a.id} disabled={!a.active && a.id !== values.agencyId}>
            {f.label(a.name)}
          </option>
        ))}
      </SelectField>
      <CheckboxGroup
        id="roles"
        legend={labels.roles}
        options={roles.map((r) => ({ value: r, label: f.role(r) }))}
        value={values.roles}
        onChange={(next) => set('roles', next)}
        error={fieldError('roles')}
      />
      <SelectField id="language" label={labels.language} value={values.language} onChange={(e) => set('language', e.target.value as Language)} error={fieldError('language')}>
        {languages.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`languages.${l}`)}
          </option>
        ))}
      </SelectField>
    </>
  );
}
