import { useTranslation } from 'react-i18next';
import { Period } from '../../../src/submissions/schema.ts';
import { withQuery } from '../api.ts';
import { LoadState } from '../ui/Alerts.tsx';
import { OpenForm } from '../ui/OpenForm.tsx';
import { Page } from '../ui/Page.tsx';
import { useResource } from '../data.ts';
import { useFormat } from '../format.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { lastYear, submissionPage, type CompletenessData } from './submissions.ts';

/** Which agencies have reported for a period, and which are late. */
export function CompletenessPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { query } = useLocation();
  const asked = query.get('period') ?? '';
  const period = Period.safeParse(asked).success ? asked : lastYear();
  const data = useResource<CompletenessData>(withQuery('/api/submissions/completeness', { period }));
  const items = data.data?.items ?? [];
  const done = items.filter((i) => i.status === 'submitted' || i.status === 'approved').length;
  return (
    <Page title={t('submissions.completenessTitle', { period })}>
      <OpenForm key={period} id="completeness-period" label={t('submissions.period')} initial={period} submitLabel={t('submissions.open')} onOpen={(value) => navigate(withQuery('/submissions/completeness', { period: value }))} />
      <LoadState loading={data.loading && !data.data} error={data.error} />
      {data.data && (
        <>
          <p>{t('submissions.completenessSummary', { done, total: items.length, deadline: f.date(data.data.deadline), late: items.filter((i) => i.late).length })}</p>
          <div className="table-wrap" tabIndex={0}>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('submissions.agency')}</th>
                  <th scope="col">{t('submissions.status')}</th>
                  <th scope="col">{t('submissions.submittedAt')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((i) => (
                  <tr key={i.agencyId} className={i.late ? 'row--overdue' : undefined}>
                    <th scope="row">{i.submissionId ? <Link to={submissionPage(i.submissionId)}>{f.agency(i.agencyId)}</Link> : f.agency(i.agencyId)}</th>
                    <td>
                      {t(`submissions.statuses.${i.status}`)}
                      {i.late && <span className="tag tag--overdue">{t('submissions.late')}</span>}
                    </td>
                    <td className="nowrap">{f.dateTime(i.submittedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Page>
  );
}
