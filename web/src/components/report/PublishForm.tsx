import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { useSubmit } from '../../form.ts';
import { FormAlert, Notice } from '../Alerts.tsx';
import { TextAreaField } from '../Field.tsx';

/** Publishing freezes the report; errors need an override reason, a new edition a changelog. */
export function PublishForm({ year, errors, published, onPublished }: { year: number; errors: number; published: boolean; onPublished: () => void }) {
  const { t } = useTranslation();
  const [overrideReason, setReason] = useState('');
  const [changelog, setChangelog] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const submit = useSubmit();
  const labels = { overrideReason: t('report.overrideReason'), changelog: t('report.changelog') };
  const onSubmit = submit.onSubmit(async () => {
    setDone(null);
    const out = await api.post<{ edition: number; sha256: string }>(`/api/reports/${year}/publish`, {
      ...(overrideReason.trim() ? { overrideReason } : {}),
      ...(changelog.trim() ? { changelog } : {}),
    });
    setDone(t('report.publishedNotice', { edition: out.edition, hash: out.sha256.slice(0, 12) }));
    setReason('');
    setChangelog('');
    onPublished();
  });
  return (
    <form className="card" onSubmit={onSubmit} noValidate aria-labelledby="publish-title">
      <h2 id="publish-title">{published ? t('report.publishCorrected') : t('report.publish')}</h2>
      <FormAlert error={submit.error} labels={labels} idPrefix="publish-" />
      {errors > 0 && <TextAreaField id="publish-overrideReason" label={labels.overrideReason} hint={t('report.overrideHint', { errors })} rows={3} value={overrideReason} onChange={(e) => setReason(e.target.value)} error={submit.fieldError('overrideReason')} />}
      {published && <TextAreaField id="publish-changelog" label={labels.changelog} rows={3} value={changelog} onChange={(e) => setChangelog(e.target.value)} error={submit.fieldError('changelog')} />}
      <div className="form-actions">
        <button type="submit" className="button" disabled={submit.busy}>
          {submit.busy ? t('report.publishing') : published ? t('report.publishCorrected') : t('report.publish')}
        </button>
      </div>
      <Notice message={done} />
    </form>
  );
}
