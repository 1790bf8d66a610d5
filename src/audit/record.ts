import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { isConnectionLost } from '../db/database.ts';
import { AppError } from '../errors.ts';
import type { AuditAction } from './actions.ts';
import { contentHash, derivedKey, GENESIS_HASH, keyedLinkHash, keyIdOf, type AuditContent } from './chain.ts';
import { auditKeyOf } from './key.ts';
import type { FieldKey } from '../crypto/fields.ts';

export interface AuditEntry {
  actor?: { id: string; username: string; agencyId: string } | null;
  /** Only a named action (src/audit/actions.ts), so the auditor's filter lists every one. */
  action: AuditAction;
  targetType?: string | null;
  targetId?: string | null;
  outcome: 'ok' | 'denied' | 'invalid' | 'error' | 'failed';
  status?: number | null;
  ip?: string | null;
  details?: Record<string, unknown> | null;
}

const chainKeys = new WeakMap<FieldKey, Buffer>();
/** HKDF once per key, not once per batch. */
function chainKeyOf(key: FieldKey): Buffer {
  let k = chainKeys.get(key);
  if (!k) chainKeys.set(key, (k = derivedKey(key, 'audit-chain')));
  return k;
}

/** The row an entry becomes, before it is chained. */
function contentOf(entry: AuditEntry): AuditContent {
  return {
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
}

/**
 * Chains `contents` in order after the head and inserts them with one statement. The caller's
 * transaction holds the advisory lock that serialises writers on every app server until it ends.
 */
async function chainAndInsert(trx: Kysely<Database>, contents: readonly AuditContent[]): Promise<void> {
  const key = auditKeyOf(trx);
  const chainKey = chainKeyOf(key);
  const keyId = keyIdOf(key);
  const { rows } = await sql<{ head_seq: number | null; head_hash: string | null }>`select head_seq, head_hash from audit_lock_head()`.execute(trx);
  let seq = Number(rows[0]?.head_seq ?? 0);
  let prev = rows[0]?.head_hash ?? GENESIS_HASH;
  const values = contents.map((c) => {
    seq += 1;
    const content = contentHash(c);
    const hash = keyedLinkHash(chainKey, prev, seq, content);
    const row = { ...c, details: c.details === null ? null : JSON.stringify(c.details), seq, content_hash: content, prev_hash: prev, hash, key_id: keyId };
    prev = hash;
    return row;
  });
  await trx.insertInto('audit_log').values(values).execute();
}

function unavailable(err: unknown): unknown {
  // A database that cannot be reached is the cause, not the trail: the central handler says
  // service_unavailable. Either way the answer is a 503 and nothing is sent or kept.
  if (err instanceof AppError || isConnectionLost(err)) return err;
  return new AppError('audit_unavailable', 'The audit trail could not be written; nothing was changed', [], { cause: err });
}

/**
 * Appends one link to the audit chain, keyed with HMAC computed here (the database never sees
 * the key). Inside a caller's transaction the entry commits or rolls back with the change it
 * describes, and the chain's lock is held until then. Outside one it joins the next group
 * commit (see `groupCommit`) and resolves only once its own row is committed.
 * Any failure is `audit_unavailable` (503): the caller's work must not go ahead unrecorded.
 */
export async function appendAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  const c = contentOf(entry);
  if (!db.isTransaction) return groupCommit(db, c);
  try {
    await chainAndInsert(db, [c]);
  } catch (err) {
    throw unavailable(err);
  }
}

interface Pending {
  content: AuditContent;
  resolve: () => void;
  reject: (err: unknown) => void;
}
interface Queue {
  pending: Pending[];
  flushing: boolean;
}
const queues = new WeakMap<Kysely<Database>, Queue>();
/** Rows per statement: 14 parameters a row stays well under PostgreSQL's 65,535. */
const MAX_BATCH = 500;

/**
 * Group commit. Entries that arrive while a batch is being written wait for the next one, which
 * then takes them all: one transaction, one lock, one insert, one commit, however many requests
 * are in flight. Each link is still chained and keyed in order. A request waits at worst for the
 * batch in progress and then its own, and is answered only after its row is committed. A batch
 * that fails for a reason other than a lost connection is retried entry by entry, so one bad
 * entry cannot take its neighbours' responses down with it.
 */
function groupCommit(db: Kysely<Database>, content: AuditContent): Promise<void> {
  let q = queues.get(db);
  if (!q) queues.set(db, (q = { pending: [], flushing: false }));
  const queue = q;
  const done = new Promise<void>((resolve, reject) => queue.pending.push({ content, resolve, reject }));
  if (!queue.flushing) void flush(db, queue);
  return done;
}

async function flush(db: Kysely<Database>, queue: Queue): Promise<void> {
  queue.flushing = true;
  try {
    while (queue.pending.length > 0) {
      const batch = queue.pending.splice(0, MAX_BATCH);
      try {
        await db.transaction().execute((trx) => chainAndInsert(trx, batch.map((p) => p.content)));
        for (const p of batch) p.resolve();
      } catch (err) {
        if (batch.length === 1 || isConnectionLost(err)) {
          for (const p of batch) p.reject(unavailable(err));
          continue;
        }
        for (const p of batch) {
          try {
            await db.transaction().execute((trx) => chainAndInsert(trx, [p.content]));
            p.resolve();
          } catch (one) {
            p.reject(unavailable(one));
          }
        }
      }
    }
  } finally {
    queue.flushing = false;
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
