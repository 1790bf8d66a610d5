import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql, type Kysely } from 'kysely';
import { openDatabase, type Db } from './database.ts';
import { startHousekeeping, tablesDue, vacuumWhereDue } from './pglite-housekeeping.ts';

// PGlite's own: a PostgreSQL server runs autovacuum (database.ts starts this on PGlite only).
let db: Db;
let k: Kysely<any>;
before(async () => {
  db = await openDatabase({ dataDir: 'memory://' });
  k = db.kysely as unknown as Kysely<any>;
  // As persons: a list in created order among the rows not merged away, and a small partial index beside it.
  await sql`create table hk (id serial primary key, at timestamptz not null, merged_into int, pad text)`.execute(k);
  await sql`create index hk_at_idx on hk (at, id)`.execute(k);
  await sql`create index hk_live_idx on hk (id) where merged_into is null`.execute(k);
});
after(() => db.close());

const latest = (n: number) => k.selectFrom('hk').select('id').where('merged_into', 'is', null).orderBy('at', 'desc').orderBy('id', 'desc').limit(n).execute();
const grow = (n: number) => sql`insert into hk (at, pad) select now() - g * interval '1 second', repeat('x', 100) from generate_series(1, ${n}) g`.execute(k);
/** A session's counts reach pg_stat_user_tables at most once a second; a test reads them at once. */
const flushStatistics = () => sql`select pg_stat_force_next_flush()`.execute(k);
/** The plan PostgreSQL uses now for the app's prepared statement of `latest`. */
async function planOfLatest() {
  const { rows } = await sql<{ name: string }>`select name from pg_prepared_statements where statement like 'select "id" from "hk"%'`.execute(k);
  const plan = await sql.raw<{ 'QUERY PLAN': string }>(`explain (costs off) execute ${rows[0]?.name}(50)`).execute(k);
  return plan.rows.map((r) => r['QUERY PLAN']).join('\n');
}

test('a plan made while a table was small is made again once housekeeping has analysed the grown table', async () => {
  await grow(10);
  // Past five runs PostgreSQL keeps one generic plan for the statement: here a sort of the whole table.
  for (let i = 0; i < 8; i++) await latest(50);
  await grow(5_000);
  assert.match(await planOfLatest(), /Sort/, 'the plan made at 10 rows is still the one used at 5,000');
  await flushStatistics();
  assert.deepEqual(
    (await tablesDue(db.kysely)).map((t) => t.table),
    ['hk'],
  );
  assert.deepEqual(await vacuumWhereDue(db.kysely), ['hk']);
  assert.deepEqual(await tablesDue(db.kysely), [], 'nothing is due right after');
  assert.match(await planOfLatest(), /Index Scan Backward using hk_at_idx/);
  assert.equal((await latest(50)).length, 50);
});

test('the housekeeping timer vacuums what is due, and stops', async () => {
  await grow(3_000);
  await flushStatistics();
  assert.ok((await tablesDue(db.kysely)).some((t) => t.table === 'hk'));
  const stop = startHousekeeping(db.kysely, 20);
  for (let i = 0; i < 100 && (await tablesDue(db.kysely)).length > 0; i++) await new Promise((r) => setTimeout(r, 20));
  await stop();
  assert.deepEqual(await tablesDue(db.kysely), []);
  const { rows } = await sql<{ last_analyze: Date | null }>`select last_analyze from pg_stat_user_tables where relname = 'hk'`.execute(k);
  assert.ok(rows[0]?.last_analyze);
});
