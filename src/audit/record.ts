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

/** The head this process last wrote or saw, per audit key: a guess that saves the round trips of locking and reading it. */
const lastHeads = new WeakMap<FieldKey, { seq: number; hash: string }>();

const COLUMNS = ['seq', 'at', 'actor_id', 'actor_username', 'actor_agency_id', 'action', 'target_type', 'target_id', 'outcome', 'status', 'ip', 'details', 'content_hash', 'prev_hash', 'hash', 'key_id'] as const;

/**
 * One round trip: chains `contents` after the head this process last wrote, and inserts them only
 * if, under the chain's advisory lock, the head is still that one. Run on its own (autocommit),
 * the statement is a whole transaction: lock, check, insert, commit. Another process's entry, or
 * a transaction of ours that rolled back, makes the guess wrong; then nothing is inserted and
 * the answer is false. Either way every row follows the head the lock saw: the chain cannot fork.
 */
async function insertAfterGuess(db: Kysely<Database>, key: FieldKey, contents: readonly AuditContent[]): Promise<boolean> {
  const guess = lastHeads.get(key);
  if (!guess) return false;
  const rows = chain(key, contents, guess.seq, guess.hash);
  const cols = sql.join(COLUMNS.map((c) => sql.ref(c)));
  const { rows: inserted } = await sql<{ seq: number }>`
    insert into audit_log (${cols})
    select ${cols} from json_populate_recordset(null::audit_log, ${JSON.stringify(rows)}::json)
     where (select h.head_seq = ${guess.seq} and h.head_hash = ${guess.hash} from audit_lock_head() h)
    returning seq`.execute(db);
  if (inserted.length !== rows.length) return false;
  remember(key, rows);
  return true;
}

/** The sure way, inside `trx`: lock, read the head, chain after it, insert. */
async function insertAfterHead(trx: Kysely<Database>, key: FieldKey, contents: readonly AuditContent[]): Promise<void> {
  const { rows: head } = await sql<{ head_seq: number | null; head_hash: string | null }>`select head_seq, head_hash from audit_lock_head()`.execute(trx);
  const rows = chain(key, contents, Number(head[0]?.head_seq ?? 0), head[0]?.head_hash ?? GENESIS_HASH);
  await trx.insertInto('audit_log').values(rows.map((r) => ({ ...r, details: r.details === null ? null : JSON.stringify(r.details) }))).execute();
  remember(key, rows);
}

/**
 * Appends `contents` as the next links. Inside a caller's transaction the rows commit or roll
 * back with it, and the lock is held until it ends. Outside one, the guessed insert is one
 * statement and one commit; a wrong guess costs a transaction of four more round trips.
 */
async function chainAndInsert(db: Kysely<Database>, contents: readonly AuditContent[]): Promise<void> {
  const key = auditKeyOf(db);
  if (await insertAfterGuess(db, key, contents)) return;
  if (db.isTransaction) return insertAfterHead(db, key, contents);
  await db.transaction().execute((trx) => insertAfterHead(trx, key, contents));
}

function chain(key: FieldKey, contents: readonly AuditContent[], headSeq: number, headHash: string) {
  const chainKey = chainKeyOf(key);
  const keyId = keyIdOf(key);
  let seq = headSeq;
  let prev = headHash;
  return contents.map((c) => {
    seq += 1;
    const content = contentHash(c);
    const hash = keyedLinkHash(chainKey, prev, seq, content);
    const row = { ...c, seq, content_hash: content, prev_hash: prev, hash, key_id: keyId };
    prev = hash;
    return row;
  });
}

/** Kept even inside a transaction that may yet roll back: a wrong guess costs only the second try. */
const remember = (key: FieldKey, rows: readonly { seq: number; hash: string }[]) => {
  const last = rows[rows.length - 1];
  if (last) lastHeads.set(key, { seq: last.seq, hash: last.hash });
};

function unavailable(err: unknown): unknown {
  // A database that cannot be reached is the cause, not the trail: the central handler says
  // service_unavailable. Either way the answer is a 503 and nothing is sent or kept.
  if (err instanceof AppError || isConnectionLost(err)) return err;
  return new AppError('audit_unavailable', 'The audit trail could not be written; nothing was changed', [], { cause: err });
}

/**
 * Appends links to the audit chain, in order, keyed with HMAC computed here (the database never
 * sees the key). Inside a caller's transaction the entries commit or roll back with the change
 * they describe, and the chain's lock is held until then. Outside one they join the next group
 * commit (see `groupCommit`) and the promise resolves only once all of them are committed.
 * Any failure is `audit_unavailable` (503): the caller's work must not go ahead unrecorded.
 */
export async function appendAudit(db: Kysely<Database>, entry: AuditEntry | readonly AuditEntry[]): Promise<void> {
  const list: readonly AuditEntry[] = Array.isArray(entry) ? entry : [entry as AuditEntry];
  const contents = list.map(contentOf);
  if (contents.length === 0) return;
  if (!db.isTransaction) return groupCommit(db, contents);
  try {
    await chainAndInsert(db, contents);
  } catch (err) {
    throw unavailable(err);
  }
}

/** One caller's entries: written together or not at all (a call and the identity read it disclosed). */
interface Pending {
  contents: readonly AuditContent[];
  resolve: () => void;
  reject: (err: unknown) => void;
}
interface Queue {
  pending: Pending[];
  flushing: boolean;
}
const queues = new WeakMap<Kysely<Database>, Queue>();
/** Rows per statement: one JSON parameter, kept to a size the server parses quickly. */
const MAX_BATCH = 500;

/**
 * Group commit. Entries that arrive while a batch is being written wait for the next one, which
 * then takes them all: one statement that locks, inserts and commits, however many requests
 * are in flight. Each link is still chained and keyed in order. A request waits at worst for the
 * batch in progress and then its own, and is answered only after its rows are committed. A batch
 * that fails for a reason other than a lost connection is retried caller by caller, so one bad
 * entry cannot take its neighbours' responses down with it, and a caller's entries stay whole:
 * the trail never says a call was answered when its disclosure could not be recorded.
 */
function groupCommit(db: Kysely<Database>, contents: readonly AuditContent[]): Promise<void> {
  let q = queues.get(db);
  if (!q) queues.set(db, (q = { pending: [], flushing: false }));
  const queue = q;
  const done = new Promise<void>((resolve, reject) => queue.pending.push({ contents, resolve, reject }));
  if (!queue.flushing) void flush(db, queue);
  return done;
}

/** The callers of the next batch: at least one, then as many as fit in MAX_BATCH rows. */
function nextBatch(queue: Queue): Pending[] {
  let rows = 0;
  let n = 0;
  while (n < queue.pending.length && (n === 0 || rows + (queue.pending[n] as Pending).contents.length <= MAX_BATCH)) rows += (queue.pending[n++] as Pending).contents.length;
  return queue.pending.splice(0, n);
}

async function flush(db: Kysely<Database>, queue: Queue): Promise<void> {
  queue.flushing = true;
  try {
    while (queue.pending.length > 0) {
      const batch = nextBatch(queue);
      try {
        await chainAndInsert(db, batch.flatMap((p) => p.contents));
        for (const p of batch) p.resolve();
      } catch (err) {
        if (batch.length === 1 || isConnectionLost(err)) {
          for (const p of batch) p.reject(unavailable(err));
          continue;
        }
        for (const p of batch) {
          try {
            await chainAndInsert(db, p.contents);
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
