// "Who else reported this number?": a phone in any format or an account, sent in a POST body
// (never in the address), answered with every contact and tip that names it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { requireFilled, useSubmit } from '../form.ts';
import type { Found } from './hotline.ts';
import { FormAlert } from '../ui/Alerts.tsx';
import { TextField } from '../ui/Field.tsx';
import { ContactTable, TipTable } from './Tables.tsx';

export function IdentifierSearch() {
  const { t } = useTranslation();
  const [identifier, setIdentifier] = useState('');
  const [found, setFound] = useState<Found | null>(null);
  const { busy, error, onSubmit, fieldError } = useSubmit();

  const submit = onSubmit(async () => {
    requireFilled({ identifier }, t('fieldErrors.required'));
    setFound(await api.post<Found>('/api/hotline/search', { identifier: identifier.trim() }));
  });

  return (
    <section className="search-results" aria-labelledby="search-title">
      <h2 id="search-title">{t('hotline.searchTitle')}</h2>
      <FormAlert error={error} labels={{ identifier: t('hotline.searchLabel') }} idPrefix="search-" />
      <form className="filters card" role="search" aria-label={t('hotline.searchTitle')} onSubmit={submit} noValidate>
        <TextField id="search-identifier" type="search" label={t('hotline.searchLabel')} hint={t('hotline.searchHint')} value={identifier} onChange={(e) => setIdentifier(e.target.value)} autoComplete="off" spellCheck={false} error={fieldError('identifier')} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {t('common.search')}
          </button>
        </div>
      </form>
      <div role="status" aria-live="polite">
        {found && <p>{t('hotline.searchFound', { normalized: found.normalized, contacts: found.contacts.length, tips: found.tips.length })}</p>}
      </div>
      {found && found.contacts.length > 0 && <ContactTable items={found.contacts} caption={t('hotline.searchContacts')} />}
      {found && found.tips.length > 0 && <TipTable items={found.tips} caption={t('hotline.searchTips')} />}
    </section>
  );
}
