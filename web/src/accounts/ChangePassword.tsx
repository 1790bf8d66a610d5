import { useTranslation } from 'react-i18next';
import { Page } from '../ui/Page.tsx';
import { PasswordChangeForm } from './PasswordChangeForm.tsx';
import { useSession } from '../session.tsx';

/** Shown instead of the app while the user still has a password someone else issued. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const { refresh } = useSession();
  return (
    <div className="narrow">
      <Page title={t('changePassword.title')}>
        <p className="lead">{t('changePassword.forcedIntro')}</p>
        <div className="card">
          <PasswordChangeForm onChanged={refresh} />
        </div>
      </Page>
    </div>
  );
}
