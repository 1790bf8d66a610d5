import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Punishment, SearchKind, type Stage } from '../../../src/prosecution/schema.ts';
import { api, ApiError } from '../api.ts';
import { LoadState, Notice } from '../ui/Alerts.tsx';
import { AgencySelect } from '../agencies/AgencySelect.tsx';
import { CheckboxField, SelectField, TextField } from '../ui/Field.tsx';
import { Page } from '../ui/Page.tsx';
import { AddRecordForm, Empty, Section } from '../victims/Section.tsx';
import { useResource } from '../data.ts';
import { useToday } from '../dates.ts';
import { useFields, useSubmit } from '../form.ts';
import { useFormat } from '../format.ts';
import { casePage, defendantApi, type Defendant } from './prosecution.ts';
import { Link } from '../router.tsx';
import { useCan } from '../session.tsx';
import { isUuid } from '../victims/victims.ts';
import { NotFoundPage } from '../ui/NotFound.tsx';

type StageCode = Stage;
/** Mirrors the server's procedural state machine (src/prosecution/defendants.ts), which enforces it. */
const NEXT: Record<StageCode, StageCode[]> = { suspect: ['charged'], charged: ['sent_to_court'], sent_to_court: ['convicted', 'acquitted'], convicted: [], acquitted: [] };

/** A person prosecuted: identity (the read is audited), procedural steps, sentence, searches. */
export function ProsecutionPersonPage({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const id = isUuid(params.id) ? params.id : null;
  const p = useResource<Defendant>(id && defendantApi(id));
  const missing = p.error instanceof ApiError && (p.error.status === 404 || p.error.status === 400);
  if (!id || missing) return <NotFoundPage />;
  const x = p.data;
  if (!x) {
    return (
      <Page title="…">
        <LoadState loading={p.loading} error={p.error} />
      </Page>
    );
  }
  const write = can('prosecution.record');
  const name = [x.identity.givenName, x.identity.patronymic, x.identity.familyName].filter(Boolean).join(' ');
  return (
    <Page title={name}>
      <p>
        <Link to={casePage(x.caseId)}>← {t('prosecution.caseTitle', { number: x.caseNumber })}</Link>
      </p>
      <p className="status-line">
        <span className="status" data-testid="person-stage">
          {t(`prosecution.stages.${x.stage}`)}
        </span>
      </p>
      <Section id="person-facts" title={t('prosecution.details')}>
        <dl className="facts">
          <dt>{t('prosecution.role')}</dt>
          <dd>{t(`prosecution.roles.${x.role}`)}</dd>
          <dt>{t('prosecution.sex')}</dt>
          <dd>{t(`genders.${x.sex}`)}</dd>
          <dt>{t('prosecution.birthYear')}</dt>
          <dd>{x.birthYear ?? t('common.none')}</dd>
          <dt>{t('prosecution.citizenship')}</dt>
          <dd>{f.country(x.citizenship)}</dd>
          <dt>{t('prosecution.documents')}</dt>
          <dd>{x.identity.documentNumbers?.join(', ') || t('common.none')}</dd>
        </dl>
      </Section>
      <Section id="person-steps" title={t('prosecution.steps')}>
        <ol data-testid="person-steps-list">
          {x.steps.map((s, i) => (
            <li key={i}>
              {f.date(s.on)}: {t(`prosecution.stages.${s.stage}`)}
            </li>
          ))}
        </ol>
        {write && NEXT[x.stage].length > 0 && <AddStep p={x} onChanged={p.reload} />}
      </Section>
      <Section id="person-sentence" title={t('prosecution.sentence')}>
        {x.sentence ? (
          <dl className="facts" data-testid="sentence">
            <dt>{t('prosecution.punishment')}</dt>
            <dd>{t(`prosecution.punishments.${x.sentence.punishment}`)}</dd>
            <dt>{t('prosecution.months')}</dt>
            <dd>{x.sentence.imprisonmentMonths ?? t('common.none')}</dd>
            <dt>{t('prosecution.fineAmount')}</dt>
            <dd>{x.sentence.fineAmount ?? t('common.none')}</dd>
            <dt>{t('prosecution.confiscation')}</dt>
            <dd>{x.sentence.confiscation ? t('common.yes') : t('common.no')}</dd>
            <dt>{t('prosecution.court')}</dt>
            <dd>{x.sentence.courtAgencyId ? f.agency(x.sentence.courtAgencyId) : (x.sentence.court ?? t('common.none'))}</dd>
            <dt>{t('prosecution.sentencedOn')}</dt>
            <dd>{f.date(x.sentence.sentencedOn)}</dd>
          </dl>
        ) : (
          <Empty>{t('prosecution.noneYet')}</Empty>
        )}
        {write && !x.sentence && x.stage === 'convicted' && <AddSentence p={x} onChanged={p.reload} />}
      </Section>
      <Section id="person-wanted" title={t('prosecution.wantedTitle')}>
        {x.wanted.length === 0 ? (
          <Empty>{t('prosecution.noneYet')}</Empty>
        ) : (
          <ul>
            {x.wanted.map((w) => (
              <li key={w.id}>
                {t(`prosecution.searchKinds.${w.search}`)} · {w.article} · {f.date(w.since)} · {w.hidingCountry ? f.country(w.hidingCountry) : ''} · {t(`prosecution.wantedStatuses.${w.status}`)}
              </li>
            ))}
          </ul>
        )}
        {write && (x.stage === 'suspect' || x.stage === 'charged' || x.stage === 'sent_to_court') && <DeclareWanted p={x} onChanged={p.reload} />}
      </Section>
    </Page>
  );
}

function AddStep({ p, onChanged }: { p: Defendant; onChanged: () => void }) {
  const { t } = useTranslation();
  const today = useToday();
  const options = NEXT[p.stage];
  const { values, bind, reset } = useFields({ stage: options[0] ?? '', on: today });
  const [saved, setSaved] = useState<string | null>(null);
  const { busy, error, onSubmit, fieldError } = useSubmit();
  const labels = { stage: t('prosecution.stage'), on: t('prosecution.on') };
  const submit = onSubmit(async () => {
    await api.post(defendantApi(p.id, 'steps'), { stage: values.stage, on: values.on });
    setSaved(t('prosecution.stepSaved'));
    reset();
    onChanged();
  });
  return (
    <>
      <Notice message={saved} />
      <AddRecordForm summary={t('prosecution.addStep')} error={error} labels={labels} idPrefix="step-" onSubmit={submit} busy={busy} saveLabel={t('prosecution.addStep')}>
        <SelectField id="step-stage" label={labels.stage} {...bind('stage')} error={fieldError('stage')}>
          {options.map((s) => (
            <option key={s} value={s}>
              {t(`prosecution.stages.${s}`)}
            </option>
          ))}
        </SelectField>
        <TextField id="step-on" type="date" max={today} label={labels.on} {...bind('on')} error={fieldError('on')} />
      </AddRecordForm>
    </>
  );
}

function AddSentence({ p, onChanged }: { p: Defendant; onChanged: () => void }) {
  const { t } = useTranslation();
  const today = useToday();
  const { values, bind, set } = useFields({ punishment: 'imprisonment', imprisonmentMonths: '', fineAmount: '', courtAgencyId: '', sentencedOn: today });
  const [confiscation, setConfiscation] = useState(false);
  const { busy, error, onSubmit, fieldError } = useSubmit();
  const labels = { punishment: t('prosecution.punishment'), imprisonmentMonths: t('prosecution.months'), fineAmount: t('prosecution.fineAmount'), courtAgencyId: t('prosecution.court'), sentencedOn: t('prosecution.sentencedOn') };
  const submit = onSubmit(async () => {
    const body = {
      sentencedOn: values.sentencedOn,
      punishment: values.punishment,
      courtAgencyId: values.courtAgencyId || null,
      imprisonmentMonths: values.punishment !== 'fine' && values.imprisonmentMonths ? Number(values.imprisonmentMonths) : null,
      fineAmount: values.fineAmount ? Number(values.fineAmount) : null,
      confiscation,
    };
    await api.post(defendantApi(p.id, 'sentence'), body);
    onChanged();
  });
  return (
    <AddRecordForm summary={t('prosecution.recordSentence')} error={error} labels={labels} idPrefix="sentence-" onSubmit={submit} busy={busy} saveLabel={t('prosecution.recordSentence')}>
      <SelectField id="sentence-punishment" label={labels.punishment} {...bind('punishment')} error={fieldError('punishment')}>
        {Punishment.options.map((o) => (
          <option key={o} value={o}>
            {t(`prosecution.punishments.${o}`)}
          </option>
        ))}
      </SelectField>
      {values.punishment !== 'fine' && <TextField id="sentence-imprisonmentMonths" inputMode="numeric" label={labels.imprisonmentMonths} {...bind('imprisonmentMonths')} error={fieldError('imprisonmentMonths')} />}
      <TextField id="sentence-fineAmount" inputMode="decimal" label={labels.fineAmount} optional={values.punishment !== 'fine'} {...bind('fineAmount')} error={fieldError('fineAmount')} />
      <CheckboxField id="sentence-confiscation" label={t('prosecution.confiscation')} checked={confiscation} onChange={(e) => setConfiscation(e.target.checked)} />
      <AgencySelect id="sentence-courtAgencyId" label={labels.courtAgencyId} placeholder={t('prosecution.chooseAgency')} optional value={values.courtAgencyId} onChange={set('courtAgencyId')} error={fieldError('courtAgencyId')} />
      <TextField id="sentence-sentencedOn" type="date" max={today} label={labels.sentencedOn} {...bind('sentencedOn')} error={fieldError('sentencedOn')} />
    </AddRecordForm>
  );
}

function DeclareWanted({ p, onChanged }: { p: Defendant; onChanged: () => void }) {
  const { t } = useTranslation();
  const today = useToday();
  const { values, bind, reset } = useFields({ search: 'local', article: '', since: today, hidingCountry: '' });
  const { busy, error, onSubmit, fieldError } = useSubmit();
  const labels = { search: t('prosecution.searchKind'), article: t('prosecution.article'), since: t('prosecution.since'), hidingCountry: t('prosecution.hidingCountry') };
  const submit = onSubmit(async () => {
    await api.post('/api/prosecution/wanted', {
      prosecutedPersonId: p.id,
      search: values.search,
      article: values.article.trim(),
      since: values.since,
      hidingCountry: values.hidingCountry.trim() ? values.hidingCountry.trim().toUpperCase() : null,
    });
    reset();
    onChanged();
  });
  return (
    <AddRecordForm summary={t('prosecution.declareWanted')} error={error} labels={labels} idPrefix="wanted-" onSubmit={submit} busy={busy} saveLabel={t('prosecution.declareWanted')}>
      <SelectField id="wanted-search" label={labels.search} {...bind('search')} error={fieldError('search')}>
        {SearchKind.options.map((s) => (
          <option key={s} value={s}>
            {t(`prosecution.searchKinds.${s}`)}
          </option>
        ))}
      </SelectField>
      <TextField id="wanted-article" label={labels.article} {...bind('article')} error={fieldError('article')} />
      <TextField id="wanted-since" type="date" max={today} label={labels.since} {...bind('since')} error={fieldError('since')} />
      <TextField id="wanted-hidingCountry" label={labels.hidingCountry} hint={t('prosecution.countryHint')} optional={values.search !== 'interpol'} {...bind('hidingCountry')} error={fieldError('hidingCountry')} />
    </AddRecordForm>
  );
}
