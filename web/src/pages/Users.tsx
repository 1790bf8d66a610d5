import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { roles } from '../../../src/access/roles.ts';
import type { UserList } from '../../../src/accounts/schema.ts';
import { withQuery } from '../api.ts';
import { LoadState, Notice } from '../components/Alerts.tsx';
import { SelectField, TextField } from '../components/Field.tsx';
import { Page } from '../components/Page.tsx';
import { useAgencies, useResource } from '../data.ts';
import { clearFlash, peekFlash } from '../flash.ts';
import { useFormat } from '../format.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { useCan } from '../session.tsx';

const PAGE_SIZE = 50;

export function UsersPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const { query } = useLocation();
  const [flash] = useState(peekFlash);
  useEffect(clearFlash, []);

  const q = query.get('q') ?? '';
  const agencyId = query.get('agencyId') ?? '';
  const role = query.get('role') ?? '';
  const offset = Math.max(0, Number(query.get('offset') ?? 0) || 0);
  const [form, setForm] = useState({ q, agencyId, role });

  const list = useResource<z.infer<typeof UserList>>(withQuery('/api/users', { q, agencyId, role, limit: PAGE_SIZE, offset }));
  const agencies = useAgencies();
  const agencyName = (id: string) => f.label(agencies.data?.items.find((a) => a.id === id)?.name);

  const go = (params: Record<string, string | number>) => navigate(withQuery('/users', params));
  const total = list.data?.total ?? 0;
  const items = list.data?.items ?? [];

  return (
    <Page
      title={t('users.title')}
      actions={
        can('users.create') && (
          <Link to="/users/new" className="button">
            {t('users.new')}
          </Link>
        )
      }
    >
      <Notice message={flash} />
      <form
        className="filters card"
        role="search"
        aria-label={t('users.filters')}
        onSubmit={(e) => {
          e.preventDefault();
          go({ ...form });
        }}
      >
        <TextField id="filter-q" type="search" label={t('users.search')} value={form.q} onChange={(e) => setForm({ ...form, q: e.target.value })} />
        <SelectField id="filter-agency" label={t('users.agency')} value={form.agencyId} onChange={(e) => setForm({ ...form, agencyId: e.target.value })}>
          <option value="">{t('users.allAgencies')}</option>
          {agencies.data?.items.map((a) => (
            <option key={a.id} value={a.id}>
              {f.label(a.name)}
            </option>
          ))}
        </SelectField>
        <SelectField id="filter-role" label={t('users.role')} value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })}>
          <option value="">{t('users.allRoles')}</option>
          {roles.map((r) => (
            <option key={r} value={r}>
              {f.role(r)}
            </option>
          ))}
        </SelectField>
        <div className="form-actions">
          <button type="submit" className="button">
            {t('common.search')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setForm({ q: '', agencyId: '', role: '' });
              go({});
            }}
          >
            {t('common.clear')}
          </button>
        </div>
      </form>

      <LoadState loading={list.loading && !list.data} error={list.error} />
      {list.data && items.length === 0 && <p className="muted">{t('common.noResults')}</p>}
      {items.length > 0 && (
        <div className="table-wrap">
          <table className="data-table" aria-busy={list.loading}>
            <caption>
              {t('users.caption')} · {t('common.range', { from: offset + 1, to: offset + items.length, total })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('users.username')}</th>
                <th scope="col">{t('users.displayName')}</th>
                <th scope="col">{t('users.agency')}</th>
                <th scope="col">{t('users.roles')}</th>
                <th scope="col">{t('users.status')}</th>
                <th scope="col">{t('users.twoFactor')}</th>
                {can('users.update') && (
                  <th scope="col">
                    <span className="visually-hidden">{t('users.actions')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {items.map((u) => (
                <tr key={u.id} className={u.active ? undefined : 'row--inactive'}>
                  <th scope="row">
                    <code>{u.username}</code>
                  </th>
                  <td>{u.displayName}</td>
                  <td>{agencyName(u.agencyId)}</td>
                  <td>{f.roles(u.roles)}</td>
                  <td>{u.active ? t('common.active') : t('common.inactive')}</td>
                  <td>{u.totpEnabled ? t('common.yes') : t('common.no')}</td>
                  {can('users.update') && (
                    <td className="nowrap">
                      <Link to={`/users/${u.id}`} aria-label={t('users.editUser', { username: u.username })}>
                        {t('common.edit')}
                      </Link>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {total > PAGE_SIZE && (
        <nav className="pager" aria-label={t('common.pagination')}>
          <button type="button" className="button button--secondary" disabled={offset === 0} onClick={() => go({ q, agencyId, role, offset: Math.max(0, offset - PAGE_SIZE) })}>
            {t('common.previous')}
          </button>
          <button type="button" className="button button--secondary" disabled={offset + PAGE_SIZE >= total} onClick={() => go({ q, agencyId, role, offset: offset + PAGE_SIZE })}>
            {t('common.next')}
          </button>
        </nav>
      )}
    </Page>
  );
}
