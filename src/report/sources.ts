// From a figure to the records behind it: the persons a figure counts, as far as the user may see them.
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { calendarYear } from './figure.ts';
import { ASSISTANCE_FIGURES } from './victim-figures.ts';

type Db = Kysely<Database>;

/** The persons behind a record-derived figure for a year, filtered by the caller's visibility. */
export async function figureSourcePersons(db: Db, figureId: string, year: number, visible: Expression<SqlBool>) {
  const p = calendarYear(year);
  const during = (col: string) => sql<SqlBool>`${sql.ref(col)} between ${p.from}::date and ${p.to}::date`;
  let q = db.selectFrom('persons').select(['persons.id', 'persons.case_code', 'persons.identified_on']).where(visible);
  const kinds = ASSISTANCE_FIGURES[figureId];
  if (figureId.startsWith('victims.') && !figureId.startsWith('victims.cumulative')) q = q.where(during('persons.identified_on'));
  else if (kinds) {
    q = q.where(({ exists, selectFrom }) => exists(selectFrom('assistance').select(sql`1`.as('one')).whereRef('assistance.person_id', '=', 'persons.id').where('assistance.kind', 'in', kinds).where('assistance.child_id', 'is', null).where(during('assistance.date')))).where('persons.identified_on', '<=', sql<string>`${p.to}::date`);
  } else if (figureId === 'assistance.lump_sum_700' || figureId === 'assistance.aid_fund.recipients') {
    const kind = figureId === 'assistance.lump_sum_700' ? 'one_time_allowance' : 'aid_fund_payment';
    q = q.where(({ exists, selectFrom }) => exists(selectFrom('payments').select(sql`1`.as('one')).whereRef('payments.person_id', '=', 'persons.id').where('payments.kind', '=', kind).where(during('payments.paid_on'))));
  } else if (figureId === 'reflection_period.granted') {
    q = q.where(({ exists, selectFrom }) => exists(selectFrom('reflection_periods').select(sql`1`.as('one')).whereRef('reflection_periods.person_id', '=', 'persons.id').where(during('reflection_periods.start_date'))));
  } else throw new AppError('not_found', `No list of records behind ${figureId}`);
  const rows = await q.orderBy('persons.case_code').limit(5000).execute();
  return rows.map((r) => ({ id: r.id, caseCode: r.case_code, identifiedOn: r.identified_on }));
}
