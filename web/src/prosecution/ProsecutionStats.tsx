import { useTranslation } from 'react-i18next';
import { withQuery } from '../api.ts';
import { LoadState } from '../ui/Alerts.tsx';
import { SelectField } from '../ui/Field.tsx';
import { Page } from '../ui/Page.tsx';
import { useResource } from '../data.ts';
import { useToday } from '../dates.ts';
import type { FiguresData } from './prosecution.ts';
import { navigate, useLocation } from '../router.tsx';

/** The law-enforcement figures of the annual report for a year, under their reference ids. */
export function ProsecutionStatsPage() {
  const { t } = useTranslation();
  const today = useToday();
  const { query } = useLocation();
  const thisYear = Number(today.slice(0, 4));
  const asked = Number(query.get('year'));
  const year = Number.isInteger(asked) && asked >= 2005 && asked <= thisYear ? asked : thisYear;
  const data = useResource<FiguresData>(withQuery('/api/prosecution/figures', { year }));
  const years = Array.from({ length: thisYear - 2004 }, (_, i) => thisYear - i);
  return (
    <Page title={t('prosecution.statsTitle')}>
      <form className="filters card" aria-label={t('prosecution.filters')} onSubmit={(e) => e.preventDefault()}>
        <SelectField id="stats-year" label={t('prosecution.year')} value={String(year)} onChange={(e) => navigate(withQuery('/prosecution/stats', { year: e.target.value }), { replace: true })}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </SelectField>
      </form>
      <LoadState loading={data.loading && !data.data} error={data.error} />
      {data.data && (
        <div className="table-wrap" tabIndex={0}>
          <table className="data-table data-table--compact" data-testid="figures-table">
            <caption>{t('prosecution.statsCaption', { year: data.data.year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('prosecution.figureId')}</th>
                <th scope="col" className="num">{t('prosecution.value')}</th>
                <th scope="col">{t('prosecution.breakdown')}</th>
              </tr>
            </thead>
            <tbody>
              {data.data.figures.map((fig) => (
                <tr key={fig.id} data-figure={fig.id}>
                  <th scope="row">
                    {fig.label}
                    <br />
                    <code className="figure-id">{fig.id}</code>
                  </th>
                  <td className="num">{fig.value ?? t('common.none')}</td>
                  <td>
                    {[
                      ...Object.entries(fig.breakdown ?? {}).map(([k, n]) => `${fig.breakdownLabels[k] ?? k}: ${n}`),
                      ...(fig.unknown ? [`${t('prosecution.unknown')}: ${fig.unknown}`] : []),
                      ...(fig.categories ?? []),
                    ].join(' · ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
