// Legal holds: the ones in force (each can be lifted with a reason), a hold placed on any record
// by its case code, and the dialog that asks for the reason either way.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, withQuery } from '../api.ts';
import type { Resource } from '../data.ts';
import { clientInvalid, useSubmit } from '../form.ts';
import { useFormat } from '../format.ts';
import { Link } from '../router.tsx';
import { FormAlert, LoadState } from '../ui/Alerts.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { DataTable } from '../ui/DataTable.tsx';
import { TextAreaField, TextField } from '../ui/Field.tsx';
import { personApi, personPage } from '../victims/victims.ts';
import type { ActiveHoldsData } from './retention.ts';

/** The record a hold is about to be placed on (or lifted from). */
export interface HoldTarget {
  personId: string;
  caseCode: string;
  lift: boolean;
}

export function Holds({ holds, mayHold, onPick }: { holds: Resource<ActiveHoldsData>; mayHold: boolean; onPick: (target: HoldTarget) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const find = useSubmit();
  const [code, setCode] = useState('');
  const items = holds.data?.items ?? [];
  const lookUp = find.onSubmit(async () => {
    const wanted = code.trim();
    const found = await api.get<{ items: { id: string; caseCode: string }[] }>(withQuery('/api/persons', { caseCode: wanted, limit: 5 }));
    const person = found.items.find((p) => p.caseCode.toLowerCase() === wanted.toLowerCase());
    if (!person) throw clientInvalid([{ path: 'caseCode', message: t('retention.notFound') }]);
    setCode('');
    onPick({ personId: person.id, caseCode: person.caseCode, lift: false });
  });

  return (
    <section className="card" aria-labelledby="holds-title">
      <h2 id="holds-title">{t('retention.holds')}</h2>
      <LoadState loading={holds.loading && !holds.data} error={holds.error} />
      {holds.data && items.length === 0 && <p className="muted">{t('retention.noHolds')}</p>}
      {items.length > 0 && (
        <DataTable caption={t('retention.holds')} testId="holds" heads={[t('retention.record'), t('retention.reason'), t('retention.setAt'), mayHold && t('duplicates.actions')]}>
          {items.map((h) => (
            <tr key={h.id} data-testid={`hold-${h.caseCode}`}>
              <td>
                <Link to={personPage(h.personId)}>
                  <code>{h.caseCode}</code>
                </Link>
              </td>
              <td>{h.reason}</td>
              <td className="nowrap">{f.dateTime(h.setAt)}</td>
              {mayHold && (
                <td>
                  <button type="button" className="button button--small button--secondary" onClick={() => onPick({ personId: h.personId, caseCode: h.caseCode, lift: true })}>
                    {t('retention.lift')}
                    <span className="visually-hidden"> {h.caseCode}</span>
                  </button>
                </td>
              )}
            </tr>
          ))}
        </DataTable>
      )}
      {mayHold && (
        <form className="filters" aria-labelledby="hold-by-code-title" onSubmit={lookUp} noValidate>
          <h3 id="hold-by-code-title">{t('retention.holdByCode')}</h3>
          <FormAlert error={find.error} labels={{ caseCode: t('retention.caseCode') }} idPrefix="hold-" />
          <TextField id="hold-caseCode" label={t('retention.caseCode')} value={code} onChange={(e) => setCode(e.target.value)} maxLength={30} required error={find.fieldError('caseCode')} />
          <div className="form-actions">
            <button type="submit" className="button button--secondary" disabled={find.busy || !code.trim()}>
              {t('retention.hold')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

/** Asks for the reason, then places or lifts the hold; nothing happens on Cancel. */
export function HoldDialog({ target, onClose, onDone }: { target: HoldTarget; onClose: () => void; onDone: (notice: string) => void }) {
  const { t } = useTranslation();
  const act = useSubmit();
  const [reason, setReason] = useState('');
  const close = () => {
    setReason('');
    act.setError(null);
    onClose();
  };
  const confirm = () =>
    void act.run(async () => {
      await api.post(personApi(target.personId, target.lift ? 'legal-hold/clear' : 'legal-hold'), { reason: reason.trim() });
      setReason('');
      onClose();
      onDone(t(target.lift ? 'retention.holdLifted' : 'retention.holdPlaced', { caseCode: target.caseCode }));
    });
  return (
    <ConfirmDialog open title={t(target.lift ? 'retention.liftTitle' : 'retention.holdTitle')} confirmLabel={t(target.lift ? 'retention.confirmLift' : 'retention.confirmHold')} busy={act.busy || !reason.trim()} onConfirm={confirm} onCancel={close}>
      <p>{t(target.lift ? 'retention.liftText' : 'retention.holdText', { caseCode: target.caseCode })}</p>
      <FormAlert error={act.error} labels={{ reason: t('retention.reason') }} idPrefix="hold-dialog-" />
      <TextAreaField id="hold-dialog-reason" label={t(target.lift ? 'retention.liftReason' : 'retention.holdReason')} required maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} error={act.fieldError('reason')} />
    </ConfirmDialog>
  );
}
