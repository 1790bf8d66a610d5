// The person's consents, per purpose (and, for referral, per receiving agency).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConsentPurpose } from '../../../src/victims/schema.ts';
import { api } from '../api.ts';
import { useToday } from '../dates.ts';
import { requireFilled, useFields, useSubmit } from '../form.ts';
import { useFormat } from '../format.ts';
import { useCan } from '../session.tsx';
import { personApi, type Person } from './victims.ts';
import { Notice } from '../ui/Alerts.tsx';
import { AgencySelect } from '../agencies/AgencySelect.tsx';
import { SelectField, TextAreaField, TextField } from '../ui/Field.tsx';
import { AddRecordForm, Empty, Section } from './Section.tsx';

export function Consents({ person, onChanged }: { person: Person; onChanged: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const today = useToday();
  const form = useFields({ purpose: 'referral', agencyId: '', given: 'yes', recordedOn: today });
  const { busy, error, onSubmit, fieldError } = useSubmit();
  const [notice, setNotice] = useState<string | null>(null);
  const v = form.values;
  const labels = { purpose: t('person.purpose'), agencyId: t('person.consentAgency'), given: t('person.consentGiven'), recordedOn: t('person.recordedOn') };

  const submit = onSubmit(async () => {
    setNotice(null);
    requireFilled({ purpose: v.purpose, ...(v.purpose === 'referral' ? { agencyId: v.agencyId } : {}), recordedOn: v.recordedOn }, t('fieldErrors.required'));
    await api.post(personApi(person.id, 'consents'), { purpose: v.purpose, agencyId: v.agencyId || null, given: v.given === 'yes', recordedOn: v.recordedOn });
    form.reset();
    setNotice(t('person.consentSaved'));
    onChanged();
  });

  const refusals = [person.refusals.dataProcessing && t('person.refusedDataProcessing'), person.refusals.lawEnforcementSharing && t('person.refusedLawEnforcement')].filter(Boolean);

  return (
    <Section id="consents" title={t('person.consentsTitle')}>
      {refusals.length > 0 && (
        <p className="problem problem--warning" role="status">
          {t('person.refusalActive', { what: refusals.join('; ') })}
        </p>
      )}
      {person.consents.length === 0 ? (
        <Empty>{t('person.noConsents')}</Empty>
      ) : (
        <div className="table-wrap" tabIndex={0}>
          <table className="data-table data-table--compact">
            <caption className="visually-hidden">{t('person.consentsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{labels.recordedOn}</th>
                <th scope="col">{labels.purpose}</th>
                <th scope="col">{labels.agencyId}</th>
                <th scope="col">{labels.given}</th>
              </tr>
            </thead>
            <tbody>
              {person.consents.map((c) => (
                <tr key={c.id}>
                  <td className="nowrap">{f.date(c.recordedOn)}</td>
                  <td>{t(`consentPurposes.${c.purpose}`)}</td>
                  <td>{f.agency(c.agencyId)}</td>
                  <td>{c.given ? t('person.given') : t('person.refused')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Notice message={notice} />
      {can('persons.update') && (
        <AddRecordForm summary={t('person.addConsent')} error={error} labels={labels} idPrefix="consent-" onSubmit={submit} busy={busy} saveLabel={t('person.saveConsent')}>
          <SelectField id="consent-purpose" label={labels.purpose} {...form.bind('purpose')} error={fieldError('purpose')}>
            {ConsentPurpose.options.map((p) => (
              <option key={p} value={p}>
                {t(`consentPurposes.${p}`)}
              </option>
            ))}
          </SelectField>
          <AgencySelect
            id="consent-agencyId"
            label={labels.agencyId}
            optional={v.purpose !== 'referral'}
            placeholder={t('person.chooseAgency')}
            value={v.agencyId}
            onChange={form.set('agencyId')}
            error={fieldError('agencyId')}
          />
          <SelectField id="consent-given" label={labels.given} {...form.bind('given')} error={fieldError('given')}>
            <option value="yes">{t('person.given')}</option>
            <option value="no">{t('person.refused')}</option>
          </SelectField>
          <TextField id="consent-recordedOn" type="date" label={labels.recordedOn} max={today} {...form.bind('recordedOn')} error={fieldError('recordedOn')} />
        </AddRecordForm>
      )}
      {can('consents.override') && (person.refusals.dataProcessing || person.refusals.lawEnforcementSharing) && <ConsentOverride person={person} onChanged={onChanged} />}
    </Section>
  );
}

/** The coordinator records the legal basis that allows processing despite a refusal (court order, investigation). */
function ConsentOverride({ person, onChanged }: { person: Person; onChanged: () => void }) {
  const { t } = useTranslation();
  const form = useFields({ purpose: person.refusals.dataProcessing ? 'data_processing' : 'law_enforcement_sharing', legalBasis: '', reason: '' });
  const { busy, error, onSubmit, fieldError } = useSubmit();
  const [notice, setNotice] = useState<string | null>(null);
  const v = form.values;
  const labels = { purpose: t('person.overridePurpose'), legalBasis: t('person.legalBasis'), reason: t('person.consentOverrideReason') };
  const submit = onSubmit(async () => {
    setNotice(null);
    requireFilled({ legalBasis: v.legalBasis, reason: v.reason }, t('fieldErrors.required'));
    await api.post(personApi(person.id, 'consent-overrides'), { purpose: v.purpose, legalBasis: v.legalBasis, reason: v.reason });
    form.reset();
    setNotice(t('person.overrideSaved'));
    onChanged();
  });
  const purposes = (['data_processing', 'law_enforcement_sharing'] as const).filter((p) => (p === 'data_processing' ? person.refusals.dataProcessing : person.refusals.lawEnforcementSharing));
  return (
    <>
      <Notice message={notice} />
      <AddRecordForm summary={t('person.overrideTitle')} error={error} labels={labels} idPrefix="override-" onSubmit={submit} busy={busy} saveLabel={t('person.saveOverride')}>
        <p className="hint">{t('person.consentOverrideHint')}</p>
        <SelectField id="override-purpose" label={labels.purpose} {...form.bind('purpose')} error={fieldError('purpose')}>
          {purposes.map((p) => (
            <option key={p} value={p}>
              {t(`consentPurposes.${p}`)}
            </option>
          ))}
        </SelectField>
        <TextField id="override-legalBasis" label={labels.legalBasis} maxLength={200} {...form.bind('legalBasis')} error={fieldError('legalBasis')} />
        <TextAreaField id="override-reason" label={labels.reason} maxLength={2000} {...form.bind('reason')} error={fieldError('reason')} />
      </AddRecordForm>
    </>
  );
}
