import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Retention } from '../profile/schema.ts';
import type { DueItem, RetentionKind } from './schema.ts';

/** The profile period, in years, of each kind. */
export function yearsOf(periods: Retention): Record<RetentionKind, number> {
  return {
    victim_case_closed: periods.victimCaseClosedYears,
    child_case_closed: periods.childCaseClosedYears,
    proceedings_case_closed: periods.proceedingsCaseClosedYears,
    not_confirmed_case_closed: periods.notConfirmedCaseClosedYears,
    hotline_contact: periods.hotlineContactYears,
  };
}

/**
 * A legal hold in force on the person or on any record merged into them, however deep (SQL, on
 * `persons`): anonymising a survivor anonymises its merged records too, and their notes and files
 * now sit under the survivor, so a hold set before a merge must still hold.
 */
export const heldSql = heldBy(sql.ref('persons.id'));

/** `heldSql` for any person id expression. */
export function heldBy(personId: RawBuilder<unknown> | string) {
  return sql<boolean>`exists (
    with recursive family(id) as (select ${personId}::uuid union select p.id from persons p join family f on p.merged_into = f.id)
    select 1 from retention_holds h join family f on h.person_id = f.id where h.cleared_at is null)`;
}

/**
 * The kind of a person record, first match wins: linked to criminal proceedings (the longest
 * period: the victim may be called as a witness or claim compensation until the case is long
 * over); a child at first contact (counted from the 18th birthday, taken as the end of that year
 * since only the birth year is in the clear); an identified victim; anyone else.
 */
const personKind = sql<RetentionKind>`case
  when exists (select 1 from case_victims cv where cv.person_id = persons.id) or exists (select 1 from fact_victims fv where fv.person_id = persons.id) then 'proceedings_case_closed'
  when persons.is_minor or (persons.birth_year is not null and persons.birth_year + 18 > extract(year from persons.contact_date)) then 'child_case_closed'
  when persons.identification_status = 'identified' then 'victim_case_closed'
  else 'not_confirmed_case_closed' end`;

/**
 * Every record whose retention period has ended by `asOf` and that still carries identifying data:
 * persons with a closed case (open cases are never due; merged records go with their survivor)
 * and hotline contacts linked to no person. Held persons are listed with `held: true`.
 */
export async function dueRecords(db: Kysely<Database>, periods: Retention, asOf: string, only?: { personId?: string; contactId?: string }): Promise<DueItem[]> {
  const y = yearsOf(periods);
  const years = (k: RetentionKind) => sql.lit(y[k]);
  const persons = only?.contactId
    ? { rows: [] }
    : await sql<{ id: string; case_code: string; kind: RetentionKind; due_on: string; held: boolean }>`
    select id, case_code, kind, due_on::text as due_on, held from (
      select persons.id, persons.case_code, k.kind, ${heldSql} as held,
             case k.kind
               when 'proceedings_case_closed' then persons.closed_on + make_interval(years => ${years('proceedings_case_closed')})
               when 'child_case_closed' then greatest(persons.closed_on, make_date(coalesce(persons.birth_year + 18, 1), 12, 31)) + make_interval(years => ${years('child_case_closed')})
               when 'victim_case_closed' then persons.closed_on + make_interval(years => ${years('victim_case_closed')})
               else persons.closed_on + make_interval(years => ${years('not_confirmed_case_closed')})
             end::date as due_on
        from persons cross join lateral (select ${personKind} as kind) k
       where persons.closed_on is not null and persons.anonymised_at is null and persons.merged_into is null
         ${only?.personId ? sql`and persons.id = ${only.personId}` : sql``}
    ) d where due_on <= ${asOf}::date
    order by due_on, case_code`.execute(db);
  const contacts = only?.personId
    ? { rows: [] }
    : await sql<{ id: string; due_on: string }>`
    select id, (started_at::date + make_interval(years => ${years('hotline_contact')}))::date::text as due_on
      from hotline_contacts
     where person_id is null and anonymised_at is null
       and (started_at::date + make_interval(years => ${years('hotline_contact')}))::date <= ${asOf}::date
       ${only?.contactId ? sql`and id = ${only.contactId}` : sql``}
     order by started_at, id`.execute(db);
  return [
    ...persons.rows.map((r) => ({ kind: r.kind, table: 'persons' as const, id: r.id, caseCode: r.case_code, dueOn: r.due_on, held: Boolean(r.held) })),
    ...contacts.rows.map((r) => ({ kind: 'hotline_contact' as const, table: 'hotline_contacts' as const, id: r.id, caseCode: null, dueOn: r.due_on, held: false })),
  ];
}
