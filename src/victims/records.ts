import type { Insertable, Kysely } from 'kysely';
import type { z } from 'zod';
import { appendAudit, type AuditEntry } from '../audit/record.ts';
import { encryptField, encryptOptional, type FieldKey } from '../crypto/fields.ts';
import type { Database } from '../db/schema.ts';
import { conflict, invalid, type FieldError } from '../errors.ts';
import type { Profile } from '../profile/schema.ts';
import type { ChildInput, CloseInput, ConsentInput, ConsentOverrideInput, DecisionInput, EventInput, ReflectionInput, ReflectionUpdateInput } from './schema.ts';
import { firstDayOf, precisionOf } from './partial-date.ts';
import type { ExploitationEventsTable } from './table.ts';

type AuditBase = Omit<AuditEntry, 'action' | 'outcome'>;
type Who = { userId: string };

export async function assertAgencies(db: Kysely<Database>, fields: Record<string, string | null | undefined>) {
  const problems: FieldError[] = [];
  for (const [path, id] of Object.entries(fields)) {
    if (!id) continue;
    const found = await db.selectFrom('agencies').select('id').where('id', '=', id).executeTakeFirst();
    if (!found) problems.push({ path, message: 'no such agency' });
  }
  if (problems.length) throw invalid('Unknown agency', problems);
}

/** An identification decision; the latest decision sets the person's status, `identified` dates the report year. */
export async function decide(trx: Kysely<Database>, personId: string, input: z.infer<typeof DecisionInput>, key: FieldKey, who: Who, audit: AuditBase) {
  await assertAgencies(trx, { decidingAgencyId: input.decidingAgencyId });
  const person = await trx.selectFrom('persons').select(['contact_date']).where('id', '=', personId).executeTakeFirstOrThrow();
  if (input.decidedOn < person.contact_date) throw invalid('The decision predates the first contact', [{ path: 'decidedOn', message: `must not be before the contact date ${person.contact_date}` }]);
  const row = await trx
    .insertInto('identification_decisions')
    .values({ person_id: personId, status: input.status, decided_on: input.decidedOn, deciding_agency_id: input.decidingAgencyId, note_enc: encryptOptional(key, input.note), created_by: who.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  const latest = await trx.selectFrom('identification_decisions').select(['status', 'decided_on']).where('person_id', '=', personId).orderBy('decided_on', 'desc').orderBy('created_at', 'desc').limit(1).executeTakeFirstOrThrow();
  const identified = await trx.selectFrom('identification_decisions').select('decided_on').where('person_id', '=', personId).where('status', '=', 'identified').orderBy('decided_on').limit(1).executeTakeFirst();
  await trx
    .updateTable('persons')
    .set({ identification_status: latest.status, identified_on: latest.status === 'identified' ? (identified?.decided_on ?? null) : null, updated_at: new Date() })
    .where('id', '=', personId)
    .execute();
  await appendAudit(trx, { ...audit, action: 'persons.identify', outcome: 'ok', targetType: 'person', targetId: personId, details: { status: input.status, decidedOn: input.decidedOn } });
  return row.id;
}

export function checkEvent(profile: Profile, e: z.infer<typeof EventInput>) {
  const problems: FieldError[] = [];
  const forms = new Map(profile.exploitationForms.map((f) => [f.code, f]));
  for (const [i, f] of (e.forms ?? []).entries()) if (!forms.has(f)) problems.push({ path: `forms.${i}`, message: `unknown exploitation form "${f}"` });
  const allowedSubtypes = new Set((e.forms ?? []).flatMap((f) => forms.get(f)?.subtypes.map((s) => s.code) ?? []));
  for (const [i, s] of (e.subtypes ?? []).entries()) if (!allowedSubtypes.has(s)) problems.push({ path: `subtypes.${i}`, message: `"${s}" is not a sub-type of the chosen forms` });
  if (e.kind !== 'recruitment' && (e.recruitmentMethod || e.recruiterRelation || e.onlinePlatform)) problems.push({ path: 'recruitmentMethod', message: 'only for recruitment events' });
  if (problems.length) throw invalid('The event does not fit the country profile', problems);
}

/** The row for an event (shared with the bulk loader, so both store events the same way). */
export function eventRow(personId: string, e: z.infer<typeof EventInput>, createdBy: string | null): Insertable<ExploitationEventsTable> {
  return {
    person_id: personId,
    kind: e.kind,
    country: e.country ?? null,
    region: e.region ?? null,
    // A date as told is stored as its first day and its precision ("2019" → 2019-01-01, year).
    start_date: e.startDate ? firstDayOf(e.startDate) : null,
    end_date: e.endDate ? firstDayOf(e.endDate) : null,
    start_precision: e.startDate ? precisionOf(e.startDate) : 'day',
    end_precision: e.endDate ? precisionOf(e.endDate) : 'day',
    forms: e.forms ?? [],
    subtypes: e.subtypes ?? [],
    isic_section: e.isicSection ?? null,
    means_of_control: e.meansOfControl ?? [],
    recruitment_method: e.recruitmentMethod ?? null,
    online_platform: e.onlinePlatform ?? null,
    recruiter_relation: e.recruiterRelation ?? null,
    created_by: createdBy,
  };
}

export async function addEvent(trx: Kysely<Database>, profile: Profile, personId: string, e: z.infer<typeof EventInput>, who: Who, audit: AuditBase) {
  checkEvent(profile, e);
  const row = await trx.insertInto('exploitation_events').values(eventRow(personId, e, who.userId)).returning('id').executeTakeFirstOrThrow();
  await appendAudit(trx, { ...audit, action: 'persons.event_added', outcome: 'ok', targetType: 'person', targetId: personId, details: { eventId: row.id, kind: e.kind, country: e.country ?? null } });
  return row.id;
}

/** Opens the reflection period with the profile's length (AZ: 30 days, Law art. 14-1.1). */
export async function startReflection(trx: Kysely<Database>, profile: Profile, personId: string, input: z.infer<typeof ReflectionInput>, who: Who, audit: AuditBase) {
  const person = await trx.selectFrom('persons').select('contact_date').where('id', '=', personId).executeTakeFirstOrThrow();
  if (input.startDate < person.contact_date) throw invalid('The period predates the first contact', [{ path: 'startDate', message: `must not be before the contact date ${person.contact_date}` }]);
  const existing = await trx.selectFrom('reflection_periods').select('id').where('person_id', '=', personId).executeTakeFirst();
  if (existing) throw conflict('This person already has a reflection period; extend it instead', [{ path: 'startDate', message: 'period already started' }]);
  const row = await trx
    .insertInto('reflection_periods')
    .values({ person_id: personId, start_date: input.startDate, length_days: profile.settings.reflectionPeriodDays, outcome: null, outcome_date: null, created_by: who.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendAudit(trx, { ...audit, action: 'persons.reflection_started', outcome: 'ok', targetType: 'person', targetId: personId, details: { startDate: input.startDate, lengthDays: profile.settings.reflectionPeriodDays } });
  return row.id;
}

export async function updateReflection(trx: Kysely<Database>, personId: string, input: z.infer<typeof ReflectionUpdateInput>, audit: AuditBase) {
  const period = await trx.selectFrom('reflection_periods').selectAll().where('person_id', '=', personId).executeTakeFirst();
  if (!period) throw invalid('No reflection period has started', [{ path: 'startDate', message: 'start the period first' }]);
  if ((input.outcome === undefined) !== (input.outcomeDate === undefined)) {
    throw invalid('An outcome needs its date', [{ path: input.outcome === undefined ? 'outcome' : 'outcomeDate', message: 'give outcome and outcomeDate together' }]);
  }
  if (input.outcomeDate && input.outcomeDate < period.start_date) throw invalid('The outcome predates the period', [{ path: 'outcomeDate', message: `must not be before ${period.start_date}` }]);
  await trx
    .updateTable('reflection_periods')
    .set({
      ...(input.extensionDays !== undefined ? { extension_days: input.extensionDays } : {}),
      ...(input.outcome !== undefined ? { outcome: input.outcome, outcome_date: input.outcomeDate ?? null } : {}),
    })
    .where('id', '=', period.id)
    .execute();
  await appendAudit(trx, { ...audit, action: 'persons.reflection_updated', outcome: 'ok', targetType: 'person', targetId: personId, details: { ...input } });
}

export async function recordConsent(trx: Kysely<Database>, personId: string, input: z.infer<typeof ConsentInput>, who: Who, audit: AuditBase) {
  if (input.purpose === 'referral' && !input.agencyId) throw invalid('A referral consent names the agency', [{ path: 'agencyId', message: 'required for purpose "referral"' }]);
  await assertAgencies(trx, { agencyId: input.agencyId });
  const row = await trx
    .insertInto('consents')
    .values({ person_id: personId, purpose: input.purpose, agency_id: input.agencyId ?? null, given: input.given, recorded_on: input.recordedOn, created_by: who.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendAudit(trx, { ...audit, action: 'persons.consent', outcome: 'ok', targetType: 'person', targetId: personId, details: { ...input } });
  if (input.purpose === 'referral' && !input.given && input.agencyId) {
    // Withdrawal: open referrals to that agency are revoked (the access rule ends access to completed ones too).
    const revoked = await trx
      .updateTable('referrals')
      .set({ status: 'revoked' })
      .where('person_id', '=', personId)
      .where('to_agency_id', '=', input.agencyId)
      .where('status', 'in', ['sent', 'accepted'])
      .returning('id')
      .execute();
    for (const r of revoked) {
      await appendAudit(trx, { ...audit, action: 'referrals.revoked', outcome: 'ok', targetType: 'person', targetId: personId, details: { referralId: r.id, to: 'revoked', reason: 'consent_withdrawn' } });
    }
  }
  return row.id;
}

export async function overrideConsent(trx: Kysely<Database>, key: FieldKey, personId: string, input: z.infer<typeof ConsentOverrideInput>, who: Who, audit: AuditBase) {
  const row = await trx
    .insertInto('consent_overrides')
    .values({ person_id: personId, purpose: input.purpose, legal_basis: input.legalBasis, reason_enc: encryptField(key, input.reason), created_by: who.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendAudit(trx, { ...audit, action: 'persons.consent_overridden', outcome: 'ok', targetType: 'person', targetId: personId, details: { overrideId: row.id, purpose: input.purpose, legalBasis: input.legalBasis } });
  return row.id;
}

export async function addChild(trx: Kysely<Database>, personId: string, input: z.infer<typeof ChildInput>, who: Who, audit: AuditBase) {
  const row = await trx
    .insertInto('children')
    .values({ person_id: personId, label: input.label, birth_year: input.birthYear ?? null, gender: input.gender, created_by: who.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendAudit(trx, { ...audit, action: 'persons.child_added', outcome: 'ok', targetType: 'person', targetId: personId, details: { childId: row.id } });
  return row.id;
}

export async function closeCase(trx: Kysely<Database>, key: FieldKey, personId: string, input: z.infer<typeof CloseInput>, audit: AuditBase) {
  const person = await trx.selectFrom('persons').select(['contact_date', 'closure_reason']).where('id', '=', personId).executeTakeFirstOrThrow();
  if (person.closure_reason) throw conflict('The case is already closed');
  if (input.closedOn < person.contact_date) throw invalid('The closure predates the first contact', [{ path: 'closedOn', message: `must not be before ${person.contact_date}` }]);
  await trx.updateTable('persons').set({ closure_reason: input.reason, closed_on: input.closedOn, closure_note_enc: encryptOptional(key, input.note), updated_at: new Date() }).where('id', '=', personId).execute();
  await appendAudit(trx, { ...audit, action: 'persons.closed', outcome: 'ok', targetType: 'person', targetId: personId, details: { reason: input.reason, closedOn: input.closedOn } });
}
