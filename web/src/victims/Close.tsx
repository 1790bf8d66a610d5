// Closing the case with its reason; a closed case cannot be closed again.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ClosureReason } from '../../../src/victims/schema.ts';
import { api } from '../api.ts';
import { useToday } from '../dates.ts';
import { requireFilled, useFields, useSubmit } from '../form.ts';
import { useFormat } from '../format.ts';
import { useCan } from '../session.tsx';
import { personApi, type Person } from './victims.ts';
import { FormAlert, Notice } from '../ui/Alerts.tsx';
import { SelectField, TextField } from '../ui/Field.tsx';
import { AddForm, Section } from './Section.tsx';

export function Close({ person, onChanged }: { person: Person; onChanged: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const today = useToday();
  const form = useFields({ reason: '', closedOn: today, note: '' });
  const { busy, error, onSubmit, fieldError } = useSubmit();
  const [notice, setNotice] = useState<string | null>(null);
  const v = form.values;
  const labels = { reason: t('person.closeReason'), closedOn: t('person.closedOn'), note: t('person.note') };

  const submit = onSubmit(async () => {
    setNotice(null);
    requireFilled({ reason: v.reason, closedOn: v.closedOn }, t('fieldErrors.required'));
    await api.post(personApi(person.id, 'close'), { reason: v.reason, closedOn: v.closedOn, ...(v.note.trim() ? { note: v.note.trim() } : {}) });
    form.reset();
    setNotice(t('person.caseClosed'));
    onChanged();
  });

  if (!person.closure && !can('persons.update')) return null;
  return (
    <Section id="close" title={t('person.closeTitle')}>
      <Notice message={notice} />
      {person.closure ? (
        <p>{t('person.closedAs', { reason: t(`closureReasons.${person.closure.reason}`), date: f.date(person.closure.closedOn) })}</p>
      ) : (
        <AddForm summary={t('person.closeCase')}>
          <p className="hint">{t('person.closeWarning')}</p>
          <FormAlert error={error} labels={labels} idPrefix="close-" />
          <form className="form" onSubmit={submit} noValidate>
            <SelectField id="close-reason" label={labels.reason} {...form.bind('reason')} error={fieldError('reason')}>
              <option value="">{t('person.choose')}</option>
              {ClosureReason.options.map((r) => (
                <option key={r} value={r}>
                  {t(`closureReasons.${r}`)}
                </option>
              ))}
            </SelectField>
            <TextField id="close-closedOn" type="date" label={labels.closedOn} max={today} min={person.contactDate} {...form.bind('closedOn')} error={fieldError('closedOn')} />
            <TextField id="close-note" label={labels.note} optional {...form.bind('note')} autoComplete="off" error={fieldError('note')} />
            <div className="form-actions">
              <button type="submit" className="button button--danger" disabled={busy}>
                {busy ? t('common.saving') : t('person.closeCase')}
              </button>
            </div>
          </form>
        </AddForm>
      )}
    </Section>
  );
}
