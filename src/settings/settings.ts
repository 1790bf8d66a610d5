import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { SecuritySettings } from './schema.ts';

const SECURITY_KEY = 'security';
const DEMO_KEY = 'demo';

/**
 * Roles that reach the trail, every account, victims' identities or the criminal registry sign in
 * with a second factor unless an administrator decides otherwise.
 */
export const DEFAULT_SECURITY_SETTINGS: SecuritySettings = { secondFactorRequiredRoles: ['administrator', 'auditor', 'coordinator', 'police_investigator', 'prosecutor'] };

export async function getSecuritySettings(db: Kysely<Database>): Promise<SecuritySettings> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', SECURITY_KEY).executeTakeFirst();
  return securityOf(row);
}

/** The stored security settings, or the defaults when none were ever saved. */
const securityOf = (row: { value: unknown } | undefined): SecuritySettings => (row ? SecuritySettings.parse(row.value) : DEFAULT_SECURITY_SETTINGS);

async function put(db: Kysely<Database>, key: string, value: unknown) {
  const json = JSON.stringify(value);
  await db
    .insertInto('settings')
    .values({ key, value: json })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: new Date() }))
    .execute();
}

export const putSecuritySettings = (db: Kysely<Database>, value: SecuritySettings) => put(db, SECURITY_KEY, value);

/**
 * Both settings a signed-in page needs, in one round trip (`/api/me` is asked on every page load).
 * A demo database says so to everyone signed in (the web app shows a banner).
 */
export async function securityAndDemo(db: Kysely<Database>): Promise<{ security: SecuritySettings; demo: boolean }> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).where('key', 'in', [SECURITY_KEY, DEMO_KEY]).execute();
  return { security: securityOf(rows.find((r) => r.key === SECURITY_KEY)), demo: rows.find((r) => r.key === DEMO_KEY)?.value === true };
}

export const markDemo = (db: Kysely<Database>) => put(db, DEMO_KEY, true);
