// Contacts and tips as tables: each row opens the contact or tip; no caller is named.
import { useTranslation } from 'react-i18next';
import { useFormat } from '../format.ts';
import { contactPage, formatDuration, tipPage, type Contact, type Tip } from './hotline.ts';
import { Link } from '../router.tsx';
import { useTopicLabel } from './Choices.tsx';

export function ContactTable({ items, caption, busy }: { items: readonly Contact[]; caption: string; busy?: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const topic = useTopicLabel();
  return (
    <div className="table-wrap" tabIndex={0}>
      <table className="data-table" aria-busy={busy ?? false}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('hotline.startedAt')}</th>
            <th scope="col">{t('hotline.topic')}</th>
            <th scope="col">{t('hotline.channel')}</th>
            <th scope="col">{t('hotline.callerType')}</th>
            <th scope="col">{t('hotline.outcome')}</th>
            <th scope="col" className="num">
              {t('hotline.durationShort')}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.id}>
              <th scope="row" className="nowrap">
                <Link to={contactPage(c.id)}>{f.dateTime(c.startedAt)}</Link>
              </th>
              <td>{topic(c.topic)}</td>
              <td>{t(`contactChannels.${c.channel}`)}</td>
              <td>{t(`callerTypes.${c.callerType}`)}</td>
              <td>{t(`hotlineOutcomes.${c.outcome}`)}</td>
              <td className="num">{formatDuration(c.durationSeconds)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function TipTable({ items, caption, busy }: { items: readonly Tip[]; caption: string; busy?: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <div className="table-wrap" tabIndex={0}>
      <table className="data-table" aria-busy={busy ?? false}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('tips.filed')}</th>
            <th scope="col">{t('tips.status')}</th>
            <th scope="col">{t('tips.excerpt')}</th>
            <th scope="col" className="num">
              {t('tips.identifierCount')}
            </th>
            <th scope="col">{t('tips.contact')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((x) => (
            <tr key={x.id} className={x.status === 'new' ? 'row--new' : undefined}>
              <th scope="row" className="nowrap">
                <Link to={tipPage(x.id)}>{f.dateTime(x.createdAt)}</Link>
              </th>
              <td>
                <span className="status">{t(`tipStatuses.${x.status}`)}</span>
              </td>
              <td>{x.excerpt}</td>
              <td className="num">{x.identifierCount}</td>
              <td>{x.contactId ? <Link to={contactPage(x.contactId)}>{t('tips.openContact')}</Link> : t('common.none')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
