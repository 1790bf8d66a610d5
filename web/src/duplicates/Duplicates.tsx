// The coordinator's duplicates across agencies: candidate pairs with the score explained part by
// part (no names), a decision on each pair (link, or merge after a confirmation), and the merges
// and links made, each of which can be taken back.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { useResource } from '../data.ts';
import { useSubmit } from '../form.ts';
import { useFormat } from '../format.ts';
import { Link } from '../router.tsx';
import { useCan } from '../session.tsx';
import { FormAlert, LoadState, Notice } from '../ui/Alerts.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { RadioGroup, SelectField, TextAreaField } from '../ui/Field.tsx';
import { ListPager } from '../ui/ListPager.tsx';
import { Page } from '../ui/Page.tsx';
import { personPage } from '../victims/victims.ts';
import { MergesAndLinks } from './MergesAndLinks.tsx';
import { MIN_SCORES, percent, type CandidateListData, type CandidatePairData, type LinkKindData, type LinkListData, type MergeData, type MergeListData } from './duplicates.ts';

/** Pairs per page: each row lists its score's parts, so a page of 20 is already long. */
const PAGE_SIZE = 20;

export function DuplicatesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const f = useFormat();
  const [minScore, setMinScore] = useState<string>('0.75');
  const [offset, setOffset] = useState(0);
  const candidates = useResource<CandidateListData>(`/api/duplicates?minScore=${minScore}&limit=${PAGE_SIZE}&offset=${offset}`);
  const merges = useResource<MergeListData>('/api/duplicates/merges');
  const links = useResource<LinkListData>('/api/duplicates/links');
  const act = useSubmit();
  const [notice, setNotice] = useState<string | null>(null);
  const [merging, setMerging] = useState<CandidatePairData | null>(null);
  const [survivor, setSurvivor] = useState<'a' | 'b'>('a');
  const [reason, setReason] = useState('');
  const mayDecide = can('duplicates.merge');
  const reloadAll = () => {
    candidates.reload();
    merges.reload();
    links.reload();
  };

  const link = (pair: CandidatePairData, kind: LinkKindData) =>
    void act.run(async () => {
      setNotice(null);
      await api.post('/api/duplicates/links', { personA: pair.a.id, personB: pair.b.id, kind });
      setNotice(t('duplicates.linked'));
      reloadAll();
    });
  const merge = () =>
    void act.run(async () => {
      if (!merging) return;
      setNotice(null);
      const [keep, go] = survivor === 'a' ? [merging.a, merging.b] : [merging.b, merging.a];
      const why = reason.trim();
      await api.post<MergeData>('/api/duplicates/merges', { survivorId: keep.id, mergedId: go.id, ...(why ? { reason: why } : {}) });
      setMerging(null);
      setReason('');
      setNotice(t('duplicates.merged', { merged: go.caseCode, survivor: keep.caseCode }));
      reloadAll();
    });
  const partLine = (p: CandidatePairData['parts'][number]) =>
    t('duplicates.partLine', { part: t(`duplicates.parts.${p.part}`), verdict: t(`duplicates.verdicts.${p.verdict}`), points: p.points.toFixed(2), weight: p.weight.toFixed(2) });
  const items = candidates.data?.items ?? [];

  return (
    <Page title={t('duplicates.title')}>
      <p className="muted">{t('duplicates.intro')}</p>
      <Notice message={notice} />
      <FormAlert error={act.error} />
      <section className="card" aria-labelledby="candidates-title">
        <h2 id="candidates-title">{t('duplicates.candidates')}</h2>
        <SelectField id="duplicates-min-score" label={t('duplicates.minScore')} value={minScore} onChange={(e) => {
            setMinScore(e.target.value);
            setOffset(0);
          }}>
          {MIN_SCORES.map((s) => (
            <option key={s} value={s}>
              {percent(Number(s))}
            </option>
          ))}
        </SelectField>
        <LoadState loading={candidates.loading && !candidates.data} error={candidates.error} />
        {candidates.data && items.length === 0 && <p className="muted">{t('duplicates.none')}</p>}
        {items.length > 0 && (
          <div className="table-wrap" tabIndex={0}>
            <table className="data-table" aria-busy={candidates.loading}>
              <caption>{t('duplicates.caption', { count: candidates.data?.total ?? 0 })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('duplicates.recordA')}</th>
                  <th scope="col">{t('duplicates.recordB')}</th>
                  <th scope="col">{t('duplicates.score')}</th>
                  <th scope="col">{t('duplicates.why')}</th>
                  {mayDecide && <th scope="col">{t('duplicates.actions')}</th>}
                </tr>
              </thead>
              <tbody>
                {items.map((p) => (
                  <tr key={`${p.a.id}|${p.b.id}`} data-testid={`pair-${p.a.caseCode}-${p.b.caseCode}`}>
                    {[p.a, p.b].map((side) => (
                      <td key={side.id}>
                        <Link to={personPage(side.id)}>
                          <code>{side.caseCode}</code>
                        </Link>
                        <br />
                        <span className="muted">
                          {f.agency(side.ownerAgencyId)} · {f.date(side.openedOn)}
                        </span>
                      </td>
                    ))}
                    <td className="nowrap">
                      <strong>{percent(p.score)}</strong>
                    </td>
                    <td>
                      <ul className="plain-list">
                        {p.parts.map((part) => (
                          <li key={part.part}>{partLine(part)}</li>
                        ))}
                      </ul>
                    </td>
                    {mayDecide && (
                      <td>
                        <div className="row-actions">
                          <button type="button" className="button button--small" disabled={act.busy} onClick={() => { setSurvivor('a'); setMerging(p); }}>
                            {t('duplicates.merge')}
                            <span className="visually-hidden"> {p.a.caseCode} {p.b.caseCode}</span>
                          </button>
                          <button type="button" className="button button--small button--secondary" disabled={act.busy} onClick={() => link(p, 'same_person')}>
                            {t('duplicates.samePerson')}
                            <span className="visually-hidden"> {p.a.caseCode} {p.b.caseCode}</span>
                          </button>
                          <button type="button" className="button button--small button--secondary" disabled={act.busy} onClick={() => link(p, 'different_people')}>
                            {t('duplicates.differentPeople')}
                            <span className="visually-hidden"> {p.a.caseCode} {p.b.caseCode}</span>
                          </button>
                        </div>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <ListPager offset={offset} pageSize={PAGE_SIZE} total={candidates.data?.total ?? 0} onPage={setOffset} />
      </section>
      <MergesAndLinks merges={merges} links={links} mayDecide={mayDecide} onChanged={(message) => { setNotice(message); reloadAll(); }} />
      {/* One dialog in the page at a time: each one's title has the same id. */}
      {merging && (
        <ConfirmDialog open title={t('duplicates.mergeTitle')} confirmLabel={t('duplicates.confirmMerge')} busy={act.busy} onConfirm={merge} onCancel={() => setMerging(null)}>
          <p>{t('duplicates.mergeText')}</p>
          <RadioGroup
            id="merge-survivor"
            legend={t('duplicates.keep')}
            value={survivor}
            onChange={(v) => setSurvivor(v)}
            options={[
              { value: 'a', label: merging.a.caseCode },
              { value: 'b', label: merging.b.caseCode },
            ]}
          />
          <TextAreaField id="merge-reason" label={t('duplicates.reason')} optional maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
        </ConfirmDialog>
      )}
    </Page>
  );
}
