import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PGlite, types } from '@electric-sql/pglite';
import { preparedStatements, type QueryClient } from './pglite-statements.ts';

// The prepared path must answer exactly what PGlite's own query() answers, on the same engine.
let client: PGlite;
let fast: QueryClient;
before(async () => {
  client = await PGlite.create({ parsers: { [types.INT8]: (v: string) => Number(v), [types.DATE]: (v: string) => v } });
  fast = preparedStatements(client);
  await fast.query(`create table t (id serial primary key, at timestamptz, day date, tags text[], doc jsonb, big bigint, note text)`);
});
after(() => client.close());

const insert = `insert into t (at, day, tags, doc, big, note) values ($1, $2, $3, $4, $5, $6) returning *`;
const values = [new Date('2026-03-14T10:00:00.123Z'), '2026-03-14', ['a', 'b,c', 'd"e'], { k: [1, 'two', null] }, 9_007_199_254_740_991, null];

test('the same statement run twice answers as query() does: values, types, affected rows', async () => {
  for (let i = 0; i < 3; i++) {
    const mine = await fast.query(insert, values);
    const theirs = await client.query(insert, values);
    assert.deepEqual({ ...(mine.rows[0] as object), id: 0 }, { ...(theirs.rows[0] as object), id: 0 });
    assert.deepEqual(mine.fields, theirs.fields);
    assert.equal(mine.affectedRows, theirs.affectedRows);
  }
  const upd = `update t set note = $1 where id > $2`;
  assert.equal((await fast.query(upd, ['x', 0])).affectedRows, (await client.query(upd, ['x', 0])).affectedRows);
  const sel = `select * from t where tags && $1 order by id`;
  assert.deepEqual((await fast.query(sel, [['b,c']])).rows, (await client.query(sel, [['b,c']])).rows);
});

test('an error is the database error query() throws, and the statement still works afterwards', async () => {
  const bad = `insert into t (id, note) values ($1, $2)`;
  await fast.query(bad, [1_000_000, 'first']);
  const err = await fast.query(bad, [1_000_000, 'again']).then(() => null, (e: unknown) => e as { code?: string; query?: string });
  const expected = await client.query(bad, [1_000_000, 'again']).then(() => null, (e: unknown) => e as { code?: string });
  assert.equal(err?.code, '23505');
  assert.equal(err?.code, expected?.code);
  assert.equal(err?.query, bad);
  assert.equal((await fast.query(bad, [1_000_001, 'fine'])).affectedRows, 1);
  const syntax = await fast.query(`selec 1`).then(() => null, (e: unknown) => e as { code?: string });
  assert.equal(syntax?.code, '42601');
});

test('a table changed after a statement was prepared: the statement answers with the new shape', async () => {
  const all = `select * from t where id = $1`;
  const before = await fast.query<Record<string, unknown>>(all, [1_000_001]);
  assert.equal('extra' in (before.rows[0] ?? {}), false);
  await fast.query(`alter table t add column extra int default 7`);
  const after = await fast.query<Record<string, unknown>>(all, [1_000_001]);
  assert.equal(after.rows[0]?.extra, 7);
});

test('inside a transaction that fails, the transaction ends as it would with query()', async () => {
  await fast.query('begin');
  await fast.query(`insert into t (note) values ($1)`, ['in tx']);
  await assert.rejects(fast.query(`insert into t (id) values ($1)`, [1_000_001]));
  await assert.rejects(fast.query(`select count(*) from t where note = $1`, ['in tx']), /current transaction is aborted/);
  await fast.query('rollback');
  assert.deepEqual((await fast.query(`select count(*)::int as n from t where note = $1`, ['in tx'])).rows, [{ n: 0 }]);
});

test('more distinct statements than are kept prepared: all still answer', async () => {
  for (let i = 0; i < 450; i++) {
    const { rows } = await fast.query<{ n: number }>(`select $1::int + ${i} as n`, [1]);
    assert.equal(rows[0]?.n, i + 1);
  }
  const { rows } = await fast.query<{ n: number }>(`select $1::int + 0 as n`, [5]);
  assert.equal(rows[0]?.n, 5);
});
