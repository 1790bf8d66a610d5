import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { loadProfile, profileDir } from '../profile/load.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { seedAgenciesFromProfile } from '../agencies/agencies.ts';
import { buildApp } from '../http/app.ts';
import { intake } from '../test/factories.ts';
import { keyed, logInClient, startTestApp, TEST_PASSWORD, testServerUrl, type TestApp } from '../test/harness.ts';
import { createPerson, decryptIdentity } from '../victims/persons.ts';
import { decryptField, fieldKey, isCurrent, loadFieldKey } from './fields.ts';
import { ENCRYPTED_COLUMNS, rotateKeys } from './rotate.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

async function allCiphertexts() {
  const out: Uint8Array[] = [];
  for (const [table, cols] of Object.entries(ENCRYPTED_COLUMNS)) {
    const rows = await sql<Record<string, Uint8Array | null>>`select ${sql.join(cols.map((c) => sql.ref(c)))} from ${sql.table(table)}`.execute(t.db.kysely);
    for (const r of rows.rows) for (const c of cols) if (r[c]) out.push(r[c] as Uint8Array);
  }
  return out;
}

test('rotation re-encrypts every field, keeps duplicate search working, and the old key alone reads nothing', async () => {
  const police = await t.as('police_investigator');
  const p = await intake(police, { identity: { givenName: 'Aynur', familyName: 'Rotasiyova', birthDate: '1993-02-03', documentNumbers: ['ZZ1112223'] } });
  await police.post(`/api/persons/${p.id}/referrals`, { toAgencyId: t.users.case_worker.agencyId, consentOverrideReason: 'test referral with a note', note: 'note naming nobody' });
  const operator = await t.as('hotline_operator');
  const call = await operator.post('/api/hotline/contacts', { startedAt: new Date().toISOString(), durationSeconds: 60, channel: 'phone_152', language: 'az', callerType: 'self', topic: 'other', outcome: 'information_given', phones: ['050 777 88 99'] });
  assert.equal(call.status, 201);
  const old = t.ctx.fieldKey;
  const before = await allCiphertexts();
  assert.ok(before.length >= 4 && before.every((b) => isCurrent(old, b)));

  const next = fieldKey(randomBytes(32));
  next.previous = [old];
  const { fields } = await rotateKeys(t.db.kysely, next);
  assert.equal(fields, before.length);
  const after = await allCiphertexts();
  assert.ok(after.every((b) => isCurrent(next, b)), 'every ciphertext under the new key');
  assert.throws(() => decryptField(old, after[0] as Uint8Array), /not loaded/);
  assert.equal((await rotateKeys(t.db.kysely, next)).fields, 0, 'a second run has nothing left to do');

  // An app that knows only the new key serves the record and finds the duplicate.
  const ctx = { ...t.ctx, fieldKey: fieldKey(next.key) };
  const app = await buildApp(ctx, { logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const c = await logInClient(url, t.users.police_investigator.username, TEST_PASSWORD, await t.totp(t.users.police_investigator.username));
    const detail = await c.get(`/api/persons/${p.id}`);
    assert.equal(detail.body.identity.familyName, 'Rotasiyova');
    const dup = await c.post('/api/persons/duplicates', { givenName: 'Aynur', familyName: 'Rotasiyova', birthDate: '1993-02-03' });
    assert.equal(dup.body.items[0]?.id, p.id);
    const found = await c.post('/api/hotline/search', { identifier: '+994507778899' });
    assert.deepEqual(found.body.contacts.map((x: { id: string }) => x.id), [call.body.id], 'identifier search survives rotation');
  } finally {
    await app.close();
  }
});

test('azad keys rotate with a key file swaps the files only after the data moved', { skip: Boolean(testServerUrl()) && 'key-file CLI path is exercised on PGlite' }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'azad-keys-'));
  try {
    const keyFile = path.join(dir, 'azad.key');
    const db = await openDatabase({ dataDir: dir });
    const profile = await loadProfile(profileDir('az'));
    await migrateToLatest(db.kysely);
    await seedAgenciesFromProfile(db.kysely, profile);
    const key = loadFieldKey({ keyFile });
    const kdb = keyed(db, key);
    const agency = await kdb.kysely.selectFrom('agencies').select('id').where('code', '=', 'mia_anti_trafficking').executeTakeFirstOrThrow();
    const person = await kdb.kysely.transaction().execute((trx) =>
      createPerson(trx, { key, profile }, { identity: { givenName: 'Fayl', familyName: 'Açarova' }, gender: 'female', channel: 'police', contactDate: '2024-01-05' }, { userId: null as never, agencyId: agency.id }, { actor: null }),
    );
    await db.close();

    const run = spawnSync(process.execPath, [new URL('../../bin/azad.js', import.meta.url).pathname, 'keys', 'rotate'], { env: { ...process.env, DATABASE_URL: '', AZAD_DATA_DIR: dir, AZAD_KEY_FILE: keyFile, AZAD_LOG_LEVEL: 'silent' }, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.ok(!fs.existsSync(`${keyFile}.next`));
    assert.equal(fs.readdirSync(dir).filter((f) => f.startsWith('azad.key.retired-')).length, 1);
    const newKey = loadFieldKey({ keyFile });
    assert.ok(!newKey.id.equals(key.id));

    const reopened = await openDatabase({ dataDir: dir });
    const row = await reopened.kysely.selectFrom('persons').selectAll().where('id', '=', person.id).executeTakeFirstOrThrow();
    assert.equal(decryptIdentity(newKey, row).familyName, 'Açarova');
    await reopened.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
