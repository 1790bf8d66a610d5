import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { Config } from '../config.ts';
import { fieldKey } from '../crypto/fields.ts';
import { loadKey } from '../crypto/key-file.ts';
import { rotateKeys } from '../crypto/rotate.ts';
import { openDatabase } from '../db/database.ts';

/**
 * Key-file mode: the new key is written to `<file>.next` before any row changes, the data is
 * re-encrypted in one transaction, then the files swap (the old key is kept as `.retired-*`).
 * A crash at any point leaves a state that the loader can read and that a re-run completes.
 * Environment mode (AZAD_KEY): the operator supplies --new-key and sets AZAD_KEY to it afterwards.
 * Stop the app servers first: rows they write meanwhile stay readable (retired keys are loaded)
 * but remain under the old key until `azad keys rotate` runs again.
 */
export async function rotateCommand(config: Config, opts: { newKey?: string }) {
  const current = loadKey(config);
  let target;
  const nextFile = `${config.keyFile}.next`;
  if (config.key) {
    if (!opts.newKey) throw new Error('--new-key: required when the key comes from AZAD_KEY (generate one with: openssl rand -base64 32)');
    target = fieldKey(Buffer.from(opts.newKey, 'base64'));
  } else {
    if (!fs.existsSync(nextFile)) {
      const fd = fs.openSync(nextFile, 'wx', 0o600);
      fs.writeSync(fd, `${opts.newKey ?? randomBytes(32).toString('base64')}\n`);
      fs.fsyncSync(fd);
      fs.closeSync(fd);
    }
    target = fieldKey(Buffer.from(fs.readFileSync(nextFile, 'utf8').trim(), 'base64'));
  }
  target.previous = [current, ...(current.previous ?? [])].filter((k) => !k.id.equals(target.id));

  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const { fields } = await rotateKeys(db.kysely, target);
    process.stdout.write(`Re-encrypted ${fields} fields.\n`);
  } finally {
    await db.close();
  }
  if (config.key) {
    process.stdout.write('Now set AZAD_KEY to the new key, add the old one to AZAD_RETIRED_KEYS (older audit rows were chained under it) and restart every app server.\n');
    return;
  }
  // Copy the old key aside first, then replace atomically: no moment without a key file.
  const retired = `${config.keyFile}.retired-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  fs.copyFileSync(config.keyFile, retired, fs.constants.COPYFILE_EXCL);
  fs.chmodSync(retired, 0o600);
  fs.renameSync(nextFile, config.keyFile);
  process.stdout.write(`The new key is in ${config.keyFile}; the old one was kept beside it (.retired-*). Back up the new key now.\n`);
}
