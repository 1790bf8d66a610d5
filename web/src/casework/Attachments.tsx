// Files of the case (scanned consent forms, medical letters): PDF or image, encrypted at rest;
// images preview inline, PDFs open in a sandboxed tab. Every download is on the audit trail.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { useResource } from '../data.ts';
import { clientInvalid, useFields, useSubmit } from '../form.ts';
import { useFormat } from '../format.ts';
import { useCan } from '../session.tsx';
import { LoadState, Notice } from '../ui/Alerts.tsx';
import { TextField } from '../ui/Field.tsx';
import { AddRecordForm, Empty, Section } from '../victims/Section.tsx';
import { personApi, type Person } from '../victims/victims.ts';
import { fileToBase64, type Attachments as AttachmentsData } from './casework.ts';

const TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;

export function Attachments({ person }: { person: Person }) {
  const { t } = useTranslation();
  const can = useCan();
  const fmt = useFormat();
  const list = useResource<AttachmentsData>(can('attachments.read') ? personApi(person.id, 'attachments') : null);
  const form = useFields({ description: '' });
  const [file, setFile] = useState<File | null>(null);
  // A new key empties the file input after an upload.
  const [inputKey, setInputKey] = useState(0);
  const { busy, error, onSubmit, fieldError } = useSubmit();
  const [notice, setNotice] = useState<string | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const labels = { contentBase64: t('casework.file'), description: t('casework.fileDescription'), mediaType: t('casework.file'), filename: t('casework.file') };
  if (!can('attachments.read')) return null;
  const maxBytes = list.data?.maxBytes ?? 0;

  const submit = onSubmit(async () => {
    setNotice(null);
    if (!file) throw clientInvalid([{ path: 'contentBase64', message: t('fieldErrors.required') }]);
    if (!(TYPES as readonly string[]).includes(file.type)) throw clientInvalid([{ path: 'contentBase64', message: t('casework.fileType') }]);
    if (maxBytes && file.size > maxBytes) throw clientInvalid([{ path: 'contentBase64', message: t('casework.fileTooBig', { mb: (maxBytes / 1048576).toFixed(1) }) }]);
    const description = form.values.description.trim();
    await api.post(personApi(person.id, 'attachments'), { filename: file.name, mediaType: file.type, contentBase64: await fileToBase64(file), ...(description ? { description } : {}) });
    form.reset();
    setFile(null);
    setInputKey((k) => k + 1);
    setNotice(t('casework.fileSaved'));
    list.reload();
  });

  const href = (id: string) => personApi(person.id, `attachments/${id}/content`);
  return (
    <Section id="attachments" title={t('casework.attachmentsTitle')}>
      <LoadState loading={list.loading} error={list.error} />
      {list.data && list.data.items.length === 0 && <Empty>{t('casework.noAttachments')}</Empty>}
      <ul className="plain-list">
        {list.data?.items.map((a) => (
          <li key={a.id} data-testid="attachment">
            <a href={href(a.id)} target="_blank" rel="noopener noreferrer">
              {a.filename}
            </a>{' '}
            <span className="muted">
              · {sizeLabel(a.sizeBytes)} · {a.uploadedByName} · {fmt.dateTime(a.createdAt)}
            </span>
            {a.description && <p>{a.description}</p>}
            {a.mediaType.startsWith('image/') && (
              <button type="button" className="button button--link button--small" aria-expanded={preview === a.id} onClick={() => setPreview(preview === a.id ? null : a.id)}>
                {t('casework.preview')}
              </button>
            )}
            {preview === a.id && <img className="attachment-preview" src={href(a.id)} alt={a.description ?? a.filename} />}
          </li>
        ))}
      </ul>
      <Notice message={notice} />
      {can('attachments.add') && (
        <AddRecordForm summary={t('casework.addAttachment')} error={error} labels={labels} idPrefix="attachment-" onSubmit={submit} busy={busy} saveLabel={t('casework.upload')}>
          <TextField
            id="attachment-contentBase64"
            label={labels.contentBase64}
            hint={t('casework.fileHint', { mb: (maxBytes / 1048576).toFixed(1) })}
            key={inputKey}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            type="file"
            accept={TYPES.join(',')}
            error={fieldError('contentBase64')}
          />
          <TextField id="attachment-description" label={labels.description} optional maxLength={500} {...form.bind('description')} error={fieldError('description')} />
        </AddRecordForm>
      )}
    </Section>
  );
}

/** 512 B, 34 KB, 2.1 MB: a small scan never reads as 0 KB. */
function sizeLabel(bytes: number) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1048576) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1048576).toFixed(1)} MB`;
}
