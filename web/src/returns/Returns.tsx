import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { useResource } from '../data.ts';
import { FormAlert, LoadState } from '../ui/Alerts.tsx';
import { SelectField, TextField } from '../ui/Field.tsx';
import { Page } from '../ui/Page.tsx';
import { defaultPeriod, returnUrl, type FindingData, type ReturnData, type ReturnListData } from './returns.ts';

/** The national coordinator picks an international return and a period, sees its checks, and downloads it. */
export function ReturnsPage() {
  const { t } = useTranslation();
  const list = useResource<ReturnListData>('/api/returns');
  const items = list.data?.items ?? [];
  const [name, setName] = useState<string>('');
  const chosen = items.find((r) => r.name === name) ?? items[0];
  const [period, setPeriod] = useState<{ from: string; to: string } | null>(null);
  const p = period ?? (chosen ? defaultPeriod(chosen.periodKind) : null);
  const [checked, setChecked] = useState<ReturnData | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const pick = (value: string) => {
    setName(value);
    setPeriod(null);
    setChecked(null);
  };
  const check = async () => {
    if (!chosen || !p) return;
    setError(null);
    setBusy(true);
    try {
      setChecked(await api.get<ReturnData>(returnUrl(chosen.name, p, 'json')));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const findingText = (f: FindingData) =>
    f.code === 'report_disagrees'
      ? t('returns.finding.report_disagrees', { figure: f.part ? `${f.figure} (${f.part})` : f.figure, ours: f.ours, report: f.report ?? '—' })
      : f.code === 'report_not_comparable'
        ? f.figure
          ? t('returns.finding.report_missing', { figure: f.figure })
          : t('returns.finding.report_not_comparable')
        : f.message;

  return (
    <Page title={t('returns.title')}>
      <LoadState loading={list.loading && !list.data} error={list.error} />
      {chosen && p && (
        <form
          className="filters card"
          aria-label={t('returns.title')}
          onSubmit={(e) => {
            e.preventDefault();
            void check();
          }}
        >
          <SelectField id="return-name" label={t('returns.return')} value={chosen.name} onChange={(e) => pick(e.target.value)}>
            {items.map((r) => (
              <option key={r.name} value={r.name}>
                {t(`returns.names.${r.name}`)} ({r.format.toUpperCase()})
              </option>
            ))}
          </SelectField>
          <TextField id="return-from" type="date" label={t('returns.from')} value={p.from} onChange={(e) => { setPeriod({ ...p, from: e.target.value }); setChecked(null); }} required />
          <TextField id="return-to" type="date" label={t('returns.to')} value={p.to} onChange={(e) => { setPeriod({ ...p, to: e.target.value }); setChecked(null); }} required />
          <p className="muted">{t(chosen.periodKind === 'april-march' ? 'returns.periodAprilMarch' : 'returns.periodCalendar')}</p>
          <div className="form-actions">
            <button type="submit" className="button" disabled={busy}>
              {t('returns.check')}
            </button>
            <a className="button button--secondary" href={returnUrl(chosen.name, p)} download>
              {t('returns.download')}
            </a>
          </div>
        </form>
      )}
      <FormAlert error={error} />
      {checked && (
        <section className="card" aria-live="polite" data-testid="return-findings">
          <h2>{t('returns.findings')}</h2>
          {checked.findings.length === 0 ? (
            <p>{t('returns.noFindings')}</p>
          ) : (
            <ul>
              {checked.findings.map((f, i) => (
                <li key={i} className={f.severity === 'error' ? 'error' : undefined}>
                  <strong>{t(`returns.severity.${f.severity}`)}</strong>: {findingText(f)}
                </li>
              ))}
            </ul>
          )}
          <p className="muted">{t('returns.sheets', { count: checked.sheets.length, rows: checked.sheets.reduce((n, s) => n + s.rows.length, 0), file: checked.fileName })}</p>
        </section>
      )}
    </Page>
  );
}
