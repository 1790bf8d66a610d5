import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Migrator, sql, type Kysely } from 'kysely';
import { seedAgenciesFromProfile } from '../agencies/agencies.ts';
import { contentHash, derivedKey, GENESIS_HASH, keyedLinkHash, keyIdOf, type AuditContent } from '../audit/chain.ts';
import { auditKeyOf } from '../audit/key.ts';
import { appendAudit } from '../audit/record.ts';
import { verifyAuditChain } from '../audit/verify.ts';
import { importRecords } from '../interchange/import.ts';
import { loadProfile, profileDir } from '../profile/load.ts';
import { freshDatabase, startTestApp, type Client, type TestApp } from '../test/harness.ts';
import { migrateToLatest } from './migrate.ts';
import { migrations } from './migrations/index.ts';
import { maintainPartitions } from './partitions.ts';
import type { AuditAction } from '../audit/actions.ts';

const thisYear = new Date().getUTCFullYear();
const count = async (db: Kysely<any>, table: string) => Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db)).rows[0]?.n);
/** Where a row lives: the partition's name. */
const partitionOf = async (db: Kysely<any>, table: string, where: ReturnType<typeof sql>) =>
  (await sql<{ p: string }>`select tableoid::regclass::text as p from ${sql.table(table)} where ${where}`.execute(db)).rows.map((r) => r.p);

/**
 * Appends a correctly keyed link dated `at`, as the app would have had it written then: the
 * test's way to hold rows of other years (the app always dates an entry now).
 */
async function appendDated(db: Kysely<any>, at: Date, action: string) {
  const key = auditKeyOf(db);
  await db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ head_seq: number | null; head_hash: string | null }>`select head_seq, head_hash from audit_lock_head()`.execute(trx);
    const seq = Number(rows[0]?.head_seq ?? 0) + 1;
    const prev = rows[0]?.head_hash ?? GENESIS_HASH;
    const c: AuditContent = { at, actor_id: null, actor_username: null, actor_agency_id: null, action, target_type: null, target_id: null, outcome: 'ok', status: null, ip: null, details: null };
    const content = contentHash(c);
    const hash = keyedLinkHash(derivedKey(key, 'audit-chain'), prev, seq, content);
    await trx.insertInto('audit_log').values({ ...c, seq, content_hash: content, prev_hash: prev, hash, key_id: keyIdOf(key) }).execute();
  });
}

let t: TestApp;
let operator: Client;
before(async () => {
  t = await startTestApp();
  operator = await t.as('hotline_operator');
});
after(() => t.close());

const call = (startedAt: string) => ({ startedAt, durationSeconds: 60, channel: 'phone_152', language: 'az', callerType: 'self', topic: 'report_trafficking', outcome: 'tip_forwarded', phones: ['050 123 45 67'] });

test('the migration makes this year and the next two, and a DEFAULT partition, for both giants', async () => {
  for (const table of ['audit_log', 'hotline_contacts']) {
    const parts = (await sql<{ p: string }>`select c.relname as p from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = ${table}::regclass`.execute(t.db.kysely)).rows.map((r) => r.p);
    for (const y of [thisYear, thisYear + 1, thisYear + 2]) assert.ok(parts.includes(`${table}_y${y}`), `${table}_y${y} in ${parts.join(', ')}`);
    assert.ok(parts.includes(`${table}_default`), `${table}_default`);
  }
});

test('a contact from a year without a partition is accepted, and maintenance moves it into its own year', async () => {
  const old = await operator.post('/api/hotline/contacts', call('2009-03-04T10:00:00Z'));
  assert.equal(old.status, 201, JSON.stringify(old.body));
  const tip = await operator.post('/api/hotline/tips', { contactId: old.body.id, summary: 'A tip from an old call' });
  assert.equal(tip.status, 201, JSON.stringify(tip.body));
  assert.deepEqual(await partitionOf(t.db.kysely, 'hotline_contacts', sql`id = ${old.body.id}`), ['hotline_contacts_default']);

  const first = await maintainPartitions(t.db.kysely, { yearsAhead: 4 });
  assert.deepEqual(first.created.sort(), ['hotline_contacts_y2009', `audit_log_y${thisYear + 3}`, `audit_log_y${thisYear + 4}`, `hotline_contacts_y${thisYear + 3}`, `hotline_contacts_y${thisYear + 4}`].sort());
  assert.equal(first.moved, 1);
  assert.deepEqual(await partitionOf(t.db.kysely, 'hotline_contacts', sql`id = ${old.body.id}`), ['hotline_contacts_y2009']);
  // Its tip, identifiers and page survive the move.
  const detail = await operator.get(`/api/hotline/contacts/${old.body.id}`);
  assert.equal(detail.status, 200);
  assert.equal(detail.body.identifiers.length, 1);
  assert.equal((await t.db.kysely.selectFrom('hotline_tips').select('contact_id').where('id', '=', tip.body.id).executeTakeFirstOrThrow()).contact_id, old.body.id);

  // Idempotent: nothing left to do.
  assert.deepEqual(await maintainPartitions(t.db.kysely, { yearsAhead: 4 }), { created: [], moved: 0 });
});

test('an audit row of a year without a partition is accepted, moved by maintenance, and the chain still verifies', async () => {
  await appendDated(t.db.kysely, new Date('2012-06-01T00:00:00Z'), 'test.dated');
  await appendAudit(t.db.kysely, { action: 'test.after_dated' as AuditAction, outcome: 'ok' });
  assert.deepEqual(await partitionOf(t.db.kysely, 'audit_log', sql`action = 'test.dated'`), ['audit_log_default']);
  const before = await count(t.db.kysely, 'audit_log');
  const r = await maintainPartitions(t.db.kysely);
  assert.deepEqual(r, { created: ['audit_log_y2012'], moved: 1 });
  assert.deepEqual(await partitionOf(t.db.kysely, 'audit_log', sql`action = 'test.dated'`), ['audit_log_y2012']);
  assert.equal(await count(t.db.kysely, 'audit_log'), before);
  const chain = await verifyAuditChain(t.db.kysely, t.ctx.fieldKey);
  assert.ok(chain.ok, JSON.stringify(chain.broken));
  // Still append-only, in the new partitions too.
  await assert.rejects(sql`delete from audit_log where action = 'test.dated'`.execute(t.db.kysely), /append-only/);
  await assert.rejects(sql`truncate audit_log_y2012`.execute(t.db.kysely), /append-only/);
});

test('the checks that replace the foreign keys on contact_id refuse what the keys refused', async () => {
  const missing = '00000000-0000-4000-8000-000000000009';
  const agency = await t.db.kysely.selectFrom('agencies').select('id').limit(1).executeTakeFirstOrThrow();
  await assert.rejects(
    sql`insert into hotline_tips (agency_id, status, summary_enc, contact_id) values (${agency.id}, 'new', '\\x00', ${missing})`.execute(t.db.kysely),
    (e: { code?: string }) => e.code === '23503',
  );
  const c = await operator.post('/api/hotline/contacts', call(new Date(Date.now() - 60_000).toISOString()));
  await operator.post('/api/hotline/tips', { contactId: c.body.id, summary: 'Refers to the contact' });
  await assert.rejects(sql`delete from hotline_contacts where id = ${c.body.id}`.execute(t.db.kysely), (e: { code?: string }) => e.code === '23503');
  // Moving a referred contact to another year is not removing it.
  await sql`update hotline_contacts set started_at = '2010-01-02T00:00:00Z' where id = ${c.body.id}`.execute(t.db.kysely);
  assert.equal((await operator.get(`/api/hotline/contacts/${c.body.id}`)).status, 200);
});

test('a re-imported contact whose start moved to another year is moved, not added twice', async () => {
  const hotline = await t.db.kysely.selectFrom('agencies').select('code').where('kind', '=', 'hotline').orderBy('code').limit(1).executeTakeFirstOrThrow();
  const contact = (startedAt: string) => ({ type: 'hotline_contact', id: 'PART-H-1', agency: hotline.code, started_at: startedAt, duration_seconds: 60, channel: 'phone_152', language: 'az', caller_type: 'self', topic: 'report_trafficking', outcome: 'tip_forwarded' });
  const ctx = { key: t.ctx.fieldKey, profile: t.ctx.profile };
  const first = await importRecords(t.db.kysely, ctx, [contact(`${thisYear}-02-03T10:00:00Z`), { type: 'hotline_identifier', id: 'PART-H-1/i', contact: 'PART-H-1', value: '@part.recruiter' }]);
  assert.ok(first.committed, JSON.stringify(first.errors));
  const again = await importRecords(t.db.kysely, ctx, [contact(`${thisYear + 1}-01-05T10:00:00Z`)]);
  assert.ok(again.committed, JSON.stringify(again.errors));
  const rows = await sql<{ p: string }>`select tableoid::regclass::text as p from hotline_contacts where external_id = 'PART-H-1'`.execute(t.db.kysely);
  assert.deepEqual(rows.rows.map((r) => r.p), [`hotline_contacts_y${thisYear + 1}`]);
  // An identifier naming a contact that is in neither the file nor the database is refused by line, as a foreign key was.
  const orphan = await importRecords(t.db.kysely, ctx, [{ type: 'hotline_identifier', id: 'PART-H-2/i', contact: 'PART-H-2', value: '@nobody' }], { partial: true });
  assert.equal(orphan.rejected, 1);
  assert.match(orphan.errors[0]?.problems[0]?.message ?? '', /neither earlier in the file nor in the database/);
});

test('the migration carries existing rows over and the audit chain verifies after it', async () => {
  const db = await freshDatabase();
  try {
    const names = Object.keys(migrations).sort();
    const beforePartitioning = names[names.indexOf('0090_partition_by_year') - 1] as string;
    const migrator = new Migrator({ db: db.kysely, provider: { getMigrations: async () => migrations } });
    const { error } = await migrator.migrateTo(beforePartitioning);
    assert.equal(error, undefined);
    await seedAgenciesFromProfile(db.kysely, await loadProfile(profileDir('az')));
    for (const at of ['2016-02-03T04:05:06.789Z', '2019-12-31T23:59:59.999Z', '2020-01-01T00:00:00.000Z']) await appendDated(db.kysely, new Date(at), 'test.old');
    for (let i = 0; i < 5; i++) await appendAudit(db.kysely, { action: 'test.recent' as AuditAction, outcome: 'ok', details: { i } });
    const agency = await db.kysely.selectFrom('agencies').select('id').limit(1).executeTakeFirstOrThrow();
    const contact = '00000000-0000-4000-8000-00000000c001';
    await sql`insert into hotline_contacts (id, agency_id, started_at, duration_seconds, channel, language, caller_type, topic, outcome)
              values (${contact}, ${agency.id}, '2018-05-06T07:08:09.123456Z', 30, 'phone_152', 'az', 'self', 'report_trafficking', 'tip_forwarded')`.execute(db.kysely);
    await sql`insert into hotline_tips (agency_id, status, summary_enc, contact_id) values (${agency.id}, 'new', '\\x00', ${contact})`.execute(db.kysely);
    const before = { audit: await count(db.kysely, 'audit_log'), contacts: await count(db.kysely, 'hotline_contacts') };

    await migrateToLatest(db.kysely);

    assert.deepEqual({ audit: await count(db.kysely, 'audit_log'), contacts: await count(db.kysely, 'hotline_contacts') }, before);
    assert.deepEqual(await partitionOf(db.kysely, 'audit_log', sql`action = 'test.old'`), ['audit_log_y2016', 'audit_log_y2019', 'audit_log_y2020']);
    const moved = await sql<{ p: string; s: string }>`select tableoid::regclass::text as p, to_char(started_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') as s from hotline_contacts`.execute(db.kysely);
    assert.deepEqual(moved.rows, [{ p: 'hotline_contacts_y2018', s: '2018-05-06 07:08:09.123456' }]);
    const chain = await verifyAuditChain(db.kysely, auditKeyOf(db.kysely));
    assert.ok(chain.ok, JSON.stringify(chain.broken));
    assert.equal(chain.checked, before.audit);
    // The chain goes on from its head.
    await appendAudit(db.kysely, { action: 'test.after_migration' as AuditAction, outcome: 'ok' });
    assert.ok((await verifyAuditChain(db.kysely, auditKeyOf(db.kysely))).ok);
  } finally {
    await db.close();
  }
});
