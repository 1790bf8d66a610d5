import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadState, Notice } from '../ui/Alerts.tsx';
import { Page } from '../ui/Page.tsx';
import { useAgencies, useProfile } from '../data.ts';
import { clearFlash, peekFlash } from '../flash.ts';
import { useFormat } from '../format.ts';
import { Link } from '../router.tsx';
import { useCan } from '../session.tsx';

export function AgenciesPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const agencies = useAgencies();
  const profile = useProfile();
  const [flash] = useState(peekFlash);
  useEffect(clearFlash, []);

  const regionName = (code: string | null) => {
    if (!code) return t('agencies.noRegion');
    const region = profile.data?.regions.regions.find((r) => r.code === code);
    return region ? f.label(region.label) : code;
  };
  const items = agencies.data?.items ?? [];

  return (
    <Page
      title={t('agencies.title')}
      actions={
        can('agencies.create') && (
          <Link to="/agencies/new" className="button">
            {t('agencies.new')}
          </Link>
        )
      }
    >
      <Notice message={flash} />
      <LoadState loading={agencies.loading && !agencies.data} error={agencies.error} />
      {items.length > 0 && (
        <div className="table-wrap" tabIndex={0}>
          <table className="data-table">
            <caption>
              {t('agencies.caption')} · {items.length}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('agencies.name')}</th>
                <th scope="col">{t('agencies.code')}</th>
                <th scope="col">{t('agencies.kind')}</th>
                <th scope="col">{t('agencies.level')}</th>
                <th scope="col">{t('agencies.region')}</th>
                <th scope="col">{t('agencies.status')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.id} className={a.active ? undefined : 'row--inactive'}>
                  <th scope="row">{f.label(a.name)}</th>
                  <td>
                    <code>{a.code}</code>
                  </td>
                  <td>{t(`agencyKinds.${a.kind}`)}</td>
                  <td>{t(`agencyLevels.${a.level}`)}</td>
                  <td>{regionName(a.regionCode)}</td>
                  <td>{a.active ? t('common.active') : t('common.inactive')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
