import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { NotificationKind } from './schema.ts';

export interface NewNotification {
  kind: NotificationKind;
  personId?: string | null;
  caseCode?: string | null;
}

/** One row per recipient, in the caller's transaction: a notification exists only if its cause does. */
export async function notify(trx: Kysely<Database>, userIds: string[], n: NewNotification) {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return;
  await trx
    .insertInto('notifications')
    .values(ids.map((user_id) => ({ user_id, kind: n.kind, person_id: n.personId ?? null, case_code: n.caseCode ?? null })))
    .execute();
}

/** Active users of an agency whose roles are among `roles`. */
export async function agencyUsersWith(db: Kysely<Database>, agencyId: string, roles: readonly string[]) {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('agency_id', '=', agencyId)
    .where('active', '=', true)
    .where(sql<boolean>`roles && ${sql.val([...roles])}::text[]`)
    .execute();
  return rows.map((r) => r.id);
}

export async function notificationsOf(db: Kysely<Database>, userId: string, opts: { unreadOnly: boolean; limit: number }) {
  let q = db.selectFrom('notifications').selectAll().where('user_id', '=', userId);
  if (opts.unreadOnly) q = q.where('read_at', 'is', null);
  const [rows, unread] = await Promise.all([
    q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(opts.limit).execute(),
    db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({ id: r.id, kind: r.kind as NotificationKind, personId: r.person_id, caseCode: r.case_code, createdAt: r.created_at.toISOString(), read: r.read_at !== null })),
    unread: Number(unread.n),
  };
}

/** Marks the user's own notifications read; someone else's ids are ignored, never reported. */
export async function markRead(db: Kysely<Database>, userId: string, ids: string[] | 'all') {
  let q = db.updateTable('notifications').set({ read_at: new Date() }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (ids !== 'all') q = q.where('id', 'in', ids);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}
