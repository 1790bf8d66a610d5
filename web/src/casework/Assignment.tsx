// Who works on the case: a named worker of the owning agency, changed with an optional reason;
// every change stays listed.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { useResource } from '../data.ts';
import { useFields, useSubmit } from '../form.ts';
import { useFormat } from '../format.ts';
import { useCan } from '../session.tsx';
import { LoadState, Notice } from '../ui/Alerts.tsx';
import { SelectField, TextField } from '../ui/Field.tsx';
import { AddRecordForm, Section } from '../victims/Section.tsx';
import { personApi, type Person } from '../victims/victims.ts';
import type { AssignmentData } from './casework.ts';

export function Assignment({ person }: { person: Person }) {
  const { t } = useTranslation();
  const can = useCan();
  const fmt = useFormat();
  const data = useResource<AssignmentData>(personApi(person.id, 'assignment'));
  const form = useFields({ userId: '', reason: '' });
  const { busy, error, onSubmit, fieldError } = useSubmit();
  const [notice, setNotice] = useState<string | null>(null);
  const labels = { userId: t('casework.assignee'), reason: t('casework.assignReason') };
  const a = data.data;

  const submit = onSubmit(async () => {
    setNotice(null);
    const reason = form.values.reason.trim();
    await api.put(personApi(person.id, 'assignment'), { userId: form.values.userId || null, ...(reason ? { reason } : {}) });
    form.reset();
    setNotice(t('casework.assigned'));
    data.reload();
  });

  return (
    <Section id="assignment" title={t('casework.assignmentTitle')}>
      <LoadState loading={data.loading} error={data.error} />
      {a && (
        <>
          <p data-testid="assignee">
            <strong>{a.current ? a.current.displayName : t('casework.unassigned')}</strong>
          </p>
          {a.history.length > 0 && (
            <details>
              <summary>{t('casework.assignmentHistory')}</summary>
              <ul className="plain-list">
                {a.history.map((h, i) => (
                  <li key={i}>
                    {fmt.dateTime(h.assignedAt)} · {h.user ? h.user.displayName : t('casework.unassigned')} · {t('casework.by', { name: h.assignedBy.displayName })}
                    {h.reason && ` · ${h.reason}`}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
      <Notice message={notice} />
      {a && can('persons.assign') && (
        <AddRecordForm summary={t('casework.assign')} error={error} labels={labels} idPrefix="assign-" onSubmit={submit} busy={busy} saveLabel={t('casework.assign')}>
          <SelectField id="assign-userId" label={labels.userId} {...form.bind('userId')} error={fieldError('userId')}>
            <option value="">{t('casework.unassigned')}</option>
            {a.candidates.map((c) => (
              <option key={c.id} value={c.id}>
                {c.displayName}
              </option>
            ))}
          </SelectField>
          <TextField id="assign-reason" label={labels.reason} optional maxLength={500} {...form.bind('reason')} error={fieldError('reason')} />
        </AddRecordForm>
      )}
    </Section>
  );
}
