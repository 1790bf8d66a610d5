import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import { currentTotp } from '../accounts/totp.ts';
import { verifyAuditChain } from '../audit/verify.ts';
import { randomBytes } from 'node:crypto';
import { decryptField, fieldKey } from '../crypto/fields.ts';
import type { Db } from '../db/database.ts';
import { freshDatabase, startTestApp, type TestApp } from '../test/harness.ts';
import { restoreBackup, writeBackup, type RestoreOptions } from './backup.ts';
import { sealer, TAG_LENGTH, unsealed } from './seal.ts';
import { tablesInDependencyOrder } from './tables.ts';

let t: TestApp;
let dir: string;
let first: string;
let totpSecret: string;
const opened: Db[] = [];

async function fresh(): Promise<Db> {
  const db = await freshDatabase();
  opened.push(db);
  return db;
}

/** Row counts of every application table; empty when none exist yet. */
async function rowCounts(db: Kysely<any>): Promise<Record<string, number>> {
  const exists = await sql<{ n: number }>`select count(*)::int as n from pg_class where relname = 'users' and relkind = 'r'`.execute(db);
  if (Number(exists.rows[0]?.n) === 0) return {};
  const counts: Record<string, number> = {};
  for (const table of await tablesInDependencyOrder(db)) {
    const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table.name)}`.execute(db);
    counts[table.name] = Number(r.rows[0]?.n);
  }
  return counts;
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

const withKey = (): RestoreOptions => ({ secret: { key: t.ctx.fieldKey }, key: t.ctx.fieldKey });
const restore = (db: Kysely<any>, file: string, opts: Partial<RestoreOptions> = {}) => restoreBackup(db, file, { ...withKey(), ...opts });

/** The gzipped content of an encrypted backup. */
async function plaintextOf(file: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of unsealed(file, { key: t.ctx.fieldKey }).stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** Encrypts gzipped content as writeBackup does, for hand-made variants. */
function sealed(gz: Buffer): Buffer {
  const { prefix, cipher } = sealer({ key: t.ctx.fieldKey });
  const body = Buffer.concat([cipher.update(gz), cipher.final()]);
  return Buffer.concat([prefix, body, cipher.getAuthTag()]);
}

before(async () => {
  t = await startTestApp();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'azad-backup-test-'));
  first = path.join(dir, 'first.azad.gz');

  // Activity: users, an agency, logins (good and bad), a TOTP secret, a settings row.
  const admin = await t.as('administrator');
  const agency = await admin.post('/api/agencies', { code: 'test_shelter', name: { az: 'Sığınacaq', en: 'Shelter «North»', ru: 'Приют' }, kind: 'shelter', level: 'ngo' });
  assert.equal(agency.status, 201, JSON.stringify(agency.body));
  const user = await admin.post('/api/users', {
    username: 'backup.person',
    displayName: 'Gülnar Əliyeva "quoted"\\ \n newline',
    email: 'g@example.org',
    agencyId: agency.body.id,
    roles: ['case_worker', 'agency_reporter'],
  });
  assert.equal(user.status, 201, JSON.stringify(user.body));
  assert.equal((await admin.put('/api/settings/security', { secondFactorRequiredRoles: ['auditor'] })).status, 200);
  assert.equal((await t.anonymous().post('/api/auth/login', { username: 'nobody.here', password: 'Wrong-password-1x' })).status, 401);
  const c = await t.activate('backup.person', user.body.oneTimeCode.code);
  const setup = await c.post('/api/me/totp/setup');
  totpSecret = setup.body.secret;
  assert.equal((await c.post('/api/me/totp/enable', { code: currentTotp(totpSecret) })).status, 204);
  await (await t.as('auditor')).get('/api/me');
  // More rows than one page of the backup's keyset paging (1000), on a uuid key.
  await sql`insert into login_failures (username, ip, at) select 'bulk.' || g, '10.9.0.' || (g % 250), now() - interval '2 days' from generate_series(1, 2100) g`.execute(t.db.kysely);
});

after(async () => {
  for (const db of opened) await db.close();
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a backup restored into a fresh database backs up to the identical content, sessions left behind', async () => {
  const written = await writeBackup(t.db.kysely, first, { key: t.ctx.fieldKey });
  const source = await rowCounts(t.db.kysely);
  const { audit_log = 0, users = 0, sessions = 0, login_failures = 0, settings = 0 } = source;
  assert.ok(audit_log > 10 && users > 8 && sessions > 1 && login_failures > 2100 && settings >= 1, JSON.stringify(source));
  assert.equal(written.rows, total(source) - sessions);
  assert.equal(fs.existsSync(`${first}.partial`), false);

  const target = await fresh();
  const restored = await restore(target.kysely, first);
  assert.equal(restored.rows, written.rows);
  assert.deepEqual(await rowCounts(target.kysely), { ...source, sessions: 0 });

  const second = path.join(dir, 'second.azad.gz');
  await writeBackup(target.kysely, second, { key: t.ctx.fieldKey });
  const a = gunzipSync(await plaintextOf(first)).toString('utf8');
  const b = gunzipSync(await plaintextOf(second)).toString('utf8');
  assert.ok(a.length > 1000);
  assert.equal(b, a);

  // Bytes stay bytes: the TOTP secret decrypts under the same key after the round trip.
  const row = await target.kysely.selectFrom('users').select(['totp_secret', 'display_name', 'roles', 'password_changed_at']).where('username', '=', 'backup.person').executeTakeFirstOrThrow();
  assert.ok(row.totp_secret);
  assert.equal(decryptField(t.ctx.fieldKey, row.totp_secret), totpSecret);
  assert.equal(row.display_name, 'Gülnar Əliyeva "quoted"\\ \n newline');
  assert.deepEqual(row.roles, ['case_worker', 'agency_reporter']);
  // Timestamps keep their microseconds.
  const micro = sql<{ v: string }>`select to_char(password_changed_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') as v from users where username = 'backup.person'`;
  assert.equal((await micro.execute(target.kysely)).rows[0]?.v, (await micro.execute(t.db.kysely)).rows[0]?.v);
});

test('the restored audit chain verifies with the same head', async () => {
  const target = opened[0];
  assert.ok(target, 'runs after the round-trip test');
  const original = await verifyAuditChain(t.db.kysely, t.ctx.fieldKey);
  const restored = await verifyAuditChain(target.kysely, t.ctx.fieldKey);
  assert.equal(original.ok, true);
  assert.equal(restored.ok, true, JSON.stringify(restored.broken));
  assert.ok(restored.checked > 10);
  assert.equal(restored.checked, original.checked);
  assert.equal(restored.headSeq, original.headSeq);
  assert.equal(restored.headHash, original.headHash);
});

test('restoring into a database that has rows fails and changes nothing', async () => {
  const beforeCounts = await rowCounts(t.db.kysely);
  const head = await verifyAuditChain(t.db.kysely, t.ctx.fieldKey);
  await assert.rejects(restore(t.db.kysely, first), /empty database/);
  assert.deepEqual(await rowCounts(t.db.kysely), beforeCounts);
  assert.equal((await verifyAuditChain(t.db.kysely, t.ctx.fieldKey)).headHash, head.headHash);
});

/** Writes a variant of the first backup and checks that restoring it fails and leaves the target without rows. */
async function assertRestoreFailsCleanly(name: string, bytes: Buffer, why?: RegExp) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  const target = await fresh();
  await assert.rejects(restore(target.kysely, file), why ?? Error);
  const counts = await rowCounts(target.kysely);
  assert.equal(total(counts), 0, `${name}: rows left behind ${JSON.stringify(counts)}`);
  // The target is still usable: the good backup restores into it afterwards.
  await restore(target.kysely, first);
  assert.equal((await verifyAuditChain(target.kysely, t.ctx.fieldKey)).ok, true);
}

test('a truncated backup fails and leaves the target empty', async () => {
  const file = fs.readFileSync(first);
  await assertRestoreFailsCleanly('truncated.azad.gz', file.subarray(0, Math.floor(file.length * 0.8)));
  const gz = await plaintextOf(first);
  await assertRestoreFailsCleanly('truncated-inside.azad.gz', sealed(gz.subarray(0, Math.floor(gz.length * 0.8))));
});

test('a backup with a corrupt line fails and leaves the target empty', async () => {
  const lines = gunzipSync(await plaintextOf(first)).toString('utf8').split('\n');
  const at = lines.findIndex((l) => l.startsWith('{"t":"audit_log"'));
  assert.ok(at > 1);
  lines[at] = (lines[at] ?? '').slice(0, 40);
  await assertRestoreFailsCleanly('corrupt.azad.gz', sealed(gzipSync(lines.join('\n'))));
});

test('a backup whose rows break a constraint fails and leaves the target empty', async () => {
  const lines = gunzipSync(await plaintextOf(first)).toString('utf8').split('\n');
  const user = lines.find((l) => l.startsWith('{"t":"users"'));
  assert.ok(user);
  // The same user twice: the primary key refuses the second copy, late in the restore.
  lines.splice(lines.length - 1, 0, user);
  await assertRestoreFailsCleanly('duplicate.azad.gz', sealed(gzipSync(lines.join('\n'))));
});

test('a missing backup file rejects (it does not crash the process) and touches nothing', async () => {
  const target = await fresh();
  await assert.rejects(restore(target.kysely, path.join(dir, 'no-such-file.azad.gz')), /ENOENT/);
  assert.deepEqual(await rowCounts(target.kysely), {});
});

test('a file that is not a backup is refused', async () => {
  await assertRestoreFailsCleanly('other.gz', gzipSync('{"format":"something-else","version":1}\n'));
  await assertRestoreFailsCleanly('plain.txt', Buffer.from('not gzip at all'));
  // Unencrypted files exist only from versions before encryption (format 1); a later one was made by hand.
  const plainV2 = gunzipSync(await plaintextOf(first));
  await assertRestoreFailsCleanly('plain-v2.azad.gz', gzipSync(plainV2));
});

test('a backup file is owner-only and encrypted: no gzip, no name, no hash in its bytes; a bit flipped anywhere is refused', async () => {
  assert.equal(fs.statSync(first).mode & 0o777, 0o600);
  const bytes = fs.readFileSync(first);
  assert.notDeepEqual([...bytes.subarray(0, 2)], [0x1f, 0x8b]);
  assert.throws(() => gunzipSync(bytes));
  for (const clear of ['backup.person', 'Gülnar', '$argon2id', 'audit_log']) assert.ok(!bytes.includes(Buffer.from(clear)), clear);
  const flipped = Buffer.from(bytes);
  const at = flipped.length - TAG_LENGTH - 100;
  flipped[at] = (flipped[at] ?? 0) ^ 1;
  await assertRestoreFailsCleanly('flipped.azad.gz', flipped, /damaged or altered/);
  // Another installation's key opens nothing.
  const stranger = fieldKey(randomBytes(32));
  await assert.rejects(restoreBackup((await fresh()).kysely, first, { secret: { key: stranger }, key: stranger }), /not loaded/);
});

test('a passphrase backup restores with the passphrase only', async () => {
  const file = path.join(dir, 'passphrase.azad');
  await writeBackup(t.db.kysely, file, { passphrase: 'correct horse battery staple' });
  assert.equal(fs.statSync(file).mode & 0o777, 0o600);
  await assert.rejects(restore((await fresh()).kysely, file, { secret: { passphrase: 'wrong horse battery staple' } }), /passphrase does not open/);
  await assert.rejects(restore((await fresh()).kysely, file), /passphrase/);
  const target = await fresh();
  await restore(target.kysely, file, { secret: { passphrase: 'correct horse battery staple' } });
  assert.equal((await verifyAuditChain(target.kysely, t.ctx.fieldKey)).ok, true);
});

test('a backup of an older version (plain gzip, format 1, with sessions) still restores, without its sessions', async () => {
  const lines = gunzipSync(await plaintextOf(first)).toString('utf8').split('\n');
  const header = JSON.parse(lines[0] ?? '{}');
  const session = { token_hash: 'ab'.repeat(32), user_id: t.users.auditor.id };
  const old = [JSON.stringify({ ...header, version: 1, tables: [...header.tables, 'sessions'] }), ...lines.slice(1, -1), JSON.stringify({ t: 'sessions', r: session }), ''];
  const file = path.join(dir, 'old-format.azad.gz');
  fs.writeFileSync(file, gzipSync(old.join('\n')));
  const target = await fresh();
  await restore(target.kysely, file);
  assert.equal((await rowCounts(target.kysely)).sessions, 0);
});

test('a backup whose audit trail is broken is refused; forced with a reason, it restores and the reason is in the trail', async () => {
  const lines = gunzipSync(await plaintextOf(first)).toString('utf8').split('\n');
  const at = lines.findIndex((l) => l.includes('"action":"users.create"'));
  assert.ok(at > 1);
  lines[at] = (lines[at] ?? '').replace('"action":"users.create"', '"action":"nothing.happened"');
  const file = path.join(dir, 'broken-trail.azad');
  fs.writeFileSync(file, sealed(gzipSync(lines.join('\n'))));
  const seq = JSON.parse(lines[at] ?? '{}').r.seq as number;

  const target = await fresh();
  await assert.rejects(restore(target.kysely, file), new RegExp(`audit trail is broken at row ${seq}.*--force --reason`));
  assert.equal(total(await rowCounts(target.kysely)), 0);

  const forced = await restore(target.kysely, file, { force: { reason: 'Only copy left after the disk failure; ticket 4711' } });
  assert.equal(forced.brokenAt, seq);
  const last = await target.kysely.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
  assert.equal(last.action, 'backup.restored_broken_trail');
  assert.deepEqual((last.details as { reason: string; brokenAt: number }).reason, 'Only copy left after the disk failure; ticket 4711');
  assert.equal((await verifyAuditChain(target.kysely, t.ctx.fieldKey)).broken?.seq, seq, 'the break stays visible');
});
