import { useTranslation } from 'react-i18next';
import type { EditionData } from './report.ts';

const FORMATS = ['html', 'docx', 'pdf'] as const;
const LANGS = ['az', 'en', 'ru'] as const;

/** Published editions with their frozen documents. */
export function Editions({ year, editions }: { year: number; editions: EditionData[] }) {
  const { t } = useTranslation();
  if (editions.length === 0) return <p className="muted">{t('report.notPublished')}</p>;
  return (
    <div className="table-wrap" tabIndex={0}>
      <table className="data-table" data-testid="editions">
        <caption>{t('report.editions')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('report.edition')}</th>
            <th scope="col">{t('report.publishedAt')}</th>
            <th scope="col">{t('report.hash')}</th>
            <th scope="col">{t('report.documents')}</th>
          </tr>
        </thead>
        <tbody>
          {editions.map((e) => (
            <tr key={e.id}>
              <th scope="row">
                {e.edition}
                {e.supersededAt ? ` (${t('report.superseded')})` : ''}
                {e.changelog && <div className="muted">{e.changelog}</div>}
              </th>
              <td>
                {e.publishedAt.slice(0, 16).replace('T', ' ')} · {e.publishedBy ?? '—'}
              </td>
              <td>
                <code title={e.sha256}>{e.sha256.slice(0, 12)}</code>
              </td>
              <td>
                {FORMATS.flatMap((f) =>
                  LANGS.map((l) => (
                    <a key={`${f}-${l}`} className="download" href={`/api/reports/${year}/editions/${e.edition}/${f}?lang=${l}`} download={f === 'html' ? undefined : true}>
                      {f.toUpperCase()} {l}
                    </a>
                  )),
                )}
                <a className="download" href={`/api/reports/${year}/editions/${e.edition}/json`} download>
                  JSON
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
