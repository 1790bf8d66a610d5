// Files a tip for the police queue from a saved call: the summary starts as the call's notes,
// the phone numbers and accounts as the call's.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { TipInput as Schema } from '../../../src/hotline/schema.ts';
import { api } from '../api.ts';
import { atListFields, assertValid, useSubmit } from '../form.ts';
import { splitList, tipPage, type Saved } from './hotline.ts';
import { Link } from '../router.tsx';
import { FormAlert, Notice } from '../ui/Alerts.tsx';
import { TextAreaField, TextField } from '../ui/Field.tsx';
import { Warnings } from './Warnings.tsx';

type TipInput = z.infer<typeof Schema>;

export function TipFromContact({ contactId, notes, phones, handles }: { contactId: string; notes: string; phones: string[]; handles: string[] }) {
  const { t } = useTranslation();
  const [v, setV] = useState({ summary: notes, phones: phones.join(', '), handles: handles.join(', ') });
  const [filed, setFiled] = useState<(Saved & { phones: string[]; handles: string[] }) | null>(null);
  const { busy, error, onSubmit, fieldError } = useSubmit();
  const labels = { summary: t('hotline.tipSummary'), phones: t('hotline.phones'), handles: t('hotline.handles') };

  const submit = onSubmit(async () => {
    assertValid(v.summary.trim().length < 5 ? [{ path: 'summary', message: t('fieldErrors.tooShort', { count: 5 }) }] : []);
    const p = splitList(v.phones);
    const h = splitList(v.handles);
    const body: TipInput = { contactId, summary: v.summary.trim(), ...(p.length ? { phones: p } : {}), ...(h.length ? { handles: h } : {}) };
    const out = await atListFields(api.post<Saved>('/api/hotline/tips', body));
    setFiled({ ...out, phones: p, handles: h });
  });

  if (filed) {
    return (
      <section className="card" aria-labelledby="tip-title">
        <h2 id="tip-title">{t('hotline.tipTitle')}</h2>
        <Notice message={t('hotline.tipFiled')} />
        <Warnings warnings={filed.warnings} phones={filed.phones} handles={filed.handles} />
        <p>
          <Link to={tipPage(filed.id)}>{t('hotline.openTip')}</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="card" aria-labelledby="tip-title">
      <h2 id="tip-title">{t('hotline.tipTitle')}</h2>
      <p className="hint">{t('hotline.tipHint')}</p>
      <FormAlert error={error} labels={labels} idPrefix="tip-" />
      <form className="form" onSubmit={submit} noValidate aria-labelledby="tip-title">
        <TextAreaField id="tip-summary" label={labels.summary} rows={4} value={v.summary} onChange={(e) => setV({ ...v, summary: e.target.value })} error={fieldError('summary')} />
        <TextField id="tip-phones" label={labels.phones} optional hint={t('hotline.listHint')} value={v.phones} onChange={(e) => setV({ ...v, phones: e.target.value })} autoComplete="off" error={fieldError('phones')} />
        <TextField id="tip-handles" label={labels.handles} optional hint={t('hotline.listHint')} value={v.handles} onChange={(e) => setV({ ...v, handles: e.target.value })} autoComplete="off" error={fieldError('handles')} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('common.saving') : t('hotline.fileTip')}
          </button>
        </div>
      </form>
    </section>
  );
}
