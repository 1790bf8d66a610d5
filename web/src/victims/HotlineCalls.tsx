// The hotline calls behind a person (for roles that may read contacts), with links to each call,
// whose page shows the other reports naming the same phone or account.
import { useTranslation } from 'react-i18next';
import { useResource } from '../data.ts';
import { withQuery } from '../api.ts';
import type { Contacts } from '../hotline/hotline.ts';
import type { Person } from './victims.ts';
import { ContactTable } from '../hotline/Tables.tsx';
import { Empty, Section } from './Section.tsx';

export function HotlineCalls({ person }: { person: Person }) {
  const { t } = useTranslation();
  const calls = useResource<Contacts>(withQuery('/api/hotline/contacts', { personId: person.id }));
  const items = calls.data?.items ?? [];
  return (
    <Section id="calls" title={t('person.calls')}>
      {items.length ? <ContactTable items={items} caption={t('person.calls')} /> : <Empty>{t('person.noCalls')}</Empty>}
    </Section>
  );
}
