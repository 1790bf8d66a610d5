import fs from 'node:fs';
import { makeAnchor, readAnchor, verifyAgainstAnchor } from '../audit/anchor.ts';
import { verifyAuditChain } from '../audit/verify.ts';
import type { Config } from '../config.ts';
import { loadKey } from '../crypto/key-file.ts';
import { openDatabase } from '../db/database.ts';

/** Exit code 0 when the chain holds (and matches the anchor, if given), 1 when a link is broken (named on stderr). */
export async function verifyCommand(config: Config, opts: { anchor?: string }): Promise<number> {
  const key = loadKey(config);
  const anchor = opts.anchor ? readAnchor(fs.readFileSync(opts.anchor, 'utf8'), key) : null;
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const r = anchor ? await verifyAgainstAnchor(db.kysely, key, anchor) : await verifyAuditChain(db.kysely, key);
    if (r.ok) {
      const legacy = r.unkeyed ? `; ${r.unkeyed} rows of the older unkeyed scheme (anchor them)` : '';
      const anchored = anchor ? `; matches the anchor at row ${anchor.seq} of ${anchor.at}` : '';
      process.stdout.write(`Audit trail intact: ${r.checked} rows; head ${r.headSeq ?? '-'} ${r.headHash ?? ''}${anchored}${legacy}\n`);
      return 0;
    }
    process.stderr.write(`Audit trail BROKEN at row ${r.broken?.seq}: ${r.broken?.reason}\n${r.checked} rows before it verify.\n`);
    return 1;
  } finally {
    await db.close();
  }
}

/** Prints (or writes) a signed statement of the head, to keep where the database owner cannot reach. */
export async function anchorCommand(config: Config, opts: { out?: string }): Promise<void> {
  const key = loadKey(config);
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const text = `${JSON.stringify(await makeAnchor(db.kysely, key))}\n`;
    if (opts.out) fs.writeFileSync(opts.out, text, { flag: 'wx' });
    else process.stdout.write(text);
  } finally {
    await db.close();
  }
}
