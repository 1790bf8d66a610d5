import { useTranslation } from 'react-i18next';
import { TipStatus } from '../../../src/hotline/schema.ts';
import { withQuery } from '../api.ts';
import { LoadState } from '../ui/Alerts.tsx';
import { SelectField } from '../ui/Field.tsx';
import { TipTable } from './Tables.tsx';
import { Page } from '../ui/Page.tsx';
import { useResource } from '../data.ts';
import type { Tips } from './hotline.ts';
import { navigate, useLocation } from '../router.tsx';

/** The police queue of tips (an operator sees the tips they filed). */
export function HotlineTipsPage() {
  const { t } = useTranslation();
  const { query } = useLocation();
  const raw = query.get('status') ?? '';
  const status = TipStatus.safeParse(raw).success ? raw : '';
  const list = useResource<Tips>(withQuery('/api/hotline/tips', { status }));
  const items = list.data?.items ?? [];

  return (
    <Page title={t('tips.title')}>
      <p className="lead">{t('tips.intro')}</p>
      <form className="filters card" role="search" aria-label={t('tips.filters')} onSubmit={(e) => e.preventDefault()}>
        <SelectField id="tips-status" label={t('tips.status')} value={status} onChange={(e) => navigate(withQuery('/hotline/tips', { status: e.target.value }), { replace: true })}>
          <option value="">{t('tips.allStatuses')}</option>
          {TipStatus.options.map((s) => (
            <option key={s} value={s}>
              {t(`tipStatuses.${s}`)}
            </option>
          ))}
        </SelectField>
      </form>
      <LoadState loading={list.loading && !list.data} error={list.error} />
      {list.data && items.length === 0 && <p className="muted">{t('common.noResults')}</p>}
      {items.length > 0 && <TipTable items={items} busy={list.loading} caption={`${t('tips.caption')} · ${items.length}`} />}
    </Page>
  );
}
