import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReferralStatus } from '../../../src/referrals/schema.ts';
import { api, withQuery } from '../api.ts';
import { FormAlert, LoadState, Notice } from '../ui/Alerts.tsx';
import { SelectField } from '../ui/Field.tsx';
import { ListPager } from '../ui/ListPager.tsx';
import { Page } from '../ui/Page.tsx';
import { useResource } from '../data.ts';
import { useSubmit } from '../form.ts';
import { useFormat } from '../format.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { personPage, type Referral, type Referrals } from '../victims/victims.ts';

type Answer = 'accepted' | 'declined' | 'completed';
/** What the receiving agency may answer from each state (the server holds the same table). */
const NEXT: Partial<Record<Referral['status'], Answer[]>> = { sent: ['accepted', 'declined'], accepted: ['completed'] };
const PAGE_SIZE = 50;
const isStatus = (s: string): s is Referral['status'] => (ReferralStatus.options as readonly string[]).includes(s);

/** Referrals addressed to the user's agency, with the answers each one allows. */
export function ReferralInboxPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { query } = useLocation();
  const raw = query.get('status') ?? '';
  const status = isStatus(raw) ? raw : '';
  const sort = query.get('sort') === 'caseCode' ? 'caseCode' : 'sent';
  const order = query.get('order') === 'asc' ? 'asc' : 'desc';
  const offset = Math.max(0, Number(query.get('offset') ?? 0) || 0);
  const inbox = useResource<Referrals & { total: number }>(withQuery('/api/referrals', { status, sort, order, limit: PAGE_SIZE, offset }));
  const [chosenSort, setChosenSort] = useState(`${sort}:${order}`);
  const answer = useSubmit();
  const [notice, setNotice] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string>(status);
  const items = inbox.data?.items ?? [];

  const respond = (r: Referral, to: Answer) =>
    void answer.run(async () => {
      setNotice(null);
      await api.patch(`/api/referrals/${encodeURIComponent(r.id)}`, { status: to });
      setNotice(t(`referrals.${to}Notice`, { caseCode: r.caseCode }));
      inbox.reload();
    });

  return (
    <Page title={t('referrals.title')}>
      <p className="lead">{t('referrals.intro')}</p>
      <form
        className="filters card"
        role="search"
        aria-label={t('referrals.filters')}
        onSubmit={(e) => {
          e.preventDefault();
          const [s, o] = chosenSort.split(':');
          navigate(withQuery('/referrals', { status: chosen, sort: s ?? 'sent', order: o ?? 'desc' }));
        }}
      >
        <SelectField id="inbox-status" label={t('referrals.status')} value={chosen} onChange={(e) => setChosen(e.target.value)}>
          <option value="">{t('referrals.allStatuses')}</option>
          {ReferralStatus.options.map((s) => (
            <option key={s} value={s}>
              {t(`referralStatuses.${s}`)}
            </option>
          ))}
        </SelectField>
        <SelectField id="inbox-sort" label={t('persons.sortBy')} value={chosenSort} onChange={(e) => setChosenSort(e.target.value)}>
          {['sent:desc', 'sent:asc', 'caseCode:asc', 'caseCode:desc'].map((v) => (
            <option key={v} value={v}>
              {t(`referrals.sorts.${v.replace(':', '_') as 'sent_desc'}`)}
            </option>
          ))}
        </SelectField>
        <div className="form-actions">
          <button type="submit" className="button">
            {t('referrals.apply')}
          </button>
        </div>
      </form>
      <FormAlert error={answer.error} />
      <Notice message={notice} />
      <LoadState loading={inbox.loading && !inbox.data} error={inbox.error} />
      {inbox.data && items.length === 0 && <p className="muted">{t('referrals.none')}</p>}
      {items.length > 0 && (
        <div className="table-wrap" tabIndex={0}>
          <table className="data-table" aria-busy={inbox.loading}>
            <caption>
              {t('referrals.caption')} · {t('common.range', { from: offset + 1, to: offset + items.length, total: inbox.data?.total ?? 0 })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('referrals.caseCode')}</th>
                <th scope="col">{t('referrals.from')}</th>
                <th scope="col">{t('referrals.to')}</th>
                <th scope="col">{t('referrals.sentAt')}</th>
                <th scope="col">{t('referrals.status')}</th>
                <th scope="col">{t('referrals.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id} className={r.status === 'sent' ? 'row--new' : undefined}>
                  <th scope="row" className="nowrap">
                    <Link to={personPage(r.personId)}>{r.caseCode}</Link>
                  </th>
                  <td>{f.agency(r.fromAgencyId)}</td>
                  <td>{f.agency(r.toAgencyId)}</td>
                  <td className="nowrap">{f.dateTime(r.sentAt)}</td>
                  <td>
                    {t(`referralStatuses.${r.status}`)}
                    {r.consentOverride && <span className="tag tag--warn">{t('referrals.withoutConsent')}</span>}
                  </td>
                  <td>
                    <div className="row-actions">
                      {(NEXT[r.status] ?? []).map((to) => (
                        <button key={to} type="button" className={`button button--small${to === 'declined' ? ' button--secondary' : ''}`} disabled={answer.busy} onClick={() => respond(r, to)}>
                          {t(`referrals.${to}Action`)}
                          <span className="visually-hidden"> {r.caseCode}</span>
                        </button>
                      ))}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ListPager offset={offset} pageSize={PAGE_SIZE} total={inbox.data?.total ?? 0} onPage={(to) => navigate(withQuery('/referrals', { status, sort, order, offset: to }))} />
    </Page>
  );
}
