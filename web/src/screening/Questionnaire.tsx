import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { FormAlert, LoadState } from '../ui/Alerts.tsx';
import { RadioGroup, TextAreaField, TextField } from '../ui/Field.tsx';
import { Section } from '../victims/Section.tsx';
import { Page } from '../ui/Page.tsx';
import { useResource } from '../data.ts';
import { useSubmit } from '../form.ts';
import type { QResult, Questions } from './screening.ts';

type Answer = 'yes' | 'no' | 'unknown' | 'declined';
type QLang = 'az' | 'en' | 'ru';

/** The first-responder interview: questions in the interview language, then the summary and action. */
export function QuestionnairePage() {
  const { t, i18n } = useTranslation();
  const qs = useResource<Questions>('/api/screening/questionnaire', { cached: true });
  const [lang, setLang] = useState<QLang>((['az', 'en', 'ru'].includes(i18n.language) ? i18n.language : 'az') as QLang);
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [personId, setPersonId] = useState('');
  const [notes, setNotes] = useState('');
  const [result, setResult] = useState<QResult | null>(null);
  const submit = useSubmit();
  const onSubmit = submit.onSubmit(async () => {
    setResult(await api.post<QResult>('/api/screening/questionnaires', { lang, answers, ...(personId ? { personId } : {}), ...(notes ? { notes } : {}) }));
  });
  const options = (['yes', 'no', 'unknown', 'declined'] as const).map((value) => ({ value, label: t(`screening.answers.${value}`) }));
  return (
    <Page title={t('screening.questionnaireTitle')}>
      <p>{t('screening.questionnaireIntro')}</p>
      <LoadState loading={qs.loading} error={qs.error} />
      {qs.data && (
        <form className="form" onSubmit={onSubmit} noValidate>
          <RadioGroup id="q-lang" legend={t('screening.interviewLanguage')} options={(['az', 'en', 'ru'] as const).map((value) => ({ value, label: t(`languages.${value}`) }))} value={lang} onChange={setLang} />
          {qs.data.questions.map((q, n) => (
            <RadioGroup key={q.id} id={`q-${q.id}`} legend={`${n + 1}. ${q.text[lang]}`} options={options} value={answers[q.id] ?? ''} onChange={(v) => setAnswers((a) => ({ ...a, [q.id]: v }))} />
          ))}
          <TextField id="q-personId" label={t('screening.personId')} optional value={personId} onChange={(e) => setPersonId(e.target.value.trim())} error={submit.fieldError('personId')} />
          <TextAreaField id="q-notes" label={t('screening.notes')} optional rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />
          <FormAlert error={submit.error} labels={{ personId: t('screening.personId') }} idPrefix="q-" />
          <button type="submit" className="button" disabled={submit.busy}>
            {t('screening.assess')}
          </button>
        </form>
      )}
      {result && (
        <Section id="q-result" title={t('screening.assessment')}>
          <p className="status-line">
            <span className="status" data-testid="q-action">
              {t(`screening.actions.${result.action}`)}
            </span>
          </p>
          <ul>
            {result.indicators.map((c) => (
              <li key={c}>{t(`screening.codes.${c}`)}</li>
            ))}
          </ul>
        </Section>
      )}
    </Page>
  );
}
