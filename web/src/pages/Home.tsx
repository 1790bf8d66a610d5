import { useTranslation } from 'react-i18next';
import { Page } from '../components/Page.tsx';
import { useAgencies } from '../data.ts';
import { useFormat } from '../format.ts';
import { useSession } from '../session.tsx';

/** Who am I: the signed-in account, its agency and roles. */
export function HomePage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const f = useFormat();
  const agencies = useAgencies();
  const { user } = me;
  const agency = agencies.data?.items.find((a) => a.id === user.agencyId);

  return (
    <Page title={t('home.welcome', { name: user.displayName })}>
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
