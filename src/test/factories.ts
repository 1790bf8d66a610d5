import assert from 'node:assert/strict';
import type { Role } from '../access/roles.ts';
import { todayInCalendar } from '../victims/schema.ts';
import { addDays } from '../victims/status.ts';
import type { Client, TestApp } from './harness.ts';

/** A date n days before today as the app counts it (the profile's time zone, set when the app was built). */
const daysAgo = (n: number) => addDays(todayInCalendar(), -n);
export { daysAgo };

let counter = 0;

/** A synthetic intake body; names are obviously invented. */
export function personInput(overrides: Record<string, unknown> = {}) {
  counter++;
  return {
    identity: { givenName: `Sınaq${counter}`, familyName: 'Nümunəova', birthDate: '1996-03-14', documentNumbers: [`AZE${String(9_000_000 + counter)}`], phones: ['+994 50 000 00 00'] },
    gender: 'female',
    citizenship: 'AZ',
    channel: 'police',
    contactDate: daysAgo(20),
    ...overrides,
  };
}

/** Creates a person through the API and returns its id and case code. */
export async function intake(client: Client, overrides: Record<string, unknown> = {}) {
  const res = await client.post('/api/persons', personInput(overrides));
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body as { id: string; caseCode: string };
}

export async function agencyId(t: TestApp, code: string): Promise<string> {
  const row = await t.db.kysely.selectFrom('agencies').select('id').where('code', '=', code).executeTakeFirstOrThrow();
  return row.id;
}

/** A signed-in user of a given role at the agency with this profile code. */
export async function userAt(t: TestApp, code: string, role: Role, username: string): Promise<Client> {
  const admin = await t.as('administrator');
  const res = await admin.post('/api/users', { username, displayName: `Test ${username}`, agencyId: await agencyId(t, code), roles: [role] });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return t.activate(username, res.body.oneTimeCode.code);
}

/** Consent for referral to the agency, then the referral; returns the referral id. */
export async function refer(client: Client, personId: string, toAgencyId: string) {
  const consent = await client.post(`/api/persons/${personId}/consents`, { purpose: 'referral', agencyId: toAgencyId, given: true, recordedOn: daysAgo(1) });
  assert.equal(consent.status, 201, JSON.stringify(consent.body));
  const res = await client.post(`/api/persons/${personId}/referrals`, { toAgencyId });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.id as string;
}
