import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { AuditEntry, AuditPage as AuditPageSchema, AuditVerification } from '../../../src/audit/schema.ts';
import { api, withQuery } from '../api.ts';
import { FormAlert, Notice } from '../ui/Alerts.tsx';
import { AgencySelect } from '../agencies/AgencySelect.tsx';
import { ActionSelect } from './ActionSelect.tsx';
import { AuditTable } from './AuditTable.tsx';
import { CheckboxField, SelectField, TextField } from '../ui/Field.tsx';
import { Page } from '../ui/Page.tsx';
import { clientInvalid, useSubmit } from '../form.ts';

type Entry = z.infer<typeof AuditEntry>;
type Verification = z.infer<typeof AuditVerification>;
const PAGE_SIZE = 50;
const empty = { actorUsername: '', agencyId: '', caseCode: '', targetType: '', targetId: '', action: '', from: '', to: '', routine: false };

/** datetime-local ("2025-01-31T14:05", the browser's time zone) → ISO 8601 with offset. */
function toIso(local: string): string | undefined {
  if (!local) return undefined;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

export function AuditPage() {
  const { t } = useTranslation();
  const [form, setForm] = useState(empty);
  // The filters of the list on screen; "older" pages go on with these, not with unsaved edits.
  const [applied, setApplied] = useState(empty);
  const [items, setItems] = useState<Entry[] | null>(null);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [verification, setVerification] = useState<Verification | null>(null);
  const [highlight, setHighlight] = useState<number | null>(null);
  const search = useSubmit();
  const verify = useSubmit();
  const labels = { actorUsername: t('audit.actor'), agencyId: t('audit.agency'), caseCode: t('audit.caseCode'), targetType: t('audit.targetType'), targetId: t('audit.targetId'), action: t('audit.action'), from: t('audit.from'), to: t('audit.to') };
  const set = (k: Exclude<keyof typeof empty, 'routine'>) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  /** The query of a filtered view: the list's and the export's. */
  const queryOf = (filters: typeof empty) => ({
    actorUsername: filters.actorUsername.trim(),
    agencyId: filters.agencyId,
    caseCode: filters.caseCode.trim(),
    targetType: filters.targetType.trim(),
    targetId: filters.targetId.trim(),
    action: filters.action,
    from: toIso(filters.from),
    to: toIso(filters.to),
    routine: filters.routine ? 'show' : 'hide',
  });

  const fetchPage = async (filters: typeof empty, before: number | null, append: boolean) => {
    const from = toIso(filters.from);
    const to = toIso(filters.to);
    if (filters.from && !from) throw clientInvalid([{ path: 'from', message: t('fieldErrors.required') }]);
    if (filters.to && !to) throw clientInvalid([{ path: 'to', message: t('fieldErrors.required') }]);
    const page = await api.get<z.infer<typeof AuditPageSchema>>('/api/audit', { ...queryOf(filters), before, limit: PAGE_SIZE });
    setItems((prev) => (append && prev ? [...prev, ...page.items] : page.items));
    setNextBefore(page.nextBefore);
    setApplied(filters);
    if (!append) setHighlight(null);
  };

  const onFilter = search.onSubmit(() => fetchPage(form, null, false));
  // The newest records load when the page opens.
  useEffect(() => {
    void search.run(() => fetchPage(empty, null, false));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on open
  }, []);

  const onVerify = () =>
    void verify.run(async () => {
      setVerification(null);
      setVerification(await api.get<Verification>('/api/audit/verify'));
    });

  const showBroken = (seq: number) =>
    void search.run(async () => {
      setForm(empty);
      await fetchPage(empty, seq + 1, false);
      setHighlight(seq);
    });

  return (
    <Page
      title={t('audit.title')}
      actions={
        <button type="button" className="button button--secondary" onClick={onVerify} disabled={verify.busy}>
          {verify.busy ? t('audit.verifying') : t('audit.verify')}
        </button>
      }
    >
      <p className="lead">{t('audit.intro')}</p>
      <FormAlert error={verify.error} />
      <Notice message={verification?.ok ? t('audit.verifyOk', { checked: verification.checked }) : null} />
      {verification && !verification.ok && verification.broken && (
        <div className="alert alert--error" role="alert">
          <p className="alert-title">{t('audit.verifyBroken', { seq: verification.broken.seq, reason: verification.broken.reason })}</p>
          <button type="button" className="button button--secondary" onClick={() => showBroken(verification.broken!.seq)}>
            {t('audit.showBroken')}
          </button>
        </div>
      )}

      <form className="filters card" role="search" aria-label={t('audit.filters')} onSubmit={onFilter} noValidate>
        <TextField id="actorUsername" label={labels.actorUsername} value={form.actorUsername} onChange={set('actorUsername')} autoComplete="off" error={search.fieldError('actorUsername')} />
        <AgencySelect id="agencyId" label={labels.agencyId} hint={t('audit.agencyHint')} placeholder={t('audit.anyAgency')} value={form.agencyId} onChange={(agencyId) => setForm({ ...form, agencyId })} error={search.fieldError('agencyId')} />
        <TextField id="caseCode" label={labels.caseCode} value={form.caseCode} onChange={set('caseCode')} autoComplete="off" error={search.fieldError('caseCode')} />
        <SelectField id="targetType" label={labels.targetType} value={form.targetType} onChange={set('targetType')} error={search.fieldError('targetType')}>
          <option value="">{t('audit.anyTarget')}</option>
          {Object.entries(t('audit.targets', { returnObjects: true }) as Record<string, string>).map(([v, label]) => (
            <option key={v} value={v}>
              {label}
            </option>
          ))}
        </SelectField>
        <TextField id="targetId" label={labels.targetId} value={form.targetId} onChange={set('targetId')} autoComplete="off" error={search.fieldError('targetId')} />
        <ActionSelect id="action" label={labels.action} placeholder={t('audit.anyAction')} value={form.action} onChange={(action) => setForm({ ...form, action })} error={search.fieldError('action')} />
        <TextField id="from" type="datetime-local" label={labels.from} value={form.from} onChange={set('from')} error={search.fieldError('from')} />
        <TextField id="to" type="datetime-local" label={labels.to} value={form.to} onChange={set('to')} error={search.fieldError('to')} />
        <CheckboxField id="routine" label={t('audit.showRoutine')} hint={t('audit.routineHint')} checked={form.routine} onChange={(e) => setForm({ ...form, routine: e.target.checked })} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={search.busy}>
            {t('audit.apply')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setForm(empty);
              void search.run(() => fetchPage(empty, null, false));
            }}
          >
            {t('common.clear')}
          </button>
        </div>
      </form>

      <FormAlert error={search.error} labels={labels} />
      {items && items.length > 0 && (
        <p>
          <a className="button button--secondary" href={withQuery('/api/audit/export', queryOf(applied))} download>
            {t('audit.export')}
          </a>
        </p>
      )}
      {items && <AuditTable items={items} highlight={highlight} busy={search.busy} />}
      {items && items.length > 0 && (
        <div className="pager">
          {nextBefore !== null ? (
            <button type="button" className="button button--secondary" disabled={search.busy} onClick={() => void search.run(() => fetchPage(applied, nextBefore, true))}>
              {t('audit.older')}
            </button>
          ) : (
            <p className="muted">{t('audit.end')}</p>
          )}
        </div>
      )}
    </Page>
  );
}
