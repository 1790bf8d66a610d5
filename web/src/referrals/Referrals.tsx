// Referring the person to another agency: with the person's consent, or with a reason that is
// audited. The referring agency may revoke a referral that is still open.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { scopesFor } from '../../../src/access/rules.ts';
import { api } from '../api.ts';
import { useResource } from '../data.ts';
import { assertValid, blankFields, clientInvalid, useFields, useSubmit } from '../form.ts';
import { useFormat } from '../format.ts';
import { useCan, useSession } from '../session.tsx';
import { hasReferralConsent, personApi, type Person, type Referrals as ReferralsData } from '../victims/victims.ts';
import { FormAlert, LoadState, Notice } from '../ui/Alerts.tsx';
import { AgencySelect } from '../agencies/AgencySelect.tsx';
import { TextField } from '../ui/Field.tsx';
import { AddRecordForm, Empty, Section } from '../victims/Section.tsx';

const OVERRIDE_MIN = 10;

export function Referrals({ person, onChanged }: { person: Person; onChanged: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const { me } = useSession();
  const list = useResource<ReferralsData>(personApi(person.id, 'referrals'));
  const form = useFields({ toAgencyId: '', note: '', consentOverrideReason: '' });
  const refer = useSubmit();
  const revoke = useSubmit();
  const [notice, setNotice] = useState<string | null>(null);
  const v = form.values;
  const labels = { toAgencyId: t('person.referTo'), note: t('person.referralNote'), consentOverrideReason: t('person.overrideReason') };
  const national = scopesFor(me.user.roles, 'referrals.inbox').includes('all');
  // Without the person's yes for this agency, the form asks why the referral must go anyway.
  const askedByServer = refer.fieldError('consentOverrideReason') !== undefined;
  const needsReason = v.toAgencyId !== '' && (!hasReferralConsent(person, v.toAgencyId) || askedByServer);

  const submit = refer.onSubmit(async () => {
    setNotice(null);
    const reason = v.consentOverrideReason.trim();
    assertValid(blankFields({ toAgencyId: v.toAgencyId, ...(needsReason ? { consentOverrideReason: reason } : {}) }, t('fieldErrors.required')));
    if (needsReason && reason.length < OVERRIDE_MIN) throw clientInvalid([{ path: 'consentOverrideReason', message: t('fieldErrors.tooShort', { count: OVERRIDE_MIN }) }]);
    await api.post(personApi(person.id, 'referrals'), {
      toAgencyId: v.toAgencyId,
      ...(v.note.trim() ? { note: v.note.trim() } : {}),
      ...(needsReason ? { consentOverrideReason: reason } : {}),
    });
    form.reset();
    setNotice(t('person.referralSaved'));
    list.reload();
    onChanged();
  });

  const onRevoke = (id: string, caseCode: string) =>
    void revoke.run(async () => {
      setNotice(null);
      await api.patch(`/api/referrals/${encodeURIComponent(id)}`, { status: 'revoked' });
      setNotice(t('referrals.revokedNotice', { caseCode }));
      list.reload();
      onChanged();
    });

  const items = list.data?.items ?? [];
  return (
    <Section id="referrals" title={t('person.referralsTitle')}>
      <LoadState loading={list.loading && !list.data} error={list.error} />
      {list.data && items.length === 0 && <Empty>{t('person.noReferrals')}</Empty>}
      {items.length > 0 && (
        <div className="table-wrap" tabIndex={0}>
          <table className="data-table data-table--compact">
            <caption className="visually-hidden">{t('person.referralsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('referrals.sentAt')}</th>
                <th scope="col">{t('referrals.from')}</th>
                <th scope="col">{t('referrals.to')}</th>
                <th scope="col">{t('referrals.status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('referrals.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id}>
                  <td className="nowrap">{f.day(r.sentAt)}</td>
                  <td>{f.agency(r.fromAgencyId)}</td>
                  <td>{f.agency(r.toAgencyId)}</td>
                  <td>
                    {t(`referralStatuses.${r.status}`)}
                    {r.consentOverride && <span className="tag tag--warn">{t('referrals.withoutConsent')}</span>}
                  </td>
                  <td>
                    {can('referrals.inbox') && (national || r.fromAgencyId === me.user.agencyId) && (r.status === 'sent' || r.status === 'accepted') && (
                      <button type="button" className="button button--secondary button--small" disabled={revoke.busy} onClick={() => onRevoke(r.id, r.caseCode)}>
                        {t('referrals.revoke')}
                        <span className="visually-hidden"> {f.agency(r.toAgencyId)}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <FormAlert error={revoke.error} />
      <Notice message={notice} />
      {can('referrals.create') && !person.closure && (
        <AddRecordForm summary={t('person.addReferral')} error={refer.error} labels={labels} idPrefix="referral-" onSubmit={submit} busy={refer.busy} saveLabel={t('person.refer')}>
          <AgencySelect id="referral-toAgencyId" label={labels.toAgencyId} placeholder={t('person.chooseAgency')} exclude={[me.user.agencyId]} value={v.toAgencyId} onChange={form.set('toAgencyId')} error={refer.fieldError('toAgencyId')} />
          {v.toAgencyId && !needsReason && <p className="hint consent-ok">{t('person.consentOnFile')}</p>}
          {needsReason && (
            <TextField
              id="referral-consentOverrideReason"
              label={labels.consentOverrideReason}
              hint={t('person.overrideHint', { count: OVERRIDE_MIN })}
              {...form.bind('consentOverrideReason')}
              autoComplete="off"
              error={refer.fieldError('consentOverrideReason')}
            />
          )}
          <TextField id="referral-note" label={labels.note} optional {...form.bind('note')} autoComplete="off" error={refer.fieldError('note')} />
        </AddRecordForm>
      )}
    </Section>
  );
}
