import { useTranslation } from 'react-i18next';
import type { Overview } from './report.ts';
import { problemMessage } from './problemMessage.ts';

/** The ids (figures, sections, charts, narrative blocks) a problem's message names: set as code, they read as identifiers in any language. */
const idsOf = (p: Overview['problems'][number]) =>
  [...new Set([p.figure, p.params.figure, p.params.section, p.params.chart, p.params.block, p.params.placeholder].filter((x): x is string => typeof x === 'string' && x.length > 0))].sort((a, b) => b.length - a.length);

function WithIds({ text, ids }: { text: string; ids: string[] }) {
  if (ids.length === 0) return <>{text}</>;
  const escaped = ids.map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const parts = text.split(new RegExp(`(${escaped.join('|')})`));
  return <>{parts.map((part, i) => (ids.includes(part) ? <code key={i}>{part}</code> : part))}</>;
}

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
              <strong>{t(`report.severity.${p.severity}`)}</strong> <code>{p.code}</code> <WithIds text={problemMessage(t, p)} ids={idsOf(p)} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
