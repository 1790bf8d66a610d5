// The phone numbers and accounts a report names, and the other reports that name them too.
import { useTranslation } from 'react-i18next';
import { contactPage, tipPage, type ContactFull } from './hotline.ts';
import { Link } from '../router.tsx';
import { useFormat } from '../format.ts';
import type { ContactChannel } from '../../../src/hotline/schema.ts';
import type { z } from 'zod';

export function IdentifierList({ items }: { items: ContactFull['identifiers'] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <p className="muted">{t('hotline.noIdentifiers')}</p>;
  return (
    <ul className="plain-list" data-testid="identifiers">
      {items.map((i) => (
        <li key={`${i.kind}:${i.value}`}>
          <span className="muted">{t(`hotline.identifierKinds.${i.kind}`)}:</span> <span className="identifier">{i.value}</span>
          {i.valid && i.normalized !== i.value && <span className="muted"> ({i.normalized})</span>}
          {!i.valid && <span className="tag tag--invalid">{t('hotline.keptAsWritten')}</span>}
        </li>
      ))}
    </ul>
  );
}

export function RelatedReports({ related }: { related: ContactFull['related'] }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (related.contacts.length === 0 && related.tips.length === 0) return <p className="muted">{t('hotline.noRelated')}</p>;
  return (
    <ul className="plain-list" data-testid="related">
      {related.contacts.map((c) => (
        <li key={c.id}>
          <Link to={contactPage(c.id)}>{t('hotline.relatedContact', { when: f.dateTime(c.startedAt), channel: t(`contactChannels.${c.channel as z.infer<typeof ContactChannel>}`) })}</Link>
        </li>
      ))}
      {related.tips.map((x) => (
        <li key={x.id}>
          <Link to={tipPage(x.id)}>{t('hotline.relatedTip', { when: f.dateTime(x.createdAt), status: t(`tipStatuses.${x.status}`) })}</Link>
        </li>
      ))}
    </ul>
  );
}
