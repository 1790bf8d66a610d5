// Previous/next buttons under a paged list; shown only when there is more than one page.
import { useTranslation } from 'react-i18next';

export function ListPager({ offset, pageSize, total, onPage }: { offset: number; pageSize: number; total: number; onPage: (offset: number) => void }) {
  const { t } = useTranslation();
  if (total <= pageSize) return null;
  return (
    <nav className="pager" aria-label={t('common.pagination')}>
      <button type="button" className="button button--secondary" disabled={offset === 0} onClick={() => onPage(Math.max(0, offset - pageSize))}>
        {t('common.previous')}
      </button>
      <button type="button" className="button button--secondary" disabled={offset + pageSize >= total} onClick={() => onPage(offset + pageSize)}>
        {t('common.next')}
      </button>
    </nav>
  );
}
