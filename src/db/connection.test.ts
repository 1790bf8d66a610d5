import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { isBusy } from './database.ts';
import { startTestApp, testServerUrl, type TestApp } from '../test/harness.ts';

// PostgreSQL only: PGlite runs inside the process and has no connection to lose.
const server = testServerUrl();
let t: TestApp;
before(async () => {
  if (server) t = await startTestApp();
});
after(() => t?.close());

test('connections killed under in-flight requests: clean 503s, the process lives, the pool heals', { skip: !server && 'needs DATABASE_URL' }, async () => {
  const coordinator = await t.as('coordinator');
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(t.db.kysely);
  const dbName = rows[0]?.name;
  const kill = () => admin.query('select count(pg_terminate_backend(pid)) as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [dbName]);
  try {
    const statuses: number[] = [];
    const codes = new Set<string>();
    for (let round = 0; round < 5; round++) {
      const inFlight = Array.from({ length: 12 }, (_, i) => coordinator.get(i % 2 ? '/api/persons?limit=200' : '/api/hotline/contacts?limit=100'));
      await new Promise((r) => setTimeout(r, 5 + round * 3));
      await kill();
      for (const res of await Promise.all(inFlight)) {
        statuses.push(res.status);
        if (res.status !== 200) codes.add(res.body?.error?.code);
      }
    }
    assert.ok(statuses.every((s) => s === 200 || s === 503), `only 200 or 503, got ${[...new Set(statuses)]}`);
    assert.ok([...codes].every((c) => c === 'service_unavailable'), `a stable code, got ${[...codes]}`);
    // Killed between requests too: idle connections die. A request racing the backend's exit may
    // get a 503 (the socket has not closed yet); the pool drops dead clients and heals within moments.
    await kill();
    const after: number[] = [];
    for (let i = 0; i < 20 && after.at(-1) !== 200; i++) {
      if (i) await new Promise((r) => setTimeout(r, 100));
      after.push((await coordinator.get('/api/persons?limit=10')).status);
    }
    assert.equal(after.at(-1), 200, `healed, got ${after}`);
    assert.ok(after.every((s) => s === 200 || s === 503), `only 200 or 503, got ${after}`);
  } finally {
    await admin.end();
  }
});

test('a deadlock, a serialisation failure or a lock timeout is "busy": the client gets a 503 to try again, not a 500', { skip: !server && 'needs DATABASE_URL' }, async () => {
  // Two sessions lock two rows in opposite orders; PostgreSQL aborts one of them with 40P01.
  const [a, b] = [new pg.Client({ connectionString: t.db.url }), new pg.Client({ connectionString: t.db.url })];
  await Promise.all([a.connect(), b.connect()]);
  try {
    await a.query(`create table deadlock_probe (id int primary key)`);
    await a.query(`insert into deadlock_probe values (1), (2)`);
    await Promise.all([a.query('begin'), b.query('begin')]);
    await a.query('select 1 from deadlock_probe where id = 1 for update');
    await b.query('select 1 from deadlock_probe where id = 2 for update');
    const results = await Promise.allSettled([a.query('select 1 from deadlock_probe where id = 2 for update'), b.query('select 1 from deadlock_probe where id = 1 for update')]);
    const failed = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as Error] : []));
    assert.equal(failed.length, 1);
    assert.equal((failed[0] as { code?: string }).code, '40P01');
    assert.equal(isBusy(failed[0]), true);
    assert.equal(isBusy(new Error('something else')), false);
    await Promise.all([a.query('rollback'), b.query('rollback')]);
  } finally {
    await a.query('drop table if exists deadlock_probe').catch(() => undefined);
    await Promise.all([a.end(), b.end()]);
  }
});
