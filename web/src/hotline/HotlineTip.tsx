import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { TipStatus, type TipUpdateInput as Schema } from '../../../src/hotline/schema.ts';
import { api, ApiError } from '../api.ts';
import { FormAlert, LoadState, Notice } from '../ui/Alerts.tsx';
import { SelectField } from '../ui/Field.tsx';
import { IdentifierList, RelatedReports } from './Identifiers.tsx';
import { Section } from '../victims/Section.tsx';
import { Page } from '../ui/Page.tsx';
import { useResource } from '../data.ts';
import { useSubmit } from '../form.ts';
import { useFormat } from '../format.ts';
import { contactPage, tipApi, type TipFull } from './hotline.ts';
import { factPage, type Facts } from '../prosecution/prosecution.ts';
import { Link } from '../router.tsx';
import { useCan } from '../session.tsx';
import { isUuid } from '../victims/victims.ts';
import { NotFoundPage } from '../ui/NotFound.tsx';

type TipUpdateInput = z.infer<typeof Schema>;

/** One tip: what was reported, the numbers and accounts, other reports naming them, its review. */
export function HotlineTipPage({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const id = isUuid(params.id) ? params.id : null;
  const tip = useResource<TipFull>(id && tipApi(id));
  const missing = tip.error instanceof ApiError && (tip.error.status === 404 || tip.error.status === 400);
  if (!id || missing) return <NotFoundPage />;
  const x = tip.data;
  if (!x) {
    return (
      <Page title="…">
        <LoadState loading={tip.loading} error={tip.error} />
      </Page>
    );
  }
  return (
    <Page title={t('tips.tipTitle', { when: f.dateTime(x.createdAt) })}>
      <p>
        <Link to="/hotline/tips">← {t('tips.back')}</Link>
      </p>
      <p className="status-line">
        <span className="status" data-testid="tip-status">
          {t(`tipStatuses.${x.status}`)}
        </span>
      </p>
      {x.crimeRecordId && can('prosecution.read') && (
        <p>
          <Link to={factPage(x.crimeRecordId)}>{t('prosecution.fact')}</Link>
        </p>
      )}
      <Section id="tip-summary-section" title={t('hotline.tipSummary')}>
        <p className="notes">{x.summary}</p>
        {x.contactId && (
          <p>
            <Link to={contactPage(x.contactId)}>{t('tips.openContact')}</Link>
          </p>
        )}
      </Section>
      <Section id="tip-identifiers" title={t('hotline.identifiersTitle')}>
        <IdentifierList items={x.identifiers} />
      </Section>
      <Section id="tip-related" title={t('hotline.relatedTitle')}>
        <RelatedReports related={x.related} />
      </Section>
      {can('tips.review') && <Review tip={x} onChanged={tip.reload} />}
    </Page>
  );
}

function Review({ tip, onChanged }: { tip: TipFull; onChanged: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const [status, setStatus] = useState<string>(tip.status === 'new' ? 'in_review' : tip.status);
  const [crimeRecordId, setCrimeRecordId] = useState(tip.crimeRecordId ?? '');
  // Linking names a crime record of the registry, which the server checks.
  const facts = useResource<Facts>(status === 'linked' && can('prosecution.read') ? '/api/prosecution/facts?limit=200' : null);
  const [saved, setSaved] = useState<string | null>(null);
  const { busy, error, onSubmit, fieldError } = useSubmit();
  const submit = onSubmit(async () => {
    const body: TipUpdateInput = { status: status as TipUpdateInput['status'], ...(status === 'linked' ? { crimeRecordId: crimeRecordId || null } : {}) };
    await api.patch(tipApi(tip.id), body);
    setSaved(t('tips.statusSaved', { status: t(`tipStatuses.${body.status}`) }));
    onChanged();
  });
  return (
    <Section id="tip-review" title={t('tips.reviewTitle')}>
      <Notice message={saved} />
      <FormAlert error={error} labels={{ status: t('tips.status'), crimeRecordId: t('prosecution.fact') }} idPrefix="review-" />
      <form className="form" onSubmit={submit} noValidate>
        <SelectField id="review-status" label={t('tips.newStatus')} value={status} onChange={(e) => setStatus(e.target.value)} error={fieldError('status')}>
          {TipStatus.options
            .filter((s) => s !== 'new')
            .map((s) => (
              <option key={s} value={s}>
                {t(`tipStatuses.${s}`)}
              </option>
            ))}
        </SelectField>
        {status === 'linked' && (
          <SelectField id="review-crimeRecordId" label={t('prosecution.fact')} value={crimeRecordId} onChange={(e) => setCrimeRecordId(e.target.value)} error={fieldError('crimeRecordId')}>
            <option value="">{t('prosecution.chooseFact')}</option>
            {(facts.data?.items ?? []).map((x) => (
              <option key={x.id} value={x.id}>
                {f.date(x.registeredOn)} · {x.articles.join(', ')}
              </option>
            ))}
          </SelectField>
        )}
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('common.saving') : t('tips.setStatus')}
          </button>
        </div>
      </form>
    </Section>
  );
}
