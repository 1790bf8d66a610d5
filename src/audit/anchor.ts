import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { FieldKey } from '../crypto/fields.ts';
import type { Database } from '../db/schema.ts';
import { derivedKey, keyIdOf } from './chain.ts';
import { verifyAuditChain, type VerifyResult } from './verify.ts';

/**
 * A signed statement of the trail's head, for a store the database owner does not control
 * (a ticket, a mail, a notary). HMAC-SHA-256 under a key derived from the field key: only a
 * holder of the key can make or check one, which is who runs `azad audit verify`.
 */
export const Anchor = z.strictObject({
  format: z.literal('azad-audit-anchor'),
  version: z.literal(1),
  seq: z.number().int().positive(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.iso.datetime(),
  keyId: z.string().regex(/^[0-9a-f]+$/),
  signature: z.string().regex(/^[0-9a-f]{64}$/),
});
export type Anchor = z.infer<typeof Anchor>;

const signed = (a: Omit<Anchor, 'signature'>) => `${a.format}:v${a.version}:${a.seq}:${a.hash}:${a.at}:${a.keyId}`;
const sign = (k: FieldKey, a: Omit<Anchor, 'signature'>) => createHmac('sha256', derivedKey(k, 'audit-anchor')).update(signed(a), 'utf8').digest('hex');

/** Signs the head of an intact chain; refuses to vouch for a broken one. */
export async function makeAnchor(db: Kysely<Database>, key: FieldKey): Promise<Anchor> {
  const r = await verifyAuditChain(db, key);
  if (!r.ok) throw new Error(`The audit trail is broken at row ${r.broken?.seq} (${r.broken?.reason}); no anchor was written`);
  if (r.headSeq === null || r.headHash === null) throw new Error('The audit trail is empty; there is nothing to anchor');
  const body = { format: 'azad-audit-anchor' as const, version: 1 as const, seq: r.headSeq, hash: r.headHash, at: new Date().toISOString(), keyId: keyIdOf(key) };
  return { ...body, signature: sign(key, body) };
}

/** Reads an anchor and checks its signature with the key (current or retired) that made it. */
export function readAnchor(text: string, key: FieldKey): Anchor {
  const parsed = Anchor.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error('Not an Azad audit anchor');
  const a = parsed.data;
  const signer = [key, ...(key.previous ?? [])].find((k) => keyIdOf(k) === a.keyId);
  if (!signer) throw new Error(`The anchor was signed with key ${a.keyId}, which is not loaded`);
  const { signature, ...body } = a;
  if (!timingSafeEqual(Buffer.from(sign(signer, body), 'hex'), Buffer.from(signature, 'hex'))) throw new Error('The anchor is forged or damaged: its signature does not match');
  return a;
}

/**
 * Verifies the chain and holds it to the anchor: the anchored row must still exist with the
 * anchored hash. Since each hash covers every row before it, nothing at or before the anchor
 * changed, whatever was recomputed; a trail shorter than the anchor was truncated.
 */
export async function verifyAgainstAnchor(db: Kysely<Database>, key: FieldKey, anchor: Anchor): Promise<VerifyResult> {
  const r = await verifyAuditChain(db, key);
  if (r.broken && r.broken.seq <= anchor.seq) return r;
  const fail = (reason: string): VerifyResult => ({ ...r, ok: false, broken: { seq: anchor.seq, reason } });
  const row = await db.selectFrom('audit_log').select('hash').where('seq', '=', anchor.seq).executeTakeFirst();
  if (!row) return fail(`the trail ends before row ${anchor.seq}, which the anchor of ${anchor.at} names: rows were removed`);
  if (row.hash !== anchor.hash) return fail(`row ${anchor.seq} is not the row anchored at ${anchor.at}: the trail up to it was rewritten`);
  return r;
}
