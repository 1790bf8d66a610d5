import type { Kysely } from 'kysely';
import { assistanceOf, paymentsOf } from '../assistance/assistance.ts';
import type { FieldKey } from '../crypto/fields.ts';
import type { Database } from '../db/schema.ts';
import type { Auth } from '../http/types.ts';
import { referralsOfPerson } from '../referrals/referrals.ts';
import { personsVisible } from '../victims/access.ts';
import { personDetail, personTimeline } from '../victims/detail.ts';
import { notesOf } from './notes.ts';

/** Everything a printed case summary holds: exactly what the same user reads through the API. */
export interface CaseSummary {
  detail: Awaited<ReturnType<typeof personDetail>>;
  timeline: Awaited<ReturnType<typeof personTimeline>>['items'];
  assistance: Awaited<ReturnType<typeof assistanceOf>>;
  payments: Awaited<ReturnType<typeof paymentsOf>>;
  referrals: Awaited<ReturnType<typeof referralsOfPerson>>;
  /** Null when the user may not read the case's notes (the API's 404 for them). */
  notes: Awaited<ReturnType<typeof notesOf>> | null;
  agencyNames: Map<string, { az: string; en: string; ru?: string }>;
  /** Whether anything identifying is in it: the identity, notes, or free text on decisions, closure or assistance. */
  identifying: boolean;
}

/**
 * Gathers a person's case summary under the user's own rules: the record as `GET /persons/:id`
 * gives it (identity only where `persons.identity` reaches, consent refusals applied), and the
 * sections as their own routes give them. A person out of reach is the same 404.
 */
export async function caseSummary(db: Kysely<Database>, key: FieldKey, auth: Auth, personId: string): Promise<CaseSummary> {
  const detail = await personDetail(db, key, personsVisible(auth, 'persons.list'), personsVisible(auth, 'persons.identity'), personId);
  const showIdentity = detail.identity !== null;
  const mayReadNotes = await db.selectFrom('persons').select('id').where(personsVisible(auth, 'notes.read')).where('persons.id', '=', personId).executeTakeFirst();
  const [timeline, assistance, payments, referrals, notes, agencies] = await Promise.all([
    personTimeline(db, personId),
    assistanceOf(db, key, personId, showIdentity),
    paymentsOf(db, key, personId, showIdentity),
    referralsOfPerson(db, personId),
    mayReadNotes ? notesOf(db, key, personId) : Promise.resolve(null),
    db.selectFrom('agencies').select(['id', 'name']).execute(),
  ]);
  const identifying =
    showIdentity ||
    (notes?.length ?? 0) > 0 ||
    assistance.some((a) => a.notes !== null || a.voidReason !== null) ||
    payments.some((p) => p.overrideReason !== null || p.voidReason !== null);
  return { detail, timeline: timeline.items, assistance, payments, referrals, notes, agencyNames: new Map(agencies.map((a) => [a.id, a.name])), identifying };
}
