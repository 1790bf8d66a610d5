import { createHash, randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** A code lives long enough to be handed over by phone or in person, not longer. */
export const CODE_TTL_HOURS = 72;
// Crockford's base32 without I, L, O, U: read aloud or typed from paper without ambiguity.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 20; // 100 bits

export type CodePurpose = 'reset' | 'enrolment';

/** What a person types is compared without spaces, dashes or case. */
export const normaliseCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');
const digest = (code: string) => createHash('sha256').update(normaliseCode(code)).digest('hex');

function newCode(): string {
  const chars = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return chars.join('').replace(/(.{5})(?!$)/g, '$1-');
}

/**
 * Issues a single-use code for a user, voiding their earlier unused codes of the same purpose.
 * The code is returned once, to be shown once; the database keeps only its hash.
 */
export async function issueCode(trx: Kysely<Database>, userId: string, purpose: CodePurpose, issuedBy: string | null) {
  await trx.deleteFrom('account_codes').where('user_id', '=', userId).where('purpose', '=', purpose).where('used_at', 'is', null).execute();
  const code = newCode();
  const expiresAt = new Date(Date.now() + CODE_TTL_HOURS * 3_600_000);
  await trx.insertInto('account_codes').values({ user_id: userId, purpose, code_hash: digest(code), issued_by: issuedBy, expires_at: expiresAt }).execute();
  return { code, expiresAt: expiresAt.toISOString() };
}

/** The live code of one of these purposes that matches, without using it up. */
export async function findCode(db: Kysely<Database>, userId: string, purposes: readonly CodePurpose[], code: string) {
  return db
    .selectFrom('account_codes')
    .select(['id', 'purpose'])
    .where('user_id', '=', userId)
    .where('purpose', 'in', [...purposes])
    .where('code_hash', '=', digest(code))
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date())
    .executeTakeFirst();
}

/** Uses a code up; false when another request used it first. */
export async function useCode(db: Kysely<Database>, id: string): Promise<boolean> {
  const res = await db.updateTable('account_codes').set({ used_at: new Date() }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
