import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agency, CreateAgencyInput } from '../../../src/agencies/schema.ts';
import { AgencyKind, AgencyLevel } from '../../../src/profile/schema.ts';
import { api } from '../api.ts';
import { FormAlert } from '../ui/Alerts.tsx';
import { SelectField, TextField } from '../ui/Field.tsx';
import { Page } from '../ui/Page.tsx';
import { invalidate, useProfile } from '../data.ts';
import { setFlash } from '../flash.ts';
import { requireFilled, useSubmit } from '../form.ts';
import { useFormat } from '../format.ts';
import { Link, navigate } from '../router.tsx';

export function AgencyCreatePage() {
  const { t } = useTranslation();
  const f = useFormat();
  const profile = useProfile();
  const [v, setV] = useState({ code: '', az: '', en: '', ru: '', kind: '', level: '', regionCode: '' });
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });
  const { busy, error, onSubmit, fieldError } = useSubmit();
  const labels = {
    code: t('agencies.code'),
    'name.az': t('agencies.nameAz'),
    'name.en': t('agencies.nameEn'),
    'name.ru': t('agencies.nameRu'),
    kind: t('agencies.kind'),
    level: t('agencies.level'),
    regionCode: t('agencies.region'),
  };

  const submit = onSubmit(async () => {
    requireFilled({ code: v.code, 'name.az': v.az, 'name.en': v.en, kind: v.kind, level: v.level }, t('fieldErrors.required'));
    const body: CreateAgencyInput = {
      code: v.code.trim().toLowerCase(),
      name: { az: v.az.trim(), en: v.en.trim(), ...(v.ru.trim() ? { ru: v.ru.trim() } : {}) },
      kind: v.kind as CreateAgencyInput['kind'],
      level: v.level as CreateAgencyInput['level'],
      regionCode: v.regionCode || null,
    };
    const agency = await api.post<Agency>('/api/agencies', body);
    invalidate('/api/agencies');
    setFlash(t('agencies.created', { code: agency.code }));
    navigate('/agencies');
  });

  const economic = profile.data?.regions.economicRegions ?? [];
  const regions = profile.data?.regions.regions ?? [];

  return (
    <Page title={t('agencies.createTitle')}>
      <p>
        <Link to="/agencies">← {t('common.back')}</Link>
      </p>
      <FormAlert error={error} labels={labels} />
      <form className="card form" onSubmit={submit} noValidate>
        <TextField id="code" label={labels.code} hint={t('agencies.codeHint')} value={v.code} onChange={set('code')} autoComplete="off" spellCheck={false} error={fieldError('code')} />
        <TextField id="name.az" label={labels['name.az']} lang="az" value={v.az} onChange={set('az')} autoComplete="off" error={fieldError('name.az')} />
        <TextField id="name.en" label={labels['name.en']} lang="en" value={v.en} onChange={set('en')} autoComplete="off" error={fieldError('name.en')} />
        <TextField id="name.ru" label={labels['name.ru']} lang="ru" optional value={v.ru} onChange={set('ru')} autoComplete="off" error={fieldError('name.ru')} />
        <SelectField id="kind" label={labels.kind} value={v.kind} onChange={set('kind')} error={fieldError('kind')}>
          <option value="">{t('agencies.chooseKind')}</option>
          {AgencyKind.options.map((k) => (
            <option key={k} value={k}>
              {t(`agencyKinds.${k}`)}
            </option>
          ))}
        </SelectField>
        <SelectField id="level" label={labels.level} value={v.level} onChange={set('level')} error={fieldError('level')}>
          <option value="">{t('agencies.chooseLevel')}</option>
          {AgencyLevel.options.map((l) => (
            <option key={l} value={l}>
              {t(`agencyLevels.${l}`)}
            </option>
          ))}
        </SelectField>
        <SelectField id="regionCode" label={labels.regionCode} optional value={v.regionCode} onChange={set('regionCode')} error={fieldError('regionCode')}>
          <option value="">{t('agencies.noRegion')}</option>
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
            {busy ? t('common.saving') : t('agencies.create')}
          </button>
          <Link to="/agencies" className="button button--secondary">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </Page>
  );
}
