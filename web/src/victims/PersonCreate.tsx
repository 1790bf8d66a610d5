import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgencyKind } from '../../../src/profile/schema.ts';
import { Gender, IdentificationChannel, type CreatePersonInput } from '../../../src/victims/schema.ts';
import { api } from '../api.ts';
import { FormAlert } from '../ui/Alerts.tsx';
import { CountryField } from '../ui/CountryField.tsx';
import { DuplicateHints } from './DuplicateHints.tsx';
import { RadioGroup, SelectField, TextField } from '../ui/Field.tsx';
import { PartialDateField } from '../ui/PartialDateField.tsx';
import { Page } from '../ui/Page.tsx';
import { useAgencies, useProfile } from '../data.ts';
import { useToday } from '../dates.ts';
import { setFlash } from '../flash.ts';
import { assertValid, blankFields, useSubmit } from '../form.ts';
import { useFormat } from '../format.ts';
import { Link, navigate } from '../router.tsx';
import { useSession } from '../session.tsx';
import { countryCode, isCountryCode, personPage } from './victims.ts';

/** The usual way people reach an agency of this kind: the intake's default channel. */
const CHANNEL_OF: Partial<Record<AgencyKind, CreatePersonInput['channel']>> = {
  police: 'police',
  hotline: 'hotline',
  ngo: 'ngo',
  border: 'border',
  labour_inspectorate: 'labour_inspection',
};

/**
 * The intake: the few facts that open a record, in the order they are usually asked, with
 * possible existing records shown while the name and birth date are typed.
 */
export function PersonCreatePage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { me } = useSession();
  const profile = useProfile();
  const agencies = useAgencies();
  const today = useToday();
  const [v, setV] = useState({ givenName: '', familyName: '', birthDate: '', gender: '', residenceRegion: '' });
  // null: untouched, so the default shows (and follows the profile once it has loaded).
  const [channel, setChannel] = useState<string | null>(null);
  const [contactDate, setContactDate] = useState<string | null>(null);
  const [citizenship, setCitizenship] = useState<string | null>(null);
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });
  const { busy, error, onSubmit, fieldError } = useSubmit();

  const myKind = agencies.data?.items.find((a) => a.id === me.user.agencyId)?.kind;
  const values = {
    ...v,
    channel: channel ?? (myKind ? (CHANNEL_OF[myKind] ?? '') : ''),
    contactDate: contactDate ?? today,
    citizenship: citizenship ?? profile.data?.settings.code ?? '',
  };
  const labels = {
    'identity.givenName': t('intake.givenName'),
    'identity.familyName': t('intake.familyName'),
    'identity.birthDate': t('intake.birthDate'),
    gender: t('intake.gender'),
    channel: t('intake.channel'),
    contactDate: t('intake.contactDate'),
    citizenship: t('intake.citizenship'),
    residenceRegion: t('intake.residenceRegion'),
    birthYear: t('intake.birthDate'),
  };

  const submit = onSubmit(async () => {
    const citizenshipCode = countryCode(values.citizenship);
    assertValid(
      blankFields({ 'identity.givenName': values.givenName }, t('fieldErrors.required')),
      blankFields({ gender: values.gender, channel: values.channel }, t('fieldErrors.choose')),
      blankFields({ contactDate: values.contactDate }, t('fieldErrors.required')),
      citizenshipCode && !isCountryCode(citizenshipCode) ? [{ path: 'citizenship', message: t('fieldErrors.country') }] : [],
    );
    const body: CreatePersonInput = {
      identity: {
        givenName: values.givenName.trim(),
        ...(values.familyName.trim() ? { familyName: values.familyName.trim() } : {}),
        ...(values.birthDate ? { birthDate: values.birthDate } : {}),
      },
      gender: values.gender as CreatePersonInput['gender'],
      channel: values.channel as CreatePersonInput['channel'],
      contactDate: values.contactDate,
      citizenship: citizenshipCode || null,
      residenceRegion: values.residenceRegion || null,
    };
    const created = await api.post<{ id: string; caseCode: string }>('/api/persons', body);
    setFlash(t('intake.created', { caseCode: created.caseCode }));
    navigate(personPage(created.id));
  });

  const economic = profile.data?.regions.economicRegions ?? [];
  const regions = profile.data?.regions.regions ?? [];

  return (
    <Page title={t('intake.title')}>
      <p>
        <Link to="/persons">← {t('person.back')}</Link>
      </p>
      <p className="lead">{t('intake.intro')}</p>
      <div className="intake">
        <div className="intake-form">
          <FormAlert error={error} labels={labels} />
          <form className="card form" onSubmit={submit} noValidate>
            {/* Keyboard-first: the cursor starts in the first field and Enter in any field saves, so
                a minimal record is name, Tab, family name, Tab, birth date, Tab, (what is known of it), Tab, gender, Enter. */}
            <TextField id="identity.givenName" label={labels['identity.givenName']} value={v.givenName} onChange={set('givenName')} autoComplete="off" autoFocus data-autofocus error={fieldError('identity.givenName')} />
            <TextField id="identity.familyName" label={labels['identity.familyName']} optional value={v.familyName} onChange={set('familyName')} autoComplete="off" error={fieldError('identity.familyName')} />
            <PartialDateField id="identity.birthDate" legend={labels['identity.birthDate']} optional max={today} value={v.birthDate} onChange={(birthDate) => setV({ ...v, birthDate })} error={fieldError('identity.birthDate') ?? fieldError('birthYear')} />
            <RadioGroup
              id="gender"
              legend={labels.gender}
              options={Gender.options.map((g) => ({ value: g, label: t(`genders.${g}`) }))}
              value={v.gender as CreatePersonInput['gender'] | ''}
              onChange={(g) => setV({ ...v, gender: g })}
              error={fieldError('gender')}
            />
            <SelectField id="channel" label={labels.channel} value={values.channel} onChange={(e) => setChannel(e.target.value)} error={fieldError('channel')}>
              <option value="">{t('intake.chooseChannel')}</option>
              {IdentificationChannel.options.map((c) => (
                <option key={c} value={c}>
                  {t(`channels.${c}`)}
                </option>
              ))}
            </SelectField>
            <TextField id="contactDate" type="date" label={labels.contactDate} max={today} value={values.contactDate} onChange={(e) => setContactDate(e.target.value)} error={fieldError('contactDate')} />
            <CountryField id="citizenship" label={labels.citizenship} optional value={values.citizenship} onChange={setCitizenship} error={fieldError('citizenship')} />
            <SelectField id="residenceRegion" label={labels.residenceRegion} optional value={v.residenceRegion} onChange={set('residenceRegion')} error={fieldError('residenceRegion')}>
              <option value="">{t('intake.noRegion')}</option>
              {economic.map((e) => (
                <optgroup key={e.code} label={f.label(e.label)}>
                  {regions
                    .filter((r) => r.economicRegion === e.code)
                    .map((r) => (
                      <option key={r.code} value={r.code}>
                        {f.label(r.label)}
                      </option>
                    ))}
                </optgroup>
              ))}
            </SelectField>
            <div className="form-actions">
              <button type="submit" className="button" disabled={busy}>
                {busy ? t('common.saving') : t('intake.submit')}
              </button>
              <Link to="/persons" className="button button--secondary">
                {t('common.cancel')}
              </Link>
            </div>
          </form>
        </div>
        <DuplicateHints givenName={v.givenName} familyName={v.familyName} birthDate={v.birthDate} />
      </div>
    </Page>
  );
}
