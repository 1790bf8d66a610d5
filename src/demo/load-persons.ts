import type { Kysely } from 'kysely';
import { recordAssistance, recordPayment } from '../assistance/assistance.ts';
import type { FieldKey } from '../crypto/fields.ts';
import type { Database } from '../db/schema.ts';
import type { Profile } from '../profile/schema.ts';
import { referPerson, transitionReferral } from '../referrals/referrals.ts';
import { createPerson } from '../victims/persons.ts';
import { addChild, addEvent, closeCase, decide, recordConsent, startReflection, updateReflection } from '../victims/records.ts';
import type { SyntheticPerson } from './persons.ts';

export interface Actor {
  id: string;
  username: string;
  agencyId: string;
}

/** The demo users who record the synthetic cases: intake by police or hotline, answers by the receiving agency. */
export interface DemoActors {
  police_investigator: Actor;
  hotline_operator?: Actor | undefined;
  case_worker?: Actor | undefined;
  coordinator: Actor;
}

/** Agency ids by profile code. */
export async function agencyIds(db: Kysely<Database>): Promise<(code: string) => string> {
  const rows = await db.selectFrom('agencies').select(['id', 'code']).execute();
  const byCode = new Map(rows.map((r) => [r.code, r.id]));
  return (code) => {
    const id = byCode.get(code);
    if (!id) throw new Error(`The synthetic data names agency "${code}", which the database lacks`);
    return id;
  };
}

const at = (date: string) => new Date(`${date}T10:00:00Z`);

/** Records one synthetic person and everything that happened to them, inside the caller's transaction. */
export async function recordSyntheticPerson(trx: Kysely<Database>, ctx: { key: FieldKey; profile: Profile }, actors: DemoActors, agency: (code: string) => string, p: SyntheticPerson, ref: string) {
  const { key, profile } = ctx;
  const recorder = (p.intake.role === 'hotline_operator' ? actors.hotline_operator : undefined) ?? actors.police_investigator;
  const police = actors.police_investigator;
  const audit = (a: Actor) => ({ actor: a });
  const who = { userId: recorder.id, agencyId: recorder.agencyId };

  const { id } = await createPerson(trx, ctx, p.input, who, audit(recorder));
  for (const c of p.consents) {
    await recordConsent(trx, id, { purpose: c.purpose, agencyId: c.agency ? agency(c.agency) : null, given: c.given, recordedOn: c.recordedOn }, who, audit(recorder));
  }
  for (const e of p.events) await addEvent(trx, profile, id, e, who, audit(recorder));
  // Identification is the police's decision.
  for (const d of p.decisions) await decide(trx, id, { status: d.status, decidedOn: d.decidedOn, decidingAgencyId: agency(d.agency) }, key, { userId: police.id }, audit(police));
  if (p.reflection) {
    await startReflection(trx, profile, id, { startDate: p.reflection.startDate }, { userId: police.id }, audit(police));
    if (p.reflection.outcome && p.reflection.outcomeDate) {
      await updateReflection(trx, id, { ...(p.reflection.extensionDays ? { extensionDays: p.reflection.extensionDays } : {}), outcome: p.reflection.outcome, outcomeDate: p.reflection.outcomeDate }, audit(police));
    }
  }
  for (const r of p.referrals) {
    const toAgencyId = agency(r.to);
    const refId = await referPerson(trx, key, id, { toAgencyId }, who, audit(recorder));
    // The receiving agency answers: the demo case worker when it is theirs, else the coordinator on its behalf.
    const answerer = actors.case_worker?.agencyId === toAgencyId ? actors.case_worker : actors.coordinator;
    const receiver = { agencyId: toAgencyId, scopes: [] };
    await transitionReferral(trx, refId, { status: 'accepted' }, receiver, audit(answerer));
    if (r.status === 'completed') await transitionReferral(trx, refId, { status: 'completed' }, receiver, audit(answerer));
    // The domain functions stamp referrals with the current time; a historical case needs its own dates.
    await trx
      .updateTable('referrals')
      .set({ sent_at: at(r.sentOn), responded_at: at(r.respondedOn), completed_at: r.completedOn ? at(r.completedOn) : null })
      .where('id', '=', refId)
      .execute();
  }
  const childIds: string[] = [];
  for (const c of p.children) childIds.push(await addChild(trx, id, c, who, audit(recorder)));
  for (const a of p.assistance) {
    await recordAssistance(
      trx,
      ctx,
      id,
      { kind: a.kind, providerAgencyId: agency(a.provider), date: a.date, endDate: a.endDate, legalStage: a.legalStage, childId: a.child === null ? null : childIds[a.child] },
      who,
      audit(recorder),
    );
  }
  for (const [i, pay] of p.payments.entries()) {
    await recordPayment(
      trx,
      ctx,
      id,
      { kind: pay.kind, amount: pay.amount, currency: profile.settings.currency, paidOn: pay.paidOn, payerAgencyId: agency(pay.payer), idempotencyKey: `${ref}:${pay.kind}:${i}` },
      { userId: police.id },
      audit(police),
    );
  }
  if (p.closure) await closeCase(trx, key, id, { reason: p.closure.reason, closedOn: p.closure.closedOn }, audit(recorder));
}
