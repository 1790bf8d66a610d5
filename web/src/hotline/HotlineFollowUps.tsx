import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { FormAlert, LoadState, Notice } from '../ui/Alerts.tsx';
import { useTopicLabel } from './Choices.tsx';
import { Page } from '../ui/Page.tsx';
import { useResource } from '../data.ts';
import { useSubmit } from '../form.ts';
import { useFormat } from '../format.ts';
import { contactApi, contactPage, type FollowUpList } from './hotline.ts';
import { Link } from '../router.tsx';

/** The signed-in operator's open follow-ups: the shift view, overdue first-class marked. */
export function HotlineFollowUpsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const topic = useTopicLabel();
  const list = useResource<FollowUpList>('/api/hotline/follow-ups');
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, run } = useSubmit();
  const items = list.data?.items ?? [];
  const overdue = items.filter((i) => i.overdue).length;

  const markDone = (id: string, label: string) =>
    run(async () => {
      await api.post(contactApi(id, 'follow-up-done'));
      setDone(t('followUps.doneNotice', { what: label }));
      list.reload();
    });

  return (
    <Page title={t('followUps.title')}>
      <p className="lead">{t('followUps.intro')}</p>
      <Notice message={done} />
      <FormAlert error={error} />
      <LoadState loading={list.loading && !list.data} error={list.error} />
      {list.data && items.length === 0 && <p className="muted">{t('followUps.none')}</p>}
      {items.length > 0 && (
        <div className="table-wrap" tabIndex={0}>
          <table className="data-table" aria-busy={list.loading}>
            <caption>
              {t('followUps.caption')} · {items.length}
              {overdue > 0 && ` · ${t('followUps.overdueCount', { count: overdue })}`}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('followUps.due')}</th>
                <th scope="col">{t('hotline.topic')}</th>
                <th scope="col">{t('hotline.startedAt')}</th>
                <th scope="col">{t('followUps.action')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => {
                const label = `${topic(i.topic)}, ${f.dateTime(i.startedAt)}`;
                return (
                  <tr key={i.id} className={i.overdue ? 'row--overdue' : undefined}>
                    <th scope="row" className="nowrap">
                      {f.date(i.followUpDue)} {i.overdue && <span className="tag tag--overdue">{t('followUps.overdue')}</span>}
                    </th>
                    <td>{topic(i.topic)}</td>
                    <td className="nowrap">
                      <Link to={contactPage(i.id)}>{f.dateTime(i.startedAt)}</Link>
                    </td>
                    <td>
                      <button type="button" className="button button--small" disabled={busy} aria-label={t('followUps.doneFor', { what: label })} onClick={() => void markDone(i.id, label)}>
                        {t('followUps.done')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
