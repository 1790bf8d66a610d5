import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WantedStatus } from '../../../src/prosecution/schema.ts';
import { api, withQuery } from '../api.ts';
import { FormAlert, LoadState, Notice } from '../ui/Alerts.tsx';
import { SelectField, TextField } from '../ui/Field.tsx';
import { Page } from '../ui/Page.tsx';
import { useResource } from '../data.ts';
import { useToday } from '../dates.ts';
import { useSubmit } from '../form.ts';
import { useFormat } from '../format.ts';
import { defendantPage, type Wanted } from './prosecution.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { useCan } from '../session.tsx';

type Row = Wanted['items'][number];

/** Wanted persons, local and Interpol; an open search ends as detained, extradited or cancelled. */
export function ProsecutionWantedPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const { query } = useLocation();
  const raw = query.get('status') ?? 'wanted';
  const status = WantedStatus.safeParse(raw).success ? raw : '';
  const list = useResource<Wanted>(withQuery('/api/prosecution/wanted', { status }));
  const [saved, setSaved] = useState<string | null>(null);
  const items = list.data?.items ?? [];
  return (
    <Page title={t('prosecution.wantedTitle')}>
      <form className="filters card" role="search" aria-label={t('prosecution.filters')} onSubmit={(e) => e.preventDefault()}>
        <SelectField id="wanted-filter-status" label={t('prosecution.status')} value={status} onChange={(e) => navigate(withQuery('/prosecution/wanted', { status: e.target.value || 'all' }), { replace: true })}>
          <option value="all">{t('prosecution.allStatuses')}</option>
          {WantedStatus.options.map((s) => (
            <option key={s} value={s}>
              {t(`prosecution.wantedStatuses.${s}`)}
            </option>
          ))}
        </SelectField>
      </form>
      <Notice message={saved} />
      <LoadState loading={list.loading && !list.data} error={list.error} />
      {list.data && items.length === 0 && <p className="muted">{t('common.noResults')}</p>}
      {items.length > 0 && (
        <div className="table-wrap" tabIndex={0}>
          <table className="data-table" data-testid="wanted-table">
            <caption>{`${t('prosecution.wantedTitle')} · ${items.length}`}</caption>
            <thead>
              <tr>
                <th scope="col">{t('prosecution.searchKind')}</th>
                <th scope="col">{t('prosecution.article')}</th>
                <th scope="col">{t('prosecution.since')}</th>
                <th scope="col">{t('prosecution.hidingCountry')}</th>
                <th scope="col">{t('prosecution.status')}</th>
                {can('prosecution.record') && <th scope="col">{t('prosecution.endSearch')}</th>}
              </tr>
            </thead>
            <tbody>
              {items.map((w) => (
                <tr key={w.id}>
                  <td>
                    <Link to={defendantPage(w.prosecutedPersonId)}>{t(`prosecution.searchKinds.${w.search}`)}</Link>
                  </td>
                  <td>{w.article}</td>
                  <td>{f.date(w.since)}</td>
                  <td>{w.hidingCountry ? f.country(w.hidingCountry) : t('common.none')}</td>
                  <td>
                    {t(`prosecution.wantedStatuses.${w.status}`)}
                    {w.status !== 'wanted' ? ` · ${f.date(w.statusOn)}` : ''}
                  </td>
                  {can('prosecution.record') && (
                    <td>
                      {w.status === 'wanted' && (
                        <EndSearch
                          w={w}
                          onDone={(s) => {
                            setSaved(t('prosecution.searchEnded', { status: t(`prosecution.wantedStatuses.${s}`) }));
                            list.reload();
                          }}
                        />
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}

function EndSearch({ w, onDone }: { w: Row; onDone: (status: 'detained' | 'extradited' | 'cancelled') => void }) {
  const { t } = useTranslation();
  const today = useToday();
  const [status, setStatus] = useState<'detained' | 'extradited' | 'cancelled'>('detained');
  const [on, setOn] = useState(today);
  const { busy, error, onSubmit, fieldError } = useSubmit();
  const p = `end-${w.id}-`;
  const submit = onSubmit(async () => {
    await api.post(`/api/prosecution/wanted/${encodeURIComponent(w.id)}/status`, { status, on });
    onDone(status);
  });
  return (
    <form className="inline-form" onSubmit={submit} noValidate aria-label={t('prosecution.endSearch')}>
      <FormAlert error={error} labels={{ status: t('prosecution.status'), on: t('prosecution.on') }} idPrefix={p} />
      <SelectField id={`${p}status`} label={t('prosecution.status')} value={status} onChange={(e) => setStatus(e.target.value as typeof status)} error={fieldError('status')}>
        {(['detained', 'extradited', 'cancelled'] as const).map((s) => (
          <option key={s} value={s}>
            {t(`prosecution.wantedStatuses.${s}`)}
          </option>
        ))}
      </SelectField>
      <TextField id={`${p}on`} type="date" max={today} label={t('prosecution.on')} value={on} onChange={(e) => setOn(e.target.value)} error={fieldError('on')} />
      <button type="submit" className="button" disabled={busy}>
        {t('prosecution.endSearchButton')}
      </button>
    </form>
  );
}
