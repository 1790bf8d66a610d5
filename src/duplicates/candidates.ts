import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import { decryptField, decryptOptional, type FieldKey } from '../crypto/fields.ts';
import type { Database } from '../db/schema.ts';
import { latinFold, similarity } from '../victims/names.ts';
import { refreshPairKeys } from './pair-index.ts';
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

/** Counts of the work one listing did: how many persons' names it decrypted, and why. */
export interface CandidateStats {
  /** Persons decrypted to bring their stored pair tokens up to date (new or changed since). */
  refreshed: number;
  /** Persons decrypted to score the pairs they are blocked into. */
  scored: number;
}

/**
 * The pairs of persons that share a pair token (given+family, given+birth date, family+birth date,
 * by consonant skeleton), found in SQL on the stored keyed tokens among the persons `visible`
 * admits, merged and anonymised records aside. A token shared by more than MAX_BLOCK of them
 * pairs no one; pairs already decided (linked) are left out. Ids come in order (a < b).
 */
export async function blockedPairs(db: Kysely<Database>, visible: Expression<SqlBool>): Promise<{ a: string; b: string }[]> {
  const rows = await sql<{ a: string; b: string }>`
    with k as (select persons.id, unnest(pk.keys) as key
                 from persons join person_pair_keys pk on pk.person_id = persons.id
                where ${visible} and persons.merged_into is null and persons.anonymised_at is null),
         blocks as (select key from k group by key having count(*) between 2 and ${MAX_BLOCK})
    select distinct k1.id as a, k2.id as b
      from k k1 join k k2 on k2.key = k1.key and k1.id < k2.id
     where k1.key in (select key from blocks)
       and not exists (select 1 from person_links l where l.person_a = k1.id and l.person_b = k2.id)
     order by 1, 2`.execute(db);
  return rows.rows.map((r) => ({ a: String(r.a), b: String(r.b) }));
}

/**
 * Possible duplicate pairs among the persons `visible` admits (for the coordinator: every agency's).
 * Pairs are blocked in SQL on the stored pair tokens (the same blocking the intake check uses), and
 * only the persons in some pair are decrypted and scored, in memory. Names never leave: the answer
 * carries case codes and the score's parts.
 */
export async function candidatePairs(db: Kysely<Database>, key: FieldKey, visible: Expression<SqlBool>, opts: { minScore: number; limit: number; offset?: number }, stats?: CandidateStats) {
  const { refreshed } = await refreshPairKeys(db, key);
  const blocked = await blockedPairs(db, visible);
  const ids = [...new Set(blocked.flatMap((p) => [p.a, p.b]))];
  const people = new Map<string, Candidate>();
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await db
      .selectFrom('persons')
      .select(['id', 'case_code', 'owner_agency_id', 'contact_date', 'given_name_enc', 'family_name_enc', 'birth_date_enc', 'birth_year', 'gender', 'citizenship'])
      .where('id', 'in', ids.slice(i, i + 1000))
      .execute();
    for (const r of rows) {
      people.set(r.id, {
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
      });
    }
  }
  if (stats) Object.assign(stats, { refreshed, scored: people.size });
  const side = (p: Candidate) => ({ id: p.id, caseCode: p.caseCode, ownerAgencyId: p.ownerAgencyId, openedOn: p.openedOn });
  const pairs: CandidatePair[] = [];
  for (const { a: x, b: y } of blocked) {
    const a = people.get(x);
    const b = people.get(y);
    if (!a || !b) continue;
    const { score, parts } = scorePair(a, b);
    if (score >= opts.minScore) pairs.push({ a: side(a), b: side(b), score, parts });
  }
  pairs.sort((p, q) => q.score - p.score || p.a.caseCode.localeCompare(q.a.caseCode) || p.b.caseCode.localeCompare(q.b.caseCode));
  return { items: pairs.slice(opts.offset ?? 0, (opts.offset ?? 0) + opts.limit), total: pairs.length };
}
