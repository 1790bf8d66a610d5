// Identification decisions: the competent authority's word on whether this is a victim.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IdentificationStatus } from '../../../src/victims/schema.ts';
import { api } from '../api.ts';
import { useToday } from '../dates.ts';
import { requireFilled, useFields, useSubmit } from '../form.ts';
import { useFormat } from '../format.ts';
import { useCan, useSession } from '../session.tsx';
import { personApi, type Person } from './victims.ts';
import { Notice } from '../ui/Alerts.tsx';
import { AgencySelect } from '../agencies/AgencySelect.tsx';
import { SelectField, TextField } from '../ui/Field.tsx';
import { AddRecordForm, Section } from './Section.tsx';

export function Decisions({ person, onChanged }: { person: Person; onChanged: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const { me } = useSession();
  const today = useToday();
  const form = useFields({ status: '', decidedOn: today, decidingAgencyId: me.user.agencyId, note: '' });
  const { busy, error, onSubmit, fieldError } = useSubmit();
  const [notice, setNotice] = useState<string | null>(null);
  const labels = { status: t('person.decisionStatus'), decidedOn: t('person.decidedOn'), decidingAgencyId: t('person.decidingAgency'), note: t('person.note') };
  const v = form.values;

  const submit = onSubmit(async () => {
    setNotice(null);
    requireFilled({ status: v.status, decidedOn: v.decidedOn, decidingAgencyId: v.decidingAgencyId }, t('fieldErrors.required'));
    await api.post(personApi(person.id, 'decisions'), {
      status: v.status,
      decidedOn: v.decidedOn,
      decidingAgencyId: v.decidingAgencyId,
      ...(v.note.trim() ? { note: v.note.trim() } : {}),
    });
    form.reset();
    setNotice(t('person.decisionSaved'));
    onChanged();
  });

  return (
    <Section id="decisions" title={t('person.decisionsTitle')}>
      <div className="table-wrap" tabIndex={0}>
        <table className="data-table data-table--compact">
          <caption className="visually-hidden">{t('person.decisionsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{labels.decidedOn}</th>
              <th scope="col">{labels.status}</th>
              <th scope="col">{labels.decidingAgencyId}</th>
              <th scope="col">{labels.note}</th>
            </tr>
          </thead>
          <tbody>
            {person.decisions.map((d) => (
              <tr key={d.id}>
                <td className="nowrap">{f.date(d.decidedOn)}</td>
                <td>{t(`identificationStatuses.${d.status}`)}</td>
                <td>{f.agency(d.decidingAgencyId)}</td>
                <td>{d.note ?? t('common.none')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Notice message={notice} />
      {can('persons.identify') && (
        <AddRecordForm summary={t('person.addDecision')} error={error} labels={labels} idPrefix="decision-" onSubmit={submit} busy={busy} saveLabel={t('person.saveDecision')}>
          <SelectField id="decision-status" label={labels.status} {...form.bind('status')} error={fieldError('status')}>
            <option value="">{t('person.choose')}</option>
            {IdentificationStatus.options.map((s) => (
              <option key={s} value={s}>
                {t(`identificationStatuses.${s}`)}
              </option>
            ))}
          </SelectField>
          <TextField id="decision-decidedOn" type="date" label={labels.decidedOn} max={today} {...form.bind('decidedOn')} error={fieldError('decidedOn')} />
          <AgencySelect id="decision-decidingAgencyId" label={labels.decidingAgencyId} placeholder={t('person.chooseAgency')} value={v.decidingAgencyId} onChange={form.set('decidingAgencyId')} error={fieldError('decidingAgencyId')} />
          <TextField id="decision-note" label={labels.note} optional hint={t('person.noteHint')} {...form.bind('note')} autoComplete="off" error={fieldError('note')} />
        </AddRecordForm>
      )}
    </Section>
  );
}
