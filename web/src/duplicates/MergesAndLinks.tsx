// The merges and links the coordinator has made: a merge can be undone (after a confirmation),
// a link taken back, and the pair then returns to the candidates.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import type { Resource } from '../data.ts';
import { useSubmit } from '../form.ts';
import { useFormat } from '../format.ts';
import { Link } from '../router.tsx';
import { FormAlert, LoadState } from '../ui/Alerts.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { DataTable } from '../ui/DataTable.tsx';
import { personPage } from '../victims/victims.ts';
import type { LinkListData, MergeListData } from './duplicates.ts';

type MergeRow = MergeListData['items'][number];
const CaseLink = ({ id, code }: { id: string; code: string }) => (
  <Link to={personPage(id)}>
    <code>{code}</code>
  </Link>
);

export function MergesAndLinks({ merges, links, mayDecide, onChanged }: { merges: Resource<MergeListData>; links: Resource<LinkListData>; mayDecide: boolean; onChanged: (notice: string) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const act = useSubmit();
  const [undoing, setUndoing] = useState<MergeRow | null>(null);
  const undo = () =>
    void act.run(async () => {
      if (!undoing) return;
      await api.post(`/api/duplicates/merges/${undoing.id}/undo`, {});
      setUndoing(null);
      onChanged(t('duplicates.undone'));
    });
  const unlink = (id: string) =>
    void act.run(async () => {
      await api.delete(`/api/duplicates/links/${id}`);
      onChanged(t('duplicates.unlinked'));
    });
  const mergeItems = merges.data?.items ?? [];
  const linkItems = links.data?.items ?? [];

  return (
    <>
      <FormAlert error={act.error} />
      <section className="card" aria-labelledby="merges-title">
        <h2 id="merges-title">{t('duplicates.merges')}</h2>
        <LoadState loading={merges.loading && !merges.data} error={merges.error} />
        {merges.data && mergeItems.length === 0 && <p className="muted">{t('duplicates.noMerges')}</p>}
        {mergeItems.length > 0 && (
          <DataTable caption={t('duplicates.merges')} heads={[t('duplicates.survivor'), t('duplicates.mergedRecord'), t('duplicates.mergedAt'), t('duplicates.state')]}>
            {mergeItems.map((m) => (
              <tr key={m.id} data-testid={`merge-${m.merged.caseCode}`}>
                <td>
                  <CaseLink id={m.survivor.id} code={m.survivor.caseCode} />
                </td>
                <td>
                  <code>{m.merged.caseCode}</code>
                </td>
                <td className="nowrap">{f.dateTime(m.mergedAt)}</td>
                <td>
                  {m.undoneAt ? (
                    t('duplicates.undoneAt', { date: f.dateTime(m.undoneAt) })
                  ) : mayDecide ? (
                    <button type="button" className="button button--small button--secondary" disabled={act.busy} onClick={() => setUndoing(m)}>
                      {t('duplicates.undo')}
                      <span className="visually-hidden"> {m.merged.caseCode}</span>
                    </button>
                  ) : (
                    t('duplicates.standing')
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
      <section className="card" aria-labelledby="links-title">
        <h2 id="links-title">{t('duplicates.links')}</h2>
        <LoadState loading={links.loading && !links.data} error={links.error} />
        {links.data && linkItems.length === 0 && <p className="muted">{t('duplicates.noLinks')}</p>}
        {linkItems.length > 0 && (
          <DataTable caption={t('duplicates.links')} heads={[t('duplicates.recordA'), t('duplicates.recordB'), t('duplicates.kind'), t('duplicates.decidedAt'), mayDecide && t('duplicates.actions')]}>
            {linkItems.map((l) => (
              <tr key={l.id} data-testid={`link-${l.a.caseCode}-${l.b.caseCode}`}>
                <td>
                  <CaseLink id={l.a.id} code={l.a.caseCode} />
                </td>
                <td>
                  <CaseLink id={l.b.id} code={l.b.caseCode} />
                </td>
                <td>{t(`duplicates.kinds.${l.kind}`)}</td>
                <td className="nowrap">{f.dateTime(l.createdAt)}</td>
                {mayDecide && (
                  <td>
                    <button type="button" className="button button--small button--secondary" disabled={act.busy} onClick={() => unlink(l.id)}>
                      {t('duplicates.unlink')}
                      <span className="visually-hidden"> {l.a.caseCode} {l.b.caseCode}</span>
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </DataTable>
        )}
      </section>
      {undoing && (
        <ConfirmDialog open title={t('duplicates.undoTitle')} confirmLabel={t('duplicates.confirmUndo')} busy={act.busy} onConfirm={undo} onCancel={() => setUndoing(null)}>
          <p>{t('duplicates.undoText', { merged: undoing.merged.caseCode })}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
