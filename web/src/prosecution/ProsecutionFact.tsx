import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api.ts';
import { LoadState } from '../ui/Alerts.tsx';
import { AgencySelect } from '../agencies/AgencySelect.tsx';
import { TextField } from '../ui/Field.tsx';
import { Page } from '../ui/Page.tsx';
import { AddRecordForm, Empty, Section } from '../victims/Section.tsx';
import { useResource } from '../data.ts';
import { useToday } from '../dates.ts';
import { atListFields, useFields, useSubmit } from '../form.ts';
import { useFormat } from '../format.ts';
import { tipPage } from '../hotline/hotline.ts';
import { casePage, factApi, splitArticles, type Fact } from './prosecution.ts';
import { Link, navigate } from '../router.tsx';
import { useCan } from '../session.tsx';
import { isUuid, personPage } from '../victims/victims.ts';
import { NotFoundPage } from '../ui/NotFound.tsx';

/** One crime record: its articles and platforms, victims, linked hotline tips and cases. */
export function ProsecutionFactPage({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const id = isUuid(params.id) ? params.id : null;
  const fact = useResource<Fact>(id && factApi(id));
  const missing = fact.error instanceof ApiError && (fact.error.status === 404 || fact.error.status === 400);
  if (!id || missing) return <NotFoundPage />;
  const x = fact.data;
  if (!x) {
    return (
      <Page title="…">
        <LoadState loading={fact.loading} error={fact.error} />
      </Page>
    );
  }
  return (
    <Page title={t('prosecution.factTitle', { date: f.date(x.registeredOn), articles: x.articles.join(', ') })}>
      <p>
        <Link to="/prosecution/facts">← {t('prosecution.factsTitle')}</Link>
      </p>
      <p className="status-line">
        <span className="status" data-testid="fact-status">
          {t(`prosecution.factStatuses.${x.status}`)}
        </span>
      </p>
      <Section id="fact-facts" title={t('prosecution.details')}>
        <dl className="facts">
          <dt>{t('prosecution.articles')}</dt>
          <dd>{x.articles.join(', ')}</dd>
          <dt>{t('prosecution.region')}</dt>
          <dd>{x.region ?? t('common.none')}</dd>
          <dt>{t('prosecution.online')}</dt>
          <dd>{x.online ? x.platforms.map((p) => t(`prosecution.platforms.${p}`)).join(', ') || t('common.yes') : t('common.no')}</dd>
          <dt>{t('prosecution.summary')}</dt>
          <dd>{x.summary ?? t('common.none')}</dd>
        </dl>
      </Section>
      <Section id="fact-victims" title={t('prosecution.victims')}>
        {x.victims.length === 0 ? (
          <Empty>{t('prosecution.noneYet')}</Empty>
        ) : (
          <ul data-testid="fact-victim-list">
            {x.victims.map((v) => (
              <li key={v.personId}>{can('persons.list') ? <Link to={personPage(v.personId)}>{v.caseCode}</Link> : v.caseCode}</li>
            ))}
          </ul>
        )}
      </Section>
      <Section id="fact-tips" title={t('prosecution.tips')}>
        {x.tips.length === 0 ? (
          <Empty>{t('prosecution.noneYet')}</Empty>
        ) : (
          <ul>
            {x.tips.map((tip) => (
              <li key={tip.id}>{can('tips.read') ? <Link to={tipPage(tip.id)}>{f.dateTime(tip.createdAt)}</Link> : f.dateTime(tip.createdAt)}</li>
            ))}
          </ul>
        )}
      </Section>
      <Section id="fact-cases" title={t('prosecution.casesTitle')}>
        {x.cases.length === 0 ? (
          <Empty>{t('prosecution.noneYet')}</Empty>
        ) : (
          <ul>
            {x.cases.map((c) => (
              <li key={c.id}>
                <Link to={casePage(c.id)}>{c.number}</Link> · {t(`prosecution.caseStatuses.${c.status}`)}
              </li>
            ))}
          </ul>
        )}
        {can('prosecution.record') && x.status === 'registered' && <OpenCase fact={x} />}
      </Section>
    </Page>
  );
}

function OpenCase({ fact }: { fact: Fact }) {
  const { t } = useTranslation();
  const today = useToday();
  const { values, bind, set } = useFields({ number: '', openedOn: today, articles: fact.articles.join(', '), investigatingAgencyId: '', unit: '' });
  const { busy, error, onSubmit, fieldError } = useSubmit();
  const labels = { number: t('prosecution.caseNumber'), openedOn: t('prosecution.openedOn'), articles: t('prosecution.articles'), investigatingAgencyId: t('prosecution.investigatingAgency'), unit: t('prosecution.unit') };
  const submit = onSubmit(async () => {
    const body = {
      number: values.number.trim(),
      openedOn: values.openedOn,
      articles: splitArticles(values.articles),
      factIds: [fact.id],
      investigatingAgencyId: values.investigatingAgencyId,
      ...(values.unit.trim() ? { unit: values.unit.trim() } : {}),
    };
    const res = await atListFields(api.post<{ id: string }>('/api/prosecution/cases', body));
    navigate(casePage(res.id));
  });
  return (
    <AddRecordForm summary={t('prosecution.openCase')} error={error} labels={labels} idPrefix="case-" onSubmit={submit} busy={busy} saveLabel={t('prosecution.openCase')}>
      <TextField id="case-number" label={labels.number} {...bind('number')} error={fieldError('number')} />
      <TextField id="case-openedOn" type="date" max={today} label={labels.openedOn} {...bind('openedOn')} error={fieldError('openedOn')} />
      <TextField id="case-articles" label={labels.articles} hint={t('prosecution.otherArticlesHint')} {...bind('articles')} error={fieldError('articles')} />
      <AgencySelect id="case-investigatingAgencyId" label={labels.investigatingAgencyId} placeholder={t('prosecution.chooseAgency')} value={values.investigatingAgencyId} onChange={set('investigatingAgencyId')} error={fieldError('investigatingAgencyId')} />
      <TextField id="case-unit" label={labels.unit} optional {...bind('unit')} error={fieldError('unit')} />
    </AddRecordForm>
  );
}
