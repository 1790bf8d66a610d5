import type { Kysely } from 'kysely';
import type { FieldKey } from '../crypto/fields.ts';
import type { Database } from '../db/schema.ts';
import { contentHash, derivedKey, GENESIS_HASH, keyedLinkHash, keyIdOf, linkHash } from './chain.ts';

export interface VerifyResult {
  ok: boolean;
  checked: number;
  /** Rows of the unkeyed scheme (written before migration 0016): only an anchor protects them against a rewrite. */
  unkeyed: number;
  headSeq: number | null;
  headHash: string | null;
  /** The first link that does not hold, and why. */
  broken: { seq: number; reason: string } | null;
}

/**
 * Walks the whole chain in order and stops at the first link that does not hold. Keyed rows are
 * checked with the key that chained them (the current key or a retired one); an unkeyed row after
 * a keyed one is a downgrade, since no version of Azad writes one.
 */
export async function verifyAuditChain(db: Kysely<Database>, key: FieldKey, batchSize = 2000): Promise<VerifyResult> {
  const chainKeys = new Map([key, ...(key.previous ?? [])].map((k) => [keyIdOf(k), derivedKey(k, 'audit-chain')]));
  let prevSeq = 0;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let unkeyed = 0;
  let keyedSeen = false;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>', prevSeq).orderBy('seq').limit(batchSize).execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      const broken = (reason: string): VerifyResult => ({ ok: false, checked, unkeyed, headSeq: prevSeq || null, headHash: prevSeq ? prevHash : null, broken: { seq: row.seq, reason } });
      if (row.seq !== prevSeq + 1) {
        return broken(`rows ${prevSeq + 1}..${row.seq - 1} are missing (deleted) before row ${row.seq}`);
      }
      if (row.prev_hash !== prevHash) return broken(`row ${row.seq} does not follow row ${prevSeq}: its prev_hash differs`);
      if (row.content_hash !== contentHash(row)) return broken(`row ${row.seq} was altered: its content no longer matches its hash`);
      if (row.key_id === null) {
        if (keyedSeen) return broken(`row ${row.seq} is unkeyed after keyed rows: the trail was rewritten without the key`);
        if (row.hash !== linkHash(row.prev_hash, row.seq, row.content_hash)) return broken(`row ${row.seq} was altered: its link hash is wrong`);
        unkeyed++;
      } else {
        const chainKey = chainKeys.get(row.key_id);
        if (!chainKey) return broken(`row ${row.seq} was chained under key ${row.key_id}, which is not loaded (a retired key file is missing?)`);
        if (row.hash !== keyedLinkHash(chainKey, row.prev_hash, row.seq, row.content_hash)) return broken(`row ${row.seq} was altered: its link hash is wrong`);
        keyedSeen = true;
      }
      prevSeq = row.seq;
      prevHash = row.hash;
      checked++;
    }
  }
  return { ok: true, checked, unkeyed, headSeq: prevSeq || null, headHash: prevSeq ? prevHash : null, broken: null };
}
