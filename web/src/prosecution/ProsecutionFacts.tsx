import { useTranslation } from 'react-i18next';
import { withQuery } from '../api.ts';
import { LoadState } from '../ui/Alerts.tsx';
import { Page } from '../ui/Page.tsx';
import { useResource } from '../data.ts';
import { useFormat } from '../format.ts';
import { factPage, type Facts } from './prosecution.ts';
import { Link } from '../router.tsx';
import { useCan } from '../session.tsx';

/** Registered crimes, newest first. */
export function ProsecutionFactsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const list = useResource<Facts>(withQuery('/api/prosecution/facts', { limit: 200 }));
  const items = list.data?.items ?? [];
  return (
    <Page title={t('prosecution.factsTitle')} actions={can('prosecution.record') ? <Link to="/prosecution/facts/new" className="button">{t('prosecution.registerFact')}</Link> : undefined}>
      <LoadState loading={list.loading && !list.data} error={list.error} />
      {list.data && items.length === 0 && <p className="muted">{t('common.noResults')}</p>}
      {items.length > 0 && (
        <div className="table-wrap" tabIndex={0}>
          <table className="data-table" data-testid="facts-table">
            <caption>{`${t('prosecution.factsTitle')} · ${list.data?.total ?? 0}`}</caption>
            <thead>
              <tr>
                <th scope="col">{t('prosecution.registeredOn')}</th>
                <th scope="col">{t('prosecution.articles')}</th>
                <th scope="col">{t('prosecution.online')}</th>
                <th scope="col">{t('prosecution.status')}</th>
                <th scope="col" className="num">{t('prosecution.victims')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((x) => (
                <tr key={x.id}>
                  <td>
                    <Link to={factPage(x.id)}>{f.date(x.registeredOn)}</Link>
                  </td>
                  <td>{x.articles.join(', ')}</td>
                  <td>{x.online ? x.platforms.map((p) => t(`prosecution.platforms.${p}`)).join(', ') || t('common.yes') : t('common.no')}</td>
                  <td>{t(`prosecution.factStatuses.${x.status}`)}</td>
                  <td className="num">{x.victimCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
