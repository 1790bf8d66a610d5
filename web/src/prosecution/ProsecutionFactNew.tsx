import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Platform } from '../../../src/prosecution/schema.ts';
import { api } from '../api.ts';
import { FormAlert } from '../ui/Alerts.tsx';
import { CheckboxField, CheckboxGroup, SelectField, TextAreaField, TextField } from '../ui/Field.tsx';
import { Page } from '../ui/Page.tsx';
import { useProfile } from '../data.ts';
import { useToday } from '../dates.ts';
import { atListFields, clientInvalid, useFields, useSubmit } from '../form.ts';
import { useFormat } from '../format.ts';
import { factPage, personByCaseCode, splitArticles } from './prosecution.ts';
import { navigate } from '../router.tsx';

type PlatformCode = (typeof Platform.options)[number];

/** Registering a crime: date, articles from the profile, region, online and platforms, victims by case code. */
export function ProsecutionFactNewPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const today = useToday();
  const profile = useProfile();
  const { values, bind } = useFields({ registeredOn: today, article: '', otherArticles: '', region: '', victimCaseCodes: '', summary: '' });
  const [online, setOnline] = useState(false);
  const [platforms, setPlatforms] = useState<PlatformCode[]>([]);
  const { busy, error, onSubmit, fieldError } = useSubmit();
  const labels = {
    registeredOn: t('prosecution.registeredOn'),
    articles: t('prosecution.principalArticle'),
    region: t('prosecution.region'),
    platforms: t('prosecution.platformsLabel'),
    victimIds: t('prosecution.victimCaseCodes'),
    summary: t('prosecution.summary'),
  };
  const articleOptions = (profile.data?.criminalArticles ?? []).flatMap((a) => [
    { ref: a.code, label: `${a.code} — ${f.label(a.label)}` },
    ...(a.parts ?? []).map((p) => ({ ref: `${a.code}.${p}`, label: `${a.code}.${p} — ${f.label(a.label)}` })),
  ]);

  const submit = onSubmit(async () => {
    if (!values.article) throw clientInvalid([{ path: 'articles', message: t('fieldErrors.choose') }]);
    const codes = splitArticles(values.victimCaseCodes);
    const victimIds: string[] = [];
    for (const code of codes) {
      const id = await personByCaseCode(code);
      if (!id) throw clientInvalid([{ path: 'victimIds', message: t('prosecution.unknownCaseCode', { code }) }]);
      victimIds.push(id);
    }
    const body = {
      registeredOn: values.registeredOn,
      articles: [values.article, ...splitArticles(values.otherArticles)],
      region: values.region || null,
      online,
      platforms: online ? platforms : [],
      victimIds,
      ...(values.summary.trim() ? { summary: values.summary.trim() } : {}),
    };
    const res = await atListFields(api.post<{ id: string }>('/api/prosecution/facts', body));
    navigate(factPage(res.id));
  });

  return (
    <Page title={t('prosecution.registerFact')}>
      <FormAlert error={error} labels={labels} idPrefix="fact-" />
      <form className="form" onSubmit={submit} noValidate>
        <TextField id="fact-registeredOn" type="date" max={today} label={labels.registeredOn} {...bind('registeredOn')} error={fieldError('registeredOn')} />
        <SelectField id="fact-articles" label={labels.articles} {...bind('article')} error={fieldError('articles')}>
          <option value="">{t('prosecution.chooseArticle')}</option>
          {articleOptions.map((o) => (
            <option key={o.ref} value={o.ref}>
              {o.label}
            </option>
          ))}
        </SelectField>
        <TextField id="fact-otherArticles" label={t('prosecution.otherArticles')} hint={t('prosecution.otherArticlesHint')} optional {...bind('otherArticles')} />
        <SelectField id="fact-region" label={labels.region} optional {...bind('region')} error={fieldError('region')}>
          <option value="">{t('common.none')}</option>
          {(profile.data?.regions.regions ?? []).map((r) => (
            <option key={r.code} value={r.code}>
              {f.label(r.label)}
            </option>
          ))}
        </SelectField>
        <CheckboxField id="fact-online" label={t('prosecution.committedOnline')} checked={online} onChange={(e) => setOnline(e.target.checked)} />
        {online && (
          <CheckboxGroup
            id="fact-platforms"
            legend={labels.platforms}
            options={Platform.options.map((p) => ({ value: p, label: t(`prosecution.platforms.${p}`) }))}
            value={platforms}
            onChange={setPlatforms}
            error={fieldError('platforms')}
          />
        )}
        <TextField id="fact-victimIds" label={labels.victimIds} hint={t('prosecution.victimCaseCodesHint')} optional {...bind('victimCaseCodes')} error={fieldError('victimIds')} />
        <TextAreaField id="fact-summary" label={labels.summary} optional rows={3} {...bind('summary')} error={fieldError('summary')} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('common.saving') : t('prosecution.registerFact')}
          </button>
        </div>
      </form>
    </Page>
  );
}
