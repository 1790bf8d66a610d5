import { useTranslation } from 'react-i18next';
import { LoadState } from '../ui/Alerts.tsx';
import { Section } from '../victims/Section.tsx';
import { useResource } from '../data.ts';
import { useFormat } from '../format.ts';
import type { QList } from './screening.ts';

/** The first-responder questionnaires recorded for a person: when, the signs, the action. */
export function PersonQuestionnaires({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const list = useResource<QList>(`/api/persons/${personId}/questionnaires`);
  if (list.data && list.data.items.length === 0) return null;
  return (
    <Section id="questionnaires" title={t('screening.personQuestionnaires')}>
      <LoadState loading={list.loading} error={list.error} />
      <ul>
        {list.data?.items.map((q) => (
          <li key={q.id} data-testid="person-questionnaire">
            {f.dateTime(q.createdAt)}: <strong>{t(`screening.actions.${q.action}`)}</strong>
            {q.indicators.length > 0 && ` — ${q.indicators.map((c) => t(`screening.codes.${c}`)).join(', ')}`}
            {q.notes && <p className="notes">{q.notes}</p>}
          </li>
        ))}
      </ul>
    </Section>
  );
}
