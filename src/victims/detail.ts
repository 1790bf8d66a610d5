import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import type { z } from 'zod';
import { decryptOptional, matchKey, type FieldKey } from '../crypto/fields.ts';
import type { Database } from '../db/schema.ts';
import { refused } from './access.ts';
import { latinFold, matchTokens, similarity } from './names.ts';
import { toldDate } from './partial-date.ts';
import { decryptIdentity, toSummary } from './persons.ts';
import { hiddenOrMissing } from '../access/scope.ts';
import type { PersonDetail, ReflectionQueue, Timeline } from './schema.ts';
import { addDays, today } from './status.ts';

const bytes = (b64: string | null) => (b64 === null ? null : Buffer.from(b64, 'base64'));

/**
 * The full record; identity only when `identityVisible` holds for this person. One statement: the
 * person's row with its decisions, events, reflection, consents and children as JSON beside it,
 * because a person's page is read often and every round trip is paid by every reader.
 */
export async function personDetail(db: Kysely<Database>, key: FieldKey, visible: Expression<SqlBool>, identityVisible: Expression<SqlBool>, id: string): Promise<PersonDetail> {
  const row = await db
    .selectFrom('persons')
    .selectAll('persons')
    .select((eb) => [
      'persons.case_status as status',
      sql<boolean>`${identityVisible}`.as('identity_visible'),
      // JSON has no bytes: encrypted notes travel as base64. Dates in JSON are ISO days, as the driver gives them.
      jsonArrayFrom(
        eb
          .selectFrom('identification_decisions as d')
          .select(['d.id', 'd.status', 'd.decided_on', 'd.deciding_agency_id', sql<string | null>`encode(d.note_enc, 'base64')`.as('note_b64')])
          .whereRef('d.person_id', '=', 'persons.id')
          .orderBy('d.decided_on')
          .orderBy('d.created_at'),
      ).as('decisions'),
      jsonArrayFrom(
        eb
          .selectFrom('exploitation_events as e')
          .select(['e.id', 'e.kind', 'e.country', 'e.region', 'e.start_date', 'e.start_precision', 'e.end_date', 'e.end_precision', 'e.forms', 'e.subtypes', 'e.isic_section', 'e.means_of_control', 'e.recruitment_method', 'e.online_platform', 'e.recruiter_relation'])
          .whereRef('e.person_id', '=', 'persons.id')
          .orderBy('e.start_date')
          .orderBy('e.created_at'),
      ).as('events'),
      jsonObjectFrom(
        eb.selectFrom('reflection_periods as r').select(['r.id', 'r.start_date', 'r.length_days', 'r.extension_days', 'r.outcome', 'r.outcome_date']).whereRef('r.person_id', '=', 'persons.id').limit(1),
      ).as('reflection'),
      jsonArrayFrom(
        eb.selectFrom('consents as c').select(['c.id', 'c.purpose', 'c.agency_id', 'c.given', 'c.recorded_on']).whereRef('c.person_id', '=', 'persons.id').orderBy('c.recorded_on'),
      ).as('consents'),
      jsonArrayFrom(eb.selectFrom('children as ch').select(['ch.id', 'ch.label', 'ch.birth_year', 'ch.gender']).whereRef('ch.person_id', '=', 'persons.id').orderBy('ch.created_at')).as('children'),
      sql<boolean>`exists (select 1 from fact_victims fv where fv.person_id = persons.id) or exists (select 1 from case_victims cv where cv.person_id = persons.id)`.as('linked'),
      sql<boolean>`${refused('data_processing')}`.as('refused_dp'),
      sql<boolean>`${refused('law_enforcement_sharing')}`.as('refused_le'),
    ])
    .where(visible)
    .where('persons.id', '=', id)
    .executeTakeFirst();
  if (!row) throw await hiddenOrMissing(db, 'persons', id, 'Person');
  const { decisions, events, reflection, consents, children } = row;
  const showIdentity = Boolean(row.identity_visible);
  return {
    ...toSummary(row),
    identity: showIdentity ? decryptIdentity(key, row) : null,
    residenceRegion: row.residence_region,
    languages: row.languages,
    vulnerabilities: row.vulnerabilities,
    channel: row.channel as PersonDetail['channel'],
    contactDate: row.contact_date,
    closure:
      row.closure_reason && row.closed_on
        ? { reason: row.closure_reason as NonNullable<PersonDetail['closure']>['reason'], closedOn: row.closed_on, note: showIdentity ? decryptOptional(key, row.closure_note_enc) : null }
        : null,
    decisions: decisions.map((d) => ({
      id: d.id,
      status: d.status as PersonDetail['identificationStatus'],
      decidedOn: d.decided_on,
      decidingAgencyId: d.deciding_agency_id,
      note: showIdentity ? decryptOptional(key, bytes(d.note_b64)) : null,
    })),
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind as PersonDetail['events'][number]['kind'],
      country: e.country,
      region: e.region,
      startDate: e.start_date === null ? null : toldDate(e.start_date, e.start_precision),
      endDate: e.end_date === null ? null : toldDate(e.end_date, e.end_precision),
      forms: e.forms,
      subtypes: e.subtypes,
      isicSection: e.isic_section,
      meansOfControl: e.means_of_control,
      recruitmentMethod: e.recruitment_method,
      onlinePlatform: e.online_platform,
      recruiterRelation: e.recruiter_relation,
    })),
    reflection: reflection
      ? {
          id: reflection.id,
          startDate: reflection.start_date,
          lengthDays: reflection.length_days,
          extensionDays: reflection.extension_days,
          endDate: addDays(reflection.start_date, reflection.length_days + reflection.extension_days),
          outcome: reflection.outcome as NonNullable<PersonDetail['reflection']>['outcome'],
          outcomeDate: reflection.outcome_date,
        }
      : null,
    consents: consents.map((c) => ({ id: c.id, purpose: c.purpose as PersonDetail['consents'][number]['purpose'], agencyId: c.agency_id, given: c.given, recordedOn: c.recorded_on })),
    children: children.map((c) => ({ id: c.id, label: c.label, birthYear: c.birth_year, gender: c.gender as PersonDetail['gender'] })),
    linkedToProceedings: Boolean(row.linked),
    refusals: { dataProcessing: Boolean(row.refused_dp), lawEnforcementSharing: Boolean(row.refused_le) },
  };
}

/** Everything that happened to a person, in date order, from every table that records it. */
export async function personTimeline(db: Kysely<Database>, id: string): Promise<z.infer<typeof Timeline>> {
  const rows = await sql<{ date: string; kind: string; summary: string; ref_id: string; at: Date }>`
    select contact_date::text as date, 'contact' as kind, channel as summary, id::text as ref_id, created_at as at from persons where id = ${id}
    union all select decided_on::text, 'identification', status, id::text, created_at from identification_decisions where person_id = ${id}
    union all select coalesce(left(start_date::text, case start_precision when 'year' then 4 when 'month' then 7 else 10 end), created_at::date::text), 'event', kind || coalesce(' ' || country, ''), id::text, created_at from exploitation_events where person_id = ${id}
    union all select start_date::text, 'reflection_started', length_days::text || ' days', id::text, created_at from reflection_periods where person_id = ${id}
    union all select outcome_date::text, 'reflection_outcome', outcome, id::text, created_at from reflection_periods where person_id = ${id} and outcome is not null
    union all select recorded_on::text, 'consent', purpose || case when given then ' given' else ' refused' end, id::text, created_at from consents where person_id = ${id}
    union all select sent_at::date::text, 'referral', status, id::text, created_at from referrals where person_id = ${id}
    union all select date::text, 'assistance', kind, id::text, created_at from assistance where person_id = ${id} and voided_at is null
    union all select paid_on::text, 'payment', kind || ' ' || amount::text || ' ' || currency, id::text, created_at from payments where person_id = ${id} and voided_at is null
    union all select started_at::date::text, 'call', channel || ' ' || topic, id::text, created_at from hotline_contacts where person_id = ${id}
    union all select closed_on::text, 'closed', closure_reason, id::text, updated_at from persons where id = ${id} and closure_reason is not null
    order by 1, 5`.execute(db);
  return { items: rows.rows.map((r) => ({ date: r.date, kind: r.kind, summary: r.summary, refId: r.ref_id })) };
}

/**
 * Possible existing records for an intake: candidates come from keyed-hash overlap among the
 * persons the user may see — never others — and are ranked by name similarity after decryption.
 */
export async function duplicateCandidates(db: Kysely<Database>, key: FieldKey, visible: Expression<SqlBool>, q: { givenName: string; familyName?: string | undefined; birthDate?: string | undefined }) {
  const keys = matchTokens(q).map((t) => matchKey(key, t));
  if (keys.length === 0) return { items: [] };
  const rows = await db
    .selectFrom('persons')
    .select(['id', 'case_code', 'given_name_enc', 'family_name_enc', 'birth_date_enc'])
    .where(visible)
    .where(sql<SqlBool>`match_keys && ${sql.val(keys)}::text[]`)
    .limit(50)
    .execute();
  const items = rows
    .map((r) => {
      const given = decryptOptional(key, r.given_name_enc) ?? '';
      const family = decryptOptional(key, r.family_name_enc) ?? '';
      const birth = decryptOptional(key, r.birth_date_enc);
      const nameScore = (similarity(latinFold(given), latinFold(q.givenName)) + (q.familyName ? similarity(latinFold(family), latinFold(q.familyName)) : 0.5)) / 2;
      // A birth date told only as a year or a month counts half when equal (docs/duplicates.md).
      const birthScore = q.birthDate && birth === q.birthDate ? (birth.length === 10 ? 0.3 : 0.15) : 0;
      const score = Math.round((0.7 * nameScore + birthScore) * 100) / 100;
      return { id: r.id, caseCode: r.case_code, score };
    })
    .filter((c) => c.score >= 0.5)
    .sort((a, b) => b.score - a.score)
    .slice(0, 10);
  return { items };
}

/** Reflection periods without an outcome that end within `withinDays`, overdue ones first. */
export async function reflectionQueue(db: Kysely<Database>, visible: Expression<SqlBool>, withinDays: number, timeZone: string): Promise<z.infer<typeof ReflectionQueue>> {
  // One "today", in the profile's time zone, for both the filter and the days left.
  const now = today(timeZone);
  const rows = await db
    .selectFrom('reflection_periods as rp')
    .innerJoin('persons', 'persons.id', 'rp.person_id')
    .select(['persons.id', 'persons.case_code', 'rp.start_date', 'rp.length_days', 'rp.extension_days'])
    .where(visible)
    .where('rp.outcome', 'is', null)
    .where('persons.closure_reason', 'is', null)
    .where(sql<SqlBool>`rp.start_date + rp.length_days + rp.extension_days <= ${now}::date + ${withinDays}::int`)
    .execute();
  const dayMs = 86_400_000;
  return {
    items: rows
      .map((r) => {
        const endDate = addDays(r.start_date, r.length_days + r.extension_days);
        const daysLeft = Math.round((Date.parse(endDate) - Date.parse(now)) / dayMs);
        return { personId: r.id, caseCode: r.case_code, endDate, daysLeft, overdue: daysLeft < 0 };
      })
      .filter((r) => r.daysLeft <= withinDays)
      .sort((a, b) => a.daysLeft - b.daysLeft),
  };
}
