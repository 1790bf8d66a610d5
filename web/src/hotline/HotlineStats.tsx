import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../api.ts';
import { FormAlert, LoadState } from '../ui/Alerts.tsx';
import { TextField } from '../ui/Field.tsx';
import { useTopicLabel } from './Choices.tsx';
import { Page } from '../ui/Page.tsx';
import { useResource } from '../data.ts';
import { isDate, useToday } from '../dates.ts';
import { clientInvalid, useSubmit } from '../form.ts';
import type { StatsData } from './hotline.ts';
import { navigate, useLocation } from '../router.tsx';

/** Counts of contacts for a period: in all, by topic, by channel, by outcome. */
export function HotlineStatsPage() {
  const { t } = useTranslation();
  const topic = useTopicLabel();
  const today = useToday();
  const { query } = useLocation();
  const from = query.get('from') ?? `${today.slice(0, 8)}01`;
  const to = query.get('to') ?? today;
  const valid = isDate(from) && isDate(to);
  const stats = useResource<StatsData>(valid ? withQuery('/api/hotline/stats', { from, to }) : null);
  const [form, setForm] = useState<{ from: string | null; to: string | null }>({ from: null, to: null });
  const shown = { from: form.from ?? from, to: form.to ?? to };
  const apply = useSubmit();
  const labels = { from: t('hotline.from'), to: t('hotline.to') };

  const onApply = apply.onSubmit(async () => {
    const bad = (['from', 'to'] as const).filter((k) => !isDate(shown[k]));
    if (bad.length) throw clientInvalid(bad.map((path) => ({ path, message: t('fieldErrors.date') })));
    navigate(withQuery('/hotline/stats', shown), { replace: true });
  });

  const s = stats.data;
  const table = (id: string, title: string, counts: Record<string, number>, label: (k: string) => string) => {
    const rows = Object.entries(counts).sort((a, b) => b[1] - a[1]);
    return (
      <div className="table-wrap" key={id}>
        <table className="data-table data-table--compact" data-testid={id}>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{title}</th>
              <th scope="col" className="num">
                {t('stats.count')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={2} className="muted">
                  {t('common.noResults')}
                </td>
              </tr>
            )}
            {rows.map(([k, n]) => (
              <tr key={k}>
                <th scope="row">{label(k)}</th>
                <td className="num">{n}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  };

  return (
    <Page title={t('stats.title')}>
      <FormAlert error={apply.error} labels={labels} idPrefix="stats-" />
      <form className="filters card" aria-label={t('stats.period')} onSubmit={onApply} noValidate>
        <TextField id="stats-from" type="date" label={labels.from} value={shown.from} onChange={(e) => setForm({ ...form, from: e.target.value })} error={apply.fieldError('from')} />
        <TextField id="stats-to" type="date" label={labels.to} value={shown.to} onChange={(e) => setForm({ ...form, to: e.target.value })} error={apply.fieldError('to')} />
        <div className="form-actions">
          <button type="submit" className="button">
            {t('stats.show')}
          </button>
        </div>
      </form>
      <LoadState loading={stats.loading && !s} error={stats.error} />
      {s && (
        <>
          <p role="status" aria-live="polite">
            {t('stats.total')}: <span className="stat-total" data-testid="stats-total">{s.total}</span>
          </p>
          <div className="stats-grid">
            {table('stats-topic', t('hotline.topic'), s.byTopic, topic)}
            {table('stats-channel', t('hotline.channel'), s.byChannel, (k) => t(`contactChannels.${k as 'phone_152'}`, { defaultValue: k }))}
            {table('stats-outcome', t('hotline.outcome'), s.byOutcome, (k) => t(`hotlineOutcomes.${k as 'referred'}`, { defaultValue: k }))}
          </div>
        </>
      )}
    </Page>
  );
}
