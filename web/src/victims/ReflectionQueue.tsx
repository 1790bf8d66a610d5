import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../api.ts';
import { FormAlert, LoadState } from '../ui/Alerts.tsx';
import { TextField } from '../ui/Field.tsx';
import { Page } from '../ui/Page.tsx';
import { DaysLeft } from './Reflection.tsx';
import { useResource } from '../data.ts';
import { clientInvalid, useSubmit } from '../form.ts';
import { useFormat } from '../format.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { personPage, type Queue } from './victims.ts';

const DEFAULT_DAYS = 7;

/** Reflection periods that end soon or are overdue (overdue first): who needs a decision now. */
export function ReflectionQueuePage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { query } = useLocation();
  const raw = query.get('withinDays');
  const within = raw !== null && /^\d{1,3}$/.test(raw) && Number(raw) <= 365 ? Number(raw) : DEFAULT_DAYS;
  const [days, setDays] = useState(String(within));
  const apply = useSubmit();
  const queue = useResource<Queue>(withQuery('/api/persons/reflection-queue', { withinDays: within }));
  const items = queue.data?.items ?? [];
  const overdue = items.filter((i) => i.overdue).length;

  const onApply = apply.onSubmit(async () => {
    const d = days.trim();
    if (!/^\d{1,3}$/.test(d) || Number(d) > 365) throw clientInvalid([{ path: 'withinDays', message: t('fieldErrors.days') }]);
    navigate(withQuery('/reflection-queue', { withinDays: Number(d) }));
  });

  return (
    <Page title={t('reflectionQueue.title')}>
      <p className="lead">{t('reflectionQueue.intro')}</p>
      <FormAlert error={apply.error} labels={{ withinDays: t('reflectionQueue.withinDays') }} idPrefix="queue-" />
      <form className="filters card" role="search" aria-label={t('reflectionQueue.filters')} onSubmit={onApply} noValidate>
        <TextField id="queue-withinDays" type="number" min={0} max={365} inputMode="numeric" className="field--code" label={t('reflectionQueue.withinDays')} value={days} onChange={(e) => setDays(e.target.value)} error={apply.fieldError('withinDays')} />
        <div className="form-actions">
          <button type="submit" className="button">
            {t('reflectionQueue.apply')}
          </button>
        </div>
      </form>

      <LoadState loading={queue.loading && !queue.data} error={queue.error} />
      {queue.data && items.length === 0 && <p className="muted">{t('reflectionQueue.none', { count: within })}</p>}
      {items.length > 0 && (
        <div className="table-wrap" tabIndex={0}>
          <table className="data-table" aria-busy={queue.loading}>
            <caption>
              {t('reflectionQueue.caption', { count: within })} · {items.length}
              {overdue > 0 && ` · ${t('reflectionQueue.overdueCount', { count: overdue })}`}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('reflectionQueue.caseCode')}</th>
                <th scope="col">{t('reflectionQueue.endDate')}</th>
                <th scope="col">{t('reflectionQueue.state')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.personId} className={i.overdue ? 'row--overdue' : undefined}>
                  <th scope="row" className="nowrap">
                    <Link to={personPage(i.personId)}>{i.caseCode}</Link>
                  </th>
                  <td className="nowrap">{f.date(i.endDate)}</td>
                  <td>
                    {i.overdue && <span className="tag tag--overdue">{t('reflection.overdue')}</span>} <DaysLeft days={i.daysLeft} />
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
