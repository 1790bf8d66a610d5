import { verifyAuditChain } from '../audit/verify.ts';
import type { Config } from '../config.ts';
import { openDatabase } from '../db/database.ts';

/** Exit code 0 when the chain holds, 1 when a link is broken (named on stderr). */
export async function verifyCommand(config: Config): Promise<number> {
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const r = await verifyAuditChain(db.kysely);
    if (r.ok) {
      process.stdout.write(`Audit trail intact: ${r.checked} rows; head ${r.headSeq ?? '-'} ${r.headHash ?? ''}\n`);
      return 0;
    }
    process.stderr.write(`Audit trail BROKEN at row ${r.broken?.seq}: ${r.broken?.reason}\n${r.checked} rows before it verify.\n`);
    return 1;
  } finally {
    await db.close();
  }
}
