import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roles, type Role } from '../../../src/access/roles.ts';
import type { SecuritySettings } from '../../../src/settings/schema.ts';
import { api } from '../api.ts';
import { FormAlert, LoadState, Notice } from '../ui/Alerts.tsx';
import { CheckboxGroup } from '../ui/Field.tsx';
import { Page } from '../ui/Page.tsx';
import { useResource } from '../data.ts';
import { useSubmit } from '../form.ts';
import { useFormat } from '../format.ts';
import { useSession } from '../session.tsx';

export function SecuritySettingsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { refresh } = useSession();
  const loaded = useResource<SecuritySettings>('/api/settings/security');
  // The form's edits; until the first one, what the server has.
  const [edited, setRequired] = useState<Role[] | null>(null);
  const required = edited ?? loaded.data?.secondFactorRequiredRoles ?? null;
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, onSubmit, fieldError } = useSubmit();

  const submit = onSubmit(async () => {
    if (!required) return;
    setNotice(null);
    const saved = await api.put<SecuritySettings>('/api/settings/security', { secondFactorRequiredRoles: required });
    setRequired(saved.secondFactorRequiredRoles);
    setNotice(t('common.saved'));
    // The change may oblige the administrator themself to enrol a second factor.
    await refresh();
  });

  return (
    <Page title={t('security.title')}>
      <p className="lead">{t('security.intro')}</p>
      <Notice message={notice} />
      <LoadState loading={loaded.loading} error={loaded.error} />
      <FormAlert error={error} labels={{ secondFactorRequiredRoles: t('security.legend') }} />
      {required && (
        <form className="card form" onSubmit={submit} noValidate>
          <CheckboxGroup
            id="secondFactorRequiredRoles"
            legend={t('security.legend')}
            options={roles.map((r) => ({ value: r, label: f.role(r) }))}
            value={required}
            onChange={setRequired}
            error={fieldError('secondFactorRequiredRoles')}
          />
          <div className="form-actions">
            <button type="submit" className="button" disabled={busy}>
              {busy ? t('common.saving') : t('common.save')}
            </button>
          </div>
        </form>
      )}
    </Page>
  );
}
