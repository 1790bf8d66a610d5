import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { AgencyProgress, MeasureInput, MeasureList } from '../../../src/action-plan/schema.ts';
import { api, withQuery } from '../api.ts';
import { FormAlert, LoadState, Notice } from '../ui/Alerts.tsx';
import { AgencySelect } from '../agencies/AgencySelect.tsx';
import { CheckboxField, TextAreaField, TextField } from '../ui/Field.tsx';
import { Page } from '../ui/Page.tsx';
import { useResource } from '../data.ts';
import { useSubmit } from '../form.ts';
import { useFormat } from '../format.ts';
import { measureText } from './action-plan.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { useCan, useSession } from '../session.tsx';

type Measures = z.infer<typeof MeasureList>;
type Progress = z.infer<typeof AgencyProgress>;
export const measurePage = (id: string) => `/action-plan/${encodeURIComponent(id)}`;

/** The National Action Plan: measures with overdue ones highlighted, and progress per agency. */
export function ActionPlanPage() {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const { me } = useSession();
  const { query } = useLocation();
  const mine = query.get('mine') === '1';
  const measures = useResource<Measures>(withQuery('/api/action-plan/measures', { agencyId: mine ? me.user.agencyId : undefined }));
  const progress = useResource<Progress>('/api/action-plan/progress');
  const items = measures.data?.items ?? [];
  return (
    <Page title={t('submissions.plan.title')}>
      <p className="lead">{t('submissions.plan.intro')}</p>
      <CheckboxField id="plan-mine" label={t('submissions.plan.mine')} checked={mine} onChange={(e) => navigate(withQuery('/action-plan', { mine: e.target.checked ? '1' : '' }))} />
      <LoadState loading={measures.loading && !measures.data} error={measures.error} />
      {items.length > 0 && (
        <div className="table-wrap" tabIndex={0}>
          <table className="data-table">
            <caption>{t('submissions.plan.measures')}</caption>
            <thead>
              <tr>
                <th scope="col">№</th>
                <th scope="col">{t('submissions.plan.measure')}</th>
                <th scope="col">{t('submissions.plan.responsible')}</th>
                <th scope="col">{t('submissions.plan.deadline')}</th>
                <th scope="col">{t('submissions.plan.progress')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((m) => (
                <tr key={m.id} className={m.overdue ? 'row--overdue' : undefined}>
                  <th scope="row">
                    <Link to={measurePage(m.id)}>{m.number}</Link>
                  </th>
                  <td>{measureText(m.text, i18n.language)}</td>
                  <td>
                    {f.agency(m.responsibleAgencyId)}
                    {m.coResponsibleAgencyIds.length > 0 && <span className="muted"> + {m.coResponsibleAgencyIds.map((a) => f.agency(a)).join(', ')}</span>}
                  </td>
                  <td className="nowrap">
                    {f.date(m.deadline)}
                    {m.overdue && <span className="tag tag--overdue">{t('submissions.plan.overdue')}</span>}
                  </td>
                  <td>
                    {m.progress ? t(`submissions.plan.progresses.${m.progress}`) : t('submissions.plan.notReported')}
                    {m.pendingReports > 0 && <span className="tag tag--warn">{t('submissions.plan.pending', { count: m.pendingReports })}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {progress.data && progress.data.items.length > 0 && (
        <div className="table-wrap" tabIndex={0}>
          <table className="data-table">
            <caption>{t('submissions.plan.byAgency')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('submissions.agency')}</th>
                <th scope="col">{t('submissions.plan.measures')}</th>
                <th scope="col">{t('submissions.plan.progresses.completed')}</th>
                <th scope="col">{t('submissions.plan.progresses.in_progress')}</th>
                <th scope="col">{t('submissions.plan.notReported')}</th>
                <th scope="col">{t('submissions.plan.overdue')}</th>
              </tr>
            </thead>
            <tbody>
              {progress.data.items.map((p) => (
                <tr key={p.agencyId} className={p.overdue ? 'row--overdue' : undefined}>
                  <th scope="row">{f.agency(p.agencyId)}</th>
                  <td>{p.measures}</td>
                  <td>{p.completed}</td>
                  <td>{p.inProgress}</td>
                  <td>{p.notReported}</td>
                  <td>{p.overdue}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {can('nap.manage') && <AddMeasure onSaved={measures.reload} />}
    </Page>
  );
}

function AddMeasure({ onSaved }: { onSaved: () => void }) {
  const { t } = useTranslation();
  const empty = { number: '', textAz: '', textEn: '', textRu: '', responsibleAgencyId: '', deadline: '', indicators: '' };
  const [v, setV] = useState(empty);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, onSubmit, fieldError } = useSubmit();
  const bind = (k: keyof typeof empty) => ({ value: v[k], onChange: (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value }) });
  const submit = onSubmit(async () => {
    setNotice(null);
    const { textRu, ...rest } = v;
    const body: MeasureInput = { ...rest, ...(textRu.trim() ? { textRu } : {}), coResponsibleAgencyIds: [], indicators: v.indicators.split('\n').map((s) => s.trim()).filter(Boolean) };
    await api.post('/api/action-plan/measures', body);
    setV(empty);
    setNotice(t('submissions.plan.added'));
    onSaved();
  });
  return (
    <section className="card" aria-labelledby="add-measure">
      <h2 id="add-measure">{t('submissions.plan.add')}</h2>
      <Notice message={notice} />
      <FormAlert error={error} />
      <form className="form" onSubmit={submit} noValidate>
        <TextField id="measure-number" label={t('submissions.plan.number')} error={fieldError('number')} {...bind('number')} />
        <TextAreaField id="measure-textAz" label={t('submissions.plan.textAz')} error={fieldError('textAz')} {...bind('textAz')} />
        <TextAreaField id="measure-textEn" label={t('submissions.plan.textEn')} error={fieldError('textEn')} {...bind('textEn')} />
        <TextAreaField id="measure-textRu" label={t('submissions.plan.textRu')} optional error={fieldError('textRu')} {...bind('textRu')} />
        <AgencySelect id="measure-responsible" label={t('submissions.plan.responsible')} placeholder="—" value={v.responsibleAgencyId} onChange={(id) => setV({ ...v, responsibleAgencyId: id })} error={fieldError('responsibleAgencyId')} />
        <TextField id="measure-deadline" type="date" label={t('submissions.plan.deadline')} error={fieldError('deadline')} {...bind('deadline')} />
        <TextAreaField id="measure-indicators" label={t('submissions.plan.indicators')} hint={t('submissions.plan.indicatorsHint')} error={fieldError('indicators')} {...bind('indicators')} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {t('submissions.plan.add')}
          </button>
        </div>
      </form>
    </section>
  );
}
