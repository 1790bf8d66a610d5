// The victim's children, named only by a label ("Child 1"): help for a child refers to them.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Gender } from '../../../src/victims/schema.ts';
import { api } from '../api.ts';
import { clientInvalid, requireFilled, useFields, useSubmit } from '../form.ts';
import { useCan } from '../session.tsx';
import { personApi, type Person } from './victims.ts';
import { Notice } from '../ui/Alerts.tsx';
import { SelectField, TextField } from '../ui/Field.tsx';
import { AddRecordForm, Empty, Section } from './Section.tsx';

export function Children({ person, onChanged }: { person: Person; onChanged: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const form = useFields({ label: t('person.childDefault', { n: person.children.length + 1 }), birthYear: '', gender: '' });
  const { busy, error, onSubmit, fieldError } = useSubmit();
  const [notice, setNotice] = useState<string | null>(null);
  const v = form.values;
  const labels = { label: t('person.childLabel'), birthYear: t('person.childBirthYear'), gender: t('person.childGender') };

  const submit = onSubmit(async () => {
    setNotice(null);
    requireFilled({ label: v.label, gender: v.gender }, t('fieldErrors.required'));
    const year = v.birthYear.trim();
    if (year && !/^\d{4}$/.test(year)) throw clientInvalid([{ path: 'birthYear', message: t('fieldErrors.year') }]);
    await api.post(personApi(person.id, 'children'), { label: v.label.trim(), birthYear: year ? Number(year) : null, gender: v.gender });
    form.reset();
    setNotice(t('person.childSaved'));
    onChanged();
  });

  return (
    <Section id="children" title={t('person.childrenTitle')}>
      {person.children.length === 0 ? (
        <Empty>{t('person.noChildren')}</Empty>
      ) : (
        <ul className="plain-list">
          {person.children.map((c) => (
            <li key={c.id}>
              <strong>{c.label}</strong> · {t(`genders.${c.gender}`)} · {c.birthYear ?? t('common.none')}
            </li>
          ))}
        </ul>
      )}
      <Notice message={notice} />
      {can('persons.update') && (
        <AddRecordForm summary={t('person.addChild')} error={error} labels={labels} idPrefix="child-" onSubmit={submit} busy={busy} saveLabel={t('person.saveChild')}>
          <TextField id="child-label" label={labels.label} hint={t('person.childLabelHint')} {...form.bind('label')} autoComplete="off" error={fieldError('label')} />
          <TextField id="child-birthYear" label={labels.birthYear} optional inputMode="numeric" maxLength={4} className="field--code" {...form.bind('birthYear')} autoComplete="off" error={fieldError('birthYear')} />
          <SelectField id="child-gender" label={labels.gender} {...form.bind('gender')} error={fieldError('gender')}>
            <option value="">{t('person.choose')}</option>
            {Gender.options.map((g) => (
              <option key={g} value={g}>
                {t(`genders.${g}`)}
              </option>
            ))}
          </SelectField>
        </AddRecordForm>
      )}
    </Section>
  );
}
