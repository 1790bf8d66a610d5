// A ledger row's correction: a voided entry says when and why; a standing one can be voided with
// a reason, and an open stay closed later. Nothing is ever deleted (see docs/victims.md).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { useToday } from '../dates.ts';
import { clientInvalid, useSubmit } from '../form.ts';
import { useFormat } from '../format.ts';
import { personApi } from '../victims/victims.ts';
import { FormAlert } from '../ui/Alerts.tsx';
import { TextField } from '../ui/Field.tsx';

const REASON_MIN = 5;

type Entry = { id: string; voidedAt: string | null; voidReason: string | null; replacesId: string | null };

export function EntryCorrection({ personId, ledger, entry, canCorrect, openStay, onChanged }: { personId: string; ledger: 'assistance' | 'payments'; entry: Entry; canCorrect: boolean; openStay?: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const today = useToday();
  const [reason, setReason] = useState('');
  const [endDate, setEndDate] = useState(today);
  const { busy, error, onSubmit, fieldError } = useSubmit();
  const idp = `fix-${entry.id}`;

  if (entry.voidedAt) {
    return (
      <span className="voided-note">
        {t('person.voidedOn', { date: f.dateTime(entry.voidedAt) })}
        {entry.voidReason ? `: ${entry.voidReason}` : ''}
      </span>
    );
  }
  if (!canCorrect) return entry.replacesId ? <span>{t('person.replacement')}</span> : null;

  const voidIt = onSubmit(async () => {
    if (reason.trim().length < REASON_MIN) throw clientInvalid([{ path: 'reason', message: t('fieldErrors.tooShort', { count: REASON_MIN }) }]);
    await api.post(personApi(personId, `${ledger}/${entry.id}/void`), { reason: reason.trim() });
    onChanged();
  });
  const close = onSubmit(async () => {
    await api.patch(personApi(personId, `${ledger}/${entry.id}`), { endDate });
    onChanged();
  });
  return (
    <details className="entry-fix">
      <summary>{t('person.correct')}</summary>
      <FormAlert error={error} labels={{ reason: t('person.voidReason'), endDate: t('person.endDate') }} idPrefix={`${idp}-`} />
      {openStay && (
        <form className="form form--inline" onSubmit={close} noValidate>
          <TextField id={`${idp}-endDate`} type="date" label={t('person.endDate')} max={today} value={endDate} onChange={(e) => setEndDate(e.target.value)} error={fieldError('endDate')} />
          <button type="submit" className="button" disabled={busy}>
            {t('person.closeStay')}
          </button>
        </form>
      )}
      <form className="form form--inline" onSubmit={voidIt} noValidate>
        <TextField id={`${idp}-reason`} label={t('person.voidReason')} value={reason} onChange={(e) => setReason(e.target.value)} autoComplete="off" error={fieldError('reason')} />
        <button type="submit" className="button button--danger" disabled={busy}>
          {t('person.void')}
        </button>
      </form>
    </details>
  );
}
