import fs from 'node:fs';
import { withAuditKey } from '../audit/key.ts';
import { restoreBackup, writeBackup } from '../backup/backup.ts';
import type { BackupSecret } from '../backup/seal.ts';
import type { Config } from '../config.ts';
import type { FieldKey } from '../crypto/fields.ts';
import { loadKey } from '../crypto/key-file.ts';
import { openDatabase } from '../db/database.ts';

export interface SecretOptions {
  passphraseFile?: string;
}

/** A passphrase from --passphrase-file or AZAD_BACKUP_PASSPHRASE; otherwise the installation's key. */
function secretFor(key: FieldKey, opts: SecretOptions): BackupSecret {
  const passphrase = opts.passphraseFile ? fs.readFileSync(opts.passphraseFile, 'utf8').replace(/\r?\n$/, '') : process.env.AZAD_BACKUP_PASSPHRASE;
  if (passphrase === undefined || passphrase === '') return { key };
  if (passphrase.length < 12) throw new Error('The backup passphrase must be at least 12 characters');
  return { passphrase };
}

export async function backupCommand(config: Config, file: string, opts: SecretOptions) {
  const key = loadKey(config);
  const secret = secretFor(key, opts);
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const { rows } = await writeBackup(db.kysely, file, secret);
    const how = 'key' in secret ? `the key in ${config.key ? 'AZAD_KEY' : config.keyFile} (keep it apart from the backup)` : 'the passphrase';
    process.stdout.write(`Backed up ${rows} rows to ${file} (mode 600, encrypted with ${how})\n`);
  } finally {
    await db.close();
  }
}

export async function restoreCommand(config: Config, file: string, opts: SecretOptions & { force?: boolean; reason?: string }) {
  if (opts.force && !opts.reason?.trim()) throw new Error('--force needs --reason "why": it is recorded in the audit trail');
  const key = loadKey(config);
  const opened = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const db = withAuditKey(opened.kysely, key);
    const r = await restoreBackup(db, file, { secret: secretFor(key, opts), key, ...(opts.force && opts.reason ? { force: { reason: opts.reason.trim() } } : {}) });
    const broken = r.brokenAt === null ? '' : `; its audit trail is broken at row ${r.brokenAt}, restored on --force (the reason is in the trail)`;
    process.stdout.write(`Restored ${r.rows} rows from ${file}; no sign-in sessions were carried over${broken}\n`);
  } finally {
    await opened.close();
  }
}
