// The recovery and reflection period: a legal clock (AZ: 30 days) that may be extended and ends
// with the person's decision whether to cooperate.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReflectionOutcome } from '../../../src/victims/schema.ts';
import { api } from '../api.ts';
import { useProfile } from '../data.ts';
import { daysBetween, useToday } from '../dates.ts';
import { clientInvalid, requireFilled, useFields, useSubmit } from '../form.ts';
import { useFormat } from '../format.ts';
import { useCan } from '../session.tsx';
import { personApi, type Person } from './victims.ts';
import { Notice } from '../ui/Alerts.tsx';
import { SelectField, TextField } from '../ui/Field.tsx';
import { AddRecordForm, Empty, Section } from './Section.tsx';

/** "12 days left", "ends today" or "overdue by 3 days"; the class marks overdue besides the words. */
export function DaysLeft({ days }: { days: number }) {
  const { t } = useTranslation();
  if (days < 0) return <strong className="overdue">{t('reflection.overdueBy', { count: -days })}</strong>;
  if (days === 0) return <strong>{t('reflection.endsToday')}</strong>;
  return <span>{t('reflection.daysLeft', { count: days })}</span>;
}

export function Reflection({ person, onChanged }: { person: Person; onChanged: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const today = useToday();
  const profile = useProfile();
  const period = person.reflection;
  const start = useFields({ startDate: today });
  const extend = useFields({ extensionDays: String(period?.extensionDays ?? 0) });
  const outcome = useFields({ outcome: '', outcomeDate: today });
  const starting = useSubmit();
  const extending = useSubmit();
  const deciding = useSubmit();
  const [notice, setNotice] = useState<string | null>(null);
  const editable = can('persons.update') && !person.closure;

  const onStart = starting.onSubmit(async () => {
    setNotice(null);
    requireFilled({ startDate: start.values.startDate }, t('fieldErrors.required'));
    await api.post(personApi(person.id, 'reflection'), { startDate: start.values.startDate });
    start.reset();
    setNotice(t('person.reflectionStarted'));
    onChanged();
  });

  const onExtend = extending.onSubmit(async () => {
    setNotice(null);
    const days = Number(extend.values.extensionDays);
    if (!/^\d{1,3}$/.test(extend.values.extensionDays.trim()) || days > 365) throw clientInvalid([{ path: 'extensionDays', message: t('fieldErrors.days') }]);
    await api.patch(personApi(person.id, 'reflection'), { extensionDays: days });
    extend.reset();
    setNotice(t('person.reflectionExtended'));
    onChanged();
  });

  const onOutcome = deciding.onSubmit(async () => {
    setNotice(null);
    requireFilled({ outcome: outcome.values.outcome, outcomeDate: outcome.values.outcomeDate }, t('fieldErrors.required'));
    await api.patch(personApi(person.id, 'reflection'), { outcome: outcome.values.outcome, outcomeDate: outcome.values.outcomeDate });
    outcome.reset();
    setNotice(t('person.outcomeSaved'));
    onChanged();
  });

  const length = profile.data?.settings.reflectionPeriodDays;
  return (
    <Section id="reflection" title={t('person.reflectionTitle')}>
      {!period && <Empty>{t('person.noReflection')}</Empty>}
      {period && (
        <dl className="facts">
          <dt>{t('person.reflectionStart')}</dt>
          <dd>{f.date(period.startDate)}</dd>
          <dt>{t('person.reflectionLength')}</dt>
          <dd>{t('person.lengthDays', { days: period.lengthDays, extension: period.extensionDays })}</dd>
          <dt>{t('person.reflectionEnd')}</dt>
          <dd>{f.date(period.endDate)}</dd>
          {period.outcome ? (
            <>
              <dt>{t('person.outcome')}</dt>
              <dd>
                {t(`reflectionOutcomes.${period.outcome}`)} · {f.date(period.outcomeDate)}
              </dd>
            </>
          ) : person.closure ? null : (
            <>
              <dt>{t('person.remaining')}</dt>
              <dd>
                <DaysLeft days={daysBetween(today, period.endDate)} />
              </dd>
            </>
          )}
        </dl>
      )}
      <Notice message={notice} />
      {editable && !period && (
        <AddRecordForm summary={t('person.startReflection')} error={starting.error} labels={{ startDate: t('person.reflectionStart') }} idPrefix="reflection-" onSubmit={onStart} busy={starting.busy} saveLabel={t('person.startReflection')}>
          <TextField
            id="reflection-startDate"
            type="date"
            label={t('person.reflectionStart')}
            hint={length ? t('person.reflectionLengthHint', { days: length }) : undefined}
            max={today}
            {...start.bind('startDate')}
            error={starting.fieldError('startDate')}
          />
        </AddRecordForm>
      )}
      {editable && period && !period.outcome && (
        <>
          <AddRecordForm summary={t('person.extend')} error={extending.error} labels={{ extensionDays: t('person.extensionDays') }} idPrefix="extend-" onSubmit={onExtend} busy={extending.busy} saveLabel={t('person.extend')}>
            <TextField
              id="extend-extensionDays"
              type="number"
              min={0}
              max={365}
              inputMode="numeric"
              label={t('person.extensionDays')}
              hint={t('person.extensionHint')}
              className="field--code"
              {...extend.bind('extensionDays')}
              error={extending.fieldError('extensionDays')}
            />
          </AddRecordForm>
          <AddRecordForm summary={t('person.recordOutcome')} error={deciding.error} labels={{ outcome: t('person.outcome'), outcomeDate: t('person.outcomeDate') }} idPrefix="outcome-" onSubmit={onOutcome} busy={deciding.busy} saveLabel={t('person.recordOutcome')}>
            <SelectField id="outcome-outcome" label={t('person.outcome')} {...outcome.bind('outcome')} error={deciding.fieldError('outcome')}>
              <option value="">{t('person.choose')}</option>
              {ReflectionOutcome.options.map((o) => (
                <option key={o} value={o}>
                  {t(`reflectionOutcomes.${o}`)}
                </option>
              ))}
            </SelectField>
            <TextField id="outcome-outcomeDate" type="date" label={t('person.outcomeDate')} max={today} min={period.startDate} {...outcome.bind('outcomeDate')} error={deciding.fieldError('outcomeDate')} />
          </AddRecordForm>
        </>
      )}
    </Section>
  );
}
