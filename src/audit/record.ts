import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { contentHash, type AuditContent } from './chain.ts';

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
 * Appends one link to the audit chain in one round trip (see audit_append in the migration).
 * Inside a caller's transaction the entry commits or rolls back with the change it describes.
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
  await sql`select audit_append(${c.at}, ${c.actor_id}, ${c.actor_username}, ${c.actor_agency_id}, ${c.action},
    ${c.target_type}, ${c.target_id}, ${c.outcome}, ${c.status}, ${c.ip},
    ${c.details === null ? null : JSON.stringify(c.details)}::jsonb, ${contentHash(c)})`.execute(db);
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
