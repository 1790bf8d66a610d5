import fs from 'node:fs';
import { hash, verify } from '@node-rs/argon2';
import type { FieldError } from '../errors.ts';

// NIST SP 800-63B: length over composition rules, and a check against known-common passwords.
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

let blockList: Set<string> | undefined;
function commonPasswords(): Set<string> {
  blockList ??= new Set(
    fs
      .readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#')),
  );
  return blockList;
}

/** Problems with a proposed password, each naming the field; empty when acceptable. */
export function passwordProblems(password: string, opts: { username?: string; field?: string } = {}): FieldError[] {
  const path = opts.field ?? 'password';
  const lower = password.toLowerCase();
  if ([...password].length < MIN_PASSWORD_LENGTH) return [{ path, message: `must be at least ${MIN_PASSWORD_LENGTH} characters` }];
  if (password.length > MAX_PASSWORD_LENGTH) return [{ path, message: `must be at most ${MAX_PASSWORD_LENGTH} characters` }];
  if (commonPasswords().has(lower)) return [{ path, message: 'is too common; choose another' }];
  if (/^(.)\1+$/.test(password)) return [{ path, message: 'must not repeat one character' }];
  if (opts.username && lower.includes(opts.username.toLowerCase())) return [{ path, message: 'must not contain the username' }];
  return [];
}

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
// Algorithm.Argon2id is an ambient const enum; its value is 2.
const params = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, params);

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the user does not exist, so timing does not reveal usernames. */
let decoy: Promise<string> | undefined;
export const decoyHash = () => (decoy ??= hashPassword('decoy-password-for-timing'));
