import type { Kysely } from 'kysely';
import type { Role } from '../access/roles.ts';
import { createUser } from '../accounts/users.ts';
import type { FieldKey } from '../crypto/fields.ts';
import type { Database } from '../db/schema.ts';
import type { AgencyKind, Profile } from '../profile/schema.ts';
import { loadSyntheticContacts, type ContactLoadOptions } from './contacts.ts';
import { loadSyntheticPersons, type Actor, type DemoActors } from './load-persons.ts';
import { loadSyntheticProsecution } from './prosecution.ts';
import { createRng, type Rng } from './rng.ts';
import { loadSyntheticSubmissions } from './submissions.ts';

/** Where each role's demo user works. */
const homeKind: Record<Exclude<Role, 'administrator'>, AgencyKind> = {
  coordinator: 'coordinator',
  police_investigator: 'police',
  hotline_operator: 'hotline',
  case_worker: 'shelter',
  agency_reporter: 'central_authority',
  analyst: 'coordinator',
  auditor: 'coordinator',
  prosecutor: 'prosecutor',
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

/** Which synthetic persons the demo set holds: about 120 a year at scale 1 (see persons.ts). */
export interface DemoPersonsOptions {
  fromYear?: number;
  toYear?: number;
  scale?: number;
}
/** The default: 2023–2025, about 360 persons, loaded in well under half a minute on PGlite. */
export const DEMO_PERSONS = { fromYear: 2023, toYear: 2025, scale: 1 } as const;

/**
 * The field key the server uses, when the caller does not pass it: the same configuration
 * `azad serve` reads. Never creates a key file; without a key no persons are loaded.
 */

/**
 * Loads the synthetic demo set into an empty-but-migrated database: the demo users (idempotent
 * by username) and, when the database has no persons yet, synthetic victims recorded through the
 * domain functions (encrypted and audited like real records). `persons: false` skips them.
 */
export async function loadDemoData(
  db: Kysely<Database>,
  profile: Profile,
  opts: { password: string; key: FieldKey; seed?: number; persons?: DemoPersonsOptions | false; contacts?: Partial<ContactLoadOptions>; prosecution?: false },
) {
  const seed = opts.seed ?? 2005;
  const rng = createRng(seed);
  const users = demoUsers(profile, rng);
  await db.transaction().execute(async (trx) => {
    for (const u of users) {
      if (await trx.selectFrom('users').select('id').where('username', '=', u.username).executeTakeFirst()) continue;
      const agency = await trx.selectFrom('agencies').select('id').where('code', '=', u.agencyCode).executeTakeFirstOrThrow();
      await createUser(trx, { username: u.username, displayName: u.displayName, agencyId: agency.id, roles: [u.role], password: opts.password, language: profile.settings.defaultLanguage }, { actor: null, details: { demo: true } });
    }
  });
  // Agency submissions, activities and illustrative action-plan measures (skipped when already there).
  const username = (role: Role) => users.find((u) => u.role === role)?.username ?? '';
  await loadSyntheticSubmissions(db, profile, { seed, coordinatorUsername: username('coordinator'), reporterUsername: username('agency_reporter') });
  if (opts.persons === false) return users;
  const { key } = opts;
  if (await db.selectFrom('persons').select('id').limit(1).executeTakeFirst()) return users;
  const rows = await db.selectFrom('users').select(['id', 'username', 'agency_id']).where('username', 'in', users.map((u) => u.username)).execute();
  const actor = (role: Role): Actor | undefined => {
    const u = users.find((x) => x.role === role);
    const row = u && rows.find((r) => r.username === u.username);
    return row ? { id: row.id, username: row.username, agencyId: row.agency_id } : undefined;
  };
  const police = actor('police_investigator');
  const coordinator = actor('coordinator');
  if (!police || !coordinator) return users;
  const actors: DemoActors = { police_investigator: police, coordinator, hotline_operator: actor('hotline_operator'), case_worker: actor('case_worker') };
  await loadSyntheticPersons(db, { key, profile }, actors, { seed, ...DEMO_PERSONS, ...opts.persons });
  // The criminal-justice registry for the same years, linked to the victims just loaded.
  if (opts.prosecution !== false && !(await db.selectFrom('crime_facts').select('id').limit(1).executeTakeFirst())) {
    const years = { ...DEMO_PERSONS, ...opts.persons };
    await loadSyntheticProsecution(db, { key, profile }, police, { seed, fromYear: years.fromYear, toYear: years.toYear, scale: years.scale });
  }
  // This year's calls so far, at the published volume.
  const hotline = actor('hotline_operator');
  if (hotline) {
    await loadSyntheticContacts(db, { key, profile }, { agencyId: hotline.agencyId, userId: hotline.id }, { seed, years: [new Date().getUTCFullYear()], ...opts.contacts });
  }
  return users;
}
