import type { Kysely } from 'kysely';
import type { Role } from '../access/roles.ts';
import { createUser } from '../accounts/users.ts';
import type { Database } from '../db/schema.ts';
import type { AgencyKind, Profile } from '../profile/schema.ts';
import { createRng, type Rng } from './rng.ts';

/** Where each role's demo user works. */
const homeKind: Record<Exclude<Role, 'administrator'>, AgencyKind> = {
  coordinator: 'coordinator',
  police_investigator: 'police',
  hotline_operator: 'hotline',
  case_worker: 'shelter',
  agency_reporter: 'central_authority',
  analyst: 'coordinator',
  auditor: 'coordinator',
};

// Obviously fictional names: demo data must never look like a real person's record.
const givenNames = ['Demo', 'Sample', 'Test', 'Example', 'Fictive'];
const familyNames = ['Operator', 'Officer', 'Worker', 'Reviewer', 'Analyst', 'Keeper'];

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  agencyCode: string;
}

/** The demo staff: one user per non-administrator role. Later modules add their records beside these. */
export function demoUsers(profile: Profile, rng: Rng): DemoUser[] {
  return (Object.keys(homeKind) as (keyof typeof homeKind)[]).map((role) => {
    const agency = profile.agencies.find((a) => a.kind === homeKind[role]) ?? profile.agencies.find((a) => a.kind === 'coordinator') ?? profile.agencies[0];
    if (!agency) throw new Error('The profile has no agencies');
    return {
      username: `demo.${role.replace(/_/g, '-')}`,
      displayName: `${rng.pick(givenNames)} ${rng.pick(familyNames)}`,
      role,
      agencyCode: agency.code,
    };
  });
}

/** Loads the synthetic demo set into an empty-but-migrated database; idempotent by username. */
export async function loadDemoData(db: Kysely<Database>, profile: Profile, opts: { password: string; seed?: number }) {
  const rng = createRng(opts.seed ?? 2005);
  const users = demoUsers(profile, rng);
  await db.transaction().execute(async (trx) => {
    for (const u of users) {
      if (await trx.selectFrom('users').select('id').where('username', '=', u.username).executeTakeFirst()) continue;
      const agency = await trx.selectFrom('agencies').select('id').where('code', '=', u.agencyCode).executeTakeFirstOrThrow();
      await createUser(trx, { username: u.username, displayName: u.displayName, agencyId: agency.id, roles: [u.role], password: opts.password, language: profile.settings.defaultLanguage }, { actor: null, details: { demo: true } });
    }
  });
  return users;
}
