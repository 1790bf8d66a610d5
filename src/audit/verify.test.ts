import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { Migrator, sql, type Kysely } from 'kysely';
import { fieldKey, type FieldKey } from '../crypto/fields.ts';
import type { Db } from '../db/database.ts';
import { migrations } from '../db/migrations/index.ts';
import type { Database } from '../db/schema.ts';
import { freshDatabase, keyed } from '../test/harness.ts';
import { makeAnchor, readAnchor, verifyAgainstAnchor } from './anchor.ts';
import { contentHash, GENESIS_HASH, linkHash } from './chain.ts';
import { appendAudit } from './record.ts';
import { verifyAuditChain } from './verify.ts';
// Tests mark their own entries with names no command writes; the chain takes any text.
import type { AuditAction } from './actions.ts';

let raw: Db;
let db: Kysely<Database>;
const key: FieldKey = fieldKey(randomBytes(32));

// A database as an older version left it: migrated up to 0010, with rows chained by the unkeyed audit_append.
before(async () => {
  raw = await freshDatabase();
  const migrator = new Migrator({ db: raw.kysely, provider: { getMigrations: async () => migrations } });
  const r = await migrator.migrateTo('0010_indicator_catalogues');
  assert.equal(r.error, undefined);
  for (let i = 1; i <= 4; i++) {
    const c = { at: new Date(), actor_id: null, actor_username: null, actor_agency_id: null, action: `legacy.${i}`, target_type: null, target_id: null, outcome: 'ok', status: null, ip: null, details: { i } };
    await sql`select audit_append(${c.at}, null, null, null, ${c.action}, null, null, 'ok', null, null, ${JSON.stringify(c.details)}::jsonb, ${contentHash(c)})`.execute(raw.kysely);
  }
  assert.equal((await migrator.migrateToLatest()).error, undefined);
  db = keyed(raw, key).kysely;
  for (let i = 1; i <= 4; i++) await appendAudit(db, { action: `keyed.${i}` as AuditAction, outcome: 'ok' });
});
after(() => raw.close());

async function tamper(...statements: ReturnType<typeof sql>[]) {
  await db.connection().execute(async (conn) => {
    await (raw.kind === 'postgres' ? sql`set session_replication_role = replica` : sql`alter table audit_log disable trigger audit_log_no_update_delete`).execute(conn);
    try {
      for (const s of statements) await s.execute(conn);
    } finally {
      await (raw.kind === 'postgres' ? sql`set session_replication_role = origin` : sql`alter table audit_log enable trigger audit_log_no_update_delete`).execute(conn);
    }
  });
}

/** Rechains every row from `from` on with the unkeyed function and drops their key ids: a downgrade. */
async function downgradeFrom(from: number) {
  const rows = await db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
  let prev = GENESIS_HASH;
  const updates: ReturnType<typeof sql>[] = [];
  for (const row of rows) {
    if (row.seq >= from) {
      const hash = linkHash(prev, row.seq, row.content_hash);
      updates.push(sql`update audit_log set prev_hash = ${prev}, hash = ${hash}, key_id = null where seq = ${row.seq}`);
      prev = hash;
    } else prev = row.hash;
  }
  await tamper(...updates);
}

test('rows of the older unkeyed scheme still verify, followed by keyed rows', async () => {
  const rows = await db.selectFrom('audit_log').select(['seq', 'key_id']).orderBy('seq').execute();
  assert.deepEqual(rows.map((r) => r.key_id === null), [true, true, true, true, false, false, false, false]);
  const r = await verifyAuditChain(db, key);
  assert.equal(r.ok, true, JSON.stringify(r.broken));
  assert.equal(r.checked, 8);
  assert.equal(r.unkeyed, 4);
  // Without the key that chained them, keyed rows cannot be vouched for.
  const stranger = await verifyAuditChain(db, fieldKey(randomBytes(32)));
  assert.equal(stranger.broken?.seq, 5);
  assert.match(stranger.broken?.reason ?? '', /not loaded/);
});

test('after a key rotation, new rows chain under the new key and the retired key still verifies the old ones', async () => {
  const next = fieldKey(randomBytes(32));
  next.previous = [key];
  await appendAudit(keyed(raw, next).kysely, { action: 'after.rotation' as AuditAction, outcome: 'ok' });
  assert.equal((await verifyAuditChain(db, next)).ok, true);
  const r = await verifyAuditChain(db, fieldKey(next.key));
  assert.equal(r.broken?.seq, 5, 'the retired key is needed for rows it chained');
  // Kept for the tests below: the chain continues under the first key.
  await appendAudit(db, { action: 'back.to.first' as AuditAction, outcome: 'ok' });
  key.previous = [fieldKey(next.key)];
});

test('an anchor is signed: edited or made with another key, it is refused', async () => {
  const anchor = await makeAnchor(db, key);
  assert.deepEqual(readAnchor(JSON.stringify(anchor), key), anchor);
  assert.throws(() => readAnchor(JSON.stringify({ ...anchor, seq: anchor.seq - 1 }), key), /forged or damaged/);
  assert.throws(() => readAnchor(JSON.stringify(anchor), fieldKey(randomBytes(32))), /not loaded/);
});

test('deleting the newest rows passes the chain alone but not the anchor', async () => {
  await appendAudit(db, { action: 'soon.deleted' as AuditAction, outcome: 'ok' });
  const anchor = await makeAnchor(db, key);
  await tamper(sql`delete from audit_log where seq = ${anchor.seq}`);
  assert.equal((await verifyAuditChain(db, key)).ok, true, 'a cut at the end leaves no broken link');
  const r = await verifyAgainstAnchor(db, key, anchor);
  assert.equal(r.ok, false);
  assert.equal(r.broken?.seq, anchor.seq);
  assert.match(r.broken?.reason ?? '', /ends before row/);
});

test('a downgrade of the keyed rows to the unkeyed scheme is caught; a rewrite of the whole trail is caught by the anchor', async () => {
  const anchor = await makeAnchor(db, key);
  assert.equal((await verifyAgainstAnchor(db, key, anchor)).ok, true);

  await downgradeFrom(7);
  const partial = await verifyAuditChain(db, key);
  assert.equal(partial.broken?.seq, 7);
  assert.match(partial.broken?.reason ?? '', /unkeyed after keyed rows/);

  // Every row rechained unkeyed: the chain alone reads like an old installation's, the anchor tells.
  await downgradeFrom(1);
  const whole = await verifyAuditChain(db, key);
  assert.equal(whole.ok, true);
  assert.equal(whole.unkeyed, whole.checked, 'every row now claims the unkeyed scheme');
  const anchored = await verifyAgainstAnchor(db, key, anchor);
  assert.equal(anchored.ok, false);
  assert.equal(anchored.broken?.seq, anchor.seq);
  assert.match(anchored.broken?.reason ?? '', /rewritten/);
});
