import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { isPooled } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { watchedGeneration } from '../db/watched-writes.ts';

export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
}

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

/** Sessions live in the database so that any app server can serve any request. */
export async function createSession(db: Kysely<Database>, userId: string, secondFactorDone: boolean, policy: SessionPolicy, enrolmentAllowed = false) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const now = new Date();
  await db
    .insertInto('sessions')
    .values({
      id: digest(token),
      user_id: userId,
      csrf_token: csrfToken,
      second_factor_done: secondFactorDone,
      enrolment_allowed: enrolmentAllowed,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + policy.maxHours * 3_600_000),
    })
    .execute();
  // Housekeeping rides on logins rather than on a timer, which two servers would both run.
  await db.deleteFrom('sessions').where('expires_at', '<', now).execute();
  return { token, csrfToken };
}

const readSession = (db: Kysely<Database>, id: string) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id',
      'sessions.csrf_token',
      'sessions.second_factor_done',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'users.id as user_id',
      'users.username',
      'users.agency_id',
      'users.roles',
      'users.active',
      'users.must_change_password',
    ])
    .where('sessions.id', '=', id)
    .executeTakeFirst();

type SessionRow = NonNullable<Awaited<ReturnType<typeof readSession>>>;

/**
 * Session rows read on PGlite, by id. One process owns a PGlite database, so a copy stays true
 * until this process writes sessions or users (sign-out, a user disabled or changed, a session
 * ended, the minute's last_seen_at): any such statement moves the watched generation on and every
 * copy read before it is dropped (see db/watched-writes.ts). Never on PostgreSQL, where other
 * processes write too. Expiry and idle time are still judged on every request, below.
 */
const cached = new WeakMap<Kysely<Database>, { generation: number; rows: Map<string, SessionRow | undefined> }>();
const MAX_CACHED = 10_000;

async function sessionRow(db: Kysely<Database>, id: string): Promise<SessionRow | undefined> {
  if (isPooled(db) || db.isTransaction) return readSession(db, id);
  const generation = watchedGeneration();
  let c = cached.get(db);
  if (!c || c.generation !== generation) cached.set(db, (c = { generation, rows: new Map() }));
  if (c.rows.has(id)) return c.rows.get(id);
  const row = await readSession(db, id);
  // Kept only if nothing was written to the watched tables while it was read.
  if (watchedGeneration() === generation) {
    if (c.rows.size >= MAX_CACHED) c.rows.clear();
    c.rows.set(id, row);
  }
  return row;
}

/** The live session behind a cookie token, or null when unknown, expired or idle too long. */
export async function findSession(db: Kysely<Database>, token: string, policy: SessionPolicy) {
  const id = digest(token);
  const row = await sessionRow(db, id);
  if (!row || !row.active) return null;
  const now = Date.now();
  if (row.expires_at.getTime() <= now || row.last_seen_at.getTime() + policy.idleMinutes * 60_000 <= now) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return null;
  }
  // One write a minute at most keeps reads cheap while idle expiry stays accurate.
  if (now - row.last_seen_at.getTime() > 60_000) {
    await db.updateTable('sessions').set({ last_seen_at: new Date(now) }).where('id', '=', id).execute();
  }
  return row;
}

export async function destroySession(db: Kysely<Database>, token: string) {
  await db.deleteFrom('sessions').where('id', '=', digest(token)).execute();
}

export async function destroyUserSessions(db: Kysely<Database>, userId: string, exceptToken?: string) {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptToken) q = q.where('id', '!=', digest(exceptToken));
  await q.execute();
}

/**
 * Applies the current two-factor policy to open sessions: anyone whose roles now require a
 * factor they have not enrolled is held at enrolment from their next request.
 */
export async function enforceSecondFactorPolicy(db: Kysely<Database>, requiredRoles: readonly string[]) {
  if (requiredRoles.length === 0) return;
  await sql`update sessions s set second_factor_done = false
              from users u
             where u.id = s.user_id and s.second_factor_done and not u.totp_enabled
               and u.roles && ${sql.val([...requiredRoles])}::text[]`.execute(db);
}

export async function markSecondFactorDone(db: Kysely<Database>, token: string) {
  await db.updateTable('sessions').set({ second_factor_done: true }).where('id', '=', digest(token)).execute();
}

/** Lets this session enrol the first second factor (after a one-time code was presented). */
export async function allowEnrolment(db: Kysely<Database>, token: string) {
  await db.updateTable('sessions').set({ enrolment_allowed: true }).where('id', '=', digest(token)).execute();
}

export async function enrolmentAllowed(db: Kysely<Database>, token: string): Promise<boolean> {
  const row = await db.selectFrom('sessions').select('enrolment_allowed').where('id', '=', digest(token)).executeTakeFirst();
  return row?.enrolment_allowed ?? false;
}

/** The user's live sessions; ids are the stored hashes, never the cookie tokens. */
export async function listOwnSessions(db: Kysely<Database>, userId: string, currentToken: string) {
  const current = digest(currentToken);
  const rows = await db.selectFrom('sessions').select(['id', 'created_at', 'last_seen_at', 'expires_at']).where('user_id', '=', userId).where('expires_at', '>', new Date()).orderBy('created_at', 'desc').execute();
  return rows.map((r) => ({ id: r.id, createdAt: r.created_at.toISOString(), lastSeenAt: r.last_seen_at.toISOString(), expiresAt: r.expires_at.toISOString(), current: r.id === current }));
}

export async function destroyOwnSession(db: Kysely<Database>, userId: string, id: string): Promise<boolean> {
  const res = await db.deleteFrom('sessions').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  return Number(res.numDeletedRows) === 1;
}
