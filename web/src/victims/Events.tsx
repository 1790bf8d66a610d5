// Recruitment, transit and exploitation: where and when, which forms, by which means.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EventKind, MeansOfControl, RecruiterRelation, RecruitmentMethod } from '../../../src/victims/schema.ts';
import { api } from '../api.ts';
import { useProfile } from '../data.ts';
import { useToday } from '../dates.ts';
import { assertValid, atListFields, requireFilled, useFields, useSubmit } from '../form.ts';
import { useFormat } from '../format.ts';
import { useCan } from '../session.tsx';
import { countryCode, isCountryCode, personApi, type Person } from './victims.ts';
import { Notice } from '../ui/Alerts.tsx';
import { CountryField } from '../ui/CountryField.tsx';
import { CheckboxGroup, SelectField, TextField } from '../ui/Field.tsx';
import { PartialDateField } from '../ui/PartialDateField.tsx';
import { AddRecordForm, Empty, Section } from './Section.tsx';

type Means = (typeof MeansOfControl.options)[number];

/** ISIC Rev. 4 sections, for the sector of exploitation. */
const ISIC_SECTIONS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T', 'U'] as const;

export function Events({ person, onChanged }: { person: Person; onChanged: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const today = useToday();
  const profile = useProfile();
  const form = useFields({ kind: 'exploitation', country: '', region: '', startDate: '', endDate: '', recruitmentMethod: '', recruiterRelation: '', onlinePlatform: '', isicSection: '' });
  const [forms, setForms] = useState<string[]>([]);
  const [subtypes, setSubtypes] = useState<string[]>([]);
  const [means, setMeans] = useState<Means[]>([]);
  const { busy, error, onSubmit, fieldError } = useSubmit();
  const [notice, setNotice] = useState<string | null>(null);
  const v = form.values;
  const catalogue = profile.data?.exploitationForms ?? [];
  const named = (found: { label: Parameters<typeof f.label>[0] } | undefined, code: string) => (found ? f.label(found.label) : code);
  const formLabel = (code: string) => named(catalogue.find((x) => x.code === code), code);
  const subtypeLabel = (code: string) => named(catalogue.flatMap((x) => x.subtypes).find((s) => s.code === code), code);
  const labels = {
    kind: t('person.eventKind'),
    country: t('person.country'),
    region: t('person.region'),
    startDate: t('person.startDate'),
    endDate: t('person.endDate'),
    forms: t('person.forms'),
    subtypes: t('person.subtypes'),
    meansOfControl: t('person.meansOfControl'),
    recruitmentMethod: t('person.recruitmentMethod'),
    recruiterRelation: t('person.recruiterRelation'),
    onlinePlatform: t('person.onlinePlatform'),
    isicSection: t('person.isicSection'),
  };

  // Unticking a form drops its sub-types, which would no longer fit.
  const chooseForms = (next: string[]) => {
    setForms(next);
    const allowed = new Set(catalogue.filter((x) => next.includes(x.code)).flatMap((x) => x.subtypes.map((s) => s.code)));
    setSubtypes((s) => s.filter((c) => allowed.has(c)));
  };

  const submit = onSubmit(async () => {
    setNotice(null);
    const country = countryCode(v.country);
    requireFilled({ kind: v.kind }, t('fieldErrors.required'));
    assertValid(country && !isCountryCode(country) ? [{ path: 'country', message: t('fieldErrors.country') }] : []);
    const recruitment = v.kind === 'recruitment';
    await atListFields(
      api.post(personApi(person.id, 'events'), {
        kind: v.kind,
        country: country || null,
        region: v.region.trim() || null,
        startDate: v.startDate || null,
        endDate: v.endDate || null,
        forms,
        subtypes,
        meansOfControl: means,
        ...(recruitment ? { recruitmentMethod: v.recruitmentMethod || null, recruiterRelation: v.recruiterRelation || null, onlinePlatform: v.onlinePlatform.trim() || null } : {}),
        ...(v.kind === 'exploitation' ? { isicSection: v.isicSection || null } : {}),
      }),
    );
    form.reset();
    setForms([]);
    setSubtypes([]);
    setMeans([]);
    setNotice(t('person.eventSaved'));
    onChanged();
  });

  return (
    <Section id="events" title={t('person.eventsTitle')}>
      {person.events.length === 0 ? (
        <Empty>{t('person.noEvents')}</Empty>
      ) : (
        <div className="table-wrap" tabIndex={0}>
          <table className="data-table data-table--compact">
            <caption className="visually-hidden">{t('person.eventsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{labels.kind}</th>
                <th scope="col">{labels.country}</th>
                <th scope="col">{t('person.period')}</th>
                <th scope="col">{labels.forms}</th>
                <th scope="col">{labels.meansOfControl}</th>
              </tr>
            </thead>
            <tbody>
              {person.events.map((e) => (
                <tr key={e.id}>
                  <td>{t(`eventKinds.${e.kind}`)}</td>
                  <td>
                    {f.country(e.country)}
                    {e.region && ` · ${e.region}`}
                  </td>
                  <td className="nowrap">{e.startDate || e.endDate ? `${f.toldDate(e.startDate)} – ${f.toldDate(e.endDate)}` : t('common.none')}</td>
                  <td>
                    {e.forms.length ? e.forms.map(formLabel).join(', ') : t('common.none')}
                    {e.subtypes.length > 0 && <span className="muted"> ({e.subtypes.map(subtypeLabel).join(', ')})</span>}
                    {e.isicSection && <span className="muted"> · {t(`isicSections.${e.isicSection as (typeof ISIC_SECTIONS)[number]}`)}</span>}
                    {e.onlinePlatform && <span className="muted"> · {e.onlinePlatform}</span>}
                  </td>
                  <td>{e.meansOfControl.length ? e.meansOfControl.map((m) => t(`meansOfControl.${m as Means}`)).join(', ') : t('common.none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Notice message={notice} />
      {can('persons.update') && (
        <AddRecordForm summary={t('person.addEvent')} error={error} labels={labels} idPrefix="event-" onSubmit={submit} busy={busy} saveLabel={t('person.saveEvent')} wide>
          <SelectField id="event-kind" label={labels.kind} {...form.bind('kind')} error={fieldError('kind')}>
            {EventKind.options.map((k) => (
              <option key={k} value={k}>
                {t(`eventKinds.${k}`)}
              </option>
            ))}
          </SelectField>
          <div className="field-row">
            <CountryField id="event-country" label={labels.country} optional value={v.country} onChange={form.set('country')} error={fieldError('country')} />
            <TextField id="event-region" label={labels.region} optional {...form.bind('region')} autoComplete="off" error={fieldError('region')} />
          </div>
          <div className="field-row">
            <PartialDateField id="event-startDate" legend={labels.startDate} optional max={today} value={v.startDate} onChange={form.set('startDate')} error={fieldError('startDate')} />
            <PartialDateField id="event-endDate" legend={labels.endDate} optional max={today} value={v.endDate} onChange={form.set('endDate')} error={fieldError('endDate')} />
          </div>
          <CheckboxGroup id="event-forms" legend={labels.forms} options={catalogue.map((x) => ({ value: x.code, label: f.label(x.label) }))} value={forms} onChange={chooseForms} error={fieldError('forms')} />
          {catalogue
            .filter((x) => forms.includes(x.code) && x.subtypes.length > 0)
            .map((x) => (
              <div className="subtypes" key={x.code}>
                <CheckboxGroup
                  id={`event-subtypes-${x.code}`}
                  legend={t('person.subtypesOf', { form: f.label(x.label) })}
                  options={x.subtypes.map((s) => ({ value: s.code, label: f.label(s.label) }))}
                  value={subtypes.filter((s) => x.subtypes.some((y) => y.code === s))}
                  onChange={(next) => setSubtypes((all) => [...all.filter((s) => !x.subtypes.some((y) => y.code === s)), ...next])}
                />
              </div>
            ))}
          {fieldError('subtypes') && (
            <p id="event-subtypes" className="field-error" tabIndex={-1}>
              {labels.subtypes}: {fieldError('subtypes')}
            </p>
          )}
          <CheckboxGroup id="event-meansOfControl" legend={labels.meansOfControl} options={MeansOfControl.options.map((m) => ({ value: m, label: t(`meansOfControl.${m}`) }))} value={means} onChange={setMeans} error={fieldError('meansOfControl')} />
          {v.kind === 'recruitment' && (
            <div className="field-row">
              <SelectField id="event-recruitmentMethod" label={labels.recruitmentMethod} optional {...form.bind('recruitmentMethod')} error={fieldError('recruitmentMethod')}>
                <option value="">{t('person.notKnown')}</option>
                {RecruitmentMethod.options.filter((m) => m !== 'unknown').map((m) => (
                  <option key={m} value={m}>
                    {t(`recruitmentMethods.${m}`)}
                  </option>
                ))}
              </SelectField>
              <SelectField id="event-recruiterRelation" label={labels.recruiterRelation} optional {...form.bind('recruiterRelation')} error={fieldError('recruiterRelation')}>
                <option value="">{t('person.notKnown')}</option>
                {RecruiterRelation.options.filter((r) => r !== 'unknown').map((r) => (
                  <option key={r} value={r}>
                    {t(`recruiterRelations.${r}`)}
                  </option>
                ))}
              </SelectField>
              <TextField id="event-onlinePlatform" label={labels.onlinePlatform} optional {...form.bind('onlinePlatform')} autoComplete="off" error={fieldError('onlinePlatform')} />
            </div>
          )}
          {v.kind === 'exploitation' && (
            <SelectField id="event-isicSection" label={labels.isicSection} optional {...form.bind('isicSection')} error={fieldError('isicSection')}>
              <option value="">{t('person.notKnown')}</option>
              {ISIC_SECTIONS.map((x) => (
                <option key={x} value={x}>
                  {x} · {t(`isicSections.${x}`)}
                </option>
              ))}
            </SelectField>
          )}
        </AddRecordForm>
      )}
    </Section>
  );
}
