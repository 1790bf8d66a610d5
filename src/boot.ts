import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { Kysely } from 'kysely';
import { seedAgenciesFromProfile } from './agencies/agencies.ts';
import { issueCode } from './accounts/codes.ts';
import { mustEnrolSecondFactor } from './accounts/login.ts';
import type { OneTimeCode } from './accounts/schema.ts';
import { createUser } from './accounts/users.ts';
import type { Config } from './config.ts';
import { withAuditKey } from './audit/key.ts';
import { loadKey } from './crypto/key-file.ts';
import { openDatabase, type Db } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import type { Database } from './db/schema.ts';
import type { AppContext } from './http/types.ts';
import { loadProfile, profileDir } from './profile/load.ts';
import type { Profile } from './profile/schema.ts';

export const version: string = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;

/** Opens the database, applies migrations, validates the profile and seeds its agencies. */
export async function openContext(config: Config): Promise<{ ctx: AppContext; db: Db }> {
  const profile = await loadProfile(profileDir(config.profile));
  const fieldKey = loadKey(config);
  const opened = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, timeouts: config.dbTimeouts });
  // Every handle made from here on (transactions included) can chain audit entries.
  const primary = { ...opened, kysely: withAuditKey(opened.kysely, fieldKey) };
  let replica: Db | null = null;
  const db: Db = { ...primary, close: async () => void (await Promise.all([primary.close(), replica?.close()])) };
  try {
    await migrateToLatest(db.kysely);
    await seedAgenciesFromProfile(db.kysely, profile);
    replica = await openReplica(config);
    return { db, ctx: { db: db.kysely, ...(replica ? { reports: replica.kysely } : {}), databaseKind: db.kind, config, profile, fieldKey, version } };
  } catch (err) {
    await db.close();
    throw err;
  }
}

/**
 * The read-only pool on DATABASE_REPLICA_URL, or null. Its size and timeouts are the primary's;
 * every transaction on it is read-only. A replica lags its primary by its replication delay, so
 * only work that tolerates seconds-old data reads there (see docs/ARCHITECTURE.md).
 */
export async function openReplica(config: Config): Promise<Db | null> {
  if (!config.databaseReplicaUrl) return null;
  return openDatabase({ databaseUrl: config.databaseReplicaUrl, dataDir: '', timeouts: config.dbTimeouts, readOnly: true });
}

/** The agency that first-run accounts belong to: the profile's national coordinator. */
export function coordinatorAgencyCode(profile: Profile): string {
  const agency = profile.agencies.find((a) => a.kind === 'coordinator') ?? profile.agencies[0];
  if (!agency) throw new Error('The country profile lists no agency');
  return agency.code;
}

/**
 * On an empty database, creates the administrator. Returns the password only when it was
 * generated here, so the caller can print it once; null when nothing was created.
 */
export async function ensureAdministrator(
  db: Kysely<Database>,
  profile: Profile,
  password?: string,
): Promise<{ username: string; password: string; generated: boolean; enrolmentCode: OneTimeCode | null } | null> {
  const any = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (any) return null;
  const agency = await db.selectFrom('agencies').select('id').where('code', '=', coordinatorAgencyCode(profile)).executeTakeFirstOrThrow();
  const generated = !password;
  const pw = password ?? randomBytes(15).toString('base64url');
  const enrolmentCode = await db.transaction().execute(async (trx) => {
    const admin = await createUser(trx, { username: 'admin', displayName: 'Administrator', agencyId: agency.id, roles: ['administrator'], password: pw, language: profile.settings.defaultLanguage }, { actor: null });
    // Administrators sign in with a second factor by default; the first one enrols with this code.
    return (await mustEnrolSecondFactor(trx, admin.roles, false)) ? issueCode(trx, admin.id, 'enrolment', null) : null;
  });
  return { username: 'admin', password: pw, generated, enrolmentCode };
}
