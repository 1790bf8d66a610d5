import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { isConnectionLost } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { contentHash, derivedKey, GENESIS_HASH, keyedLinkHash, keyIdOf, type AuditContent } from './chain.ts';
import { auditKeyOf } from './key.ts';

export interface AuditEntry {
  actor?: { id: string; username: string; agencyId: string } | null;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  outcome: 'ok' | 'denied' | 'invalid' | 'error' | 'failed';
  status?: number | null;
  ip?: string | null;
  details?: Record<string, unknown> | null;
}

/**
 * Appends one link to the audit chain: under the advisory lock that serialises writers on every
 * app server, read the head, chain the entry with the key (HMAC, computed here: the database never
 * sees the key), insert. Inside a caller's transaction the entry commits or rolls back with the
 * change it describes, and the lock is held until then; otherwise it runs in its own.
 * Any failure is `audit_unavailable` (503): the caller's work must not go ahead unrecorded.
 */
export async function appendAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  const c: AuditContent = {
    // Millisecond precision survives every round trip (JS Date, JSON backups).
    at: new Date(),
    actor_id: entry.actor?.id ?? null,
    actor_username: entry.actor?.username ?? null,
    actor_agency_id: entry.actor?.agencyId ?? null,
    action: entry.action,
    target_type: entry.targetType ?? null,
    target_id: entry.targetId ?? null,
    outcome: entry.outcome,
    status: entry.status ?? null,
    ip: entry.ip ?? null,
    details: entry.details ?? null,
  };
  const key = auditKeyOf(db);
  const chainKey = derivedKey(key, 'audit-chain');
  const content = contentHash(c);
  const append = async (trx: Kysely<Database>) => {
    const { rows } = await sql<{ head_seq: number | null; head_hash: string | null }>`select head_seq, head_hash from audit_lock_head()`.execute(trx);
    const seq = Number(rows[0]?.head_seq ?? 0) + 1;
    const prev = rows[0]?.head_hash ?? GENESIS_HASH;
    await trx
      .insertInto('audit_log')
      .values({ ...c, details: c.details === null ? null : JSON.stringify(c.details), seq, content_hash: content, prev_hash: prev, hash: keyedLinkHash(chainKey, prev, seq, content), key_id: keyIdOf(key) })
      .execute();
  };
  try {
    if (db.isTransaction) await append(db);
    else await db.transaction().execute(append);
  } catch (err) {
    // A database that cannot be reached is the cause, not the trail: the central handler says
    // service_unavailable. Either way the answer is a 503 and nothing is sent or kept.
    if (err instanceof AppError || isConnectionLost(err)) throw err;
    throw new AppError('audit_unavailable', 'The audit trail could not be written; nothing was changed', [], { cause: err });
  }
}

const MASK = '[masked]';

/**
 * Field-level changes for the trail. Identifying fields keep only the fact that they changed;
 * secrets are never mentioned beyond that.
 */
export function fieldChanges(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  opts: { masked?: readonly string[] } = {},
): { field: string; old: unknown; new: unknown }[] {
  const masked = new Set(opts.masked ?? []);
  const changes: { field: string; old: unknown; new: unknown }[] = [];
  for (const field of Object.keys(after)) {
    const a = before[field];
    const b = after[field];
    if (b === undefined || JSON.stringify(a) === JSON.stringify(b)) continue;
    changes.push(masked.has(field) ? { field, old: MASK, new: MASK } : { field, old: a ?? null, new: b ?? null });
  }
  return changes;
}
