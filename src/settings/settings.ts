import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { SecuritySettings } from './schema.ts';

const SECURITY_KEY = 'security';
const defaults: SecuritySettings = { secondFactorRequiredRoles: [] };

export async function getSecuritySettings(db: Kysely<Database>): Promise<SecuritySettings> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', SECURITY_KEY).executeTakeFirst();
  return row ? SecuritySettings.parse(row.value) : defaults;
}

export async function putSecuritySettings(db: Kysely<Database>, value: SecuritySettings): Promise<void> {
  const json = JSON.stringify(value);
  await db
    .insertInto('settings')
    .values({ key: SECURITY_KEY, value: json })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: new Date() }))
    .execute();
}
