import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { fieldKey } from '../crypto/fields.ts';
import { freshDatabase, testServerUrl } from '../test/harness.ts';
import type { Db } from './database.ts';
import { migrateToLatest } from './migrate.ts';
import { onOneSnapshot } from './snapshot.ts';

let db: Db;
before(async () => {
  db = await freshDatabase(undefined, fieldKey(randomBytes(32)));
  await migrateToLatest(db.kysely);
  await sql`create table snap_probe (n int)`.execute(db.kysely);
  await sql`insert into snap_probe values (1), (2)`.execute(db.kysely);
});
after(() => db.close());

const count = async (q: typeof db.kysely) => Number((await sql<{ n: number }>`select count(*)::int as n from snap_probe`.execute(q)).rows[0]?.n);

test('results come back in the order of the tasks, from a read-only transaction', async () => {
  const got = await onOneSnapshot(db.kysely, Array.from({ length: 7 }, (_, i) => async (q: typeof db.kysely) => (await count(q)) * 10 + i));
  assert.deepEqual(got, [20, 21, 22, 23, 24, 25, 26]);
  const mem = await onOneSnapshot(db.kysely, [async (q) => (await sql<{ m: string }>`select current_setting('work_mem') as m`.execute(q)).rows[0]?.m, async (q) => (await sql<{ m: string }>`select current_setting('work_mem') as m`.execute(q)).rows[0]?.m], { settings: { work_mem: '24MB' } });
  assert.deepEqual(mem, ['24MB', '24MB']);
  await assert.rejects(onOneSnapshot(db.kysely, [(q) => sql`insert into snap_probe values (3)`.execute(q)]), /read-only/);
});

// PostgreSQL only: on PGlite's one connection a write from outside would wait for the snapshot to end.
test('every task sees the state from before a write that commits while they run, on several connections', { skip: !testServerUrl() && 'needs DATABASE_URL' }, async () => {
  let written!: Promise<unknown>;
  let seen = 0;
  const tasks = Array.from({ length: 6 }, (_, i) => async (q: typeof db.kysely) => {
    // The first task to start commits a row from outside the snapshot; every task reads after that commit.
    if (i === 0) written = sql`insert into snap_probe values (9)`.execute(db.kysely);
    while (!written) await new Promise((r) => setTimeout(r, 5));
    await written;
    seen++;
    return count(q);
  });
  const got = await onOneSnapshot(db.kysely, tasks, { width: 3 });
  assert.equal(seen, 6);
  assert.deepEqual(got, [2, 2, 2, 2, 2, 2]);
  assert.equal(await count(db.kysely), 3);
  // Several connections did share the work: the leader's and the followers' backends differ.
  const pids = await onOneSnapshot(db.kysely, Array.from({ length: 6 }, () => async (q: typeof db.kysely) => {
    await new Promise((r) => setTimeout(r, 20));
    return Number((await sql<{ p: number }>`select pg_backend_pid() as p`.execute(q)).rows[0]?.p);
  }), { width: 3 });
  assert.ok(new Set(pids).size > 1, `one backend did all the work: ${pids.join(',')}`);
});
