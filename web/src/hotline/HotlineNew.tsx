import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../ui/Alerts.tsx';
import { ContactForm, type SavedCall } from './ContactForm.tsx';
import { PersonFromContact } from './PersonFromContact.tsx';
import { TipFromContact } from './TipFromContact.tsx';
import { Warnings } from './Warnings.tsx';
import { Page } from '../ui/Page.tsx';
import { contactPage } from './hotline.ts';
import { Link } from '../router.tsx';
import { useCan } from '../session.tsx';

/**
 * The fast entry screen: one form for a call, then — without leaving the page — a potential-victim
 * record and a tip from it, and "New call" for the next one.
 */
export function HotlineNewPage() {
  const { t } = useTranslation();
  const [round, setRound] = useState(0);
  const [saved, setSaved] = useState<SavedCall | null>(null);

  const next = () => {
    setSaved(null);
    setRound((r) => r + 1);
  };

  return (
    <Page title={t('hotline.newTitle')} actions={<Link to="/hotline">{t('hotline.listLink')}</Link>}>
      {saved ? <AfterSave key={saved.id} saved={saved} onNext={next} /> : <ContactForm key={round} onSaved={setSaved} />}
    </Page>
  );
}

function AfterSave({ saved, onNext }: { saved: SavedCall; onNext: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const heading = useRef<HTMLHeadingElement>(null);
  // The form is gone: the confirmation is where keyboard work continues.
  useEffect(() => heading.current?.focus(), []);
  return (
    <>
      <section className="card" aria-labelledby="saved-title">
        <h2 id="saved-title" ref={heading} tabIndex={-1}>
          {t('hotline.savedTitle')}
        </h2>
        <Notice message={t('hotline.saved')} />
        <Warnings warnings={saved.warnings} phones={saved.phones} handles={saved.handles} />
        <div className="row-actions">
          <Link to={contactPage(saved.id)} className="button button--secondary">
            {t('hotline.openContact')}
          </Link>
          <button type="button" className="button" onClick={onNext}>
            {t('hotline.newCall')}
          </button>
        </div>
      </section>
      {can('persons.create') && <PersonFromContact contactId={saved.id} referred={saved.referred} />}
      {can('tips.file') && <TipFromContact contactId={saved.id} notes={saved.notes} phones={saved.phones} handles={saved.handles} />}
    </>
  );
}
