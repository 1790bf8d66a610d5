import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import { appendAudit, type AuditEntry } from '../audit/record.ts';
import type { Database } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import type { LinkList, MergeList } from './schema.ts';

type AuditBase = Omit<AuditEntry, 'action' | 'outcome'>;

/** The coordinator's decisions on pairs, newest first, by case code (no names). */
export async function listLinks(db: Kysely<Database>): Promise<z.infer<typeof LinkList>> {
  const rows = await sql<{ id: string; person_a: string; person_b: string; code_a: string; code_b: string; kind: string; created_at: Date }>`
    select l.id, l.person_a, l.person_b, a.case_code as code_a, b.case_code as code_b, l.kind, l.created_at
      from person_links l join persons a on a.id = l.person_a join persons b on b.id = l.person_b
     order by l.created_at desc, l.id limit 500`.execute(db);
  return {
    items: rows.rows.map((r) => ({ id: r.id, a: { id: r.person_a, caseCode: r.code_a }, b: { id: r.person_b, caseCode: r.code_b }, kind: r.kind as 'same_person' | 'different_people', createdAt: new Date(r.created_at).toISOString() })),
  };
}

/**
 * Takes back a decision on a pair: the link goes, and the pair may appear among the candidates
 * again. The trail keeps what was decided and when (`duplicates.unlink` beside the earlier `duplicates.link`).
 */
export async function unlinkPersons(trx: Kysely<Database>, linkId: string, audit: AuditBase) {
  const link = await trx.deleteFrom('person_links').where('id', '=', linkId).returning(['person_a', 'person_b', 'kind', 'created_at']).executeTakeFirst();
  if (!link) throw notFound('Link');
  const codes = await trx.selectFrom('persons').select('case_code').where('id', 'in', [link.person_a, link.person_b]).execute();
  await appendAudit(trx, { ...audit, action: 'duplicates.unlink', outcome: 'ok', targetType: 'person', targetId: link.person_a, details: { linkId, kind: link.kind, personB: link.person_b, linkedAt: link.created_at.toISOString(), caseCodes: codes.map((c) => c.case_code).sort() } });
}

/** Merges, the standing ones first, then undone ones; newest first within each. */
export async function listMerges(db: Kysely<Database>): Promise<z.infer<typeof MergeList>> {
  const rows = await sql<{ id: string; survivor_id: string; merged_id: string; code_s: string; code_m: string; merged_at: Date; undone_at: Date | null }>`
    select m.id, m.survivor_id, m.merged_id, s.case_code as code_s, g.case_code as code_m, m.merged_at, m.undone_at
      from person_merges m join persons s on s.id = m.survivor_id join persons g on g.id = m.merged_id
     order by (m.undone_at is null) desc, m.merged_at desc, m.id limit 500`.execute(db);
  return {
    items: rows.rows.map((r) => ({
      id: r.id,
      survivor: { id: r.survivor_id, caseCode: r.code_s },
      merged: { id: r.merged_id, caseCode: r.code_m },
      mergedAt: new Date(r.merged_at).toISOString(),
      undoneAt: r.undone_at ? new Date(r.undone_at).toISOString() : null,
    })),
  };
}
