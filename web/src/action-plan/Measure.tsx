import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { Progress, type MeasureDetail, type ReportInput } from '../../../src/action-plan/schema.ts';
import { api, ApiError } from '../api.ts';
import { FormAlert, LoadState, Notice } from '../ui/Alerts.tsx';
import { SelectField, TextAreaField, TextField } from '../ui/Field.tsx';
import { Page } from '../ui/Page.tsx';
import { measureText } from './action-plan.ts';
import { useResource } from '../data.ts';
import { useSubmit } from '../form.ts';
import { useFormat } from '../format.ts';
import { Link } from '../router.tsx';
import { useCan, useSession } from '../session.tsx';
import { isUuid } from '../victims/victims.ts';
import { NotFoundPage } from '../ui/NotFound.tsx';

type Detail = z.infer<typeof MeasureDetail>;

/** One measure: its text, indicators, status reports; agencies report, the coordinator approves. */
export function MeasurePage({ params }: { params: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const { me } = useSession();
  const id = isUuid(params.id) ? params.id : null;
  const m = useResource<Detail>(id && `/api/action-plan/measures/${id}`);
  const review = useSubmit();
  const [notice, setNotice] = useState<string | null>(null);
  if (!id || (m.error instanceof ApiError && m.error.status === 404)) return <NotFoundPage />;
  const x = m.data;
  if (!x) {
    return (
      <Page title="…">
        <LoadState loading={m.loading} error={m.error} />
      </Page>
    );
  }
  const responsible = x.responsibleAgencyId === me.user.agencyId || x.coResponsibleAgencyIds.includes(me.user.agencyId);
  const decide = (reportId: string, decision: 'approved' | 'returned') =>
    void review.run(async () => {
      const comment = decision === 'returned' ? (window.prompt(t('submissions.comment')) ?? '') : undefined;
      await api.post(`/api/action-plan/reports/${reportId}/review`, { decision, ...(comment ? { comment } : {}) });
      setNotice(t(`submissions.plan.reviewed.${decision}`));
      m.reload();
    });
  return (
    <Page title={`${t('submissions.plan.measure')} ${x.number}`}>
      <p>
        <Link to="/action-plan">← {t('submissions.plan.title')}</Link>
      </p>
      <p>{measureText(x.text, i18n.language)}</p>
      <dl className="facts">
        <dt>{t('submissions.plan.responsible')}</dt>
        <dd>{[x.responsibleAgencyId, ...x.coResponsibleAgencyIds].map((a) => f.agency(a)).join(', ')}</dd>
        <dt>{t('submissions.plan.deadline')}</dt>
        <dd>
          {f.date(x.deadline)}
          {x.overdue && <span className="tag tag--overdue">{t('submissions.plan.overdue')}</span>}
        </dd>
        <dt>{t('submissions.plan.progress')}</dt>
        <dd>{x.progress ? t(`submissions.plan.progresses.${x.progress}`) : t('submissions.plan.notReported')}</dd>
        <dt>{t('submissions.plan.indicators')}</dt>
        <dd>{x.indicators.join('; ')}</dd>
      </dl>
      <Notice message={notice} />
      <FormAlert error={review.error} />
      <section className="card" aria-labelledby="reports-title">
        <h2 id="reports-title">{t('submissions.plan.reports')}</h2>
        {x.reports.length === 0 && <p className="muted">{t('submissions.none')}</p>}
        <ul>
          {x.reports.map((r) => (
            <li key={r.id}>
              <strong>{r.period}</strong> · {f.agency(r.agencyId)} · {t(`submissions.plan.progresses.${r.progress}`)} · {t(`submissions.plan.reportStatuses.${r.status}`)}
              <p>{r.narrative}</p>
              {r.evidence && (
                <p className="muted">
                  {t('submissions.plan.evidence')}: {r.evidence}
                </p>
              )}
              {r.reviewComment && <p className="muted">{r.reviewComment}</p>}
              {can('nap.manage') && r.status === 'submitted' && (
                <div className="row-actions">
                  <button type="button" className="button button--small" disabled={review.busy} onClick={() => decide(r.id, 'approved')}>
                    {t('submissions.approveAction')}
                  </button>
                  <button type="button" className="button button--small button--secondary" disabled={review.busy} onClick={() => decide(r.id, 'returned')}>
                    {t('submissions.returnAction')}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      </section>
      {can('nap.report') && responsible && <ReportForm measureId={x.id} onSaved={m.reload} />}
    </Page>
  );
}

function ReportForm({ measureId, onSaved }: { measureId: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const empty = { period: '', progress: 'in_progress', narrative: '', evidence: '' };
  const [v, setV] = useState(empty);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, onSubmit, fieldError } = useSubmit();
  const bind = (k: keyof typeof empty) => ({ value: v[k], onChange: (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value }) });
  const submit = onSubmit(async () => {
    setNotice(null);
    const body: ReportInput = { period: v.period, progress: v.progress as ReportInput['progress'], narrative: v.narrative, evidence: v.evidence || null };
    await api.post(`/api/action-plan/measures/${measureId}/reports`, body);
    setV(empty);
    setNotice(t('submissions.plan.reported'));
    onSaved();
  });
  return (
    <section className="card" aria-labelledby="report-title">
      <h2 id="report-title">{t('submissions.plan.report')}</h2>
      <Notice message={notice} />
      <FormAlert error={error} />
      <form className="form" onSubmit={submit} noValidate>
        <TextField id="report-period" label={t('submissions.period')} hint={t('submissions.periodHint')} error={fieldError('period')} {...bind('period')} />
        <SelectField id="report-progress" label={t('submissions.plan.progress')} {...bind('progress')}>
          {Progress.options.map((p) => (
            <option key={p} value={p}>
              {t(`submissions.plan.progresses.${p}`)}
            </option>
          ))}
        </SelectField>
        <TextAreaField id="report-narrative" label={t('submissions.plan.narrative')} error={fieldError('narrative')} {...bind('narrative')} />
        <TextField id="report-evidence" label={t('submissions.plan.evidence')} optional error={fieldError('evidence')} {...bind('evidence')} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {t('submissions.plan.send')}
          </button>
        </div>
      </form>
    </section>
  );
}
