import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { Link } from '../router.tsx';
import type { Overview, SourcesData } from './report.ts';
import { FormAlert } from '../ui/Alerts.tsx';

const signed = (n: number | null) => (n === null ? '' : n > 0 ? `+${n}` : String(n));

/** Every figure with its change; where the user may, the records behind it. */
export function Figures({ year, figures, canOpen }: { year: number; figures: Overview['figures']; canOpen: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<SourcesData | null>(null);
  const [error, setError] = useState<unknown>(null);
  const show = async (id: string) => {
    setError(null);
    try {
      setOpen(await api.get<SourcesData>(`/api/reports/${year}/figures/${id}/sources`));
    } catch (err) {
      setError(err);
    }
  };
  return (
    <>
      <div className="table-wrap" tabIndex={0}>
        <table className="data-table data-table--compact" data-testid="figures">
          <caption>{t('report.figures')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('report.figure')}</th>
              <th scope="col" className="num">{t('report.value')}</th>
              <th scope="col" className="num">{t('report.change')}</th>
              <th scope="col">{t('report.breakdown')}</th>
              {canOpen && <th scope="col">{t('report.records')}</th>}
            </tr>
          </thead>
          <tbody>
            {figures.map((f) => (
              <tr key={f.id} data-figure={f.id}>
                <th scope="row">
                  {f.label} <code className="figure-id">{f.id}</code>
                  {f.countedAs && (
                    <p className="counted-as">
                      <span className="visually-hidden">{t('report.countedAs')}: </span>
                      {f.countedAs}
                    </p>
                  )}
                </th>
                <td className="num">{f.value ?? '—'}</td>
                <td className="num">{f.delta === 0 ? t('report.noChange') : signed(f.delta)}</td>
                <td>
                  {Object.entries(f.breakdown ?? {})
                    .map(([k, n]) => `${f.partLabels?.[k] ?? k}: ${n}`)
                    .join(', ')}
                  {f.unknown ? ` · ${t('report.unknown')}: ${f.unknown}` : ''}
                </td>
                {canOpen && (
                  <td>
                    <button type="button" className="button button--link" onClick={() => void show(f.id)}>
                      {t('report.open')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <FormAlert error={error} />
      {open && (
        <section className="card" aria-live="polite" data-testid="figure-sources">
          <h2>{t('report.behind', { figure: open.figure, n: open.persons.length + open.submissions.length })}</h2>
          <ul className="inline-list">
            {open.persons.map((p) => (
              <li key={p.id}>
                <Link to={`/persons/${p.id}`}>{p.caseCode}</Link>
              </li>
            ))}
            {open.submissions.map((s) => (
              <li key={s.submissionId}>
                {s.submissionId.startsWith('activities:') ? (
                  <Link to="/activities">{s.agencyCode}</Link>
                ) : (
                  <Link to={`/submissions/${s.submissionId}`}>{s.agencyCode}</Link>
                )}
              </li>
            ))}
          </ul>
          {open.records.length > 0 && (
            <table className="data-table data-table--compact" data-testid="figure-records">
              <caption>{t('report.recordsCounted', { year: open.year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('report.figure')}</th>
                  <th scope="col">{t('report.recordsSource')}</th>
                  <th scope="col" className="num">{t('report.recordsCount')}</th>
                </tr>
              </thead>
              <tbody>
                {open.records.map((r) => (
                  <tr key={r.figure} data-figure={r.figure}>
                    <th scope="row">
                      <code className="figure-id">{r.figure}</code>
                    </th>
                    <td>{t(`report.source.${r.source}`)}</td>
                    <td className="num">{r.records}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </>
  );
}
