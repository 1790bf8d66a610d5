import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatQualified } from '../../../src/submissions/schema.ts';
import { api, ApiError } from '../api.ts';
import { FormAlert, LoadState, Notice } from '../ui/Alerts.tsx';
import { TextAreaField } from '../ui/Field.tsx';
import { Page } from '../ui/Page.tsx';
import { useProfile, useResource } from '../data.ts';
import { useSubmit } from '../form.ts';
import { useFormat } from '../format.ts';
import { Link } from '../router.tsx';
import { useCan } from '../session.tsx';
import type { CatalogueData } from '../indicators/indicators.ts';
import { formPage, type SubmissionFull } from './submissions.ts';
import { isUuid } from '../victims/victims.ts';
import { NotFoundPage } from '../ui/NotFound.tsx';

/** One submission: its figures as the report will print them, the review thread, the coordinator's decisions. */
export function SubmissionPage({ params }: { params: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const profile = useProfile();
  const id = isUuid(params.id) ? params.id : null;
  const sub = useResource<SubmissionFull>(id && `/api/submissions/${id}`);
  const catalogue = useResource<CatalogueData>(sub.data ? `/api/indicator-catalogue?year=${sub.data.period.slice(0, 4)}` : null);
  const [text, setText] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const act = useSubmit();
  if (!id || (sub.error instanceof ApiError && sub.error.status === 404)) return <NotFoundPage />;
  const x = sub.data;
  if (!x) {
    return (
      <Page title="…">
        <LoadState loading={sub.loading} error={sub.error} />
      </Page>
    );
  }
  // Labels from the catalogue of the submission's year (it may name indicators the profile does not).
  const label = (indicatorId: string, attribute = '') => {
    const ind = (catalogue.data?.catalogue ?? profile.data?.indicators)?.indicators.find((i) => i.id === indicatorId);
    const attr = attribute ? ind?.attributes.find((a) => a.id === attribute) : undefined;
    const name = ind ? f.label(ind.label) : indicatorId;
    return attribute ? `${name}: ${attr ? f.label(attr.label) : attribute}` : name;
  };
  const decide = (what: 'return' | 'approve' | 'reopen' | 'comments', done: string) =>
    void act.run(async () => {
      setNotice(null);
      const body = what === 'reopen' ? { reason: text } : text.trim() || what !== 'approve' ? { comment: text } : {};
      await api.post(`/api/submissions/${x.id}/${what}`, body);
      setText('');
      setNotice(done);
      sub.reload();
    });
  const reviewer = can('submissions.review');
  return (
    <Page title={t('submissions.detailTitle', { agency: f.agency(x.agencyId), period: x.period })}>
      <p>
        <Link to="/submissions">← {t('submissions.back')}</Link>
        {can('submissions.edit') && (
          <>
            {' · '}
            <Link to={formPage(x.period)}>{t('submissions.openForm')}</Link>
          </>
        )}
      </p>
      <p className="status-line">
        <span className="status" data-testid="submission-status">
          {t(`submissions.statuses.${x.status}`)}
        </span>
      </p>
      <div className="table-wrap" tabIndex={0}>
        <table className="data-table">
          <caption>{t('submissions.figures')}</caption>
          <tbody>
            {x.values.map((v) => (
              <tr key={`${v.indicatorId}#${v.attribute}`}>
                <th scope="row">{label(v.indicatorId, v.attribute)}</th>
                <td data-testid={`figure-${v.indicatorId}${v.attribute ? `#${v.attribute}` : ''}`}>{v.state === 'reported' && v.value !== null ? formatQualified(v.value, v.qualifier, i18n.language) : t(`submissions.states.${v.state}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section className="card" aria-labelledby="history-title">
        <h2 id="history-title">{t('submissions.thread')}</h2>
        <ul data-testid="thread">
          {x.events.map((e, i) => (
            <li key={i}>
              <strong>{t(`submissions.events.${e.kind}`)}</strong> · {e.username ?? '—'} · {f.dateTime(e.at)}
              {e.comment ? `: ${e.comment}` : ''}
            </li>
          ))}
        </ul>
      </section>
      <Notice message={notice} />
      <FormAlert error={act.error} />
      <section className="card" aria-labelledby="review-title">
        <h2 id="review-title">{reviewer ? t('submissions.reviewTitle') : t('submissions.commentTitle')}</h2>
        <TextAreaField id="review-text" label={x.status === 'approved' && reviewer ? t('submissions.reason') : t('submissions.comment')} value={text} onChange={(e) => setText(e.target.value)} />
        <div className="form-actions">
          {reviewer && x.status === 'submitted' && (
            <>
              <button type="button" className="button button--secondary" disabled={act.busy} onClick={() => decide('return', t('submissions.returnedNotice'))}>
                {t('submissions.returnAction')}
              </button>
              <button type="button" className="button" disabled={act.busy} onClick={() => decide('approve', t('submissions.approvedNotice'))}>
                {t('submissions.approveAction')}
              </button>
            </>
          )}
          {reviewer && x.status === 'approved' && (
            <button type="button" className="button button--secondary" disabled={act.busy} onClick={() => decide('reopen', t('submissions.reopenedNotice'))}>
              {t('submissions.reopenAction')}
            </button>
          )}
          <button type="button" className="button button--secondary" disabled={act.busy} onClick={() => decide('comments', t('submissions.commentedNotice'))}>
            {t('submissions.commentAction')}
          </button>
        </div>
      </section>
    </Page>
  );
}
