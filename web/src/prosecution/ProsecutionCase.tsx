import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CaseStatus, Cooperation, DefendantRole, LegalAidStage } from '../../../src/prosecution/schema.ts';
import { Gender } from '../../../src/victims/schema.ts';
import { api, ApiError, withQuery } from '../api.ts';
import { LoadState, Notice } from '../ui/Alerts.tsx';
import { CheckboxGroup, SelectField, TextField } from '../ui/Field.tsx';
import { Page } from '../ui/Page.tsx';
import { AddRecordForm, Empty, Section } from '../victims/Section.tsx';
import { useResource } from '../data.ts';
import { useToday } from '../dates.ts';
import { atListFields, clientInvalid, useFields, useSubmit } from '../form.ts';
import { useFormat } from '../format.ts';
import { caseApi, defendantPage, factPage, personByCaseCode, type Case, type Facts } from './prosecution.ts';
import { Link } from '../router.tsx';
import { useCan } from '../session.tsx';
import { isUuid } from '../victims/victims.ts';
import { NotFoundPage } from '../ui/NotFound.tsx';

type Status = (typeof CaseStatus.options)[number];
/** Mirrors the server's state machine (src/prosecution/cases.ts), which enforces it. */
const NEXT: Record<Status, Status[]> = { investigation: ['completed', 'suspended', 'closed'], completed: ['sent_to_court', 'suspended', 'closed'], suspended: ['investigation'], sent_to_court: [], closed: [] };

/** A criminal case: status history and moves, facts, persons charged, victims. */
export function ProsecutionCasePage({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const id = isUuid(params.id) ? params.id : null;
  const c = useResource<Case>(id && caseApi(id));
  const missing = c.error instanceof ApiError && (c.error.status === 404 || c.error.status === 400);
  if (!id || missing) return <NotFoundPage />;
  const x = c.data;
  if (!x) {
    return (
      <Page title="…">
        <LoadState loading={c.loading} error={c.error} />
      </Page>
    );
  }
  const write = can('prosecution.record');
  return (
    <Page title={t('prosecution.caseTitle', { number: x.number })}>
      <p>
        <Link to="/prosecution/cases">← {t('prosecution.casesTitle')}</Link>
      </p>
      <p className="status-line">
        <span className="status" data-testid="case-status">
          {t(`prosecution.caseStatuses.${x.status}`)}
        </span>
      </p>
      <Section id="case-history" title={t('prosecution.history')}>
        <dl className="facts">
          <dt>{t('prosecution.articles')}</dt>
          <dd>{x.articles.join(', ')}</dd>
          <dt>{t('prosecution.investigatingAgency')}</dt>
          <dd>
            {f.agency(x.investigatingAgencyId)}
            {x.unit ? ` · ${x.unit}` : ''}
          </dd>
        </dl>
        <ol data-testid="case-history-list">
          {x.history.map((h, i) => (
            <li key={i}>
              {f.date(h.on)}: {t(`prosecution.caseStatuses.${h.status}`)}
            </li>
          ))}
        </ol>
        {write && <MoveCase c={x} onChanged={c.reload} />}
      </Section>
      <Section id="case-facts" title={t('prosecution.factsTitle')}>
        <ul>
          {x.facts.map((fa) => (
            <li key={fa.id}>
              <Link to={factPage(fa.id)}>
                {f.date(fa.registeredOn)} · {fa.articles.join(', ')}
              </Link>
            </li>
          ))}
        </ul>
        {write && (x.status === 'investigation' || x.status === 'completed' || x.status === 'suspended') && <AddFact c={x} onChanged={c.reload} />}
      </Section>
      <Section id="case-persons" title={t('prosecution.persons')}>
        {x.persons.length === 0 ? (
          <Empty>{t('prosecution.noneYet')}</Empty>
        ) : (
          <div className="table-wrap" tabIndex={0}>
            <table className="data-table data-table--compact" data-testid="case-persons">
              <caption>{t('prosecution.persons')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('prosecution.role')}</th>
                  <th scope="col">{t('prosecution.sex')}</th>
                  <th scope="col">{t('prosecution.birthYear')}</th>
                  <th scope="col">{t('prosecution.stage')}</th>
                </tr>
              </thead>
              <tbody>
                {x.persons.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <Link to={defendantPage(p.id)}>{t(`prosecution.roles.${p.role}`)}</Link>
                    </td>
                    <td>{t(`genders.${p.sex}`)}</td>
                    <td>{p.birthYear ?? t('common.none')}</td>
                    <td>{t(`prosecution.stages.${p.stage}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {write && (x.status === 'investigation' || x.status === 'completed' || x.status === 'suspended') && <Charge c={x} onChanged={c.reload} />}
      </Section>
      <Section id="case-victims" title={t('prosecution.victims')}>
        {x.victims.length === 0 ? (
          <Empty>{t('prosecution.noneYet')}</Empty>
        ) : (
          <ul>
            {x.victims.map((v) => (
              <li key={v.personId}>
                {v.caseCode} · {t(`prosecution.cooperation.${v.cooperation}`)} · {t('prosecution.legalAid')}: {v.legalAid.map((s) => t(`prosecution.legalAidStages.${s}`)).join(', ') || t('common.none')}
              </li>
            ))}
          </ul>
        )}
        {write && can('persons.list') && <AddVictim c={x} onChanged={c.reload} />}
      </Section>
    </Page>
  );
}

function MoveCase({ c, onChanged }: { c: Case; onChanged: () => void }) {
  const { t } = useTranslation();
  const today = useToday();
  const options = NEXT[c.status];
  const { values, bind, reset } = useFields({ status: options[0] ?? '', on: today });
  const [saved, setSaved] = useState<string | null>(null);
  const { busy, error, onSubmit, fieldError } = useSubmit();
  const labels = { status: t('prosecution.newStatus'), on: t('prosecution.on') };
  const submit = onSubmit(async () => {
    await api.post(caseApi(c.id, 'status'), { status: values.status, on: values.on });
    setSaved(t('prosecution.statusSaved', { status: t(`prosecution.caseStatuses.${values.status as Status}`) }));
    reset();
    onChanged();
  });
  return (
    <>
      <Notice message={saved} />
      {options.length > 0 && (
      <AddRecordForm summary={t('prosecution.moveCase')} error={error} labels={labels} idPrefix="move-" onSubmit={submit} busy={busy} saveLabel={t('prosecution.setStatus')}>
        <SelectField id="move-status" label={labels.status} {...bind('status')} error={fieldError('status')}>
          {options.map((s) => (
            <option key={s} value={s}>
              {t(`prosecution.caseStatuses.${s}`)}
            </option>
          ))}
        </SelectField>
        <TextField id="move-on" type="date" max={today} label={labels.on} {...bind('on')} error={fieldError('on')} />
      </AddRecordForm>
      )}
    </>
  );
}

function AddFact({ c, onChanged }: { c: Case; onChanged: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const facts = useResource<Facts>(withQuery('/api/prosecution/facts', { limit: 200 }));
  const open = (facts.data?.items ?? []).filter((x) => x.status === 'registered');
  const { values, bind, reset } = useFields({ factId: '' });
  const { busy, error, onSubmit, fieldError } = useSubmit();
  const submit = onSubmit(async () => {
    if (!values.factId) throw clientInvalid([{ path: 'factId', message: t('fieldErrors.choose') }]);
    await api.post(caseApi(c.id, 'facts'), { factId: values.factId });
    reset();
    facts.reload();
    onChanged();
  });
  return (
    <AddRecordForm summary={t('prosecution.addFact')} error={error} labels={{ factId: t('prosecution.fact') }} idPrefix="addfact-" onSubmit={submit} busy={busy} saveLabel={t('prosecution.addFact')}>
      <SelectField id="addfact-factId" label={t('prosecution.fact')} {...bind('factId')} error={fieldError('factId')}>
        <option value="">{t('prosecution.chooseFact')}</option>
        {open.map((x) => (
          <option key={x.id} value={x.id}>
            {f.date(x.registeredOn)} · {x.articles.join(', ')}
          </option>
        ))}
      </SelectField>
    </AddRecordForm>
  );
}

function Charge({ c, onChanged }: { c: Case; onChanged: () => void }) {
  const { t } = useTranslation();
  const today = useToday();
  const { values, bind, reset } = useFields({ givenName: '', familyName: '', birthYear: '', citizenship: '', sex: 'female', role: 'recruiter', stage: 'charged', on: today });
  const [saved, setSaved] = useState<string | null>(null);
  const { busy, error, onSubmit, fieldError } = useSubmit();
  const labels = {
    'identity.givenName': t('prosecution.givenName'),
    'identity.familyName': t('prosecution.familyName'),
    birthYear: t('prosecution.birthYear'),
    citizenship: t('prosecution.citizenship'),
    sex: t('prosecution.sex'),
    role: t('prosecution.role'),
    stage: t('prosecution.stage'),
    on: t('prosecution.on'),
  };
  const submit = onSubmit(async () => {
    if (!values.givenName.trim()) throw clientInvalid([{ path: 'identity.givenName', message: t('prosecution.required') }]);
    const body = {
      identity: { givenName: values.givenName.trim(), ...(values.familyName.trim() ? { familyName: values.familyName.trim() } : {}) },
      sex: values.sex,
      birthYear: values.birthYear ? Number(values.birthYear) : null,
      citizenship: values.citizenship.trim() ? values.citizenship.trim().toUpperCase() : null,
      role: values.role,
      stage: values.stage,
      on: values.on,
    };
    await atListFields(api.post(caseApi(c.id, 'persons'), body));
    setSaved(t('prosecution.personAdded'));
    reset();
    onChanged();
  });
  return (
    <>
      <Notice message={saved} />
      <AddRecordForm summary={t('prosecution.chargePerson')} error={error} labels={labels} idPrefix="charge-" onSubmit={submit} busy={busy} saveLabel={t('prosecution.chargePerson')} wide>
        <TextField id="charge-identity.givenName" label={labels['identity.givenName']} autoComplete="off" {...bind('givenName')} error={fieldError('identity.givenName')} />
        <TextField id="charge-identity.familyName" label={labels['identity.familyName']} autoComplete="off" optional {...bind('familyName')} error={fieldError('identity.familyName')} />
        <SelectField id="charge-sex" label={labels.sex} {...bind('sex')} error={fieldError('sex')}>
          {Gender.options.map((g) => (
            <option key={g} value={g}>
              {t(`genders.${g}`)}
            </option>
          ))}
        </SelectField>
        <TextField id="charge-birthYear" inputMode="numeric" label={labels.birthYear} optional {...bind('birthYear')} error={fieldError('birthYear')} />
        <TextField id="charge-citizenship" label={labels.citizenship} hint={t('prosecution.countryHint')} optional {...bind('citizenship')} error={fieldError('citizenship')} />
        <SelectField id="charge-role" label={labels.role} {...bind('role')} error={fieldError('role')}>
          {DefendantRole.options.map((r) => (
            <option key={r} value={r}>
              {t(`prosecution.roles.${r}`)}
            </option>
          ))}
        </SelectField>
        <SelectField id="charge-stage" label={labels.stage} {...bind('stage')} error={fieldError('stage')}>
          {(['charged', 'suspect'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`prosecution.stages.${s}`)}
            </option>
          ))}
        </SelectField>
        <TextField id="charge-on" type="date" max={today} label={labels.on} {...bind('on')} error={fieldError('on')} />
      </AddRecordForm>
    </>
  );
}

function AddVictim({ c, onChanged }: { c: Case; onChanged: () => void }) {
  const { t } = useTranslation();
  const { values, bind, reset } = useFields({ caseCode: '', cooperation: 'cooperating' });
  const [legalAid, setLegalAid] = useState<(typeof LegalAidStage.options)[number][]>([]);
  const { busy, error, onSubmit, fieldError } = useSubmit();
  const labels = { personId: t('prosecution.victimCaseCode'), cooperation: t('prosecution.cooperationLabel'), legalAid: t('prosecution.legalAid') };
  const submit = onSubmit(async () => {
    const personId = values.caseCode.trim() ? await personByCaseCode(values.caseCode) : null;
    if (!personId) throw clientInvalid([{ path: 'personId', message: t('prosecution.unknownCaseCode', { code: values.caseCode }) }]);
    await api.post(caseApi(c.id, 'victims'), { personId, cooperation: values.cooperation, legalAid });
    reset();
    setLegalAid([]);
    onChanged();
  });
  return (
    <AddRecordForm summary={t('prosecution.addVictim')} error={error} labels={labels} idPrefix="victim-" onSubmit={submit} busy={busy} saveLabel={t('prosecution.addVictim')}>
      <TextField id="victim-personId" label={labels.personId} {...bind('caseCode')} error={fieldError('personId')} />
      <SelectField id="victim-cooperation" label={labels.cooperation} {...bind('cooperation')} error={fieldError('cooperation')}>
        {Cooperation.options.map((o) => (
          <option key={o} value={o}>
            {t(`prosecution.cooperation.${o}`)}
          </option>
        ))}
      </SelectField>
      <CheckboxGroup id="victim-legalAid" legend={labels.legalAid} options={LegalAidStage.options.map((s) => ({ value: s, label: t(`prosecution.legalAidStages.${s}`) }))} value={legalAid} onChange={setLegalAid} error={fieldError('legalAid')} />
    </AddRecordForm>
  );
}
