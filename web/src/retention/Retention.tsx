// The coordinator's retention page: what a run today would anonymise (a dry run, counted per kind
// and listed), legal holds placed and lifted with a reason, and a run now after a confirmation.
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
import { DataTable } from '../ui/DataTable.tsx';
import { ListPager } from '../ui/ListPager.tsx';
import { Page } from '../ui/Page.tsx';
import { personPage } from '../victims/victims.ts';
import { HoldDialog, Holds, type HoldTarget } from './Holds.tsx';
import { wouldGo, type ActiveHoldsData, type RetentionReportData } from './retention.ts';

/** Due records per page: the server lists up to 500, far too many to scroll on a phone. */
const PAGE = 50;
/** The page's first row, back to the first page when a new run lists fewer records. */
const shown = (offset: number, count: number) => (offset < count ? offset : 0);

export function RetentionPage() {
  const { t } = useTranslation();
  const can = useCan();
  const f = useFormat();
  const report = useResource<RetentionReportData>('/api/retention/due');
  const holds = useResource<ActiveHoldsData>('/api/retention/holds');
  const act = useSubmit();
  const [notice, setNotice] = useState<string | null>(null);
  const [holding, setHolding] = useState<HoldTarget | null>(null);
  const [running, setRunning] = useState(false);
  const [offset, setOffset] = useState(0);
  const r = report.data;
  const mayHold = can('retention.hold');
  const changed = (message: string) => {
    setNotice(message);
    report.reload();
    holds.reload();
  };
  const run = () =>
    void act.run(async () => {
      setNotice(null);
      const done = await api.post<RetentionReportData>('/api/retention/run', {});
      setRunning(false);
      changed(t('retention.ran', { count: done.kinds.reduce((n, k) => n + k.anonymised, 0) }));
    });

  return (
    <Page
      title={t('retention.title')}
      actions={
        can('retention.run') && r ? (
          <button type="button" className="button" disabled={act.busy || wouldGo(r) === 0} onClick={() => setRunning(true)}>
            {t('retention.run')}
          </button>
        ) : undefined
      }
    >
      <p className="muted">{t('retention.intro')}</p>
      <Notice message={notice} />
      <FormAlert error={act.error} />
      <LoadState loading={report.loading && !r} error={report.error} />
      {r && (
        <section className="card" aria-labelledby="retention-summary">
          <h2 id="retention-summary">{t('retention.summary')}</h2>
          <p className="muted">{t('retention.asOf', { date: f.date(r.asOf) })}</p>
          <DataTable caption={t('retention.summary')} testId="retention-kinds" heads={[t('retention.kind'), t('retention.years'), t('retention.due'), t('retention.held'), t('retention.wouldGo')]}>
            {r.kinds.map((k) => (
              <tr key={k.kind} data-testid={`kind-${k.kind}`}>
                <th scope="row">{t(`retention.kinds.${k.kind}`)}</th>
                <td>{k.years}</td>
                <td>{k.due}</td>
                <td>{k.held}</td>
                <td>{k.due - k.held}</td>
              </tr>
            ))}
          </DataTable>
        </section>
      )}
      {r && (
        <section className="card" aria-labelledby="retention-items">
          <h2 id="retention-items">{t('retention.items')}</h2>
          {r.items.length === 0 ? (
            <p className="muted">{t('retention.noneDue')}</p>
          ) : (
            <DataTable caption={t('retention.items')} heads={[t('retention.record'), t('retention.kind'), t('retention.dueOn'), t('retention.state')]}>
              {r.items.slice(shown(offset, r.items.length), shown(offset, r.items.length) + PAGE).map((i) => (
                <tr key={i.id} data-testid={i.caseCode ? `due-${i.caseCode}` : undefined}>
                  <td>
                    {i.caseCode ? (
                      <Link to={personPage(i.id)}>
                        <code>{i.caseCode}</code>
                      </Link>
                    ) : (
                      t('retention.hotlineContact')
                    )}
                  </td>
                  <td>{t(`retention.kinds.${i.kind}`)}</td>
                  <td className="nowrap">{f.date(i.dueOn)}</td>
                  <td>
                    {i.held ? t('retention.heldYes') : t('retention.heldNo')}
                    {mayHold && i.caseCode && !i.held && (
                      <>
                        {' '}
                        <button type="button" className="button button--small button--secondary" onClick={() => setHolding({ personId: i.id, caseCode: i.caseCode!, lift: false })}>
                          {t('retention.hold')}
                          <span className="visually-hidden"> {i.caseCode}</span>
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
          {r.items.length > 0 && (
            <ListPager offset={shown(offset, r.items.length)} pageSize={PAGE} total={r.items.length} onPage={setOffset} />
          )}
        </section>
      )}
      <Holds holds={holds} mayHold={mayHold} onPick={setHolding} />
      {/* One dialog in the page at a time: each one's title has the same id. */}
      {holding && <HoldDialog target={holding} onClose={() => setHolding(null)} onDone={changed} />}
      {running && r && (
        <ConfirmDialog open title={t('retention.runTitle')} confirmLabel={t('retention.confirmRun')} busy={act.busy} onConfirm={run} onCancel={() => setRunning(false)}>
          <p>{t('retention.runText', { count: wouldGo(r) })}</p>
        </ConfirmDialog>
      )}
    </Page>
  );
}
