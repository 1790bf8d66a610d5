import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { contentHash, GENESIS_HASH, linkHash } from './chain.ts';

export interface VerifyResult {
  ok: boolean;
  checked: number;
  headSeq: number | null;
  headHash: string | null;
  /** The first link that does not hold, and why. */
  broken: { seq: number; reason: string } | null;
}

/** Walks the whole chain in order and stops at the first link that does not hold. */
export async function verifyAuditChain(db: Kysely<Database>, batchSize = 2000): Promise<VerifyResult> {
  let prevSeq = 0;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>', prevSeq).orderBy('seq').limit(batchSize).execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      const broken = (reason: string): VerifyResult => ({ ok: false, checked, headSeq: prevSeq || null, headHash: prevSeq ? prevHash : null, broken: { seq: row.seq, reason } });
      if (row.seq !== prevSeq + 1) {
        return broken(`rows ${prevSeq + 1}..${row.seq - 1} are missing (deleted) before row ${row.seq}`);
      }
      if (row.prev_hash !== prevHash) return broken(`row ${row.seq} does not follow row ${prevSeq}: its prev_hash differs`);
      if (row.content_hash !== contentHash(row)) return broken(`row ${row.seq} was altered: its content no longer matches its hash`);
      if (row.hash !== linkHash(row.prev_hash, row.seq, row.content_hash)) return broken(`row ${row.seq} was altered: its link hash is wrong`);
      prevSeq = row.seq;
      prevHash = row.hash;
      checked++;
    }
  }
  return { ok: true, checked, headSeq: prevSeq || null, headHash: prevSeq ? prevHash : null, broken: null };
}
