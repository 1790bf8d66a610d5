// Opens a potential-victim record from a saved call: the name and gender are asked, the rest
// (channel, contact date, region, language) the server fills in from the contact.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { PersonFromContactInput as Schema } from '../../../src/hotline/schema.ts';
import { Gender } from '../../../src/victims/schema.ts';
import { api } from '../api.ts';
import { assertValid, blankFields, useSubmit } from '../form.ts';
import { contactApi } from './hotline.ts';
import { Link } from '../router.tsx';
import { personPage } from '../victims/victims.ts';
import { FormAlert, Notice } from '../ui/Alerts.tsx';
import { CheckboxField, RadioGroup, TextField } from '../ui/Field.tsx';

type PersonFromContactInput = z.infer<typeof Schema>;

export function PersonFromContact({ contactId, referred = false, onCreated }: { contactId: string; referred?: boolean; onCreated?: () => void }) {
  const { t } = useTranslation();
  const [v, setV] = useState({ givenName: '', familyName: '', gender: '', birthYear: '', referralConsent: false });
  const [created, setCreated] = useState<{ id: string; caseCode: string } | null>(null);
  const { busy, error, onSubmit, fieldError } = useSubmit();
  const labels = { givenName: t('intake.givenName'), familyName: t('intake.familyName'), gender: t('intake.gender'), birthYear: t('person.birthYear') };

  const submit = onSubmit(async () => {
    const year = v.birthYear.trim();
    assertValid(
      blankFields({ givenName: v.givenName }, t('fieldErrors.required')),
      blankFields({ gender: v.gender }, t('fieldErrors.choose')),
      year && !/^\d{4}$/.test(year) ? [{ path: 'birthYear', message: t('fieldErrors.year') }] : [],
    );
    const body: PersonFromContactInput = {
      givenName: v.givenName.trim(),
      ...(v.familyName.trim() ? { familyName: v.familyName.trim() } : {}),
      gender: v.gender as PersonFromContactInput['gender'],
      ...(year ? { birthYear: Number(year) } : {}),
      ...(referred ? { referralConsent: v.referralConsent } : {}),
    };
    setCreated(await api.post<{ id: string; caseCode: string }>(contactApi(contactId, 'person'), body));
    onCreated?.();
  });

  if (created) {
    return (
      <section className="card" aria-labelledby="victim-title">
        <h2 id="victim-title">{t('hotline.victimTitle')}</h2>
        <Notice message={t('hotline.victimCreated', { caseCode: created.caseCode })} />
        <p>
          <Link to={personPage(created.id)} data-testid="victim-case-code">
            {created.caseCode}
          </Link>
        </p>
      </section>
    );
  }
  return (
    <section className="card" aria-labelledby="victim-title">
      <h2 id="victim-title">{t('hotline.victimTitle')}</h2>
      <p className="hint">{t('hotline.victimHint')}</p>
      <FormAlert error={error} labels={labels} idPrefix="victim-" />
      <form className="form" onSubmit={submit} noValidate aria-labelledby="victim-title">
        <div className="field-row">
          <TextField id="victim-givenName" label={labels.givenName} value={v.givenName} onChange={(e) => setV({ ...v, givenName: e.target.value })} autoComplete="off" error={fieldError('givenName')} />
          <TextField id="victim-familyName" label={labels.familyName} optional value={v.familyName} onChange={(e) => setV({ ...v, familyName: e.target.value })} autoComplete="off" error={fieldError('familyName')} />
        </div>
        <RadioGroup
          id="victim-gender"
          legend={labels.gender}
          options={Gender.options.map((g) => ({ value: g, label: t(`genders.${g}`) }))}
          value={v.gender as PersonFromContactInput['gender'] | ''}
          onChange={(g) => setV({ ...v, gender: g })}
          error={fieldError('gender')}
        />
        <TextField id="victim-birthYear" label={labels.birthYear} optional inputMode="numeric" maxLength={4} className="field--code" value={v.birthYear} onChange={(e) => setV({ ...v, birthYear: e.target.value })} autoComplete="off" error={fieldError('birthYear')} />
        {referred && (
          <CheckboxField id="victim-referralConsent" label={t('hotline.referralConsent')} checked={v.referralConsent} onChange={(e) => setV({ ...v, referralConsent: e.target.checked })} />
        )}
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('common.saving') : t('hotline.createVictim')}
          </button>
        </div>
      </form>
    </section>
  );
}
