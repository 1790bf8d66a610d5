import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { seedAgenciesFromProfile } from '../agencies/agencies.ts';
import { ensureAdministrator, version } from '../boot.ts';
import { loadConfig } from '../config.ts';
import { fieldKey } from '../crypto/fields.ts';
import type { Db } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { buildApp } from '../http/app.ts';
import type { App } from '../http/types.ts';
import { loadProfile, profileDir } from '../profile/load.ts';
import { freshDatabase, logInClient } from '../test/harness.ts';
import { currentTotp } from './totp.ts';

// A fresh machine: the first administrator must get in with what the first run prints, and only with it.
let db: Db;
let app: App;
let url: string;
let first: Awaited<ReturnType<typeof ensureAdministrator>>;
before(async () => {
  db = await freshDatabase();
  const profile = await loadProfile(profileDir('az'));
  await migrateToLatest(db.kysely);
  await seedAgenciesFromProfile(db.kysely, profile);
  first = await ensureAdministrator(db.kysely, profile);
  const config = loadConfig({ AZAD_LOG_LEVEL: 'silent', AZAD_DATA_DIR: 'memory' });
  app = await buildApp({ db: db.kysely, databaseKind: db.kind, config, profile, fieldKey: fieldKey(randomBytes(32)), version }, { logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});
after(async () => {
  await app.close();
  await db.close();
});

test('the first administrator enrols the required second factor with the printed one-time code', async () => {
  assert.ok(first?.enrolmentCode, 'the first run prints an enrolment code');
  const c = await logInClient(url, first.username, first.password);
  assert.equal((await c.get('/api/users')).body.error.code, 'second_factor_required');
  const noCode = await c.post('/api/me/totp/setup', {});
  assert.equal(noCode.status, 400);
  const setup = await c.post('/api/me/totp/setup', { code: first.enrolmentCode.code.replace(/-/g, ' ').toLowerCase() });
  assert.equal(setup.status, 200, JSON.stringify(setup.body));
  assert.equal((await c.post('/api/me/totp/enable', { code: currentTotp(setup.body.secret) })).status, 204);
  assert.equal((await c.get('/api/users')).status, 200);
  // The code worked once.
  const again = await logInClient(url, first.username, first.password, currentTotp(setup.body.secret, Date.now() + 30_000));
  assert.equal((await again.get('/api/users')).status, 200);
  assert.equal(await ensureAdministrator(db.kysely, await loadProfile(profileDir('az'))), null);
});
