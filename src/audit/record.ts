import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { GENESIS_HASH, linkHash, type ChainedFields } from './chain.ts';

// Serialises writers across all app servers so that the chain has exactly one next link.
const AUDIT_CHAIN_LOCK = 7_152_001;

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
 * Appends one link to the audit chain. Inside a caller's transaction the entry commits or
 * rolls back with the change it describes; otherwise it gets a transaction of its own.
 */
export async function appendAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  if (!db.isTransaction) {
    await db.transaction().execute((trx) => appendAudit(trx, entry));
    return;
  }
  await sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(db);
  const last = await db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const fields: ChainedFields = {
    seq: (last?.seq ?? 0) + 1,
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
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  await db
    .insertInto('audit_log')
    .values({ ...fields, details: fields.details === null ? null : JSON.stringify(fields.details), hash: linkHash(fields) })
    .execute();
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
