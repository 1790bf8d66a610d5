import { useTranslation } from 'react-i18next';
import { Page } from '../ui/Page.tsx';
import { TotpEnrolment } from './TotpEnrolment.tsx';
import { useSession } from '../session.tsx';

/** Shown instead of the app while the user's role requires a second factor they lack. */
export function EnrolPage({ required }: { required?: boolean }) {
  const { t } = useTranslation();
  const { refresh } = useSession();
  return (
    <div className="narrow">
      <Page title={t('enrol.title')}>
        {required && <p className="lead">{t('enrol.intro')}</p>}
        <TotpEnrolment onEnabled={refresh} required={required ?? false} />
      </Page>
    </div>
  );
}
