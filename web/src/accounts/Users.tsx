import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { roles } from '../../../src/access/roles.ts';
import type { UserList } from '../../../src/accounts/schema.ts';
import { withQuery } from '../api.ts';
import { LoadState, Notice } from '../ui/Alerts.tsx';
import { SelectField, TextField } from '../ui/Field.tsx';
import { FilterForm } from '../ui/FilterForm.tsx';
import { ListPager } from '../ui/ListPager.tsx';
import { Page } from '../ui/Page.tsx';
import { useAgencies, useResource } from '../data.ts';
import { clearFlash, peekFlash } from '../flash.ts';
import { useFormat } from '../format.ts';
import { useListQuery } from '../listQuery.ts';
import { Link } from '../router.tsx';
import { useCan } from '../session.tsx';

const PAGE_SIZE = 50;
const FILTERS = ['q', 'agencyId', 'role'] as const;

export function UsersPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const [flash] = useState(peekFlash);
  useEffect(clearFlash, []);

  const { applied, offset, form, set, go, clear, page } = useListQuery('/users', FILTERS);

  const list = useResource<z.infer<typeof UserList>>(withQuery('/api/users', { ...applied, limit: PAGE_SIZE, offset }));
  const agencies = useAgencies();
  const agencyName = (id: string) => f.label(agencies.data?.items.find((a) => a.id === id)?.name);

  const total = list.data?.total ?? 0;
  const items = list.data?.items ?? [];

  return (
    <Page
      title={t('users.title')}
      actions={
        can('users.create') && (
          <>
            <Link to="/users/new" className="button">
              {t('users.new')}
            </Link>{' '}
            <Link to="/users/changes" className="button button--secondary">
              {t('changes.title')}
            </Link>
          </>
        )
      }
    >
      <Notice message={flash} />
      <FilterForm
        label={t('users.filters')}
        submitLabel={t('common.search')}
        onSubmit={(e) => {
          e.preventDefault();
          go({ ...form });
        }}
        onClear={clear}
      >
        <TextField id="filter-q" type="search" label={t('users.search')} value={form.q} onChange={(e) => set('q')(e.target.value)} />
        <SelectField id="filter-agency" label={t('users.agency')} value={form.agencyId} onChange={(e) => set('agencyId')(e.target.value)}>
          <option value="">{t('users.allAgencies')}</option>
          {agencies.data?.items.map((a) => (
            <option key={a.id} value={a.id}>
              {f.label(a.name)}
            </option>
          ))}
        </SelectField>
        <SelectField id="filter-role" label={t('users.role')} value={form.role} onChange={(e) => set('role')(e.target.value)}>
          <option value="">{t('users.allRoles')}</option>
          {roles.map((r) => (
            <option key={r} value={r}>
              {f.role(r)}
            </option>
          ))}
        </SelectField>
      </FilterForm>

      <LoadState loading={list.loading && !list.data} error={list.error} />
      {list.data && items.length === 0 && <p className="muted">{t('common.noResults')}</p>}
      {items.length > 0 && (
        <div className="table-wrap" tabIndex={0}>
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
      <ListPager offset={offset} pageSize={PAGE_SIZE} total={total} onPage={page} />
    </Page>
  );
}
