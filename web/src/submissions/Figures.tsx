import { useTranslation } from 'react-i18next';
import { formatQualified } from '../../../src/submissions/schema.ts';
import { withQuery } from '../api.ts';
import { LoadState } from '../ui/Alerts.tsx';
import { OpenForm } from '../ui/OpenForm.tsx';
import { Page } from '../ui/Page.tsx';
import { useProfile, useResource } from '../data.ts';
import { useFormat } from '../format.ts';
import { navigate, useLocation } from '../router.tsx';
import type { CatalogueData } from '../indicators/indicators.ts';
import { lastYear, type Figures } from './submissions.ts';

/** The national figures of a year from approved submissions (read-only; what the annual report prints). */
export function FiguresPage() {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const profile = useProfile();
  const { query } = useLocation();
  const asked = query.get('year') ?? '';
  const year = /^\d{4}$/.test(asked) ? asked : lastYear();
  const data = useResource<Figures>(withQuery('/api/submissions/figures', { year }));
  const catalogue = useResource<CatalogueData>(withQuery('/api/indicator-catalogue', { year }));
  // Labels from the year's catalogue (it may name indicators the profile does not).
  const label = (id: string, attribute?: string) => {
    const ind = (catalogue.data?.catalogue ?? profile.data?.indicators)?.indicators.find((i) => i.id === id);
    const attr = attribute ? ind?.attributes.find((a) => a.id === attribute) : undefined;
    const name = ind ? f.label(ind.label) : id;
    return attribute ? `${name}: ${attr ? f.label(attr.label) : attribute}` : name;
  };
  return (
    <Page title={t('submissions.figuresTitle', { year })}>
      <OpenForm key={year} id="figures-year" label={t('submissions.year')} initial={year} submitLabel={t('submissions.open')} onOpen={(value) => navigate(withQuery('/figures', { year: value }))} />
      <LoadState loading={data.loading && !data.data} error={data.error} />
      {data.data && data.data.items.length === 0 && <p className="muted">{t('submissions.none')}</p>}
      {data.data && data.data.items.length > 0 && (
        <div className="table-wrap" tabIndex={0}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('submissions.indicator')}</th>
                <th scope="col">{t('submissions.value')}</th>
                <th scope="col">{t('submissions.sources')}</th>
              </tr>
            </thead>
            <tbody>
              {data.data.items.map((x) => (
                <tr key={`${x.id}#${x.attribute ?? ''}`}>
                  <th scope="row">
                    {label(x.id, x.attribute)} <span className="muted">{x.id}{x.attribute ? `#${x.attribute}` : ''}</span>
                  </th>
                  <td>
                    {x.value === null ? t('submissions.states.unknown') : formatQualified(x.value, (x.qualifier ?? null) as Parameters<typeof formatQualified>[1], i18n.language)}
                    {x.breakdown && (
                      <span className="muted">
                        {' '}
                        ({Object.entries(x.breakdown)
                          .map(([k, n]) => `${t(`submissions.breakdown.${k as 'physical'}`)}: ${n}`)
                          .join(', ')}
                        )
                      </span>
                    )}
                    {x.unknown ? <span className="muted"> · {t('submissions.unknownCount', { count: x.unknown })}</span> : null}
                  </td>
                  <td>{[...new Set(x.sources.map((s) => s.agencyCode))].join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
