import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { FormAlert, LoadState } from '../ui/Alerts.tsx';
import { SelectField } from '../ui/Field.tsx';
import { Page } from '../ui/Page.tsx';
import { Editions } from './Editions.tsx';
import { Figures } from './Figures.tsx';
import { Narratives } from './Narratives.tsx';
import { PublishForm } from './PublishForm.tsx';
import { ReportChart } from './ReportChart.tsx';
import { ValidationPanel } from './ValidationPanel.tsx';
import { useResource } from '../data.ts';
import { reportLang, type DiffData, type Overview } from './report.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { useCan } from '../session.tsx';

/** The annual report for a year: validation panel, figures, charts, narratives, publication. */
export function ReportPage() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const { query } = useLocation();
  const thisYear = new Date().getFullYear();
  const year = Number(query.get('year') ?? thisYear - 1);
  const lang = reportLang(i18n.language);
  const report = useResource<Overview>(`/api/reports/${year}?lang=${lang}`);
  const [diff, setDiff] = useState<DiffData | null>(null);
  const [diffError, setDiffError] = useState<unknown>(null);
  const r = report.data?.year === year ? report.data : undefined;
  const charts = r?.charts ?? [];

  const years = Array.from({ length: thisYear - 2005 + 1 }, (_, i) => thisYear - i);
  const errors = r?.problems.filter((p) => p.severity === 'error').length ?? 0;
  const published = (r?.editions.length ?? 0) > 0;
  const nextEdition = Math.max(0, ...(r?.editions.map((e) => e.edition) ?? [])) + 1;
  const compare = async () => {
    setDiffError(null);
    try {
      setDiff(await api.get<DiffData>(`/api/reports/${year}/diff`));
    } catch (err) {
      setDiffError(err);
    }
  };

  return (
    <Page title={t('report.title', { year })}>
      <form className="filters card" aria-label={t('report.year')} onSubmit={(e) => e.preventDefault()}>
        <SelectField id="report-year" label={t('report.year')} value={String(year)} onChange={(e) => navigate(`/report?year=${e.target.value}`, { replace: true })}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </SelectField>
        <div className="form-actions">
          <a className="button button--secondary" href={`/api/reports/${year}/draft/html?lang=${lang}`} target="_blank" rel="noopener">
            {t('report.preview')}
          </a>
          <a className="button button--secondary" href={`/api/reports/${year}/draft/docx?lang=${lang}`} download>
            {t('report.draftDocx')}
          </a>
          {can('report.definition') && (
            <Link className="button button--secondary" to={`/report/editor?year=${year}`}>
              {t('report.editDefinition')}
            </Link>
          )}
        </div>
      </form>
      <LoadState loading={report.loading && !r} error={report.error} />
      {r && (
        <>
          <ValidationPanel problems={r.problems} />
          {can('report.publish') && <PublishForm key={year} year={year} errors={errors} nextEdition={nextEdition} onPublished={() => { setDiff(null); report.reload(); }} />}
          <Editions year={year} editions={r.editions} />
          {published && (
            <div className="form-actions">
              <button type="button" className="button button--secondary" onClick={() => void compare()}>
                {t('report.compare')}
              </button>
            </div>
          )}
          <FormAlert error={diffError} />
          {diff && (
            <section className="card" data-testid="report-diff" aria-live="polite">
              <h2>{t('report.diffTitle', { edition: diff.edition })}</h2>
              {diff.changes.length === 0 ? (
                <p className="muted">{t('report.noDiff')}</p>
              ) : (
                <ul>
                  {diff.changes.map((c) => (
                    <li key={c.id}>
                      <code>{c.id}</code>: {c.published ?? '—'} → {c.live ?? '—'}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}
          <div className="report-charts">
            {charts.map((c) => (
              <ReportChart key={`${c.id}-${lang}`} {...c} />
            ))}
          </div>
          <Figures year={year} figures={r.figures} canOpen={can('report.sources')} />
          {can('report.narrative') && (
            <section aria-labelledby="narratives-title">
              <h2 id="narratives-title">{t('report.narratives')}</h2>
              <Narratives year={year} blocks={r.narratives} onSaved={report.reload} />
            </section>
          )}
        </>
      )}
    </Page>
  );
}
