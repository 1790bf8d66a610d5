// Links a saved call to a person record the user may already see, found by its case code.
// The server answers "not found" alike for a code that does not exist and one the user may not see.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { assertValid, blankFields, useSubmit } from '../form.ts';
import { contactApi } from './hotline.ts';
import { FormAlert } from '../ui/Alerts.tsx';
import { TextField } from '../ui/Field.tsx';

export function LinkToPerson({ contactId, onLinked }: { contactId: string; onLinked: () => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const { busy, error, onSubmit, fieldError } = useSubmit();
  const labels = { caseCode: t('hotline.linkCaseCode') };

  const submit = onSubmit(async () => {
    const caseCode = code.trim();
    assertValid(blankFields({ caseCode }, t('fieldErrors.required')));
    const found = await api.get<{ items: { id: string; caseCode: string }[] }>(`/api/persons?caseCode=${encodeURIComponent(caseCode)}&limit=5`);
    const person = found.items.find((p) => p.caseCode.toLowerCase() === caseCode.toLowerCase());
    assertValid(person ? [] : [{ path: 'caseCode', message: t('hotline.linkNoPerson') }]);
    await api.post(contactApi(contactId, 'link'), { personId: person!.id });
    onLinked();
  });

  return (
    <section className="card" aria-labelledby="link-title">
      <h2 id="link-title">{t('hotline.linkTitle')}</h2>
      <p className="hint">{t('hotline.linkHint')}</p>
      <FormAlert error={error} labels={labels} idPrefix="link-" />
      <form className="form" onSubmit={submit} noValidate aria-labelledby="link-title">
        <TextField id="link-caseCode" label={labels.caseCode} className="field--code" value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" error={fieldError('caseCode')} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('common.saving') : t('hotline.linkAction')}
          </button>
        </div>
      </form>
    </section>
  );
}
