import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { AccountChange, AccountChangeList, ApprovalResult } from '../../../src/accounts/schema.ts';
import { api } from '../api.ts';
import { FormAlert, LoadState, Notice } from '../ui/Alerts.tsx';
import { OneTimeCode } from './OneTimeCode.tsx';
import { Page } from '../ui/Page.tsx';
import { useResource } from '../data.ts';
import { useSubmit } from '../form.ts';
import { useFormat } from '../format.ts';
import { Link } from '../router.tsx';
import { useSession } from '../session.tsx';

type Change = z.infer<typeof AccountChange>;

/** Changes to administrators and auditors, and risky resets, wait here for a second administrator. */
export function AccountChangesPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { me } = useSession();
  const list = useResource<z.infer<typeof AccountChangeList>>('/api/account-changes?status=pending');
  const [approved, setApproved] = useState<z.infer<typeof ApprovalResult> | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const act = useSubmit();

  const decide = (c: Change, verdict: 'approve' | 'reject') =>
    void act.run(async () => {
      setNotice(null);
      setApproved(null);
      if (verdict === 'approve') setApproved(await api.post<z.infer<typeof ApprovalResult>>(`/api/account-changes/${c.id}/approve`, {}));
      else {
        await api.post(`/api/account-changes/${c.id}/reject`, {});
        setNotice(t('changes.rejected'));
      }
      list.reload();
    });

  const describe = (c: Change) => {
    const fields = Object.keys(c.change).filter((k) => k !== 'displayName' && k !== 'email');
    const roles = Array.isArray(c.change.roles) ? (c.change.roles as string[]).map((r) => t(`roles.${r}`, r)).join(', ') : '';
    return [t(`changes.kind.${c.kind}`), roles, fields.filter((k) => k !== 'roles' && k !== 'username' && k !== 'agencyId' && k !== 'language').join(', ')].filter(Boolean).join(' · ');
  };

  const items = list.data?.items ?? [];
  return (
    <Page title={t('changes.title')}>
      <p>
        <Link to="/users">← {t('common.back')}</Link>
      </p>
      <p>{t('changes.intro')}</p>
      <Notice message={notice} />
      <FormAlert error={act.error} />
      {approved && (
        <>
          <Notice message={t('changes.approved', { username: approved.user.username })} />
          {approved.oneTimeCode && <OneTimeCode code={approved.oneTimeCode} username={approved.user.username} />}
        </>
      )}
      <LoadState loading={list.loading} error={list.error} />
      {list.data && items.length === 0 && <p className="muted">{t('changes.none')}</p>}
      {items.length > 0 && (
        <table className="table">
          <caption>{t('changes.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('changes.account')}</th>
              <th scope="col">{t('changes.what')}</th>
              <th scope="col">{t('changes.requestedBy')}</th>
              <th scope="col">{t('changes.requestedAt')}</th>
              <th scope="col">{t('changes.decision')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <tr key={c.id}>
                <td>{c.username}</td>
                <td>{describe(c)}</td>
                <td>{c.requestedBy}</td>
                <td>{f.dateTime(c.requestedAt)}</td>
                <td>
                  {c.requestedBy !== me.user.username && c.userId !== me.user.id && (
                    <button type="button" className="button" disabled={act.busy} onClick={() => decide(c, 'approve')}>
                      {t('changes.approve')}
                    </button>
                  )}{' '}
                  <button type="button" className="button button--secondary" disabled={act.busy} onClick={() => decide(c, 'reject')}>
                    {c.requestedBy === me.user.username ? t('changes.withdraw') : t('changes.reject')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
