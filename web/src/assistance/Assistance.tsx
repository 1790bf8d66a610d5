// The assistance ledger: help given, by whom and when. Money is recorded under payments.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LegalStage } from '../../../src/assistance/schema.ts';
import { api } from '../api.ts';
import { useProfile, useResource } from '../data.ts';
import { useToday } from '../dates.ts';
import { requireFilled, useFields, useSubmit } from '../form.ts';
import { useFormat } from '../format.ts';
import { useCan, useSession } from '../session.tsx';
import { personApi, type AssistanceData, type Person } from '../victims/victims.ts';
import { LoadState, Notice } from '../ui/Alerts.tsx';
import { AgencySelect } from '../agencies/AgencySelect.tsx';
import { SelectField, TextField } from '../ui/Field.tsx';
import { EntryCorrection } from './EntryCorrection.tsx';
import { AddRecordForm, Empty, Section } from '../victims/Section.tsx';

export function Assistance({ person, onChanged }: { person: Person; onChanged: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const { me } = useSession();
  const today = useToday();
  const profile = useProfile();
  const list = useResource<AssistanceData>(personApi(person.id, 'assistance'));
  const form = useFields({ kind: '', providerAgencyId: me.user.agencyId, date: today, endDate: '', legalStage: '', childId: '', notes: '' });
  const { busy, error, onSubmit, fieldError } = useSubmit();
  const [notice, setNotice] = useState<string | null>(null);
  const v = form.values;
  const kinds = profile.data?.assistanceKinds ?? [];
  const kind = kinds.find((k) => k.code === v.kind);
  const kindLabel = (code: string) => {
    const k = kinds.find((x) => x.code === code);
    return k ? f.label(k.label) : code;
  };
  const labels = {
    kind: t('person.assistanceKind'),
    providerAgencyId: t('person.provider'),
    date: t('person.assistanceDate'),
    endDate: t('person.assistanceEnd'),
    legalStage: t('person.legalStage'),
    childId: t('person.child'),
    notes: t('person.notes'),
  };

  const submit = onSubmit(async () => {
    setNotice(null);
    requireFilled({ kind: v.kind, providerAgencyId: v.providerAgencyId, date: v.date, ...(kind?.forChildren ? { childId: v.childId } : {}) }, t('fieldErrors.required'));
    await api.post(personApi(person.id, 'assistance'), {
      kind: v.kind,
      providerAgencyId: v.providerAgencyId,
      date: v.date,
      ...(v.kind === 'shelter' && v.endDate ? { endDate: v.endDate } : {}),
      ...(v.kind === 'legal' && v.legalStage ? { legalStage: v.legalStage } : {}),
      ...(kind?.forChildren && v.childId ? { childId: v.childId } : {}),
      ...(v.notes.trim() ? { notes: v.notes.trim() } : {}),
    });
    form.reset();
    setNotice(t('person.assistanceSaved'));
    list.reload();
    onChanged();
  });

  const items = list.data?.items ?? [];
  const childLabel = (id: string | null) => (id ? (person.children.find((c) => c.id === id)?.label ?? t('common.none')) : t('common.none'));
  return (
    <Section id="assistance" title={t('person.assistanceTitle')}>
      <LoadState loading={list.loading && !list.data} error={list.error} />
      {list.data && items.length === 0 && <Empty>{t('person.noAssistance')}</Empty>}
      {items.length > 0 && (
        <div className="table-wrap" tabIndex={0}>
          <table className="data-table data-table--compact">
            <caption className="visually-hidden">{t('person.assistanceTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{labels.date}</th>
                <th scope="col">{labels.kind}</th>
                <th scope="col">{labels.providerAgencyId}</th>
                <th scope="col">{t('person.details')}</th>
                <th scope="col">{t('person.correctionColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.id} className={a.voidedAt ? 'voided' : undefined}>
                  <td className="nowrap">
                    {f.date(a.date)}
                    {a.endDate && ` – ${f.date(a.endDate)}`}
                  </td>
                  <td>{kindLabel(a.kind)}</td>
                  <td>{f.agency(a.providerAgencyId)}</td>
                  <td>
                    {[a.legalStage ? t(`legalStages.${a.legalStage}`) : '', a.childId ? `${labels.childId}: ${childLabel(a.childId)}` : '', a.notes ?? ''].filter(Boolean).join(' · ') || t('common.none')}
                  </td>
                  <td>
                    <EntryCorrection
                      personId={person.id}
                      ledger="assistance"
                      entry={a}
                      canCorrect={can('assistance.record')}
                      openStay={a.kind === 'shelter' && !a.endDate}
                      onChanged={() => {
                        list.reload();
                        onChanged();
                      }}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Notice message={notice} />
      {can('assistance.record') && (
        <AddRecordForm summary={t('person.addAssistance')} error={error} labels={labels} idPrefix="assistance-" onSubmit={submit} busy={busy} saveLabel={t('person.saveAssistance')}>
          <SelectField id="assistance-kind" label={labels.kind} hint={t('person.assistanceKindHint')} {...form.bind('kind')} error={fieldError('kind')}>
            <option value="">{t('person.choose')}</option>
            {kinds
              .filter((k) => !k.monetary)
              .map((k) => (
                <option key={k.code} value={k.code}>
                  {f.label(k.label)}
                </option>
              ))}
          </SelectField>
          <AgencySelect id="assistance-providerAgencyId" label={labels.providerAgencyId} placeholder={t('person.chooseAgency')} value={v.providerAgencyId} onChange={form.set('providerAgencyId')} error={fieldError('providerAgencyId')} />
          <div className="field-row">
            <TextField id="assistance-date" type="date" label={labels.date} max={today} {...form.bind('date')} error={fieldError('date')} />
            {v.kind === 'shelter' && (
              <TextField id="assistance-endDate" type="date" label={labels.endDate} optional max={today} min={v.date || undefined} {...form.bind('endDate')} error={fieldError('endDate')} />
            )}
          </div>
          {v.kind === 'legal' && (
            <SelectField id="assistance-legalStage" label={labels.legalStage} optional {...form.bind('legalStage')} error={fieldError('legalStage')}>
              <option value="">{t('person.notKnown')}</option>
              {LegalStage.options.map((s) => (
                <option key={s} value={s}>
                  {t(`legalStages.${s}`)}
                </option>
              ))}
            </SelectField>
          )}
          {kind?.forChildren && (
            <SelectField id="assistance-childId" label={labels.childId} hint={person.children.length ? undefined : t('person.addChildFirst')} {...form.bind('childId')} error={fieldError('childId')}>
              <option value="">{t('person.choose')}</option>
              {person.children.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </SelectField>
          )}
          <TextField id="assistance-notes" label={labels.notes} optional hint={t('person.noteHint')} {...form.bind('notes')} autoComplete="off" error={fieldError('notes')} />
        </AddRecordForm>
      )}
    </Section>
  );
}
