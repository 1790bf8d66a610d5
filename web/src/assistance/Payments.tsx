// Payments to the person. Each submission carries an idempotency key, kept while the same
// payment is retried (a lost answer, a double click), so it is stored once.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { useProfile, useResource } from '../data.ts';
import { useToday } from '../dates.ts';
import { assertValid, blankFields, clientInvalid, useFields, useSubmit } from '../form.ts';
import { useFormat } from '../format.ts';
import { useCan, useSession } from '../session.tsx';
import { newKey, personApi, type Payments as PaymentsData, type Person } from '../victims/victims.ts';
import { LoadState, Notice } from '../ui/Alerts.tsx';
import { AgencySelect } from '../agencies/AgencySelect.tsx';
import { SelectField, TextField } from '../ui/Field.tsx';
import { EntryCorrection } from './EntryCorrection.tsx';
import { AddRecordForm, Empty, Section } from '../victims/Section.tsx';

const OVERRIDE_MIN = 10;

/** "700", "700.5", "700,50" → 700.5; null unless a positive amount with at most two decimals. */
function parseAmount(s: string): number | null {
  const m = /^\s*(\d{1,7})(?:[.,](\d{1,2}))?\s*$/.exec(s);
  if (!m) return null;
  const n = Number(`${m[1]}.${m[2] ?? '0'}`);
  return n > 0 ? n : null;
}

export function Payments({ person, onChanged }: { person: Person; onChanged: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const { me } = useSession();
  const today = useToday();
  const profile = useProfile();
  const list = useResource<PaymentsData>(personApi(person.id, 'payments'));
  const kinds = profile.data?.paymentKinds ?? [];
  const currency = profile.data?.settings.currency ?? '';
  const [kindCode, setKind] = useState('');
  const kind = kinds.find((k) => k.code === kindCode);
  // The kind's default amount until the user types one.
  const form = useFields({ amount: kind?.defaultAmount != null ? String(kind.defaultAmount) : '', paidOn: today, payerAgencyId: me.user.agencyId, overrideReason: '' });
  const { busy, error, onSubmit, fieldError } = useSubmit();
  const [notice, setNotice] = useState<string | null>(null);
  // The last submission that did not go through, with its key: sent again unchanged, it keeps the key.
  const [pending, setPending] = useState<{ body: string; key: string } | null>(null);
  const v = form.values;
  const items = list.data?.items ?? [];
  const kindLabel = (code: string) => {
    const k = kinds.find((x) => x.code === code);
    return k ? f.label(k.label) : code;
  };
  const labels = { kind: t('person.paymentKind'), amount: t('person.amount', { currency }), paidOn: t('person.paidOn'), payerAgencyId: t('person.payer'), overrideReason: t('person.payOverride') };
  // A once-only kind already paid needs a reason to pay again (the server insists too).
  const needsReason = (kind !== undefined && !kind.recurring && items.some((p) => p.kind === kind.code && !p.voidedAt)) || fieldError('overrideReason') !== undefined;

  const submit = onSubmit(async () => {
    setNotice(null);
    const amount = parseAmount(v.amount);
    const reason = v.overrideReason.trim();
    assertValid(blankFields({ kind: kindCode, amount: v.amount, paidOn: v.paidOn, payerAgencyId: v.payerAgencyId, ...(needsReason ? { overrideReason: reason } : {}) }, t('fieldErrors.required')));
    if (amount === null) throw clientInvalid([{ path: 'amount', message: t('fieldErrors.amount') }]);
    if (needsReason && reason.length < OVERRIDE_MIN) throw clientInvalid([{ path: 'overrideReason', message: t('fieldErrors.tooShort', { count: OVERRIDE_MIN }) }]);
    const payment = { kind: kindCode, amount, currency, paidOn: v.paidOn, payerAgencyId: v.payerAgencyId, ...(needsReason ? { overrideReason: reason } : {}) };
    // The same payment sent again (after a failure) keeps its key; a changed one gets a new key.
    const body = JSON.stringify(payment);
    const attempt = pending?.body === body ? pending : { body, key: newKey() };
    setPending(attempt);
    await api.post(personApi(person.id, 'payments'), { ...payment, idempotencyKey: attempt.key });
    setPending(null);
    form.reset();
    setKind('');
    setNotice(t('person.paymentSaved', { amount: f.money(amount, currency) }));
    list.reload();
    onChanged();
  });

  return (
    <Section id="payments" title={t('person.paymentsTitle')}>
      <LoadState loading={list.loading && !list.data} error={list.error} />
      {list.data && items.length === 0 && <Empty>{t('person.noPayments')}</Empty>}
      {items.length > 0 && (
        <div className="table-wrap" tabIndex={0}>
          <table className="data-table data-table--compact">
            <caption className="visually-hidden">{t('person.paymentsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{labels.paidOn}</th>
                <th scope="col">{labels.kind}</th>
                <th scope="col" className="num">
                  {t('person.amountColumn')}
                </th>
                <th scope="col">{labels.payerAgencyId}</th>
                <th scope="col">{t('person.payOverrideColumn')}</th>
                <th scope="col">{t('person.correctionColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr key={p.id} className={p.voidedAt ? 'voided' : undefined}>
                  <td className="nowrap">{f.date(p.paidOn)}</td>
                  <td>{kindLabel(p.kind)}</td>
                  <td className="num nowrap">{f.money(p.amount, p.currency)}</td>
                  <td>{f.agency(p.payerAgencyId)}</td>
                  <td>{p.overrideReason ?? t('common.none')}</td>
                  <td>
                    <EntryCorrection
                      personId={person.id}
                      ledger="payments"
                      entry={p}
                      canCorrect={can('payments.record')}
                      onChanged={() => {
                        list.reload();
                        onChanged();
                      }}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Notice message={notice} />
      {can('payments.record') && (
        <AddRecordForm summary={t('person.addPayment')} error={error} labels={labels} idPrefix="payment-" onSubmit={submit} busy={busy} saveLabel={t('person.savePayment')}>
          <SelectField
            id="payment-kind"
            label={labels.kind}
            value={kindCode}
            onChange={(e) => {
              setKind(e.target.value);
              form.reset('amount');
            }}
            error={fieldError('kind')}
          >
            <option value="">{t('person.choose')}</option>
            {kinds.map((k) => (
              <option key={k.code} value={k.code}>
                {f.label(k.label)}
              </option>
            ))}
          </SelectField>
          <TextField
            id="payment-amount"
            label={labels.amount}
            hint={kind?.defaultAmount != null ? t('person.defaultAmount', { amount: f.money(kind.defaultAmount, currency) }) : undefined}
            inputMode="decimal"
            className="field--amount"
            {...form.bind('amount')}
            autoComplete="off"
            error={fieldError('amount')}
          />
          <TextField id="payment-paidOn" type="date" label={labels.paidOn} max={today} {...form.bind('paidOn')} error={fieldError('paidOn')} />
          <AgencySelect id="payment-payerAgencyId" label={labels.payerAgencyId} placeholder={t('person.chooseAgency')} value={v.payerAgencyId} onChange={form.set('payerAgencyId')} error={fieldError('payerAgencyId')} />
          {needsReason && (
            <TextField
              id="payment-overrideReason"
              label={labels.overrideReason}
              hint={t('person.payOverrideHint', { count: OVERRIDE_MIN })}
              {...form.bind('overrideReason')}
              autoComplete="off"
              error={fieldError('overrideReason')}
            />
          )}
        </AddRecordForm>
      )}
    </Section>
  );
}
