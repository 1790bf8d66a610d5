import { sql, type RawBuilder } from 'kysely';
import type { CaseStatus } from './schema.ts';

/**
 * Case status is computed, never stored: closed with a reason, else assisted once any help
 * or payment is recorded, else in reflection while a period has no outcome, else new.
 * One SQL expression, so list filters and single reads agree.
 */
export function caseStatusSql(): RawBuilder<CaseStatus> {
  return sql<CaseStatus>`case
    when persons.closure_reason is not null then persons.closure_reason
    when exists (select 1 from assistance a where a.person_id = persons.id)
      or exists (select 1 from payments pm where pm.person_id = persons.id) then 'assisted'
    when exists (select 1 from reflection_periods rp where rp.person_id = persons.id and rp.outcome is null) then 'in_reflection'
    else 'new' end`;
}

/** Adds days to a 'YYYY-MM-DD' date, in UTC. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export const today = () => new Date().toISOString().slice(0, 10);
