import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { WorkQueue, WorkQueues } from '../../../src/home/schema.ts';
import { Page } from '../ui/Page.tsx';
import { useAgencies, useResource } from '../data.ts';
import { useFormat } from '../format.ts';
import { Link } from '../router.tsx';
import { useSession } from '../session.tsx';

/** How the late part of a queue is said: overdue dates, or submissions sent back. */
function urgentText(t: TFunction, q: WorkQueue): string {
  switch (q.id) {
    case 'reflection':
      return t('home.urgent.reflection', { count: q.urgent });
    case 'followUps':
      return t('home.urgent.followUps', { count: q.urgent });
    case 'submissionsOpen':
      return t('home.urgent.submissionsOpen', { count: q.urgent });
    default:
      // The queue's own name says it (overdue measures): the red edge is enough.
      return '';
  }
}

/** What waits for me (one count per work queue my roles reach), then who I am. */
export function HomePage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const f = useFormat();
  const agencies = useAgencies();
  const { user } = me;
  const agency = agencies.data?.items.find((a) => a.id === user.agencyId);
  const queues = useResource<z.infer<typeof WorkQueues>>('/api/home/queues');
  const items = queues.data?.items ?? [];

  return (
    <Page title={t('home.welcome', { name: user.displayName })}>
      {items.length > 0 && (
        <section className="card" aria-labelledby="home-work">
          <h2 id="home-work">{t('home.work')}</h2>
          <ul className="work-queues" data-testid="work-queues">
            {items.map((q) => (
              <li key={q.id} className={q.urgent > 0 ? 'work-queue work-queue--urgent' : 'work-queue'} data-queue={q.id}>
                <Link to={q.href}>
                  <span className="work-count">{q.count}</span> <span>{t(`home.queues.${q.id}`)}</span>
                </Link>
                {q.urgent > 0 && urgentText(t, q) && <span className="work-urgent">{urgentText(t, q)}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="card" aria-labelledby="home-profile">
        <h2 id="home-profile">{t('home.profile')}</h2>
        <dl className="facts">
          <dt>{t('home.username')}</dt>
          <dd>
            <code data-testid="me-username">{user.username}</code>
          </dd>
          <dt>{t('home.displayName')}</dt>
          <dd>{user.displayName}</dd>
          <dt>{t('home.email')}</dt>
          <dd>{user.email ?? t('common.none')}</dd>
          <dt>{t('home.agency')}</dt>
          <dd>{agency ? f.label(agency.name) : agencies.loading ? t('app.loading') : t('common.none')}</dd>
          <dt>{t('home.roles')}</dt>
          <dd>
            <ul className="tags">
              {user.roles.map((r) => (
                <li key={r} className="tag">
                  {f.role(r)}
                </li>
              ))}
            </ul>
          </dd>
          <dt>{t('home.twoFactor')}</dt>
          <dd>{user.totpEnabled ? t('common.enabled') : t('common.disabled')}</dd>
          <dt>{t('home.lastLogin')}</dt>
          <dd>{user.lastLoginAt ? f.dateTime(user.lastLoginAt) : t('home.never')}</dd>
        </dl>
      </section>
    </Page>
  );
}
