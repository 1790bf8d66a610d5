import type { Kysely } from 'kysely';
import type { Role } from '../access/roles.ts';
import { createUser } from '../accounts/users.ts';
import { appendAudit } from '../audit/record.ts';
import { markDemo, putSecuritySettings } from '../settings/settings.ts';
import type { FieldKey } from '../crypto/fields.ts';
import type { Database } from '../db/schema.ts';
import type { AgencyKind, Profile } from '../profile/schema.ts';
import { generate, type Part } from '../generate/generate.ts';
import { describeError, importRecords } from '../interchange/import.ts';
import { createRng, type Rng } from './rng.ts';
import { agencyPlan } from './vocabulary.ts';
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

// Staff names a trainer can read aloud. None shares a given name with the synthetic victims
// (vocabulary.ts), so a staff name in the clear is never mistaken for a leaked identity.
const staffNames = [
  'Mehriban Hüseynova', 'Fərid Əliyev', 'Zərifə Quliyeva', 'Anar Məmmədov', 'Gülnar Kərimova', 'Rauf İsmayılov',
  'Sevinc Rzayeva', 'Nurlan Abbasov', 'Türkan Nəsibova', 'Emin Həsənov', 'Ülviyyə Cəfərova', 'Cavid Səfərov',
];

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  agencyCode: string;
}

/**
 * The demo staff: one user per non-administrator role, plus a case worker at an NGO so that a
 * referral can be accepted at once (`demo.ngo-worker`). Later modules add their records beside these.
 */
export function demoUsers(profile: Profile, rng: Rng): DemoUser[] {
  const offset = rng.int(0, staffNames.length - 1);
  const nameAt = (i: number) => staffNames[(offset + i) % staffNames.length]!;
  const agencyOf = (kind: AgencyKind) => profile.agencies.find((a) => a.kind === kind) ?? profile.agencies.find((a) => a.kind === 'coordinator') ?? profile.agencies[0];
  const users = (Object.keys(homeKind) as (keyof typeof homeKind)[]).map((role, i) => {
    const agency = agencyOf(homeKind[role]);
    if (!agency) throw new Error('The profile has no agencies');
    return { username: `demo.${role.replace(/_/g, '-')}`, displayName: nameAt(i), role: role as Role, agencyCode: agency.code };
  });
  // The NGO the synthetic victims are referred to most, so the NGO worker has cases to open.
  const ngoCode = [...agencyPlan(profile).ngos].sort((a, b) => b[1] - a[1])[0]?.[0];
  const ngo = profile.agencies.find((a) => a.code === ngoCode) ?? profile.agencies.find((a) => a.kind === 'ngo');
  if (ngo) users.push({ username: 'demo.ngo-worker', displayName: nameAt(users.length), role: 'case_worker', agencyCode: ngo.code });
  return users;
}

/**
 * The demo is tried from a browser by people without an authenticator app: it requires no second
 * factor for any role and marks the database as a demo, which the web app shows in a banner.
 * Only a fresh database becomes a demo (the caller checks); the change is in the audit trail.
 */
export async function relaxSignInForDemo(db: Kysely<Database>) {
  await db.transaction().execute(async (trx) => {
    await putSecuritySettings(trx, { secondFactorRequiredRoles: [] });
    await markDemo(trx);
    await appendAudit(trx, { actor: null, action: 'settings.update', outcome: 'ok', targetType: 'settings', targetId: 'security', details: { demo: true, secondFactorRequiredRoles: [] } });
  });
}

/** Which years and volume the demo set's generated records cover. */
export interface DemoRecordsOptions {
  fromYear?: number;
  toYear?: number;
  /** 1 = the national volume (about 120 persons, 10,000 hotline contacts and 230 crimes a year). */
  scale?: number;
  /** Only these parts (all of persons, registry and hotline by default). */
  parts?: Part[];
}
/** The default: 2023 to this year at the national volume; imported in seconds on PGlite. */
export const DEMO_RECORDS = { fromYear: 2023, toYear: new Date().getUTCFullYear(), scale: 1 } as const;

/**
 * Loads the synthetic demo set into an empty-but-migrated database: the demo users (idempotent
 * by username), the agencies' submissions, activities and action-plan measures and, when the
 * database has no persons yet, the generator's victims, registry and hotline records, imported
 * through the bulk import path (checked, encrypted, one audit entry). `records: false` skips them.
 */
export async function loadDemoData(db: Kysely<Database>, profile: Profile, opts: { password: string; key: FieldKey; seed?: number; records?: DemoRecordsOptions | false }) {
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
  if (opts.records === false) return users;
  if (await db.selectFrom('persons').select('id').limit(1).executeTakeFirst()) return users;
  const o = { ...DEMO_RECORDS, ...opts.records };
  const records = generate(profile, { seed, fromYear: o.fromYear, toYear: o.toYear, scale: o.scale, parts: o.parts ?? ['persons', 'registry', 'hotline'] });
  const result = await importRecords(db, { key: opts.key, profile }, records, { audit: { actor: null, details: { demo: true, seed } } });
  if (!result.committed) throw new Error(`the demo set was refused: ${result.errors.slice(0, 3).map(describeError).join('; ')}`);
  return users;
}
