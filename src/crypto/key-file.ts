import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';
import { fieldKey, loadFieldKey, type FieldKey } from './fields.ts';

/** The key file and its rotation companions (`.next`, `.retired-*`) in a folder. */
function keyFiles(file: string): string[] {
  const dir = path.dirname(file);
  const base = path.basename(file);
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f === base || f === `${base}.next` || f.startsWith(`${base}.retired-`));
}

/**
 * Moves a key left inside the data folder by older versions to its new place, with its rotation
 * companions. Copies first, compares, and only then removes the originals: a crash at any point
 * leaves every key readable somewhere. Two different keys are never merged: the operator decides.
 */
export function moveLegacyKey(legacy: string, target: string, say: (line: string) => void): void {
  const names = keyFiles(legacy);
  if (!names.includes(path.basename(legacy))) return;
  const from = path.dirname(legacy);
  const to = path.dirname(target);
  const targetName = (n: string) => path.basename(target) + n.slice(path.basename(legacy).length);
  for (const n of names) {
    const dest = path.join(to, targetName(n));
    if (fs.existsSync(dest) && !fs.readFileSync(dest).equals(fs.readFileSync(path.join(from, n)))) {
      throw new Error(
        `Two different keys: ${path.join(from, n)} (where older versions kept it) and ${dest}. Nothing was moved. ` +
          `Point AZAD_KEY_FILE at the one that opens this data (e.g. AZAD_KEY_FILE=${legacy}), or move it yourself.`,
      );
    }
  }
  fs.mkdirSync(to, { recursive: true, mode: 0o700 });
  for (const n of names) {
    const dest = path.join(to, targetName(n));
    if (!fs.existsSync(dest)) {
      fs.copyFileSync(path.join(from, n), dest, fs.constants.COPYFILE_EXCL);
      fs.chmodSync(dest, 0o600);
    }
    if (!fs.readFileSync(dest).equals(fs.readFileSync(path.join(from, n)))) throw new Error(`Copying ${n} to ${to} failed; nothing was removed`);
  }
  for (const n of names) fs.rmSync(path.join(from, n));
  say(`azad: moved the encryption key from ${legacy} to ${target}, out of the data folder, so a copy of the data no longer carries its key. Back up ${target} separately from the data.`);
}

/**
 * The field key of this installation (it also keys the audit trail and backups): from AZAD_KEY
 * with AZAD_RETIRED_KEYS, or from the key file, which is moved out of the data folder first.
 */
export function loadKey(config: Pick<Config, 'key' | 'keyFile' | 'legacyKeyFile' | 'retiredKeys'>): FieldKey {
  if (config.key) {
    const k = fieldKey(Buffer.from(config.key, 'base64'));
    k.previous = config.retiredKeys.map((r) => fieldKey(Buffer.from(r, 'base64'))).filter((r) => !r.id.equals(k.id));
    return k;
  }
  if (config.legacyKeyFile && path.resolve(config.legacyKeyFile) !== path.resolve(config.keyFile)) {
    moveLegacyKey(config.legacyKeyFile, config.keyFile, (line) => process.stderr.write(`${line}\n`));
  }
  return loadFieldKey({ keyFile: config.keyFile });
}
