import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { AuditEntry, AuditQuery } from './schema.ts';

/** The auditor's view of the trail, newest first, paged by sequence number. */
export async function listAudit(db: Kysely<Database>, q: AuditQuery): Promise<{ items: AuditEntry[]; nextBefore: number | null }> {
  let query = db.selectFrom('audit_log').selectAll();
  if (q.actorId) query = query.where('actor_id', '=', q.actorId);
  if (q.actorUsername) query = query.where('actor_username', '=', q.actorUsername);
  if (q.targetType) query = query.where('target_type', '=', q.targetType);
  if (q.targetId) query = query.where('target_id', '=', q.targetId);
  if (q.action) query = query.where('action', '=', q.action);
  if (q.from) query = query.where('at', '>=', new Date(q.from));
  if (q.to) query = query.where('at', '<', new Date(q.to));
  if (q.before) query = query.where('seq', '<', q.before);
  const rows = await query.orderBy('seq', 'desc').limit(q.limit + 1).execute();
  const page = rows.slice(0, q.limit);
  return {
    items: page.map((r) => ({
      seq: r.seq,
      at: r.at.toISOString(),
      actorId: r.actor_id,
      actorUsername: r.actor_username,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      outcome: r.outcome,
      status: r.status,
      details: r.details ?? null,
    })),
    nextBefore: rows.length > q.limit ? (page.at(-1)?.seq ?? null) : null,
  };
}
