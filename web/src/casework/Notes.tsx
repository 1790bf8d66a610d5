// Case notes: newest first; the author may rewrite their own, and anyone who reads them may see
// every earlier text.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { useResource } from '../data.ts';
import { requireFilled, useFields, useSubmit } from '../form.ts';
import { useFormat } from '../format.ts';
import { useCan, useSession } from '../session.tsx';
import { FormAlert, LoadState, Notice } from '../ui/Alerts.tsx';
import { TextAreaField } from '../ui/Field.tsx';
import { AddRecordForm, Empty, Section } from '../victims/Section.tsx';
import { personApi, type Person } from '../victims/victims.ts';
import type { Note, Notes as NotesData, NoteVersions } from './casework.ts';

export function Notes({ person }: { person: Person }) {
  const { t } = useTranslation();
  const can = useCan();
  const notes = useResource<NotesData>(can('notes.read') ? personApi(person.id, 'notes') : null);
  const form = useFields({ body: '' });
  const { busy, error, onSubmit, fieldError } = useSubmit();
  const [notice, setNotice] = useState<string | null>(null);
  const labels = { body: t('casework.noteBody') };
  if (!can('notes.read')) return null;

  const submit = onSubmit(async () => {
    setNotice(null);
    requireFilled({ body: form.values.body }, t('fieldErrors.required'));
    await api.post(personApi(person.id, 'notes'), { body: form.values.body.trim() });
    form.reset();
    setNotice(t('casework.noteSaved'));
    notes.reload();
  });

  return (
    <Section id="notes" title={t('casework.notesTitle')}>
      <LoadState loading={notes.loading} error={notes.error} />
      {notes.data && notes.data.items.length === 0 && <Empty>{t('casework.noNotes')}</Empty>}
      <ul className="plain-list notes">
        {notes.data?.items.map((n) => <NoteItem key={n.id} personId={person.id} note={n} onChanged={notes.reload} />)}
      </ul>
      <Notice message={notice} />
      {can('notes.write') && (
        <AddRecordForm summary={t('casework.addNote')} error={error} labels={labels} idPrefix="note-" onSubmit={submit} busy={busy} saveLabel={t('casework.saveNote')}>
          <TextAreaField id="note-body" label={labels.body} rows={4} maxLength={20000} {...form.bind('body')} error={fieldError('body')} />
        </AddRecordForm>
      )}
    </Section>
  );
}

function NoteItem({ personId, note, onChanged }: { personId: string; note: Note; onChanged: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { me } = useSession();
  const myId = me.user.id;
  const [editing, setEditing] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const history = useResource<NoteVersions>(showHistory ? personApi(personId, `notes/${note.id}/history`) : null);
  const form = useFields({ body: note.body });
  const { busy, error, onSubmit, fieldError } = useSubmit();
  const mine = myId === note.authorId;

  const save = onSubmit(async () => {
    requireFilled({ body: form.values.body }, t('fieldErrors.required'));
    await api.put(personApi(personId, `notes/${note.id}`), { body: form.values.body.trim() });
    setEditing(false);
    onChanged();
  });

  return (
    <li className="note" data-testid="note">
      <p className="muted">
        {note.authorName} · {fmt.dateTime(note.createdAt)}
        {note.version > 1 && ` · ${t('casework.edited', { when: fmt.dateTime(note.updatedAt) })}`}
      </p>
      {editing ? (
        <form className="form" onSubmit={save} noValidate>
          <FormAlert error={error} labels={{ body: t('casework.noteBody') }} idPrefix={`note-${note.id}-`} />
          <TextAreaField id={`note-${note.id}-body`} label={t('casework.noteBody')} rows={4} {...form.bind('body')} error={fieldError('body')} />
          <div className="form-actions">
            <button type="submit" className="button" disabled={busy}>
              {busy ? t('common.saving') : t('casework.saveNote')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setEditing(false)}>
              {t('casework.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <p className="note-body">{note.body}</p>
      )}
      <p className="actions">
        {mine && !editing && (
          <button type="button" className="button button--link button--small" onClick={() => setEditing(true)}>
            {t('casework.editNote')}
          </button>
        )}
        {note.version > 1 && (
          <button type="button" className="button button--link button--small" aria-expanded={showHistory} onClick={() => setShowHistory((s) => !s)}>
            {t('casework.history')}
          </button>
        )}
      </p>
      {showHistory && history.data && (
        <ol className="note-history">
          {history.data.items.map((v) => (
            <li key={v.version}>
              <span className="muted">
                {t('casework.version', { n: v.version })} · {fmt.dateTime(v.writtenAt)}
              </span>
              <p className="note-body">{v.body}</p>
            </li>
          ))}
        </ol>
      )}
    </li>
  );
}
