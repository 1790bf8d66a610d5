// "Possible existing records" while an intake is typed: asks the server (only persons the user
// may see) a moment after typing stops, and lists case codes with their match score.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { isPartialDate } from '../dates.ts';
import { Link } from '../router.tsx';
import { personPage, type Duplicates } from './victims.ts';

const DEBOUNCE_MS = 400;

export function DuplicateHints({ givenName, familyName, birthDate }: { givenName: string; familyName: string; birthDate: string }) {
  const { t } = useTranslation();
  const given = givenName.trim();
  // Names travel in a POST body, never in a URL that proxies and browsers would log.
  const body = { givenName: given, ...(familyName.trim() ? { familyName: familyName.trim() } : {}), ...(isPartialDate(birthDate) ? { birthDate } : {}) };
  const query = given.length >= 2 ? JSON.stringify(body) : null;
  const [found, setFound] = useState<{ query: string; items: Duplicates['items'] } | null>(null);

  useEffect(() => {
    if (!query) return;
    let live = true;
    const timer = window.setTimeout(() => {
      api.post<Duplicates>('/api/persons/duplicates', JSON.parse(query)).then(
        (d) => live && setFound({ query, items: d.items }),
        () => live && setFound({ query, items: [] }),
      );
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [query]);

  const items = query && found?.query === query ? found.items : [];
  return (
    <section className={`duplicates${items.length ? ' duplicates--found' : ''}`} aria-labelledby="duplicates-title">
      <h2 id="duplicates-title" className="duplicates-title">
        {t('intake.duplicatesTitle')}
      </h2>
      {/* Announced politely once the list settles; empty until there is something to say. */}
      <p role="status" aria-live="polite" className="duplicates-status">
        {items.length ? t('intake.duplicatesFound', { count: items.length }) : query && found?.query === query ? t('intake.duplicatesNone') : t('intake.duplicatesHint')}
      </p>
      {items.length > 0 && (
        <ul className="duplicates-list">
          {items.map((d) => (
            <li key={d.id}>
              <Link to={personPage(d.id)}>{d.caseCode}</Link> <span className="muted">{t('intake.score', { score: Math.round(d.score * 100) })}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
