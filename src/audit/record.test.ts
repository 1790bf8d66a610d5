import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { fieldKey } from '../crypto/fields.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { freshDatabase, testServerUrl } from '../test/harness.ts';
import { withAuditKey } from './key.ts';
import { appendAudit } from './record.ts';
import { verifyAuditChain } from './verify.ts';
// Tests mark their own entries with names no command writes; the chain takes any text.
import type { AuditAction } from './actions.ts';

const key = fieldKey(randomBytes(32));
let db: Awaited<ReturnType<typeof freshDatabase>>;
before(async () => {
  db = await freshDatabase(testServerUrl(), key);
  await migrateToLatest(db.kysely);
});
after(() => db.close());

// Each child is a separate app process with its own pool: the advisory lock, not process memory, orders the chain.
const child = (url: string, n: number, name: string) =>
  new Promise<void>((resolve, reject) => {
    const code = `
      const { openDatabase } = await import(${JSON.stringify(new URL('../db/database.ts', import.meta.url).href)});
      const { withAuditKey } = await import(${JSON.stringify(new URL('./key.ts', import.meta.url).href)});
      const { fieldKey } = await import(${JSON.stringify(new URL('../crypto/fields.ts', import.meta.url).href)});
      const { appendAudit } = await import(${JSON.stringify(new URL('./record.ts', import.meta.url).href)});
      const db = await openDatabase({ databaseUrl: process.env.URL, dataDir: '' });
      const k = withAuditKey(db.kysely, fieldKey(Buffer.from(process.env.KEY, 'base64')));
      await Promise.all(Array.from({ length: ${n} }, (_, i) => appendAudit(k, { action: '${name}.' + i, outcome: 'ok' })));
      await db.close();`;
    const p = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { env: { ...process.env, URL: url, KEY: key.key.toString('base64') }, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('exit', (c) => (c === 0 ? resolve() : reject(new Error(err))));
  });

test('app processes appending at once on one PostgreSQL make one gapless keyed chain', { skip: !testServerUrl() && 'PGlite is one process' }, async () => {
  await Promise.all(['a', 'b', 'c'].map((name) => child(db.url as string, 40, name)));
  const r = await verifyAuditChain(db.kysely, key);
  assert.equal(r.ok, true, JSON.stringify(r.broken));
  assert.equal(r.checked, 120);
  assert.equal(r.unkeyed, 0);
});

test('concurrent appends are group-committed: fewer transactions than entries, one gapless chain in arrival order', async () => {
  const before = Number((await db.kysely.selectFrom('audit_log').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  let commits = 0;
  // Counting the transactions the appends open proves the batching without timing anything.
  const counted = db.kysely.withPlugin({
    transformQuery: (a) => {
      if (a.node.kind === 'RawNode' && /audit_lock_head/.test(JSON.stringify(a.node))) commits += 1;
      return a.node;
    },
    transformResult: async (a) => a.result,
  });
  await Promise.all(Array.from({ length: 200 }, (_, i) => appendAudit(counted, { action: `group.${i}` as AuditAction, outcome: 'ok' })));
  assert.ok(commits >= 1 && commits < 200, `200 entries took ${commits} transactions`);
  const rows = await db.kysely.selectFrom('audit_log').select(['seq', 'action']).where('action', 'like', 'group.%').orderBy('seq').execute();
  assert.deepEqual(rows.map((r) => r.action), Array.from({ length: 200 }, (_, i) => `group.${i}`));
  assert.equal(rows[199]!.seq - rows[0]!.seq, 199);
  const r = await verifyAuditChain(db.kysely, key);
  assert.equal(r.ok, true, JSON.stringify(r.broken));
  assert.equal(r.checked, before + 200);
});

test('one entry the database refuses fails alone; the others in its batch are committed', async () => {
  // jsonb refuses \u0000: that entry's caller gets audit_unavailable, its neighbours succeed.
  const results = await Promise.allSettled(
    Array.from({ length: 20 }, (_, i) => appendAudit(db.kysely, { action: `mixed.${i}` as AuditAction, outcome: 'ok', details: i === 7 ? { bad: 'a\u0000b' } : { i } })),
  );
  const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [i] : []));
  assert.deepEqual(failed, [7]);
  const rejected = results[7] as PromiseRejectedResult;
  assert.equal((rejected.reason as { code?: string }).code, 'audit_unavailable');
  const n = await db.kysely.selectFrom('audit_log').select('action').where('action', 'like', 'mixed.%').execute();
  assert.equal(n.length, 19);
  assert.equal((await verifyAuditChain(db.kysely, key)).ok, true);
});

test('a head this process guessed wrong (its transaction rolled back, or another writer came first) costs a retry, never a fork', async () => {
  const kdb = db.kysely;
  await appendAudit(kdb, { action: 'guess.first' as AuditAction, outcome: 'ok' });
  // The rolled-back entry was remembered as the head; the next append must not chain after it.
  await kdb
    .transaction()
    .execute(async (trx) => {
      await appendAudit(trx, { action: 'guess.rolled_back' as AuditAction, outcome: 'ok' });
      throw new Error('roll back');
    })
    .catch(() => undefined);
  await appendAudit(kdb, { action: 'guess.after_rollback' as AuditAction, outcome: 'ok' });
  // Another writer appends between ours: the same key's bytes in an object of its own, as another process holds them.
  const other = withAuditKey(kdb, fieldKey(Buffer.from(key.key)));
  await appendAudit(other, { action: 'guess.other' as AuditAction, outcome: 'ok' });
  await appendAudit(kdb, { action: 'guess.last' as AuditAction, outcome: 'ok' });
  const rows = await kdb.selectFrom('audit_log').select('action').where('action', 'like', 'guess.%').orderBy('seq').execute();
  assert.deepEqual(rows.map((r) => r.action), ['guess.first', 'guess.after_rollback', 'guess.other', 'guess.last']);
  const r = await verifyAuditChain(kdb, key);
  assert.equal(r.ok, true, JSON.stringify(r.broken));
});
