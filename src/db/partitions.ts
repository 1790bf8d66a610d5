import { sql, type Kysely } from 'kysely';

/** The tables partitioned by calendar year (UTC), and the column that decides the year. */
export const YEAR_PARTITIONED = [
  { table: 'audit_log', column: 'at' },
  { table: 'hotline_contacts', column: 'started_at' },
] as const;

export interface MaintainResult {
  /** Partitions created, by name (`audit_log_y2029`). */
  created: string[];
  /** Rows that waited in a DEFAULT partition and now sit in their year's own. */
  moved: number;
}

/**
 * Creates each year-partitioned table's partitions for this year and the next `yearsAhead`, and
 * for every year that has rows waiting in the DEFAULT partition (a contact imported from 2009, a
 * restore of an older trail), which moves those rows into it. Idempotent: a second run creates
 * nothing. Runs in one transaction; creating a partition briefly locks its table.
 */
export async function maintainPartitions(db: Kysely<any>, opts: { yearsAhead?: number; now?: Date } = {}): Promise<MaintainResult> {
  const thisYear = (opts.now ?? new Date()).getUTCFullYear();
  const ahead = Array.from({ length: (opts.yearsAhead ?? 2) + 1 }, (_, i) => thisYear + i);
  return db.transaction().execute(async (trx) => {
    const result: MaintainResult = { created: [], moved: 0 };
    for (const { table, column } of YEAR_PARTITIONED) {
      const waiting = await sql<{ y: number; n: number }>`
        select extract(year from ${sql.ref(column)} at time zone 'UTC')::int as y, count(*)::int as n
          from ${sql.table(`${table}_default`)} group by 1`.execute(trx);
      const years = [...new Set([...ahead, ...waiting.rows.map((r) => Number(r.y))])];
      const { rows } = await sql<{ made: string }>`select unnest(azad_year_partitions(${table}, ${`{${years.join(',')}}`}::text::int[])) as made`.execute(trx);
      const made = rows.map((r) => r.made);
      result.created.push(...made.filter((name) => !name.endsWith('_default')));
      for (const r of waiting.rows) if (made.includes(`${table}_y${r.y}`)) result.moved += Number(r.n);
    }
    return result;
  });
}
