import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Period, Qualifier, ValueState, type SaveFormInput } from '../../../src/submissions/schema.ts';
import { api, ApiError, withQuery } from '../api.ts';
import { FormAlert, LoadState, Notice } from '../ui/Alerts.tsx';
import { TextField } from '../ui/Field.tsx';
import { Page } from '../ui/Page.tsx';
import { useResource } from '../data.ts';
import { useSubmit } from '../form.ts';
import { useFormat } from '../format.ts';
import { navigate, useLocation } from '../router.tsx';
import { useSession } from '../session.tsx';
import { fileToBase64, formPage, lastYear, type SubmissionForm } from './submissions.ts';

type Row = { value: string; qualifier: string; state: string };
type Ind = SubmissionForm['indicators'][number];
/** One line of the form: an indicator's count, or one of its attributes beside it. */
type Line = { key: string; ind: Ind; attribute: Ind['attributes'][number] | null };
const linesOf = (indicators: Ind[]): Line[] => indicators.flatMap((ind) => [{ key: ind.id, ind, attribute: null }, ...ind.attributes.map((a) => ({ key: `${ind.id}#${a.id}`, ind, attribute: a }))]);

/** The reporter's own agency's form for a period: figures with qualifiers, save, submit, import. */
export function SubmissionFormPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { me } = useSession();
  const { query } = useLocation();
  const asked = query.get('period') ?? '';
  const period = Period.safeParse(asked).success ? asked : lastYear();
  const [periodInput, setPeriodInput] = useState(period);
  const path = withQuery('/api/submissions/form', { agencyId: me.user.agencyId, period });
  const form = useResource<SubmissionForm>(path);
  const [notice, setNotice] = useState<string | null>(null);
  const save = useSubmit();
  const upload = useSubmit();
  const data = form.data?.period === period ? form.data : undefined;
  const sub = data?.submission ?? null;
  const editable = !sub || sub.status === 'draft' || sub.status === 'returned';

  // The form shows what the server holds, with the user's edits laid over it until the next (re)load.
  const serverRows = useMemo(() => {
    const out: Record<string, Row> = {};
    for (const { key, ind, attribute } of linesOf(data?.indicators ?? [])) {
      const v = data?.submission?.values.find((x) => x.indicatorId === ind.id && x.attribute === (attribute?.id ?? ''));
      // A new answer starts with the qualifier the catalogue proposes for the indicator's count.
      out[key] = { value: v?.value === null || v?.value === undefined ? '' : String(v.value), qualifier: v ? (v.qualifier ?? '') : attribute ? '' : (ind.qualifier ?? ''), state: v?.state ?? 'reported' };
    }
    return out;
  }, [data]);
  const dataKey = `${period}:${sub?.updatedAt ?? 'new'}`;
  const [edits, setEdits] = useState<{ key: string; rows: Record<string, Row> }>({ key: '', rows: {} });
  const rows: Record<string, Row> = { ...serverRows, ...(edits.key === dataKey ? edits.rows : {}) };

  const body = (): SaveFormInput => ({
    agencyId: me.user.agencyId,
    period,
    values: linesOf(data?.indicators ?? []).map(({ key, ind, attribute }) => {
      const r = rows[key] ?? { value: '', qualifier: '', state: 'reported' };
      const n = r.value.trim() === '' ? null : Number(r.value.replace(/\s/g, '').replace(',', '.'));
      return { indicatorId: ind.id, ...(attribute ? { attribute: attribute.id } : {}), state: r.state as SaveFormInput['values'][number]['state'], value: r.state === 'reported' ? n : null, qualifier: r.state === 'reported' && r.qualifier ? (r.qualifier as SaveFormInput['values'][number]['qualifier']) : null, note: null };
    }),
  });
  const saveOnly = save.onSubmit(async () => {
    setNotice(null);
    await api.put('/api/submissions/form', body());
    setNotice(t('submissions.saved'));
    form.reload();
  });
  const saveAndSubmit = () =>
    void save.run(async () => {
      setNotice(null);
      const { id } = await api.put<{ id: string }>('/api/submissions/form', body());
      await api.post(`/api/submissions/${id}/submit`);
      setNotice(t('submissions.submittedNotice'));
      form.reload();
    });
  const importFile = (file: File) =>
    void upload.run(async () => {
      setNotice(null);
      const format = file.name.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx';
      const out = await api.post<{ values: number }>('/api/submissions/import', { agencyId: me.user.agencyId, period, format, contentBase64: await fileToBase64(file) });
      setNotice(t('submissions.imported', { count: out.values }));
      form.reload();
    });
  const set = (id: string, k: keyof Row) => (value: string) =>
    setEdits((e) => {
      const mine = e.key === dataKey ? e.rows : {};
      return { key: dataKey, rows: { ...mine, [id]: { ...(rows[id] ?? { value: '', qualifier: '', state: 'reported' }), ...mine[id], [k]: value } } };
    });
  const uploadErrors = upload.error instanceof ApiError ? upload.error.fields : [];

  return (
    <Page title={t('submissions.formTitle', { period })}>
      <form
        className="filters card"
        onSubmit={(e) => {
          e.preventDefault();
          if (Period.safeParse(periodInput).success) navigate(formPage(periodInput));
        }}
      >
        <TextField id="form-period" label={t('submissions.period')} hint={t('submissions.periodHint')} value={periodInput} onChange={(e) => setPeriodInput(e.target.value)} />
        <div className="form-actions">
          <button type="submit" className="button button--secondary">
            {t('submissions.open')}
          </button>
        </div>
      </form>
      <LoadState loading={form.loading && !data} error={form.error} />
      {data && (
        <>
          <p className="status-line">
            {f.agency(data.agencyId)} · <span data-testid="submission-status">{t(`submissions.statuses.${sub?.status ?? 'new'}`)}</span>
          </p>
          {data.indicators.length === 0 && <p className="muted">{t('submissions.nothingToReport')}</p>}
          {sub?.status === 'approved' && <p className="alert alert--ok">{t('submissions.lockedNotice')}</p>}
          {sub?.status === 'submitted' && <p className="muted">{t('submissions.underReview')}</p>}
          {(sub?.events ?? []).filter((e) => e.comment).length > 0 && (
            <section className="card" aria-labelledby="thread-title">
              <h2 id="thread-title">{t('submissions.thread')}</h2>
              <ul data-testid="thread">
                {sub!.events
                  .filter((e) => e.comment)
                  .map((e, i) => (
                    <li key={i}>
                      <strong>{t(`submissions.events.${e.kind}`)}</strong> · {e.username} · {f.dateTime(e.at)}: {e.comment}
                    </li>
                  ))}
              </ul>
            </section>
          )}
          <Notice message={notice} />
          <FormAlert error={save.error} />
          <form onSubmit={saveOnly} noValidate>
            <div className="table-wrap" tabIndex={0}>
              <table className="data-table">
                <caption>{t('submissions.figures')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('submissions.indicator')}</th>
                    <th scope="col">{t('submissions.value')}</th>
                    <th scope="col">{t('submissions.qualifier')}</th>
                    <th scope="col">{t('submissions.answer')}</th>
                  </tr>
                </thead>
                <tbody>
                  {linesOf(data.indicators).map(({ key, ind, attribute }) => {
                    const r = rows[key] ?? { value: '', qualifier: '', state: 'reported' };
                    const err = save.fieldError(`values.${key}`);
                    const label = attribute ? `${f.label(ind.label)}: ${f.label(attribute.label)}` : f.label(ind.label);
                    const id = key.replace('#', '--');
                    return (
                      <tr key={key} className={[err ? 'row--warn' : '', attribute ? 'row--attribute' : ''].filter(Boolean).join(' ') || undefined}>
                        <th scope="row">
                          {attribute ? <span className="attribute-label">{f.label(attribute.label)}</span> : label} <span className="muted">({t(`submissions.units.${attribute?.unit ?? ind.unit}`)})</span>
                          {err && (
                            <p className="field-error" id={`error-${id}`}>
                              {err}
                            </p>
                          )}
                        </th>
                        <td>
                          <input
                            id={`value-${id}`}
                            aria-label={label}
                            inputMode="decimal"
                            value={r.value}
                            disabled={!editable || r.state !== 'reported'}
                            aria-invalid={err ? true : undefined}
                            aria-describedby={err ? `error-${id}` : undefined}
                            onChange={(e) => set(key, 'value')(e.target.value)}
                          />
                        </td>
                        <td>
                          <select aria-label={`${label}: ${t('submissions.qualifier')}`} value={r.qualifier} disabled={!editable || r.state !== 'reported'} onChange={(e) => set(key, 'qualifier')(e.target.value)}>
                            <option value="">{t('submissions.exact')}</option>
                            {Qualifier.options.map((q) => (
                              <option key={q} value={q}>
                                {t(`submissions.qualifiers.${q}`)}
                              </option>
                            ))}
                          </select>
                        </td>
                        <td>
                          <select aria-label={`${label}: ${t('submissions.answer')}`} value={r.state} disabled={!editable} onChange={(e) => set(key, 'state')(e.target.value)}>
                            {ValueState.options.map((s) => (
                              <option key={s} value={s}>
                                {t(`submissions.states.${s}`)}
                              </option>
                            ))}
                          </select>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            {editable && (
              <div className="form-actions">
                <button type="submit" className="button button--secondary" disabled={save.busy}>
                  {t('submissions.saveDraft')}
                </button>
                <button type="button" className="button" disabled={save.busy} onClick={saveAndSubmit}>
                  {t('submissions.submit')}
                </button>
              </div>
            )}
          </form>
          {editable && (
            <section className="card" aria-labelledby="import-title">
              <h2 id="import-title">{t('submissions.importTitle')}</h2>
              <p>
                <a href={withQuery('/api/submissions/template', { agencyId: me.user.agencyId, period, format: 'xlsx' })} download>
                  {t('submissions.templateXlsx')}
                </a>{' '}
                ·{' '}
                <a href={withQuery('/api/submissions/template', { agencyId: me.user.agencyId, period, format: 'csv' })} download>
                  {t('submissions.templateCsv')}
                </a>
              </p>
              <label htmlFor="import-file">{t('submissions.importFile')}</label>{' '}
              <input
                id="import-file"
                type="file"
                accept=".xlsx,.csv"
                disabled={upload.busy}
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  if (file) importFile(file);
                  e.target.value = '';
                }}
              />
              {upload.error !== null && (
                <div className="alert alert--error" role="alert">
                  <p className="alert-title">{upload.error instanceof ApiError ? upload.error.message : t('errors.unknown')}</p>
                  {uploadErrors.length > 0 && (
                    <ul data-testid="import-errors">
                      {uploadErrors.map((e) => (
                        <li key={e.path}>{e.message}</li>
                      ))}
                    </ul>
                  )}
                </div>
              )}
            </section>
          )}
        </>
      )}
    </Page>
  );
}
