import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { todayIn } from './calendar.ts';
import type { CaseStatus } from './schema.ts';

const openReflection = sql<SqlBool>`exists (select 1 from reflection_periods rp where rp.person_id = persons.id and rp.outcome is null)`;

/**
 * Case status is computed, never stored: closed with a reason, else assisted once any help
 * or payment is recorded, else in reflection while a period has no outcome, else new.
 * One SQL expression, so list filters and single reads agree.
 */
export function caseStatusSql(): RawBuilder<CaseStatus> {
  return sql<CaseStatus>`case
    when persons.closure_reason is not null then persons.closure_reason
    when exists (select 1 from assistance a where a.person_id = persons.id and a.voided_at is null)
      or exists (select 1 from payments pm where pm.person_id = persons.id and pm.voided_at is null) then 'assisted'
    when ${openReflection} then 'in_reflection'
    else 'new' end`;
}

/** The statuses caseStatusSql() derives for cases without a closure reason. */
const OPEN_STATUSES: readonly string[] = ['assisted', 'in_reflection', 'new'];

/**
 * Exactly `caseStatusSql() = status`, plus conditions that follow from it, so the planner can
 * use the closure-reason and open-case indexes (0002) instead of evaluating the case for every
 * person: a closed status is just its closure reason; an open one needs no closure reason (or
 * that very word as reason) and, for in_reflection, an open period.
 */
export function caseStatusIs(status: string): RawBuilder<SqlBool> {
  if (!OPEN_STATUSES.includes(status)) return sql<SqlBool>`persons.closure_reason = ${status}`;
  // A literal, not a parameter, so the planner can match the partial index's predicate.
  const word = sql.lit(status);
  const implied = [sql<SqlBool>`(persons.closure_reason is null or persons.closure_reason = ${word})`];
  if (status === 'in_reflection') implied.push(sql<SqlBool>`(persons.closure_reason is not null or ${openReflection})`);
  return sql<SqlBool>`(${sql.join([...implied, sql`${caseStatusSql()} = ${word}`], sql` and `)})`;
}

/** Adds days to a 'YYYY-MM-DD' date, in UTC. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Today's date in a time zone (the profile's): what "today" means to the people using Azad. */
export const today = (timeZone = 'UTC') => todayIn(timeZone);
