import { createHash, createHmac, hkdfSync } from 'node:crypto';
import type { FieldKey } from '../crypto/fields.ts';

export const GENESIS_HASH = '0'.repeat(64);

/** What one audit entry says; its hash is computed by the app before the database chains it. */
export interface AuditContent {
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

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Hashes exactly the content fields, whatever else the row object carries. */
export function contentHash(c: AuditContent): string {
  return sha256(
    canonicalJson({
      at: c.at.toISOString(),
      actor_id: c.actor_id,
      actor_username: c.actor_username,
      actor_agency_id: c.actor_agency_id,
      action: c.action,
      target_type: c.target_type,
      target_id: c.target_id,
      outcome: c.outcome,
      status: c.status,
      ip: c.ip,
      details: c.details ?? null,
    }),
  );
}

/** The unkeyed chain step of rows written before migration 0016 (their key_id is null). */
export function linkHash(prevHash: string, seq: number, content: string): string {
  return sha256(`${prevHash}:${seq}:${content}`);
}

/**
 * A key derived from the field key for one purpose (HKDF-SHA-256): the trail's MAC key and the
 * anchor's signing key live, travel and rotate with the field key, yet are never the same bytes.
 */
export function derivedKey(k: FieldKey, purpose: 'audit-chain' | 'audit-anchor' | 'backup'): Buffer {
  return Buffer.from(hkdfSync('sha256', k.key, Buffer.alloc(0), `azad:${purpose}:v1`, 32));
}

/** The key id written beside each keyed row: the field key's fingerprint, so rotation knows which key chained it. */
export const keyIdOf = (k: FieldKey) => k.id.toString('hex');

/** The keyed chain step: HMAC-SHA-256 under the chain key; without the key nobody can recompute it. */
export function keyedLinkHash(chainKey: Buffer, prevHash: string, seq: number, content: string): string {
  return createHmac('sha256', chainKey).update(`${prevHash}:${seq}:${content}`, 'utf8').digest('hex');
}
