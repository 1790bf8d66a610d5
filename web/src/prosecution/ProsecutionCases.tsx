import { useTranslation } from 'react-i18next';
import { withQuery } from '../api.ts';
import { LoadState } from '../ui/Alerts.tsx';
import { Page } from '../ui/Page.tsx';
import { useResource } from '../data.ts';
import { useFormat } from '../format.ts';
import { casePage, type Cases } from './prosecution.ts';
import { Link } from '../router.tsx';

/** Criminal cases, newest first. */
export function ProsecutionCasesPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const list = useResource<Cases>(withQuery('/api/prosecution/cases', { limit: 200 }));
  const items = list.data?.items ?? [];
  return (
    <Page title={t('prosecution.casesTitle')}>
      <LoadState loading={list.loading && !list.data} error={list.error} />
      {list.data && items.length === 0 && <p className="muted">{t('common.noResults')}</p>}
      {items.length > 0 && (
        <div className="table-wrap" tabIndex={0}>
          <table className="data-table">
            <caption>{`${t('prosecution.casesTitle')} · ${list.data?.total ?? 0}`}</caption>
            <thead>
              <tr>
                <th scope="col">{t('prosecution.caseNumber')}</th>
                <th scope="col">{t('prosecution.openedOn')}</th>
                <th scope="col">{t('prosecution.articles')}</th>
                <th scope="col">{t('prosecution.status')}</th>
                <th scope="col" className="num">{t('prosecution.persons')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={casePage(c.id)}>{c.number}</Link>
                  </td>
                  <td>{f.date(c.openedOn)}</td>
                  <td>{c.articles.join(', ')}</td>
                  <td>
                    {t(`prosecution.caseStatuses.${c.status}`)} · {f.date(c.statusOn)}
                  </td>
                  <td className="num">{c.personCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
