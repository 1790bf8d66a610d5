import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { AuditEntry, AuditQuery } from './schema.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function filtered(db: Kysely<Database>, q: Omit<AuditQuery, 'limit' | 'before'>) {
  let query = db.selectFrom('audit_log').selectAll();
  if (q.actorId) query = query.where('actor_id', '=', q.actorId);
  if (q.actorUsername) query = query.where('actor_username', '=', q.actorUsername);
  if (q.agencyId) query = query.where('actor_agency_id', '=', q.agencyId);
  if (q.targetType) query = query.where('target_type', '=', q.targetType);
  if (q.targetId) query = query.where('target_id', '=', q.targetId);
  if (q.caseCode) {
    const person = db.selectFrom('persons').select(sql<string>`id::text`.as('id')).where('case_code', '=', q.caseCode);
    query = query.where('target_type', '=', 'person').where('target_id', 'in', person);
  }
  if (q.action) query = query.where('action', '=', q.action);
  // A routine read: the audit hook's entry of a GET that succeeded. Identity reads, downloads and
  // exports are recorded as entries of their own and stay; so do refusals and errors.
  if (q.routine === 'hide') query = query.where(sql<boolean>`not (outcome = 'ok' and coalesce(details->>'method', '') in ('GET', 'HEAD'))`);
  if (q.from) query = query.where('at', '>=', new Date(q.from));
  if (q.to) query = query.where('at', '<', new Date(q.to));
  return query;
}

/** Case codes, usernames and agency codes for the targets on one page (one query per kind). */
async function targetLabels(db: Kysely<Database>, rows: { target_type: string | null; target_id: string | null }[]) {
  const ids = (type: string) => [...new Set(rows.filter((r) => r.target_type === type && r.target_id && UUID.test(r.target_id)).map((r) => r.target_id as string))];
  const labels = new Map<string, string>();
  const persons = ids('person');
  const users = ids('user');
  const agencies = ids('agency');
  if (persons.length) for (const r of await db.selectFrom('persons').select(['id', 'case_code']).where('id', 'in', persons).execute()) labels.set(`person:${r.id}`, r.case_code);
  if (users.length) for (const r of await db.selectFrom('users').select(['id', 'username']).where('id', 'in', users).execute()) labels.set(`user:${r.id}`, r.username);
  if (agencies.length) for (const r of await db.selectFrom('agencies').select(['id', 'code']).where('id', 'in', agencies).execute()) labels.set(`agency:${r.id}`, r.code);
  return labels;
}

type Row = Awaited<ReturnType<ReturnType<typeof filtered>['execute']>>[number];
const toEntry = (r: Row, labels: Map<string, string>): AuditEntry => ({
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
  targetLabel: labels.get(`${r.target_type}:${r.target_id}`) ?? null,
});

/** The auditor's view of the trail, newest first, paged by sequence number. */
export async function listAudit(db: Kysely<Database>, q: AuditQuery): Promise<{ items: AuditEntry[]; nextBefore: number | null }> {
  let query = filtered(db, q);
  if (q.before) query = query.where('seq', '<', q.before);
  const rows = await query.orderBy('seq', 'desc').limit(q.limit + 1).execute();
  const page = rows.slice(0, q.limit);
  const labels = await targetLabels(db, page);
  return { items: page.map((r) => toEntry(r, labels)), nextBefore: rows.length > q.limit ? (page.at(-1)?.seq ?? null) : null };
}

/** The most rows one export holds; narrow the filters for more. */
export const AUDIT_EXPORT_MAX = 50_000;

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  // A leading = + - @ would be a formula in a spreadsheet: quote it as text.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The filtered view as CSV (newest first), for auditors' own analysis. */
export async function exportAudit(db: Kysely<Database>, q: Omit<AuditQuery, 'limit' | 'before'>): Promise<{ csv: string; rows: number; truncated: boolean }> {
  const rows = await filtered(db, q).orderBy('seq', 'desc').limit(AUDIT_EXPORT_MAX + 1).execute();
  const page = rows.slice(0, AUDIT_EXPORT_MAX);
  const labels = await targetLabels(db, page);
  const head = ['seq', 'at', 'actor', 'action', 'target_type', 'target_id', 'target', 'outcome', 'status', 'details'];
  const lines = page.map((r) => {
    const e = toEntry(r, labels);
    return [e.seq, e.at, e.actorUsername, e.action, e.targetType, e.targetId, e.targetLabel, e.outcome, e.status, e.details].map(csvCell).join(',');
  });
  return { csv: `${[head.join(','), ...lines].join('\r\n')}\r\n`, rows: page.length, truncated: rows.length > AUDIT_EXPORT_MAX };
}
