import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../test/harness.ts';
import { contentHash, linkHash } from './chain.ts';
import { appendAudit } from './record.ts';
import { verifyAuditChain } from './verify.ts';

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
  await Promise.all(Array.from({ length: 25 }, (_, i) => appendAudit(t.db.kysely, { action: `test.concurrent.${i}`, outcome: 'ok' })));
  const result = await verifyAuditChain(t.db.kysely);
  assert.equal(result.ok, true, JSON.stringify(result.broken));
  assert.ok(result.checked > 25);
});

// Tampering needs the triggers off, as a superuser attacker would do; the chain must still tell.
async function tamper(statement: ReturnType<typeof sql>) {
  await sql`alter table audit_log disable trigger audit_log_no_update_delete`.execute(t.db.kysely);
  try {
    await statement.execute(t.db.kysely);
  } finally {
    await sql`alter table audit_log enable trigger audit_log_no_update_delete`.execute(t.db.kysely);
  }
}

test('a rewritten row with freshly computed hashes is caught at the next link', async () => {
  const [head] = await lastRows(1);
  assert.ok(head && head.seq > 3);
  const victim = await t.db.kysely.selectFrom('audit_log').selectAll().where('seq', '=', head.seq - 1).executeTakeFirstOrThrow();
  const forged = { ...victim, action: 'nothing.happened' };
  const content = contentHash(forged);
  await tamper(sql`update audit_log set action = ${forged.action}, content_hash = ${content},
    hash = ${linkHash(victim.prev_hash, victim.seq, content)} where seq = ${victim.seq}`);
  const r = await verifyAuditChain(t.db.kysely);
  assert.equal(r.ok, false);
  assert.equal(r.broken?.seq, head.seq);
  assert.match(r.broken?.reason ?? '', /does not follow/);
});

test('an altered row breaks the chain at that row, the first broken link', async () => {
  await tamper(sql`update audit_log set outcome = 'ok', status = 200 where seq = 3`);
  const after = await verifyAuditChain(t.db.kysely);
  assert.equal(after.ok, false);
  assert.equal(after.broken?.seq, 3);
  assert.match(after.broken?.reason ?? '', /altered/);
});
