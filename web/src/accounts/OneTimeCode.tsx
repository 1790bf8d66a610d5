// A one-time code as the administrator sees it, once: to be handed to the person out of band.
import { useTranslation } from 'react-i18next';
import type { OneTimeCode as Code } from '../../../src/accounts/schema.ts';
import { useFormat } from '../format.ts';

export function OneTimeCode({ code, username }: { code: Code; username: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <div className="alert alert--ok" role="status">
      <p className="alert-title">{t('codes.title', { username })}</p>
      <p>
        <code className="secret-key" data-testid="one-time-code">
          {code.code}
        </code>
      </p>
      <p>{t('codes.handOver', { expires: f.dateTime(code.expiresAt) })}</p>
    </div>
  );
}
