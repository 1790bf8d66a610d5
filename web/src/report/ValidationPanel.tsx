import { useTranslation } from 'react-i18next';
import type { Overview } from './report.ts';
import { problemMessage } from './problemMessage.ts';

/** Every problem of the year's report, errors first; publishing is blocked while errors remain. */
export function ValidationPanel({ problems }: { problems: Overview['problems'] }) {
  const { t } = useTranslation();
  const sorted = [...problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  const errors = problems.filter((p) => p.severity === 'error').length;
  return (
    <section className="card" aria-labelledby="validation-title" data-testid="validation-panel">
      <h2 id="validation-title">{t('report.validation')}</h2>
      <p className={errors ? 'alert alert--error' : 'muted'}>{t('report.validationSummary', { errors, warnings: problems.length - errors })}</p>
      {sorted.length > 0 && (
        <ul className="problem-list">
          {sorted.map((p, i) => (
            <li key={i} className={`problem problem--${p.severity}`}>
              <strong>{t(`report.severity.${p.severity}`)}</strong> <code>{p.code}</code> {problemMessage(t, p)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
