import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { invalid, type FieldError } from '../errors.ts';
import type { CriminalArticle, Profile } from '../profile/schema.ts';

/** An article reference resolved against the profile: "243.1" is article 243, part 1. */
export interface ResolvedArticle {
  ref: string;
  article: CriminalArticle;
  part: string | null;
}

/**
 * Resolves a reference: an article code of the profile as written, or such a code, a dot and one
 * of the parts the profile lists for it. Codes come from the profile, never from here.
 */
export function resolveArticle(profile: Profile, ref: string): ResolvedArticle | null {
  const exact = profile.criminalArticles.find((a) => a.code === ref);
  if (exact) return { ref, article: exact, part: null };
  const dot = ref.lastIndexOf('.');
  if (dot < 0) return null;
  const article = profile.criminalArticles.find((a) => a.code === ref.slice(0, dot));
  const part = ref.slice(dot + 1);
  if (!article || !(article.parts ?? []).includes(part)) return null;
  return { ref, article, part };
}

/** Checks every reference; each unknown one is named by its field path. */
export function assertArticles(profile: Profile, refs: readonly string[], path: string, fieldOf: (i: number) => string = (i) => `${path}.${i}`): ResolvedArticle[] {
  const problems: FieldError[] = [];
  const out: ResolvedArticle[] = [];
  refs.forEach((ref, i) => {
    const r = resolveArticle(profile, ref);
    if (r) out.push(r);
    else problems.push({ path: fieldOf(i), message: unknownArticleMessage(profile, ref) });
  });
  if (new Set(refs).size !== refs.length) problems.push({ path, message: 'an article is named twice' });
  if (problems.length) throw invalid('Unknown criminal article', problems);
  return out;
}

/** One reference in a field of its own (a wanted person's article). */
export const assertArticle = (profile: Profile, ref: string, path: string) => assertArticles(profile, [ref], path, () => path)[0] as ResolvedArticle;

function unknownArticleMessage(profile: Profile, ref: string) {
  const dot = ref.lastIndexOf('.');
  const article = dot > 0 ? profile.criminalArticles.find((a) => a.code === ref.slice(0, dot)) : undefined;
  if (article) return `article ${article.code} has no part "${ref.slice(dot + 1)}" in the country profile (parts: ${(article.parts ?? []).join(', ') || 'none'})`;
  return `unknown article "${ref}" in the country profile`;
}

/**
 * Cases imported before 2026-12 kept their principal article with its part ("144-1.2"); the
 * principal article is the bare article everywhere. Rewrites those rows; returns how many.
 */
export async function normaliseCaseArticles(db: Kysely<Database>, profile: Profile): Promise<number> {
  const codes = new Set(profile.criminalArticles.map((a) => a.code));
  const rows = await db.selectFrom('criminal_cases').select('principal_article').distinct().execute();
  let changed = 0;
  for (const { principal_article: ref } of rows) {
    if (codes.has(ref)) continue;
    const resolved = resolveArticle(profile, ref);
    if (!resolved) continue;
    const r = await db.updateTable('criminal_cases').set({ principal_article: resolved.article.code }).where('principal_article', '=', ref).executeTakeFirst();
    changed += Number(r.numUpdatedRows);
  }
  return changed;
}
