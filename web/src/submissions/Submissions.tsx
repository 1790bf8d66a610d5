import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SubmissionStatus } from '../../../src/submissions/schema.ts';
import { withQuery } from '../api.ts';
import { LoadState } from '../ui/Alerts.tsx';
import { SelectField, TextField } from '../ui/Field.tsx';
import { Page } from '../ui/Page.tsx';
import { useResource } from '../data.ts';
import { useFormat } from '../format.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { useCan } from '../session.tsx';
import { formPage, lastYear, submissionPage, type Submissions } from './submissions.ts';

const isStatus = (s: string) => (SubmissionStatus.options as readonly string[]).includes(s);

/** Reporters: their agency's submissions and a way to their form. Coordinator: the review queue. */
export function SubmissionsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const reviewer = can('submissions.review');
  const { query } = useLocation();
  const period = query.get('period') ?? '';
  const rawStatus = query.get('status') ?? (reviewer && !query.has('status') ? 'submitted' : '');
  const status = isStatus(rawStatus) ? rawStatus : '';
  const [chosen, setChosen] = useState({ period, status });
  const list = useResource<Submissions>(withQuery('/api/submissions', { period, status }));
  const items = list.data?.items ?? [];
  return (
    <Page
      title={reviewer ? t('submissions.queueTitle') : t('submissions.title')}
      actions={
        can('submissions.edit') ? (
          <Link className="button" to={formPage(period || lastYear())}>
            {t('submissions.openForm')}
          </Link>
        ) : undefined
      }
    >
      <form
        className="filters card"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(withQuery('/submissions', { period: chosen.period, status: chosen.status || (reviewer ? 'all' : '') }));
        }}
      >
        <TextField id="list-period" label={t('submissions.period')} value={chosen.period} onChange={(e) => setChosen({ ...chosen, period: e.target.value })} />
        <SelectField id="list-status" label={t('submissions.status')} value={chosen.status} onChange={(e) => setChosen({ ...chosen, status: e.target.value })}>
          <option value="">{t('submissions.allStatuses')}</option>
          {SubmissionStatus.options.map((s) => (
            <option key={s} value={s}>
              {t(`submissions.statuses.${s}`)}
            </option>
          ))}
        </SelectField>
        <div className="form-actions">
          <button type="submit" className="button button--secondary">
            {t('submissions.apply')}
          </button>
        </div>
      </form>
      <LoadState loading={list.loading && !list.data} error={list.error} />
      {list.data && items.length === 0 && <p className="muted">{t('submissions.none')}</p>}
      {items.length > 0 && (
        <div className="table-wrap" tabIndex={0}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('submissions.agency')}</th>
                <th scope="col">{t('submissions.period')}</th>
                <th scope="col">{t('submissions.status')}</th>
                <th scope="col">{t('submissions.submittedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    <Link to={submissionPage(s.id)}>{f.agency(s.agencyId)}</Link>
                  </th>
                  <td>{s.period}</td>
                  <td>{t(`submissions.statuses.${s.status}`)}</td>
                  <td className="nowrap">{f.dateTime(s.submittedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
