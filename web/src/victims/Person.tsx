import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';
import { LoadState, Notice } from '../ui/Alerts.tsx';
import { Page } from '../ui/Page.tsx';
import { Assistance } from '../assistance/Assistance.tsx';
import { Children } from './Children.tsx';
import { Close } from './Close.tsx';
import { Consents } from './Consents.tsx';
import { Decisions } from './Decisions.tsx';
import { Events } from './Events.tsx';
import { HotlineCalls } from './HotlineCalls.tsx';
import { Facts, IdentityPanel } from './Facts.tsx';
import { Payments } from '../assistance/Payments.tsx';
import { Reflection } from './Reflection.tsx';
import { Referrals } from '../referrals/Referrals.tsx';
import { TimelineList } from './TimelineList.tsx';
import { Assignment } from '../casework/Assignment.tsx';
import { Attachments } from '../casework/Attachments.tsx';
import { Notes } from '../casework/Notes.tsx';
import { SummaryLink } from '../casework/SummaryLink.tsx';
import { PersonQuestionnaires } from '../screening/PersonQuestionnaires.tsx';
import { useResource } from '../data.ts';
import { clearFlash, peekFlash } from '../flash.ts';
import { Link } from '../router.tsx';
import { useCan } from '../session.tsx';
import { isUuid, personApi, type Person, type TimelineData } from './victims.ts';
import { NotFoundPage } from '../ui/NotFound.tsx';

const CONTENTS = ['identity', 'assignment', 'decisions', 'events', 'reflection', 'consents', 'referrals', 'assistance', 'payments', 'notes', 'attachments', 'children', 'close', 'timeline'] as const;

/** One person, named by case code; the identity panel only for roles that may see it. */
export function PersonPage({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation();
  const can = useCan();
  const id = isUuid(params.id) ? params.id : null;
  const person = useResource<Person>(id && personApi(id));
  const timeline = useResource<TimelineData>(id && personApi(id, 'timeline'));
  const [flash] = useState(peekFlash);
  useEffect(clearFlash, []);

  // Persons the user may not see do not exist, as far as the page is concerned.
  const missing = person.error instanceof ApiError && (person.error.status === 404 || person.error.status === 400);
  if (!id || missing) return <NotFoundPage />;

  const p = person.data;
  if (!p) {
    return (
      <Page title="…">
        <LoadState loading={person.loading} error={person.error} />
      </Page>
    );
  }

  const changed = () => {
    person.reload();
    timeline.reload();
  };
  const sectionTitles: Record<(typeof CONTENTS)[number], string> = {
    identity: t('person.identityTitle'),
    decisions: t('person.decisionsTitle'),
    events: t('person.eventsTitle'),
    reflection: t('person.reflectionTitle'),
    consents: t('person.consentsTitle'),
    referrals: t('person.referralsTitle'),
    assistance: t('person.assistanceTitle'),
    payments: t('person.paymentsTitle'),
    children: t('person.childrenTitle'),
    close: t('person.closeTitle'),
    assignment: t('casework.assignmentTitle'),
    notes: t('casework.notesTitle'),
    attachments: t('casework.attachmentsTitle'),
    timeline: t('timeline.title'),
  };

  return (
    <Page title={p.caseCode} actions={<SummaryLink personId={p.id} />}>
      <p className="status-line">
        <span className={`status status--${p.status}`} data-testid="case-status">
          {t(`caseStatuses.${p.status}`)}
        </span>
        <span className="status-sep" aria-hidden="true">
          ·
        </span>
        <span>{t(`identificationStatuses.${p.identificationStatus}`)}</span>
      </p>
      <p>
        <Link to="/persons">← {t('person.back')}</Link>
      </p>
      <Notice message={flash} />
      <LoadState loading={false} error={person.error} />
      <nav className="contents" aria-label={t('person.contents')}>
        <ul>
          {CONTENTS.filter((s) => (s !== 'identity' || p.identity) && (s !== 'close' || p.closure || can('persons.update')) && (s !== 'notes' || can('notes.read')) && (s !== 'attachments' || can('attachments.read'))).map((s) => (
            <li key={s}>
              <a href={`#${s}`}>{sectionTitles[s]}</a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="person-grid">
        <Facts person={p} />
        {p.identity && <IdentityPanel identity={p.identity} />}
      </div>
      <Assignment person={p} />
      <Decisions person={p} onChanged={changed} />
      <Events person={p} onChanged={changed} />
      <Reflection person={p} onChanged={changed} />
      <Consents person={p} onChanged={changed} />
      <Referrals person={p} onChanged={changed} />
      <Assistance person={p} onChanged={changed} />
      <Payments person={p} onChanged={changed} />
      <Notes person={p} />
      <Attachments person={p} />
      <Children person={p} onChanged={changed} />
      <Close person={p} onChanged={changed} />
      {can('hotline.read') && <HotlineCalls person={p} />}
      <PersonQuestionnaires personId={p.id} />
      <TimelineList timeline={timeline} />
    </Page>
  );
}
