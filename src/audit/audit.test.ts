import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../test/harness.ts';
import { makeAnchor, verifyAgainstAnchor } from './anchor.ts';
import { contentHash, GENESIS_HASH, linkHash } from './chain.ts';
import { appendAudit } from './record.ts';
import { verifyAuditChain } from './verify.ts';
// Tests mark their own entries with names no command writes; the chain takes any text.
import type { AuditAction } from './actions.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

const lastRows = (n: number) => t.db.kysely.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(n).execute();

test('every API call is recorded with who, action, target and outcome before the reply arrives', async () => {
  const police = await t.as('police_investigator');
  const target = t.users.police_investigator.id;
  const ok = await police.get(`/api/users/${target}`);
  assert.equal(ok.status, 200);
  const [row] = await lastRows(1);
  assert.equal(row?.actor_id, target);
  assert.equal(row?.action, 'users.list');
  assert.equal(row?.target_type, 'user');
  assert.equal(row?.target_id, target);
  assert.equal(row?.outcome, 'ok');
  assert.equal(row?.status, 200);

  const denied = await police.get('/api/audit');
  assert.equal(denied.status, 403);
  const [deniedRow] = await lastRows(1);
  assert.equal(deniedRow?.action, 'audit.list');
  assert.equal(deniedRow?.outcome, 'denied');
});

test('failed sign-ins name a real account, but never keep an unknown username (it may be a password)', async () => {
  const known = await t.anonymous().post('/api/auth/login', { username: t.users.analyst.username, password: 'wrong-password-123' });
  assert.equal(known.status, 401);
  const [row] = await lastRows(1);
  assert.equal(row?.action, 'POST /api/auth/login');
  assert.equal(row?.outcome, 'denied');
  assert.equal((row?.details as { username?: string }).username, t.users.analyst.username);

  const typo = await t.anonymous().post('/api/auth/login', { username: 'hunter2-secret', password: 'wrong-password-123' });
  assert.equal(typo.status, 401);
  const [row2] = await lastRows(1);
  assert.equal((row2?.details as { unknownUsername?: boolean }).unknownUsername, true);
  assert.doesNotMatch(JSON.stringify(row2), /hunter2-secret/);
});

test('the database itself rejects UPDATE, DELETE and TRUNCATE on the trail', async () => {
  await assert.rejects(sql`update audit_log set outcome = 'ok' where seq = 1`.execute(t.db.kysely), /append-only/);
  await assert.rejects(sql`delete from audit_log where seq = 1`.execute(t.db.kysely), /append-only/);
  await assert.rejects(sql`truncate audit_log`.execute(t.db.kysely), /append-only/);
});

test('the auditor filters the trail by user, target and time', async () => {
  const auditor = await t.as('auditor');
  const byUser = await auditor.get(`/api/audit?actorUsername=${t.users.police_investigator.username}`);
  assert.equal(byUser.status, 200);
  assert.ok(byUser.body.items.length >= 2);
  for (const e of byUser.body.items) assert.equal(e.actorUsername, t.users.police_investigator.username);

  const byTarget = await auditor.get(`/api/audit?targetType=user&targetId=${t.users.police_investigator.id}`);
  assert.ok(byTarget.body.items.length >= 1);
  for (const e of byTarget.body.items) assert.equal(e.targetId, t.users.police_investigator.id);

  const future = new Date(Date.now() + 3_600_000).toISOString();
  const none = await auditor.get(`/api/audit?from=${encodeURIComponent(future)}`);
  assert.deepEqual(none.body.items, []);

  const page1 = await auditor.get('/api/audit?limit=2');
  assert.equal(page1.body.items.length, 2);
  const page2 = await auditor.get(`/api/audit?limit=2&before=${page1.body.nextBefore}`);
  assert.ok(page2.body.items[0].seq < page1.body.items[1].seq);
});

test('concurrent writers still produce one unbroken chain', async () => {
  await Promise.all(Array.from({ length: 25 }, (_, i) => appendAudit(t.db.kysely, { action: `test.concurrent.${i}` as AuditAction, outcome: 'ok' })));
  const result = await verifyAuditChain(t.db.kysely, t.ctx.fieldKey);
  assert.equal(result.ok, true, JSON.stringify(result.broken));
  assert.ok(result.checked > 25);
});

// Tampering needs the triggers off, as the owner of the table or a superuser would do; the chain must still tell.
// On PostgreSQL the way is session_replication_role = replica (no trigger fires); PGlite runs as a
// superuser too, but its single connection makes disabling the trigger the simpler equivalent.
async function tamper(...statements: ReturnType<typeof sql>[]) {
  await t.db.kysely.connection().execute(async (conn) => {
    const off = t.db.kind === 'postgres' ? sql`set session_replication_role = replica` : sql`alter table audit_log disable trigger audit_log_no_update_delete`;
    const on = t.db.kind === 'postgres' ? sql`set session_replication_role = origin` : sql`alter table audit_log enable trigger audit_log_no_update_delete`;
    await off.execute(conn);
    try {
      for (const s of statements) await s.execute(conn);
    } finally {
      await on.execute(conn);
    }
  });
}

/** What an attacker without the key can do: rewrite a row and recompute every later hash with the unkeyed function. */
async function rewriteWithRecomputedHashes(seq: number, change: { action: string }, opts: { dropKeyIds?: boolean } = {}) {
  const rows = await t.db.kysely.selectFrom('audit_log').selectAll().where('seq', '>=', seq).orderBy('seq').execute();
  const first = await t.db.kysely.selectFrom('audit_log').select('hash').where('seq', '=', seq - 1).executeTakeFirst();
  let prev = first?.hash ?? GENESIS_HASH;
  const updates: ReturnType<typeof sql>[] = [];
  for (const row of rows) {
    const forged = row.seq === seq ? { ...row, ...change } : row;
    const content = contentHash(forged);
    const hash = linkHash(prev, row.seq, content);
    updates.push(sql`update audit_log set action = ${forged.action}, content_hash = ${content}, prev_hash = ${prev}, hash = ${hash}
      ${opts.dropKeyIds ? sql`, key_id = null` : sql``} where seq = ${row.seq}`);
    prev = hash;
  }
  await tamper(...updates);
}

test('a rewritten row with every later hash recomputed (unkeyed) is caught: without the key the links cannot be forged', async () => {
  const anchor = await makeAnchor(t.db.kysely, t.ctx.fieldKey);
  const [head] = await lastRows(1);
  assert.ok(head && head.seq > 5);
  await rewriteWithRecomputedHashes(head.seq - 3, { action: 'nothing.happened' });
  const r = await verifyAuditChain(t.db.kysely, t.ctx.fieldKey);
  assert.equal(r.ok, false);
  assert.equal(r.broken?.seq, head.seq - 3);
  assert.match(r.broken?.reason ?? '', /link hash is wrong/);
  const a = await verifyAgainstAnchor(t.db.kysely, t.ctx.fieldKey, anchor);
  assert.equal(a.ok, false);
  assert.equal(a.broken?.seq, head.seq - 3);
});

test('an altered row breaks the chain at that row, the first broken link', async () => {
  await tamper(sql`update audit_log set outcome = 'ok', status = 200 where seq = 3`);
  const after = await verifyAuditChain(t.db.kysely, t.ctx.fieldKey);
  assert.equal(after.ok, false);
  assert.equal(after.broken?.seq, 3);
  assert.match(after.broken?.reason ?? '', /altered/);
});
