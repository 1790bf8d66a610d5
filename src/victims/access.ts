import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Role, Scope } from '../access/roles.ts';
import { scopesFor, type Action } from '../access/rules.ts';
import { hiddenOrMissing, scopeFilter, type ScopeColumns } from '../access/scope.ts';
import type { Database } from '../db/schema.ts';
import type { Auth } from '../http/types.ts';

/** Referral states that give the receiving agency access to the person. */
export const ACCESS_GRANTING_REFERRALS = ['sent', 'accepted', 'completed'] as const;

/** How the access scopes apply to persons: own = created it, agency = intake agency, referred = referral. */
export const personScope: ScopeColumns = {
  own: 'persons.created_by',
  agency: 'persons.owner_agency_id',
  // A referral opens the person to the receiving agency until the person withdraws their referral
  // consent for that agency: the latest referral consent for it being a refusal ends access at once,
  // whatever state the referral is in (a completed one included).
  referred: (agencyId) =>
    sql<SqlBool>`(exists (select 1 from referrals r where r.person_id = persons.id and r.to_agency_id = ${agencyId}
                         and r.status in (${sql.join(ACCESS_GRANTING_REFERRALS.map((s) => sql.lit(s)))}))
       and not exists (select 1 from consents w where w.person_id = persons.id and w.purpose = 'referral' and w.agency_id = ${agencyId} and not w.given
                         and not exists (select 1 from consents g where g.person_id = w.person_id and g.purpose = 'referral' and g.agency_id = w.agency_id
                                         and g.given and (g.recorded_on, g.created_at) > (w.recorded_on, w.created_at))))`,
};

/**
 * The person's latest word on a purpose is a refusal, and no override was recorded after it.
 * (A consent given later, or a coordinator's override with its legal basis, lifts the refusal.)
 */
export function refused(purpose: 'data_processing' | 'law_enforcement_sharing') {
  return sql<SqlBool>`exists (select 1 from consents w where w.person_id = persons.id and w.purpose = ${purpose} and not w.given
      and not exists (select 1 from consents g where g.person_id = w.person_id and g.purpose = w.purpose and g.given
                      and (g.recorded_on, g.created_at) > (w.recorded_on, w.created_at))
      and not exists (select 1 from consent_overrides o where o.person_id = w.person_id and o.purpose = w.purpose and o.created_at > w.created_at))`;
}

/** Actions that read who the person is: their identity, case notes and documents. */
const IDENTITY_LEVEL: readonly Action[] = ['persons.identity', 'notes.read', 'attachments.read'];

/** Law-enforcement roles: a refused law-enforcement-sharing consent keeps them out of other agencies' records. */
const LAW_ENFORCEMENT: readonly Role[] = ['police_investigator', 'prosecutor'];

/**
 * The persons a user may reach through an action, as one SQL condition on `persons`. Consents
 * narrow it: outside the owning agency, a refused `data_processing` hides the identity, notes and attachments, and a
 * refused `law_enforcement_sharing` hides the record from police and prosecutors (the national
 * coordinator is not law enforcement and keeps the record).
 */
export function personsVisible(auth: Auth, action: Action = 'persons.list', scopes?: Scope[]) {
  const reach = scopeFilter(auth, scopes ?? scopesFor(auth.roles, action), personScope);
  // A record merged into another is read through the survivor (src/duplicates).
  const gates: Expression<SqlBool>[] = [sql<SqlBool>`persons.merged_into is null`];
  const outsideOwner = (cond: Expression<SqlBool>) => sql<SqlBool>`(persons.owner_agency_id = ${auth.agencyId} or not ${cond})`;
  if (IDENTITY_LEVEL.includes(action)) gates.push(outsideOwner(refused('data_processing')));
  if (auth.roles.some((r) => LAW_ENFORCEMENT.includes(r)) && !auth.roles.includes('coordinator')) gates.push(outsideOwner(refused('law_enforcement_sharing')));
  return sql<SqlBool>`(${reach} and ${sql.join(gates, sql` and `)})`;
}

/**
 * Fails with 404 unless the person is reachable through the action — never revealing that it
 * exists. Inside a transaction it also locks the person's row, so that concurrent writes to one
 * person (decisions, identity, referrals, payments) happen one after the other.
 */
export async function assertPersonVisible(db: Kysely<Database>, auth: Auth, action: Action, personId: string) {
  let q = db.selectFrom('persons').select('id').where(personsVisible(auth, action)).where('persons.id', '=', personId);
  if (db.isTransaction) q = q.forUpdate();
  const found = await q.executeTakeFirst();
  if (!found) throw await hiddenOrMissing(db, 'persons', personId, 'Person');
}
