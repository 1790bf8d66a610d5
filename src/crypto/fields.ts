import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** A 256-bit key and a short fingerprint stored with each ciphertext, so rotation knows which key wrote it. */
export interface FieldKey {
  key: Buffer;
  id: Buffer;
  /** Older keys still accepted for decryption, e.g. while `azad keys rotate` runs. */
  previous?: FieldKey[];
}

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const ID_BYTES = 4;
const HEAD_BYTES = 1 + ID_BYTES + IV_BYTES + TAG_BYTES;

export function fieldKey(raw: Buffer): FieldKey {
  if (raw.length !== 32) throw new Error('The encryption key must be 32 bytes (base64 of 32 random bytes)');
  return { key: raw, id: createHash('sha256').update(raw).digest().subarray(0, ID_BYTES) };
}

/**
 * The key comes from AZAD_KEY (base64) or a key file; a missing key file is created once
 * with owner-only permissions, so a first run needs no ceremony.
 */
export function loadFieldKey(opts: { key?: string | undefined; keyFile: string }): FieldKey {
  if (opts.key) return fieldKey(Buffer.from(opts.key, 'base64'));
  const dir = path.dirname(opts.keyFile);
  const base = path.basename(opts.keyFile);
  // Keys of a rotation in progress (.next) or past (.retired-*): rows under them stay readable.
  const others = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f === `${base}.next` || f.startsWith(`${base}.retired-`)) : [];
  if (!fs.existsSync(opts.keyFile)) {
    if (others.length) throw new Error(`${opts.keyFile} is missing but ${others.join(', ')} exist beside it: restore the key file instead of starting with a new key`);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    try {
      fs.writeFileSync(opts.keyFile, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (err) {
      // Another process made it first: that key is the key.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  const read = (file: string) => fieldKey(Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64'));
  const primary = read(opts.keyFile);
  primary.previous = others.map((f) => read(path.join(dir, f))).filter((k) => !k.id.equals(primary.id));
  return primary;
}

// IVs are cut from a pool of random bytes: one call to the system's generator per 341 fields
// rather than one per field (a bulk import encrypts hundreds of thousands). Still random, never reused.
let ivPool = Buffer.alloc(0);
let ivAt = 0;
function nextIv(): Buffer {
  if (ivAt + IV_BYTES > ivPool.length) {
    ivPool = randomBytes(IV_BYTES * 341);
    ivAt = 0;
  }
  ivAt += IV_BYTES;
  return ivPool.subarray(ivAt - IV_BYTES, ivAt);
}

/** AES-256-GCM; layout: version(1) key-id(4) iv(12) tag(16) ciphertext. */
export function encryptField(k: FieldKey, plaintext: string): Buffer {
  const iv = nextIv();
  const cipher = createCipheriv('aes-256-gcm', k.key, iv);
  // GCM is a stream mode: final() adds no bytes, so the layout is laid out once in one buffer
  // (a bulk import encrypts hundreds of thousands of fields).
  const body = cipher.update(plaintext, 'utf8');
  cipher.final();
  const out = Buffer.allocUnsafe(HEAD_BYTES + body.length);
  out[0] = VERSION;
  k.id.copy(out, 1);
  iv.copy(out, 1 + ID_BYTES);
  cipher.getAuthTag().copy(out, 1 + ID_BYTES + IV_BYTES);
  body.copy(out, HEAD_BYTES);
  return out;
}

/** The same layout for bytes (attachments): the file never exists on disk in clear. */
export function encryptBytes(k: FieldKey, plain: Uint8Array): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', k.key, iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), k.id, iv, cipher.getAuthTag(), body]);
}

export function decryptField(k: FieldKey, blob: Uint8Array): string {
  return decryptBytes(k, blob).toString('utf8');
}

export function decryptBytes(k: FieldKey, blob: Uint8Array): Buffer {
  const buf = Buffer.from(blob);
  if (buf[0] !== VERSION) throw new Error('Unknown ciphertext version');
  const id = buf.subarray(1, 1 + ID_BYTES);
  const key = [k, ...(k.previous ?? [])].find((c) => c.id.equals(id));
  if (!key) throw new Error('Ciphertext was written with a key that is not loaded');
  const ivStart = 1 + ID_BYTES;
  const iv = buf.subarray(ivStart, ivStart + IV_BYTES);
  const tag = buf.subarray(ivStart + IV_BYTES, ivStart + IV_BYTES + TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key.key, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(buf.subarray(ivStart + IV_BYTES + TAG_BYTES)), decipher.final()]);
}

/** Whether a ciphertext was written with the primary key (rotation re-encrypts the rest). */
export function isCurrent(k: FieldKey, blob: Uint8Array): boolean {
  return Buffer.from(blob).subarray(1, 1 + ID_BYTES).equals(k.id);
}

export const encryptOptional = (k: FieldKey, value: string | null | undefined) => (value == null ? null : encryptField(k, value));
export const decryptOptional = (k: FieldKey, blob: Uint8Array | null) => (blob == null ? null : decryptField(k, blob));

/**
 * A keyed hash (HMAC-SHA-256, key derived from the field key) for equality search over
 * encrypted data: the same token gives the same hash, and nobody without the key can
 * test a guess against it.
 */
export function matchKey(k: FieldKey, token: string): string {
  let derived = matchKeyKeys.get(k.key);
  if (!derived) matchKeyKeys.set(k.key, (derived = createHmac('sha256', k.key).update('azad:match-keys:v1').digest()));
  return createHmac('sha256', derived).update(token).digest('hex').slice(0, 32);
}
/** The match-key key of each field key, derived once: a person's row takes half a dozen match keys. */
const matchKeyKeys = new WeakMap<Buffer, Buffer>();
