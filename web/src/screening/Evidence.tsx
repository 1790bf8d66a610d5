import { useTranslation } from 'react-i18next';
import { formatScore, type Screened } from './screening.ts';

type Indicators = Screened['indicators'];

/** The text with every evidence span marked and labelled with its indicator. */
export function HighlightedText({ text, indicators }: { text: string; indicators: Indicators }) {
  const { t } = useTranslation();
  const spans = indicators.flatMap((i) => i.evidence.map((e) => ({ ...e, code: i.code }))).sort((a, b) => a.start - b.start || b.end - a.end);
  const parts: (string | { text: string; code: Indicators[number]['code']; key: string })[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.start < at) continue; // overlapping evidence: the earlier, longer span is shown
    if (s.start > at) parts.push(text.slice(at, s.start));
    parts.push({ text: text.slice(s.start, s.end), code: s.code, key: `${s.start}-${s.end}-${s.code}` });
    at = s.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return (
    <p className="notes screening-text" data-testid="screening-text">
      {parts.map((p, n) =>
        typeof p === 'string' ? (
          <span key={n}>{p}</span>
        ) : (
          <mark key={p.key} data-code={p.code} title={t(`screening.codes.${p.code}`)}>
            {p.text}
          </mark>
        ),
      )}
      {parts.length === 0 && text}
    </p>
  );
}

/** Score, flag and the list of indicators with their evidence. */
export function ScreenSummary({ result }: { result: Pick<Screened, 'score' | 'flagged' | 'lang' | 'indicators'> & Partial<Pick<Screened, 'threshold' | 'genre'>> }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="status-line">
        <span className="status" data-testid="screen-flag">
          {result.flagged ? t('screening.flagged') : t('screening.notFlagged')}
        </span>{' '}
        <span data-testid="screen-score">{t('screening.scoreIs', { score: formatScore(result.score), lang: result.lang })}</span>
        {result.threshold !== undefined && <> {t('screening.thresholdIs', { threshold: formatScore(result.threshold) })}</>}
      </p>
      {result.genre?.genre === 'about' && (
        <p data-testid="screen-genre">
          {t('screening.genreAbout')} {result.genre.cues.filter((c) => c.kind !== 'first_person' && c.kind !== 'offer' && c.kind !== 'caller').map((c) => `“${c.text}”`).join(', ')}
        </p>
      )}
      {result.indicators.length === 0 ? (
        <p>{t('screening.noIndicators')}</p>
      ) : (
        <ul className="screening-indicators" data-testid="screen-indicators">
          {result.indicators.map((i) => (
            <li key={i.code} data-code={i.code}>
              <strong>{t(`screening.codes.${i.code}`)}</strong> <code>{i.code}</code>: {i.evidence.map((e) => `“${e.text}”`).join(', ')}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
