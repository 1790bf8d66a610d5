import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { AuditEntry } from '../../../src/audit/schema.ts';
import { actionName } from '../../../src/audit/actions.ts';
import { useFormat } from '../format.ts';
import { currentLanguage } from '../i18n/index.ts';

type Entry = z.infer<typeof AuditEntry>;

export function AuditTable({ items, highlight, busy }: { items: Entry[]; highlight: number | null; busy: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const lang = currentLanguage();
  if (items.length === 0) return <p className="muted">{t('common.noResults')}</p>;
  return (
    <div className="table-wrap" tabIndex={0}>
      <table className="data-table data-table--compact" aria-busy={busy}>
        <caption>
          {t('audit.caption')} · {items.length}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.seq')}</th>
            <th scope="col">{t('audit.at')}</th>
            <th scope="col">{t('audit.actor')}</th>
            <th scope="col">{t('audit.action')}</th>
            <th scope="col">{t('audit.targetType')}</th>
            <th scope="col">{t('audit.targetId')}</th>
            <th scope="col">{t('audit.outcome')}</th>
            <th scope="col">{t('audit.status')}</th>
            <th scope="col">{t('audit.details')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((e) => (
            <tr key={e.seq} className={[e.outcome !== 'ok' ? 'row--warn' : '', e.seq === highlight ? 'row--highlight' : ''].join(' ').trim() || undefined}>
              <th scope="row">{e.seq}</th>
              <td className="nowrap">{f.dateTime(e.at)}</td>
              <td>{e.actorUsername ?? t('common.none')}</td>
              <td>{actionName(e.action, lang) ?? <code>{e.action}</code>}</td>
              <td>{e.targetType ? t(`audit.targets.${e.targetType}`, { defaultValue: e.targetType }) : t('common.none')}</td>
              <td className="ident">{e.targetLabel ?? e.targetId ?? t('common.none')}</td>
              <td>{t(`audit.outcomes.${e.outcome}`, { defaultValue: e.outcome })}</td>
              <td>{e.status ?? t('common.none')}</td>
              <td>
                {e.details != null && (
                  <details>
                    <summary>{t('audit.details')}</summary>
                    <pre className="audit-details">{JSON.stringify(e.details, null, 2)}</pre>
                  </details>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
