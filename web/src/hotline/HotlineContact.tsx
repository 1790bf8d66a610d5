import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';
import { LoadState } from '../ui/Alerts.tsx';
import { useRegionLabel, useTopicLabel } from './Choices.tsx';
import { IdentifierList, RelatedReports } from './Identifiers.tsx';
import { LinkToPerson } from './LinkToPerson.tsx';
import { PersonFromContact } from './PersonFromContact.tsx';
import { TipFromContact } from './TipFromContact.tsx';
import { Section } from '../victims/Section.tsx';
import { Page } from '../ui/Page.tsx';
import { useResource } from '../data.ts';
import { useFormat } from '../format.ts';
import { contactApi, formatDuration, type ContactFull } from './hotline.ts';
import { Link } from '../router.tsx';
import { useCan } from '../session.tsx';
import { isUuid, personApi, personPage, type Person } from '../victims/victims.ts';
import { NotFoundPage } from '../ui/NotFound.tsx';

/** One call or message: what was recorded, the numbers and accounts it names, who else named them. */
export function HotlineContactPage({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const topic = useTopicLabel();
  const region = useRegionLabel();
  const id = isUuid(params.id) ? params.id : null;
  const contact = useResource<ContactFull>(id && contactApi(id));
  const c = contact.data;
  // The form stays to show the new case code after the contact reloads as linked.
  const [openedHere, setOpenedHere] = useState(false);
  // The linked record's case code, when the user may see it.
  const person = useResource<Person>(c?.personId && can('persons.list') ? personApi(c.personId) : null);

  const missing = contact.error instanceof ApiError && (contact.error.status === 404 || contact.error.status === 400);
  if (!id || missing) return <NotFoundPage />;
  if (!c) {
    return (
      <Page title="…">
        <LoadState loading={contact.loading} error={contact.error} />
      </Page>
    );
  }

  return (
    <Page title={t('hotline.contactTitle', { when: f.dateTime(c.startedAt) })}>
      <p>
        <Link to="/hotline">← {t('hotline.listLink')}</Link>
      </p>
      <div className="person-grid">
        <Section id="contact-facts" title={t('hotline.summary')}>
          <dl className="facts">
            <dt>{t('hotline.topic')}</dt>
            <dd>{topic(c.topic)}</dd>
            <dt>{t('hotline.outcome')}</dt>
            <dd>
              {t(`hotlineOutcomes.${c.outcome}`)}
              {c.followUpDue && ` · ${t('hotline.dueOn', { date: f.date(c.followUpDue) })}${c.followUpDone ? ` · ${t('hotline.followUpDone')}` : ''}`}
            </dd>
            <dt>{t('hotline.callerType')}</dt>
            <dd>{t(`callerTypes.${c.callerType}`)}</dd>
            <dt>{t('hotline.channel')}</dt>
            <dd>{t(`contactChannels.${c.channel}`)}</dd>
            <dt>{t('hotline.language')}</dt>
            <dd>{t(`contactLanguages.${c.language as 'az'}`, { defaultValue: c.language })}</dd>
            <dt>{t('hotline.region')}</dt>
            <dd>{region(c.region)}</dd>
            <dt>{t('hotline.durationShort')}</dt>
            <dd>{formatDuration(c.durationSeconds)}</dd>
            <dt>{t('hotline.agency')}</dt>
            <dd>{f.agency(c.agencyId)}</dd>
            <dt>{t('hotline.linkedPerson')}</dt>
            <dd>{c.personId ? <Link to={personPage(c.personId)}>{person.data?.caseCode ?? t('hotline.openPerson')}</Link> : t('common.none')}</dd>
          </dl>
        </Section>
        <Section id="contact-notes" title={t('hotline.notes')}>
          {c.notes ? <p className="notes">{c.notes}</p> : <p className="muted">{t('common.none')}</p>}
        </Section>
      </div>
      <Section id="contact-identifiers" title={t('hotline.identifiersTitle')}>
        <IdentifierList items={c.identifiers} />
      </Section>
      <Section id="contact-related" title={t('hotline.relatedTitle')}>
        <RelatedReports related={c.related} />
      </Section>
      {!c.personId && can('persons.list') && can('hotline.log') && <LinkToPerson contactId={c.id} onLinked={contact.reload} />}
      {(!c.personId || openedHere) && can('persons.create') && (
        <PersonFromContact
          contactId={c.id}
          referred={c.outcome === 'referred'}
          onCreated={() => {
            setOpenedHere(true);
            contact.reload();
          }}
        />
      )}
      {can('tips.file') && (
        <TipFromContact
          contactId={c.id}
          notes={c.notes ?? ''}
          phones={c.identifiers.filter((i) => i.kind === 'phone').map((i) => i.value)}
          handles={c.identifiers.filter((i) => i.kind === 'handle').map((i) => i.value)}
        />
      )}
    </Page>
  );
}
