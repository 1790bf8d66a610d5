import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { assertValid, useSubmit } from '../form.ts';
import { FormAlert, Notice } from '../ui/Alerts.tsx';
import { TextAreaField } from '../ui/Field.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';

/**
 * Publishing freezes the report; errors need an override reason, a new edition a changelog.
 * The coordinator confirms the year and edition in a dialog before anything is sent.
 */
export function PublishForm({ year, errors, nextEdition, onPublished }: { year: number; errors: number; nextEdition: number; onPublished: () => void }) {
  const { t } = useTranslation();
  const [overrideReason, setReason] = useState('');
  const [changelog, setChangelog] = useState('');
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState<{ edition: number; sha256: string } | null>(null);
  const submit = useSubmit();
  const corrected = nextEdition > 1;
  const labels = { overrideReason: t('report.overrideReason'), changelog: t('report.changelog') };
  // What the server would refuse is said before the dialog, next to the field.
  const onSubmit = submit.onSubmit(async () => {
    setDone(null);
    assertValid(
      errors > 0 && overrideReason.trim().length < 10 ? [{ path: 'overrideReason', message: 'must be at least 10 characters' }] : [],
      corrected && changelog.trim().length < 5 ? [{ path: 'changelog', message: 'must be at least 5 characters' }] : [],
    );
    setAsking(true);
  });
  const confirm = () =>
    void submit.run(async () => {
      try {
        const out = await api.post<{ edition: number; sha256: string }>(`/api/reports/${year}/publish`, {
          ...(errors > 0 && overrideReason.trim() ? { overrideReason } : {}),
          ...(corrected && changelog.trim() ? { changelog } : {}),
        });
        setDone(out);
        setReason('');
        setChangelog('');
        onPublished();
      } finally {
        setAsking(false);
      }
    });
  const title = corrected ? t('report.publishCorrected') : t('report.publish');
  return (
    <form className="card" onSubmit={onSubmit} noValidate aria-labelledby="publish-title">
      <h2 id="publish-title">{title}</h2>
      <FormAlert error={submit.error} labels={labels} idPrefix="publish-" />
      {errors > 0 && <TextAreaField id="publish-overrideReason" label={labels.overrideReason} hint={t('report.overrideHint', { errors })} rows={3} value={overrideReason} onChange={(e) => setReason(e.target.value)} error={submit.fieldError('overrideReason')} />}
      {corrected && <TextAreaField id="publish-changelog" label={labels.changelog} rows={3} value={changelog} onChange={(e) => setChangelog(e.target.value)} error={submit.fieldError('changelog')} />}
      <div className="form-actions">
        <button type="submit" className="button" disabled={submit.busy}>
          {submit.busy ? t('report.publishing') : title}
        </button>
      </div>
      <Notice message={done && t('report.publishedNotice', { edition: done.edition, hash: done.sha256.slice(0, 12) })} />
      <ConfirmDialog open={asking} title={t('report.confirmTitle', { year, edition: nextEdition })} confirmLabel={t('report.confirmPublish', { edition: nextEdition })} busy={submit.busy} onConfirm={confirm} onCancel={() => setAsking(false)}>
        <p>{t('report.confirmText', { year, edition: nextEdition })}</p>
        {errors > 0 && <p className="alert alert--warn">{t('report.confirmErrors', { errors })}</p>}
        {submit.busy && <p aria-live="polite">{t('report.publishing')}</p>}
      </ConfirmDialog>
    </form>
  );
}
