import { createCipheriv, createDecipheriv, createHmac, randomBytes, scryptSync, type CipherGCM } from 'node:crypto';
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { derivedKey, keyIdOf } from '../audit/chain.ts';
import type { FieldKey } from '../crypto/fields.ts';

/**
 * What a backup is encrypted with: a key derived from the installation's field key (the
 * default: a stolen backup is useless without the key file, kept elsewhere), or a passphrase.
 */
export type BackupSecret = { key: FieldKey } | { passphrase: string };

const MAGIC = Buffer.from('AZADBAK2');
const TAG_BYTES = 16;
// scrypt at N=2^15, r=8 (about 32 MB, a tenth of a second): costly to guess at, cheap once.
const SCRYPT = { N: 2 ** 15, r: 8, p: 1 };

type SealHeader = { cipher: 'aes-256-gcm'; iv: string; check: string; kdf: { kind: 'key'; keyId: string } | { kind: 'scrypt'; salt: string; N: number; r: number; p: number } };

/** Tells a wrong key or passphrase at once, instead of after the whole file at the tag. */
const checkOf = (key: Buffer) => createHmac('sha256', key).update('azad:backup-key-check').digest('hex').slice(0, 16);

const scrypt = (passphrase: string, salt: Buffer, p: { N: number; r: number; p: number }) => scryptSync(passphrase, salt, 32, { ...p, maxmem: 256 * p.N * p.r });

/**
 * Layout: "AZADBAK2", the header's length (4 bytes), the header (JSON: cipher, iv, how the key
 * is found), the AES-256-GCM ciphertext of the gzipped backup, the 16-byte tag. The header is
 * authenticated too (additional data), so nobody can swap the key it names.
 */
export function sealer(secret: BackupSecret): { prefix: Buffer; cipher: CipherGCM } {
  const iv = randomBytes(12);
  let key: Buffer;
  let kdf: SealHeader['kdf'];
  if ('key' in secret) {
    key = derivedKey(secret.key, 'backup');
    kdf = { kind: 'key', keyId: keyIdOf(secret.key) };
  } else {
    const salt = randomBytes(16);
    key = scrypt(secret.passphrase, salt, SCRYPT);
    kdf = { kind: 'scrypt', salt: salt.toString('base64'), ...SCRYPT };
  }
  const header = Buffer.from(JSON.stringify({ cipher: 'aes-256-gcm', iv: iv.toString('base64'), check: checkOf(key), kdf } satisfies SealHeader));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(header.length);
  const prefix = Buffer.concat([MAGIC, length, header]);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(prefix);
  return { prefix, cipher };
}

export const TAG_LENGTH = TAG_BYTES;

/**
 * The gzipped content of a backup file, decrypted as it streams. The tag is checked at the end,
 * so a caller must not commit anything before the stream has ended without error (restore runs
 * in one transaction). Backups of versions before issue 16 are plain gzip and are read as such.
 */
export function unsealed(file: string, secret: BackupSecret): { stream: Readable; sealed: boolean } {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const start = Buffer.alloc(Math.min(size, 12));
    fs.readSync(fd, start, 0, start.length, 0);
    if (start[0] === 0x1f && start[1] === 0x8b) return { stream: fs.createReadStream(file), sealed: false };
    if (start.length < 12 || !start.subarray(0, 8).equals(MAGIC)) throw new Error(`${file}: not an Azad backup`);
    const headerLength = start.readUInt32BE(8);
    const prefix = Buffer.alloc(12 + headerLength);
    fs.readSync(fd, prefix, 0, prefix.length, 0);
    const header = JSON.parse(prefix.subarray(12).toString('utf8')) as SealHeader;
    let key: Buffer;
    if (header.kdf.kind === 'key') {
      if (!('key' in secret)) throw new Error(`${file}: encrypted with the installation's key, not a passphrase; restore it without --passphrase-file`);
      const keyId = header.kdf.keyId;
      const k = [secret.key, ...(secret.key.previous ?? [])].find((c) => keyIdOf(c) === keyId);
      if (!k) throw new Error(`${file}: encrypted with key ${keyId}, which is not loaded (restore with the key file of the installation that wrote it)`);
      key = derivedKey(k, 'backup');
    } else {
      if (!('passphrase' in secret)) throw new Error(`${file}: encrypted with a passphrase; give it with --passphrase-file or AZAD_BACKUP_PASSPHRASE`);
      key = scrypt(secret.passphrase, Buffer.from(header.kdf.salt, 'base64'), header.kdf);
    }
    if (checkOf(key) !== header.check) throw new Error(`${file}: ${header.kdf.kind === 'key' ? 'the key' : 'the passphrase'} does not open this backup`);
    if (size < prefix.length + TAG_BYTES) throw new Error(`${file}: truncated`);
    const tag = Buffer.alloc(TAG_BYTES);
    fs.readSync(fd, tag, 0, TAG_BYTES, size - TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(header.iv, 'base64'));
    decipher.setAAD(prefix);
    decipher.setAuthTag(tag);
    const source = fs.createReadStream(file, { start: prefix.length, end: size - TAG_BYTES - 1 });
    // pipe() does not forward errors; a read error must reach the consumer.
    source.on('error', (err) => decipher.destroy(err));
    return { stream: source.pipe(decipher), sealed: true };
  } finally {
    fs.closeSync(fd);
  }
}
