// In-app notifications: the header's badge (unread count, refreshed on every page change) and the
// list page, where the user opens what happened and marks it read.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { NotificationList } from '../../../src/notifications/schema.ts';
import { api } from '../api.ts';
import { useResource } from '../data.ts';
import { useFormat } from '../format.ts';
import { Link, useLocation } from '../router.tsx';
import { LoadState } from '../ui/Alerts.tsx';
import { Page } from '../ui/Page.tsx';
import { personPage } from '../victims/victims.ts';

type Notifications = z.infer<typeof NotificationList>;

export function NotificationsBadge() {
  const { t } = useTranslation();
  const { path } = useLocation();
  const [unread, setUnread] = useState(0);
  useEffect(() => {
    let live = true;
    api.get<Notifications>('/api/notifications', { unread: 'true', limit: '1' }).then(
      (r) => live && setUnread(r.unread),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [path]);
  return (
    <Link to="/notifications" className="notifications-link" data-testid="notifications-badge">
      {t('notifications.title')}
      {unread > 0 && (
        <span className="badge" aria-label={t('notifications.unread', { count: unread })}>
          {unread}
        </span>
      )}
    </Link>
  );
}

export function NotificationsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const list = useResource<Notifications>('/api/notifications?limit=100');
  const mark = async (body: unknown) => {
    await api.post('/api/notifications/read', body);
    list.reload();
  };
  const items = list.data?.items ?? [];
  return (
    <Page title={t('notifications.title')}>
      <LoadState loading={list.loading} error={list.error} />
      {list.data && items.length === 0 && <p className="muted">{t('notifications.none')}</p>}
      {list.data && list.data.unread > 0 && (
        <p>
          <button type="button" className="button button--secondary" onClick={() => void mark({ all: true })}>
            {t('notifications.markAll')}
          </button>
        </p>
      )}
      <ul className="plain-list notifications" data-testid="notifications">
        {items.map((n) => (
          <li key={n.id} className={n.read ? 'notification' : 'notification notification--unread'}>
            <span className="muted">{fmt.dateTime(n.createdAt)}</span>{' '}
            {n.personId ? <Link to={personPage(n.personId)}>{t(`notifications.kinds.${n.kind}`, { code: n.caseCode ?? '' })}</Link> : t(`notifications.kinds.${n.kind}`, { code: n.caseCode ?? '' })}
            {!n.read && (
              <button type="button" className="button button--link button--small" onClick={() => void mark({ ids: [n.id] })}>
                {t('notifications.markRead')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </Page>
  );
}
