import { useTranslation } from 'react-i18next';

/** Downloads the printable case summary in the interface's language (what this user may see, nothing more). */
export function SummaryLink({ personId }: { personId: string }) {
  const { t, i18n } = useTranslation();
  const lang = ['az', 'en', 'ru'].includes(i18n.resolvedLanguage ?? '') ? i18n.resolvedLanguage : 'az';
  return (
    <a className="button button--secondary" href={`/api/persons/${encodeURIComponent(personId)}/summary.pdf?lang=${lang}`} download data-testid="case-summary-pdf">
      {t('caseSummary.download')}
    </a>
  );
}
