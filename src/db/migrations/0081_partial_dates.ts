import { sql, type Kysely } from 'kysely';

/**
 * Issue 17: an event's start and end may be a year or a month as the victim told it. The date
 * column keeps the first day of what was told (so ordering and "the year it names" work as
 * before); the precision says how much of it is known. Earlier rows are full dates.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const end of ['start', 'end']) {
    const date = `${end}_date`;
    const precision = `${end}_precision`;
    await db.schema.alterTable('exploitation_events').addColumn(precision, 'text', (c) => c.notNull().defaultTo('day')).execute();
    await db.schema
      .alterTable('exploitation_events')
      .addCheckConstraint(
        `exploitation_events_${precision}_check`,
        sql`${sql.ref(precision)} in ('year', 'month', 'day') and (${sql.ref(precision)} = 'day' or extract(day from ${sql.ref(date)}) = 1) and (${sql.ref(precision)} <> 'year' or extract(month from ${sql.ref(date)}) = 1)`,
      )
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('exploitation_events').dropColumn('start_precision').dropColumn('end_precision').execute();
}
