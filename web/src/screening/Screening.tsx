import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '../../../src/screening/indicators.ts';
import { CHANNELS, type Channel } from '../../../src/screening/schema.ts';
import { api, ApiError } from '../api.ts';
import { FormAlert, LoadState, Notice } from '../ui/Alerts.tsx';
import { SelectField, TextAreaField, TextField } from '../ui/Field.tsx';
import { HighlightedText, ScreenSummary } from './Evidence.tsx';
import { Section } from '../victims/Section.tsx';
import { Page } from '../ui/Page.tsx';
import { useResource } from '../data.ts';
import { useSubmit } from '../form.ts';
import { Link } from '../router.tsx';
import { formatScore, itemApi, itemPage, type Batch, type Item, type Items, type Screened } from './screening.ts';
import { useCan } from '../session.tsx';
import { isUuid } from '../victims/victims.ts';
import { NotFoundPage } from '../ui/NotFound.tsx';

/** Paste a text (or upload a JSON Lines batch), see the evidence, keep what needs review. */
export function ScreeningPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [text, setText] = useState('');
  const [channel, setChannel] = useState<Channel | ''>('');
  const [result, setResult] = useState<{ text: string; screened: Screened } | null>(null);
  const [kept, setKept] = useState<Item | null>(null);
  const [batch, setBatch] = useState<Batch | null>(null);
  const screen = useSubmit();
  const keep = useSubmit();
  const upload = useSubmit();
  const body = () => ({ text, ...(channel ? { channel } : {}) });

  const onScreen = screen.onSubmit(async () => {
    setKept(null);
    const screened = await api.post<Screened>('/api/screening/screen', body());
    setResult({ text, screened });
  });
  const onKeep = () =>
    void keep.run(async () => {
      setKept(await api.post<Item>('/api/screening/items', body()));
    });
  const onFile = (file: File | undefined) =>
    file &&
    void upload.run(async () => {
      setBatch(await api.post<Batch>('/api/screening/batch', { jsonl: await file.text() }));
    });

  return (
    <Page title={t('screening.title')}>
      <p>{t('screening.intro')}</p>
      <FormAlert error={screen.error} labels={{ text: t('screening.text') }} idPrefix="screen-" />
      <form className="form" onSubmit={onScreen} noValidate>
        <TextAreaField id="screen-text" label={t('screening.text')} rows={6} value={text} onChange={(e) => setText(e.target.value)} error={screen.fieldError('text')} />
        <SelectField id="screen-channel" label={t('screening.channel')} optional value={channel} onChange={(e) => setChannel(e.target.value as Channel | '')}>
          <option value="">—</option>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(`screening.channels.${c}`)}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button" id="screen-submit" disabled={screen.busy}>
          {t('screening.screen')}
        </button>
      </form>
      {result && !kept && (
        <Section id="screen-result" title={t('screening.result')}>
          <ScreenSummary result={result.screened} />
          <HighlightedText text={result.text} indicators={result.screened.indicators} />
          <FormAlert error={keep.error} />
          {can('screening.keep') && (
            <button type="button" className="button" id="screen-keep" onClick={onKeep} disabled={keep.busy}>
              {t('screening.keep')}
            </button>
          )}
          <p className="hint">{t('screening.keepHint')}</p>
        </Section>
      )}
      {kept && <ItemReview item={kept} onChanged={setKept} />}
      <Section id="screen-batch" title={t('screening.batchTitle')}>
        <p className="hint">{t('screening.batchHint')}</p>
        <FormAlert error={upload.error} />
        <input id="screen-file" type="file" accept=".jsonl,.txt,application/x-ndjson" aria-label={t('screening.batchFile')} onChange={(e) => onFile(e.target.files?.[0])} />
        {batch && (
          <div className="table-wrap" tabIndex={0}>
            <table className="data-table data-table--compact" data-testid="batch-results">
              <thead>
                <tr>
                  <th>{t('screening.id')}</th>
                  <th>{t('screening.score')}</th>
                  <th>{t('screening.flag')}</th>
                  <th>{t('screening.indicators')}</th>
                </tr>
              </thead>
              <tbody>
                {batch.results.map((r, i) =>
                  'error' in r ? (
                    <tr key={i} className="row--error">
                      <td>{t('screening.line', { line: r.line })}</td>
                      <td colSpan={3}>{r.error}</td>
                    </tr>
                  ) : (
                    <tr key={i}>
                      <td>{r.id}</td>
                      <td>{formatScore(r.score)}</td>
                      <td>{r.flagged ? t('screening.flagged') : t('screening.notFlagged')}</td>
                      <td>{r.indicators.map((x) => t(`screening.codes.${x.code}`)).join(', ')}</td>
                    </tr>
                  ),
                )}
              </tbody>
            </table>
          </div>
        )}
      </Section>
    </Page>
  );
}

/** A kept item: the highlighted evidence, a verdict per flag, links to a tip or a crime record. */
function ItemReview({ item, onChanged }: { item: Item; onChanged: (next: Item) => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const act = useSubmit();
  const [tipId, setTipId] = useState(item.hotlineTipId ?? '');
  const [saved, setSaved] = useState<string | null>(null);
  const verdictOf = (code: string) => item.decisions.find((d) => d.code === code)?.verdict;
  const decide = (code: string, verdict: 'true_alarm' | 'false_alarm') =>
    void act.run(async () => {
      await api.put(`${itemApi(item.id)}/decisions`, { code, verdict });
      onChanged(await api.get<Item>(itemApi(item.id)));
      setSaved(t('screening.verdictSaved'));
    });
  const link = act.onSubmit(async () => {
    await api.post(`${itemApi(item.id)}/link`, { hotlineTipId: tipId || null });
    onChanged(await api.get<Item>(itemApi(item.id)));
    setSaved(t('screening.linked'));
  });
  const reviewer = can('screening.review');
  const buttons = (code: string, label: string) => (
    <span className="verdict-buttons" data-testid={`verdict-${code}`}>
      {verdictOf(code) && <span className="status">{t(`screening.verdicts.${verdictOf(code)!}`)}</span>}
      {reviewer && (
        <>
          {' '}
          <button type="button" className="button button--secondary" aria-label={`${label}: ${t('screening.verdicts.true_alarm')}`} onClick={() => decide(code, 'true_alarm')}>
            {t('screening.verdicts.true_alarm')}
          </button>{' '}
          <button type="button" className="button button--secondary" aria-label={`${label}: ${t('screening.verdicts.false_alarm')}`} onClick={() => decide(code, 'false_alarm')}>
            {t('screening.verdicts.false_alarm')}
          </button>
        </>
      )}
    </span>
  );
  return (
    <Section id="screen-item" title={t('screening.keptTitle')}>
      <Notice message={saved} />
      <FormAlert error={act.error} labels={{ hotlineTipId: t('screening.tipId') }} idPrefix="link-" />
      <p>
        <Link to={itemPage(item.id)} data-testid="kept-link">
          {t('screening.openKept')}
        </Link>
      </p>
      <ScreenSummary result={item} />
      <HighlightedText text={item.text} indicators={item.indicators} />
      <p>
        <strong>{t('screening.wholeFlag')}</strong> {buttons('item', t('screening.wholeFlag'))}
      </p>
      <ul className="screening-verdicts">
        {item.indicators.map((i) => (
          <li key={i.code}>
            {t(`screening.codes.${i.code}`)} {buttons(i.code, t(`screening.codes.${i.code}`))}
          </li>
        ))}
      </ul>
      {reviewer && (
        <form className="form" onSubmit={link} noValidate>
          <TextField id="link-hotlineTipId" label={t('screening.tipId')} optional value={tipId} onChange={(e) => setTipId(e.target.value.trim())} error={act.fieldError('hotlineTipId')} />
          <button type="submit" className="button button--secondary">
            {t('screening.link')}
          </button>
        </form>
      )}
    </Section>
  );
}

export function ScreeningItemPage({ params }: { params: Record<string, string> }) {
  const id = isUuid(params.id) ? params.id : null;
  const res = useResource<Item>(id && itemApi(id));
  const { t } = useTranslation();
  const [override, setOverride] = useState<Item | null>(null);
  if (!id || (res.error instanceof ApiError && (res.error.status === 404 || res.error.status === 400))) return <NotFoundPage />;
  const item = override ?? res.data;
  return (
    <Page title={t('screening.itemTitle')}>
      <p>
        <Link to="/screening/queue">← {t('screening.queueTitle')}</Link>
      </p>
      {item ? <ItemReview item={item} onChanged={setOverride} /> : <LoadState loading={res.loading} error={res.error} />}
    </Page>
  );
}

/** Kept items, newest first; reviewers work through the unreviewed flags. */
export function ScreeningQueuePage() {
  const { t } = useTranslation();
  const can = useCan();
  const [reviewed, setReviewed] = useState<'' | 'true' | 'false'>('false');
  const list = useResource<Items>(`/api/screening/items${reviewed ? `?reviewed=${reviewed}` : ''}`);
  return (
    <Page
      title={t('screening.queueTitle')}
      actions={
        can('screening.export') && (
          <a className="button button--secondary" href="/api/screening/export" download>
            {t('screening.export')}
          </a>
        )
      }
    >
      <SelectField id="queue-reviewed" label={t('screening.show')} value={reviewed} onChange={(e) => setReviewed(e.target.value as '' | 'true' | 'false')}>
        <option value="false">{t('screening.unreviewed')}</option>
        <option value="true">{t('screening.reviewed')}</option>
        <option value="">{t('screening.all')}</option>
      </SelectField>
      <LoadState loading={list.loading} error={list.error} />
      {list.data && (
        <div className="table-wrap" tabIndex={0}>
          <table className="data-table" data-testid="screening-queue">
            <thead>
              <tr>
                <th>{t('screening.when')}</th>
                <th>{t('screening.score')}</th>
                <th>{t('screening.flag')}</th>
                <th>{t('screening.indicators')}</th>
                <th>{t('screening.verdict')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((i) => (
                <tr key={i.id}>
                  <td>
                    <Link to={itemPage(i.id)}>{new Date(i.createdAt).toLocaleString()}</Link>
                  </td>
                  <td>{formatScore(i.score)}</td>
                  <td>{i.flagged ? t('screening.flagged') : t('screening.notFlagged')}</td>
                  <td>{i.codes.map((c) => t(`screening.codes.${c as Indicator}`)).join(', ')}</td>
                  <td>{i.verdict ? t(`screening.verdicts.${i.verdict}`) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
