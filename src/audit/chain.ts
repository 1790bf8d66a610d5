import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields that a link's hash covers, in their stored form. */
export interface ChainedFields {
  seq: number;
  at: Date;
  actor_id: string | null;
  actor_username: string | null;
  actor_agency_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: string;
  status: number | null;
  ip: string | null;
  details: unknown;
  prev_hash: string;
}

/** JSON with sorted keys, so that jsonb's key reordering cannot change a hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function linkHash(row: ChainedFields): string {
  const payload = canonicalJson({ ...row, at: row.at.toISOString(), details: row.details ?? null });
  return createHash('sha256').update(payload).digest('hex');
}
