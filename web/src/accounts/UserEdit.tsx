import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { OneTimeCode as Code, PendingReply, UpdateUserInput, User } from '../../../src/accounts/schema.ts';
import { api } from '../api.ts';
import { FormAlert, LoadState, Notice } from '../ui/Alerts.tsx';
import { CheckboxField } from '../ui/Field.tsx';
import { OneTimeCode } from './OneTimeCode.tsx';
import { Page } from '../ui/Page.tsx';
import { UserFields, userFieldLabels, type UserValues } from './UserFields.tsx';
import { useResource } from '../data.ts';
import { assertValid, blankFields, useSubmit } from '../form.ts';
import { Link } from '../router.tsx';
import { useSession } from '../session.tsx';

const valuesOf = (u: User): UserValues => ({ displayName: u.displayName, email: u.email ?? '', agencyId: u.agencyId, roles: u.roles, language: u.language });

export function UserEditPage({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation();
  const loaded = useResource<User>(`/api/users/${encodeURIComponent(params.id ?? '')}`);
  // The user as last saved (null: as loaded) and the form's edits (null: none yet).
  const [saved, setSaved] = useState<User | null>(null);
  const [edited, setValues] = useState<UserValues | null>(null);
  const [editedActive, setActive] = useState<boolean | null>(null);
  const [code, setCode] = useState<Code | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const save = useSubmit();
  const reset = useSubmit();
  const totp = useSubmit();
  const labels = userFieldLabels(t);
  const session = useSession();

  const user = saved ?? loaded.data ?? null;
  const show = (u: User) => {
    setSaved(u);
    setValues(null);
    setActive(null);
  };

  if (!user) {
    return (
      <Page title={t('userForm.editTitle', { username: '…' })}>
        <LoadState loading={loaded.loading} error={loaded.error} />
      </Page>
    );
  }

  const values = edited ?? valuesOf(user);
  const active = editedActive ?? user.active;

  const patch = async (body: UpdateUserInput, message: string) => {
    setNotice(null);
    const res = await api.patch<User | z.infer<typeof PendingReply>>(`/api/users/${user.id}`, body);
    // Changes to administrators and auditors wait for a second administrator.
    if ('pending' in res) {
      setValues(null);
      setActive(null);
      setNotice(t('changes.proposed'));
      return;
    }
    show(res);
    setNotice(message);
    // Editing one's own account changes what the session knows about its user.
    if (user.id === session.me.user.id) await session.refresh();
  };

  const onSave = save.onSubmit(async () => {
    assertValid(blankFields({ displayName: values.displayName, agencyId: values.agencyId }, t('fieldErrors.required')), blankFields({ roles: values.roles }, t('fieldErrors.chooseRole')));
    const before = valuesOf(user);
    const body: UpdateUserInput = {};
    if (values.displayName.trim() !== before.displayName) body.displayName = values.displayName.trim();
    if (values.email.trim() !== before.email) body.email = values.email.trim() || null;
    if (values.agencyId !== before.agencyId) body.agencyId = values.agencyId;
    if ([...values.roles].sort().join() !== [...before.roles].sort().join()) body.roles = values.roles;
    if (values.language !== before.language) body.language = values.language;
    if (active !== user.active) body.active = active;
    await patch(body, t('common.saved'));
  });

  const issue = (kind: 'reset' | 'enrolment-code') =>
    void reset.run(async () => {
      setNotice(null);
      setCode(null);
      const res = await api.post<Code | z.infer<typeof PendingReply>>(`/api/users/${user.id}/${kind}`, {});
      if ('pending' in res) setNotice(t('changes.proposed'));
      else setCode(res);
    });

  const onResetTotp = () =>
    void totp.run(async () => {
      await patch({ resetSecondFactor: true }, t('userForm.totpReset'));
      setConfirmReset(false);
    });

  return (
    <Page title={t('userForm.editTitle', { username: user.username })}>
      <p>
        <Link to="/users">← {t('common.back')}</Link>
      </p>
      <Notice message={notice} />

      <section className="card" aria-labelledby="edit-account">
        <h2 id="edit-account">{t('userForm.account')}</h2>
        <FormAlert error={save.error} labels={labels} />
        <form className="form" onSubmit={onSave} noValidate>
          <UserFields values={values} onChange={setValues} fieldError={save.fieldError} />
          <CheckboxField id="active" label={t('userForm.active')} hint={t('userForm.activeHint')} checked={active} onChange={(e) => setActive(e.target.checked)} error={save.fieldError('active')} />
          <div className="form-actions">
            <button type="submit" className="button" disabled={save.busy}>
              {save.busy ? t('common.saving') : t('common.save')}
            </button>
          </div>
        </form>
      </section>

      <section className="card" aria-labelledby="edit-codes">
        <h2 id="edit-codes">{t('userForm.codesTitle')}</h2>
        <p>{t('userForm.codesIntro')}</p>
        <FormAlert error={reset.error} />
        {code && <OneTimeCode code={code} username={user.username} />}
        <div className="form-actions">
          <button type="button" className="button button--secondary" disabled={reset.busy} onClick={() => issue('reset')}>
            {t('userForm.issueReset')}
          </button>
          {!user.totpEnabled && (
            <button type="button" className="button button--secondary" disabled={reset.busy} onClick={() => issue('enrolment-code')}>
              {t('userForm.issueEnrolment')}
            </button>
          )}
        </div>
      </section>

      <section className="card" aria-labelledby="edit-totp">
        <h2 id="edit-totp">{t('userForm.resetTotpTitle')}</h2>
        {user.totpEnabled ? <p>{t('userForm.resetTotpIntro')}</p> : <p className="muted">{t('userForm.totpNotEnabled')}</p>}
        <FormAlert error={totp.error} />
        {user.totpEnabled && (
          <div className="form-actions">
            {confirmReset ? (
              <>
                <button type="button" className="button button--danger" disabled={totp.busy} onClick={onResetTotp}>
                  {t('userForm.confirmResetTotp')}
                </button>
                <button type="button" className="button button--secondary" onClick={() => setConfirmReset(false)}>
                  {t('common.cancel')}
                </button>
              </>
            ) : (
              <button type="button" className="button button--secondary" onClick={() => setConfirmReset(true)}>
                {t('userForm.resetTotp')}
              </button>
            )}
          </div>
        )}
      </section>
    </Page>
  );
}
