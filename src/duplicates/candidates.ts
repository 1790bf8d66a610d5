import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import { decryptField, decryptOptional, type FieldKey } from '../crypto/fields.ts';
import type { Database } from '../db/schema.ts';
import { latinFold, matchTokens, similarity } from '../victims/names.ts';
import type { CandidatePair } from './schema.ts';

/** The weights of the score's parts; they add up to 1. */
export const WEIGHTS = { givenName: 0.3, familyName: 0.25, birthDate: 0.25, sex: 0.1, citizenship: 0.1 } as const;
/** A blocking token shared by more records than this (a very common name) pairs no one on its own. */
const MAX_BLOCK = 200;

interface Candidate {
  id: string;
  caseCode: string;
  ownerAgencyId: string;
  openedOn: string;
  given: string;
  family: string | null;
  birthDate: string | null;
  birthYear: number | null;
  sex: string;
  citizenship: string | null;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** The score of a pair and its parts, each with its verdict: the reason a pair is shown. */
export function scorePair(a: Candidate, b: Candidate): Pick<CandidatePair, 'score' | 'parts'> {
  const name = (x: string | null, y: string | null) => {
    if (!x || !y) return { verdict: 'unknown' as const, similarity: 0.5 };
    const s = similarity(latinFold(x), latinFold(y));
    return { verdict: s === 1 ? ('same' as const) : s >= 0.85 ? ('similar' as const) : ('different' as const), similarity: s };
  };
  const birth = () => {
    // Dates as told (docs/victims.md): two equal years or months say no more than the same year.
    if (a.birthDate && b.birthDate) return a.birthDate === b.birthDate && a.birthDate.length === 10 ? { verdict: 'same' as const, similarity: 1 } : a.birthDate.slice(0, 4) === b.birthDate.slice(0, 4) ? { verdict: 'same_year' as const, similarity: 0.5 } : { verdict: 'different' as const, similarity: 0 };
    if (a.birthYear && b.birthYear) return a.birthYear === b.birthYear ? { verdict: 'same_year' as const, similarity: 0.5 } : { verdict: 'different' as const, similarity: 0 };
    return { verdict: 'unknown' as const, similarity: 0.5 };
  };
  const plain = (x: string | null, y: string | null) => (!x || !y ? { verdict: 'unknown' as const, similarity: 0.5 } : x === y ? { verdict: 'same' as const, similarity: 1 } : { verdict: 'different' as const, similarity: 0 });
  const raw = {
    givenName: name(a.given, b.given),
    familyName: name(a.family, b.family),
    birthDate: birth(),
    sex: plain(a.sex, b.sex),
    citizenship: plain(a.citizenship, b.citizenship),
  };
  const parts = (Object.keys(WEIGHTS) as (keyof typeof WEIGHTS)[]).map((part) => ({
    part,
    verdict: raw[part].verdict,
    similarity: round(raw[part].similarity),
    weight: WEIGHTS[part],
    points: round(raw[part].similarity * WEIGHTS[part]),
  }));
  return { score: round(parts.reduce((n, p) => n + p.points, 0)), parts };
}

/**
 * Possible duplicate pairs among the persons `visible` admits (for the coordinator: every agency's),
 * merged and anonymised records aside. Pairs come from shared name tokens (the same blocking the
 * intake check uses: given+family, given+birth date, family+birth date, by consonant skeleton),
 * are scored in memory after decryption, and pairs already decided (linked) are left out.
 * Names never leave: the answer carries case codes and the score's parts.
 */
export async function candidatePairs(db: Kysely<Database>, key: FieldKey, visible: Expression<SqlBool>, opts: { minScore: number; limit: number }) {
  const rows = await db
    .selectFrom('persons')
    .select(['id', 'case_code', 'owner_agency_id', 'contact_date', 'given_name_enc', 'family_name_enc', 'birth_date_enc', 'birth_year', 'gender', 'citizenship'])
    .where(visible)
    .where('persons.merged_into', 'is', null)
    .where('persons.anonymised_at', 'is', null)
    .orderBy('id')
    .execute();
  const people: Candidate[] = rows.map((r) => ({
    id: r.id,
    caseCode: r.case_code,
    ownerAgencyId: r.owner_agency_id,
    openedOn: r.contact_date,
    given: decryptField(key, r.given_name_enc),
    family: decryptOptional(key, r.family_name_enc),
    birthDate: decryptOptional(key, r.birth_date_enc),
    birthYear: r.birth_year,
    sex: r.gender,
    citizenship: r.citizenship,
  }));
  const blocks = new Map<string, number[]>();
  people.forEach((p, i) => {
    for (const token of matchTokens({ givenName: p.given, familyName: p.family, birthDate: p.birthDate })) {
      const list = blocks.get(token);
      if (list) list.push(i);
      else blocks.set(token, [i]);
    }
  });
  const decided = await sql<{ a: string; b: string }>`select person_a as a, person_b as b from person_links`.execute(db);
  const skip = new Set(decided.rows.map((r) => `${r.a}|${r.b}`));
  const seen = new Set<string>();
  const pairs: CandidatePair[] = [];
  for (const members of blocks.values()) {
    if (members.length < 2 || members.length > MAX_BLOCK) continue;
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const a = people[members[x]!]!;
        const b = people[members[y]!]!;
        const id = `${a.id}|${b.id}`;
        if (seen.has(id) || skip.has(id)) continue;
        seen.add(id);
        const { score, parts } = scorePair(a, b);
        if (score < opts.minScore) continue;
        const side = (p: Candidate) => ({ id: p.id, caseCode: p.caseCode, ownerAgencyId: p.ownerAgencyId, openedOn: p.openedOn });
        pairs.push({ a: side(a), b: side(b), score, parts });
      }
    }
  }
  pairs.sort((p, q) => q.score - p.score || p.a.caseCode.localeCompare(q.a.caseCode));
  return { items: pairs.slice(0, opts.limit), total: pairs.length };
}
