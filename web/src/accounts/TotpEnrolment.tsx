// Setting up an authenticator: ask the server for a secret, show it as text, confirm with a code.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { TotpSetup } from '../../../src/accounts/schema.ts';
import { api } from '../api.ts';
import { useSubmit } from '../form.ts';
import { FormAlert } from '../ui/Alerts.tsx';
import { TextField } from '../ui/Field.tsx';

type Setup = z.infer<typeof TotpSetup>;

/** "ABCDEFGH…" → "ABCD EFGH …", easier to read and to type. */
export const groupInFours = (secret: string) => secret.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');

/** `required`: the user's role requires a factor, so the first enrolment asks for the administrator's one-time code. */
export function TotpEnrolment({ onEnabled, required = false }: { onEnabled: () => Promise<void>; required?: boolean }) {
  const { t } = useTranslation();
  const [setup, setSetup] = useState<Setup | null>(null);
  const [code, setCode] = useState('');
  const [grant, setGrant] = useState('');
  const start = useSubmit();
  const confirm = useSubmit();

  if (!setup) {
    return (
      <>
        <FormAlert error={start.error} labels={{ code: t('enrol.grant') }} idPrefix="grant-" />
        <form
          className="form"
          noValidate
          onSubmit={start.onSubmit(async () => setSetup(await api.post<Setup>('/api/me/totp/setup', grant.trim() ? { code: grant.trim() } : {})))}
        >
          {required && (
            <TextField id="grant-code" label={t('enrol.grant')} hint={t('enrol.grantHint')} value={grant} onChange={(e) => setGrant(e.target.value)} autoComplete="off" autoCapitalize="characters" spellCheck={false} error={start.fieldError('code')} />
          )}
          <div className="form-actions">
            <button type="submit" className="button" disabled={start.busy}>
              {t('enrol.start')}
            </button>
          </div>
        </form>
      </>
    );
  }

  return (
    <div className="enrolment">
      <ol className="steps">
        <li>
          <p>{t('enrol.step1')}</p>
          <dl className="secret">
            <dt>{t('enrol.secret')}</dt>
            <dd>
              <code className="secret-key" data-testid="totp-secret">
                {groupInFours(setup.secret)}
              </code>
            </dd>
            <dt>{t('enrol.otpauth')}</dt>
            <dd>
              <code className="otpauth">{setup.otpauthUrl}</code>
              <p className="hint">{t('enrol.otpauthHint')}</p>
            </dd>
          </dl>
        </li>
        <li>
          <p>{t('enrol.step2')}</p>
          <FormAlert error={confirm.error} labels={{ code: t('enrol.code') }} />
          <form
            className="form"
            noValidate
            onSubmit={confirm.onSubmit(async () => {
              await api.post('/api/me/totp/enable', { code: code.trim() });
              await onEnabled();
            })}
          >
            <TextField
              id="code"
              label={t('enrol.code')}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              className="field--short"
              error={confirm.fieldError('code')}
            />
            <div className="form-actions">
              <button type="submit" className="button" disabled={confirm.busy}>
                {t('enrol.confirm')}
              </button>
            </div>
          </form>
        </li>
      </ol>
    </div>
  );
}
