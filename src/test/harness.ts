import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { roles, type Role } from '../access/roles.ts';
import { currentTotp, newTotpSecret } from '../accounts/totp.ts';
import { createUser } from '../accounts/users.ts';
import { encryptField } from '../crypto/fields.ts';
import { DEFAULT_SECURITY_SETTINGS } from '../settings/settings.ts';
import { seedAgenciesFromProfile } from '../agencies/agencies.ts';
import { version } from '../boot.ts';
import { loadConfig, type Config } from '../config.ts';
import { withAuditKey } from '../audit/key.ts';
import { fieldKey, type FieldKey } from '../crypto/fields.ts';
import { openDatabase, type Db } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { Database } from '../db/schema.ts';
import { buildApp, type BuildOptions } from '../http/app.ts';
import type { App, AppContext } from '../http/types.ts';
import { loadProfile, profileDir } from '../profile/load.ts';
import type { AgencyKind, Profile } from '../profile/schema.ts';

export const TEST_PASSWORD = 'Correct-horse-battery-7';

/** Where each role's ready-made test user works. */
const roleHome: Record<Role, AgencyKind> = {
  administrator: 'coordinator',
  coordinator: 'coordinator',
  police_investigator: 'police',
  hotline_operator: 'hotline',
  case_worker: 'shelter',
  agency_reporter: 'ngo',
  analyst: 'coordinator',
  auditor: 'coordinator',
  prosecutor: 'prosecutor',
};

/** Attachments of test apps go to the system's temporary folder, never into the working tree (files are named by random id). */
const TEST_ATTACHMENTS = path.join(os.tmpdir(), 'azad-test-attachments');

/** The PostgreSQL server tests run against, or undefined for in-memory PGlite. */
export const testServerUrl = () => process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;

/**
 * A fresh database for one test file: in-memory PGlite by default; with DATABASE_URL (or TEST_DATABASE_URL)
 * a new PostgreSQL database created on that server and dropped afterwards. Its handle carries an
 * audit key (random unless given), as the app's does, so commands can write the trail.
 */
export async function freshDatabase(serverUrl = testServerUrl(), key: FieldKey = fieldKey(randomBytes(32))): Promise<Db & { url?: string }> {
  if (!serverUrl) return keyed(await openDatabase({ dataDir: 'memory://' }), key);
  const name = `azad_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString(), dataDir: '' });
  return {
    ...keyed(db, key),
    url: url.toString(),
    close: async () => {
      await db.close();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** The same database, able to write the audit trail under `key` (as the app's own handle is). */
/** A fresh database, migrated, with the country profile's agencies: what a test of records and reports starts from. */
export async function seededDatabase(profileName = 'az'): Promise<{ db: Db & { url?: string }; profile: Profile }> {
  const profile = await loadProfile(profileDir(profileName));
  const db = await freshDatabase();
  await migrateToLatest(db.kysely);
  await seedAgenciesFromProfile(db.kysely, profile);
  return { db, profile };
}

export function keyed<T extends Db>(db: T, key: FieldKey): T {
  return { ...db, kysely: withAuditKey(db.kysely, key) };
}

export interface TestApp {
  app: App;
  ctx: AppContext;
  /** With `url` on PostgreSQL: the test's own database on the server. */
  db: Db & { url?: string };
  url: string;
  users: Record<Role, { id: string; username: string; agencyId: string }>;
  /** An HTTP client signed in as the role's test user (cookie and CSRF header handled). */
  as(role: Role): Promise<Client>;
  /**
   * A fresh authenticator code for a user the harness enrolled (or that `activate` enrolled), with
   * the user's replay guard cleared so a test may sign in twice within 30 s; undefined without a factor.
   */
  totp(username: string): Promise<string | undefined>;
  /** Signs a new account in through its one-time code (choosing TEST_PASSWORD) and enrols a required factor. */
  activate(username: string, code: string): Promise<Client>;
  anonymous(): Client;
  close(): Promise<void>;
}

export interface Client {
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any; headers: Headers }>;
  get(path: string): Promise<{ status: number; body: any; headers: Headers }>;
  post(path: string, body?: unknown): Promise<{ status: number; body: any; headers: Headers }>;
  patch(path: string, body?: unknown): Promise<{ status: number; body: any; headers: Headers }>;
  put(path: string, body?: unknown): Promise<{ status: number; body: any; headers: Headers }>;
  cookie: string | null;
  csrf: string | null;
}

export function makeClient(baseUrl: string, cookie: string | null = null, csrf: string | null = null): Client {
  const client: Client = {
    cookie,
    csrf,
    async request(method, path, body, headers = {}) {
      const h: Record<string, string> = { ...headers };
      if (client.cookie) h.cookie = client.cookie;
      if (client.csrf) h['x-csrf-token'] = client.csrf;
      let payload: string | undefined;
      if (body !== undefined) {
        payload = typeof body === 'string' ? body : JSON.stringify(body);
        h['content-type'] ??= 'application/json';
      }
      const res = await fetch(baseUrl + path, { method, headers: h, body: payload });
      const setCookie = res.headers.get('set-cookie');
      if (setCookie?.startsWith('azad_session=')) client.cookie = setCookie.split(';')[0] ?? null;
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        /* not JSON */
      }
      return { status: res.status, body: parsed, headers: res.headers };
    },
    get: (p) => client.request('GET', p),
    post: (p, b) => client.request('POST', p, b ?? {}),
    patch: (p, b) => client.request('PATCH', p, b ?? {}),
    put: (p, b) => client.request('PUT', p, b ?? {}),
  };
  return client;
}

export async function logInClient(baseUrl: string, username: string, password: string, totp?: string): Promise<Client> {
  const client = makeClient(baseUrl);
  const res = await client.post('/api/auth/login', { username, password, ...(totp ? { totp } : {}) });
  if (res.status !== 200) throw new Error(`login as ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  client.csrf = res.body.csrfToken;
  return client;
}

/** Builds the real app on a fresh database, listening on a loopback port, with one user per role. */
export async function startTestApp(
  opts: { profile?: string; config?: Partial<Config>; /** null: PGlite even when DATABASE_URL is set. */ serverUrl?: string | null; /** The handle report reads use (a replica), as openContext makes it. */ reports?: Kysely<Database> } & BuildOptions = {},
): Promise<TestApp> {
  const key = fieldKey(randomBytes(32));
  const db = await freshDatabase(opts.serverUrl === null ? '' : opts.serverUrl, key);
  const profile = await loadProfile(profileDir(opts.profile ?? 'az'));
  await migrateToLatest(db.kysely);
  await seedAgenciesFromProfile(db.kysely, profile);
  const config: Config = { ...loadConfig({ AZAD_LOG_LEVEL: 'silent', AZAD_DATA_DIR: 'memory', AZAD_ATTACHMENTS_DIR: TEST_ATTACHMENTS }), ...opts.config };
  const ctx: AppContext = { db: db.kysely, ...(opts.reports ? { reports: opts.reports } : {}), databaseKind: db.kind, config, profile, fieldKey: key, version };
  const app = await buildApp(ctx, { ...opts, logger: opts.logger ?? false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  const users = {} as TestApp['users'];
  const secrets = new Map<string, string>();
  for (const role of roles) {
    const kind = roleHome[role];
    const agency = await db.kysely.selectFrom('agencies').select('id').where('kind', '=', kind).orderBy('code').limit(1).executeTakeFirstOrThrow();
    const u = await db.kysely.transaction().execute((trx) =>
      createUser(trx, { username: `test.${role.replace(/_/g, '-')}`, displayName: `Test ${role}`, agencyId: agency.id, roles: [role], password: TEST_PASSWORD }, { actor: null }),
    );
    users[role] = { id: u.id, username: u.username, agencyId: u.agencyId };
    // Production's default holds here too: the roles that must use a second factor are enrolled.
    if (DEFAULT_SECURITY_SETTINGS.secondFactorRequiredRoles.includes(role)) {
      const { secret } = newTotpSecret(u.username);
      secrets.set(u.username, secret);
      await db.kysely.updateTable('users').set({ totp_secret: encryptField(ctx.fieldKey, secret), totp_enabled: true }).where('id', '=', u.id).execute();
    }
  }
  const totp = async (username: string) => {
    const secret = secrets.get(username);
    if (!secret) return undefined;
    await db.kysely.updateTable('users').set({ totp_last_step: null }).where('username', '=', username).execute();
    return currentTotp(secret);
  };
  // Sign-ins of one user run one at a time: each clears the replay guard its code needs.
  let queue: Promise<unknown> = Promise.resolve();
  const signIn = (username: string) => {
    const next = queue.then(async () => logInClient(url, username, TEST_PASSWORD, await totp(username)));
    queue = next.catch(() => undefined);
    return next;
  };
  const activate = async (username: string, code: string) => {
    const client = makeClient(url);
    const res = await client.post('/api/auth/reset', { username, code, newPassword: TEST_PASSWORD });
    if (res.status !== 200) throw new Error(`activating ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    client.csrf = res.body.csrfToken;
    if (res.body.secondFactorEnrolmentRequired) {
      const setup = await client.post('/api/me/totp/setup', {});
      if (setup.status !== 200) throw new Error(`enrolling ${username} failed: ${setup.status} ${JSON.stringify(setup.body)}`);
      secrets.set(username, setup.body.secret);
      const enable = await client.post('/api/me/totp/enable', { code: await totp(username) });
      if (enable.status !== 204) throw new Error(`enrolling ${username} failed: ${enable.status} ${JSON.stringify(enable.body)}`);
    }
    return client;
  };
  return {
    app,
    ctx,
    db,
    url,
    users,
    as: (role) => signIn(users[role].username),
    totp,
    activate,
    anonymous: () => makeClient(url),
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}
