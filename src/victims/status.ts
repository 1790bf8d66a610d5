import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { todayIn } from './calendar.ts';
import type { CaseStatus } from './schema.ts';

const openReflection = sql<SqlBool>`exists (select 1 from reflection_periods rp where rp.person_id = persons.id and rp.outcome is null)`;

/**
 * The case status rule: closed with a reason, else assisted once any help or payment is recorded,
 * else in reflection while a period has no outcome, else new. This is the definition; the
 * database stores its result in persons.case_status, kept by triggers (migration 0091, a frozen
 * copy of this rule), so that lists filter and sort by an index. stored-status.test.ts proves the
 * stored column equals this expression after random sequences of writes.
 */
export function caseStatusSql(): RawBuilder<CaseStatus> {
  return sql<CaseStatus>`case
    when persons.closure_reason is not null then persons.closure_reason
    when exists (select 1 from assistance a where a.person_id = persons.id and a.voided_at is null)
      or exists (select 1 from payments pm where pm.person_id = persons.id and pm.voided_at is null) then 'assisted'
    when ${openReflection} then 'in_reflection'
    else 'new' end`;
}

/** Adds days to a 'YYYY-MM-DD' date, in UTC. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Today's date in a time zone (the profile's): what "today" means to the people using Azad. */
export const today = (timeZone = 'UTC') => todayIn(timeZone);
