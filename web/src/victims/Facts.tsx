// What the record says without naming anyone, and (for roles allowed) the identifying data.
import { useTranslation } from 'react-i18next';
import { useProfile } from '../data.ts';
import { useFormat } from '../format.ts';
import type { Person } from './victims.ts';
import { Section } from './Section.tsx';

export function Facts({ person }: { person: Person }) {
  const { t } = useTranslation();
  const f = useFormat();
  const profile = useProfile();
  const region = profile.data?.regions.regions.find((r) => r.code === person.residenceRegion);
  return (
    <Section id="summary" title={t('person.summary')}>
      <dl className="facts">
        <dt>{t('person.status')}</dt>
        <dd>{t(`caseStatuses.${person.status}`)}</dd>
        <dt>{t('person.identificationStatus')}</dt>
        <dd>
          {t(`identificationStatuses.${person.identificationStatus}`)}
          {person.identifiedOn && (
            <>
              {' · '}
              <span className="nowrap">{f.date(person.identifiedOn)}</span>
            </>
          )}
        </dd>
        <dt>{t('person.gender')}</dt>
        <dd>{t(`genders.${person.gender}`)}</dd>
        <dt>{t('person.birthYear')}</dt>
        <dd>{person.birthYear ?? t('common.none')}</dd>
        <dt>{t('person.citizenship')}</dt>
        <dd>{f.country(person.citizenship)}</dd>
        <dt>{t('person.residenceRegion')}</dt>
        <dd>{region ? f.label(region.label) : (person.residenceRegion ?? t('common.none'))}</dd>
        <dt>{t('person.channel')}</dt>
        <dd>{t(`channels.${person.channel}`)}</dd>
        <dt>{t('person.contactDate')}</dt>
        <dd>{f.date(person.contactDate)}</dd>
        <dt>{t('person.ownerAgency')}</dt>
        <dd>{f.agency(person.ownerAgencyId)}</dd>
        <dt>{t('prosecution.linkedToProceedings')}</dt>
        <dd data-testid="linked-to-proceedings">{person.linkedToProceedings ? t('common.yes') : t('common.no')}</dd>
        {person.closure && (
          <>
            <dt>{t('person.closure')}</dt>
            <dd>
              {t(`closureReasons.${person.closure.reason}`)} · <span className="nowrap">{f.date(person.closure.closedOn)}</span>
            </dd>
          </>
        )}
      </dl>
    </Section>
  );
}

export function IdentityPanel({ identity }: { identity: NonNullable<Person['identity']> }) {
  const { t } = useTranslation();
  const f = useFormat();
  const list = (xs: readonly string[] | undefined) => (xs?.length ? xs.join(', ') : t('common.none'));
  return (
    <section className="card identity-panel" id="identity" aria-labelledby="identity-title">
      <h2 id="identity-title">{t('person.identityTitle')}</h2>
      <p className="hint">{t('person.identityNote')}</p>
      <dl className="facts">
        <dt>{t('person.givenName')}</dt>
        <dd>{identity.givenName}</dd>
        <dt>{t('person.familyName')}</dt>
        <dd>{identity.familyName ?? t('common.none')}</dd>
        <dt>{t('person.patronymic')}</dt>
        <dd>{identity.patronymic ?? t('common.none')}</dd>
        <dt>{t('person.birthDate')}</dt>
        <dd>{f.toldDate(identity.birthDate)}</dd>
        <dt>{t('person.documents')}</dt>
        <dd>{list(identity.documentNumbers)}</dd>
        <dt>{t('person.phones')}</dt>
        <dd>{list(identity.phones)}</dd>
        <dt>{t('person.address')}</dt>
        <dd>{identity.address ?? t('common.none')}</dd>
      </dl>
    </section>
  );
}
