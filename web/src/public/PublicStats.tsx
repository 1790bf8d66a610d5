// The public statistics page: no sign-in, published editions only, hidden cells shown as a mark.
// Everything on it (tables and bars) comes from the already-suppressed public API.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { colorsOf } from '../../../src/report/colors.ts';
import { wrapWords } from '../../../src/report/wrap.ts';
import type { PublicDictionary, PublicEditions, PublicTable, PublicTables, PublicValue } from '../../../src/publicstats/schema.ts';
import { api, withQuery } from '../api.ts';
import { currentLanguage } from '../i18n/index.ts';
import { Page } from '../ui/Page.tsx';
import { Link } from '../router.tsx';

const NUMBER_LOCALE = { az: 'az-Latn-AZ', en: 'en-GB', ru: 'ru-RU' } as const;

function Value({ v, legend, mark, lang }: { v: PublicValue; legend: string; mark: string; lang: keyof typeof NUMBER_LOCALE }) {
  if ('suppressed' in v) {
    return (
      <abbr className="suppressed-mark" title={legend} data-testid="suppressed">
        {mark}
      </abbr>
    );
  }
  return <>{new Intl.NumberFormat(NUMBER_LOCALE[lang]).format(v.value)}</>;
}

/** The width a box has, again whenever the window changes: the bars are laid out for it, not scaled. */
function useWidth(fallback: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const measure = () => setWidth(ref.current?.clientWidth || fallback);
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [fallback]);
  return { ref, width };
}

/** Pixels per character of a 13 px label, on the safe side for Cyrillic and Azerbaijani letters. */
const LABEL_CHAR_PX = 8;

/**
 * Horizontal bars for the shown parts, each in its category's colour; a hidden part keeps its row
 * with the mark and no bar. Laid out in real pixels for the width there is (text stays 13 px on a
 * phone), with whole labels broken between words.
 */
function Bars({ table, mark, title }: { table: PublicTable; mark: string; title: string }) {
  const { ref, width } = useWidth(640);
  const shown = table.cells.map((c) => ('value' in c ? c.value : null));
  const max = Math.max(1, ...shown.map((v) => v ?? 0));
  const total = Math.min(width, 720);
  const line = 16;
  const gap = 8;
  const labelWidth = Math.round(Math.min(240, total * 0.45));
  const barWidth = Math.max(40, total - labelWidth - 56);
  const lines = table.cells.map((c) => wrapWords(c.label, ((labelWidth - 10) * 7) / LABEL_CHAR_PX).split('\n'));
  const tops = lines.reduce<number[]>((acc, l, i) => [...acc, (acc[i] ?? 2) + l.length * line + gap], [2]);
  const height = (tops[tops.length - 1] ?? 2) + 2;
  const colour = colorsOf(table.cells.map((c) => c.key));
  return (
    <div ref={ref} className="public-bars">
      <svg role="img" aria-label={title} viewBox={`0 0 ${total} ${height}`} width={total} height={height}>
        {table.cells.map((c, i) => {
          const y = tops[i] ?? 0;
          const own = lines[i] ?? [c.label];
          const mid = y + (own.length * line) / 2;
          const v = 'value' in c ? c.value : null;
          const w = v === null ? 0 : Math.max(1, (v / max) * barWidth);
          return (
            <g key={c.key}>
              <text x={labelWidth - 8} y={y + 12} textAnchor="end" fontSize="13" fill="currentColor">
                {own.map((l, k) => (
                  <tspan key={k} x={labelWidth - 8} dy={k === 0 ? 0 : line}>
                    {l}
                  </tspan>
                ))}
              </text>
              {v !== null && <rect x={labelWidth} y={mid - 7} width={w} height={14} fill={colour.get(c.key)} />}
              <text x={labelWidth + w + 6} y={mid + 5} fontSize="13" fill="currentColor">
                {v === null ? mark : String(v)}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}

export function PublicStatsPage() {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage();
  const [editions, setEditions] = useState<PublicEditions | null>(null);
  const [chosen, setChosen] = useState<string>('');
  const [data, setData] = useState<PublicTables | null>(null);
  const [dict, setDict] = useState<PublicDictionary | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    api.quiet.get<PublicEditions>('/api/public/editions').then((e) => {
      setEditions(e);
      const current = e.editions.find((x) => x.current);
      if (current) setChosen(`${current.year}/${current.edition}`);
    }, () => setFailed(true));
  }, []);

  const [year, edition] = chosen.split('/');
  useEffect(() => {
    if (!year || !edition) return;
    api.get<PublicTables>(`/api/public/editions/${year}/tables`, { lang, edition }).then(setData, () => setFailed(true));
    api.get<PublicDictionary>('/api/public/dictionary', { lang }).then(setDict, () => undefined);
  }, [year, edition, lang, i18n.language]);

  const download = (table: string, format: 'csv' | 'json') => withQuery(`/api/public/editions/${year}/tables/${table}/${format}`, { lang, edition });

  return (
    <Page title={t('public.title')} actions={<Link to="/">{t('public.signIn')}</Link>}>
      <p>{t('public.intro')}</p>
      {failed && <p role="alert">{t('public.failed')}</p>}
      {editions && editions.editions.length === 0 && <p>{t('public.noEditions')}</p>}
      {editions && editions.editions.length > 0 && (
        <div className="field">
          <label htmlFor="public-edition">{t('public.edition')}</label>
          <select id="public-edition" value={chosen} onChange={(e) => setChosen(e.target.value)}>
            {editions.editions.map((e) => (
              <option key={`${e.year}/${e.edition}`} value={`${e.year}/${e.edition}`}>
                {t(e.current ? 'public.editionCurrent' : 'public.editionOption', { year: e.year, edition: e.edition, date: e.publishedAt })}
              </option>
            ))}
          </select>
        </div>
      )}
      {data && (
        <>
          <p className="hint" data-testid="public-legend">
            {data.legend}
          </p>
          {data.tables.map((table) => {
            const counted = dict?.tables.find((d) => d.id === table.id)?.countedAs;
            return (
              <section key={table.id} className="public-table" aria-labelledby={`pt-${table.id}`}>
                <h2 id={`pt-${table.id}`}>{table.title}</h2>
                {counted && <p className="muted">{t('public.countedAs', { what: counted })}</p>}
                <div className="table-wrap" tabIndex={0}>
                  <table className="data-table data-table--compact" data-testid={`public-${table.id}`}>
                    <thead>
                      <tr>
                        <th scope="col">{t('public.part')}</th>
                        <th scope="col">{t('public.count')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {table.cells.map((c) => (
                        <tr key={c.key}>
                          <th scope="row">{c.label}</th>
                          <td>
                            <Value v={c} legend={data.legend} mark={data.mark} lang={lang} />
                          </td>
                        </tr>
                      ))}
                      <tr>
                        <th scope="row">{t('public.total')}</th>
                        <td>
                          <Value v={table.total} legend={data.legend} mark={data.mark} lang={lang} />
                        </td>
                      </tr>
                    </tbody>
                  </table>
                </div>
                {table.chart && table.cells.length > 1 && table.cells.some((c) => 'value' in c) && <Bars table={table} mark={data.mark} title={table.title} />}
                <p>
                  {t('public.download')}: <a href={download(table.id, 'csv')}>CSV</a> · <a href={download(table.id, 'json')}>JSON</a>
                </p>
              </section>
            );
          })}
          <p className="hint">{t('public.partsNote')}</p>
        </>
      )}
      {dict && <p className="hint">{dict.rule}</p>}
    </Page>
  );
}
