// Publishing freezes an edition: its figures, its rendered documents and a hash over both.
import type { Kysely } from 'kysely';
import { appendAudit, type AuditEntry } from '../audit/record.ts';
import type { Database } from '../db/schema.ts';
import { AppError, conflict, invalid } from '../errors.ts';
import type { Profile } from '../profile/schema.ts';
import { buildReport, currentEdition, FORMATS, render, sha256, type Rendered } from './build.ts';
import { WORDS } from './definition/labels.ts';
import type { ReportFigure } from './report.ts';
import { hasErrors } from './validation.ts';

type AuditBase = Omit<AuditEntry, 'action' | 'outcome'>;

export interface PublishInput {
  /** Publishing despite validation errors needs a reason, which the audit trail keeps. */
  overrideReason?: string | undefined;
  /** A corrected edition says what changed. */
  changelog?: string | undefined;
}

/** The hash that seals an edition: its figures (canonical JSON) and every document's own hash. */
export function editionHash(figures: readonly ReportFigure[], docs: readonly { format: string; lang: string; sha256: string }[]): string {
  const parts = [JSON.stringify(figures), ...docs.map((d) => `${d.format}/${d.lang}:${d.sha256}`).sort()];
  return sha256(parts.join('\n'));
}

/**
 * Renders every format in every language outside the transaction (Chromium takes seconds), then
 * stores the edition and its documents in one transaction: never half an edition.
 */
export async function publishReport(db: Kysely<Database>, ctx: { profile: Profile; version: string }, year: number, input: PublishInput, who: { userId: string }, audit: AuditBase) {
  const build = await buildReport(db, ctx.profile, year);
  const def = build.definition.definition;
  const errors = build.problems.filter((p) => p.severity === 'error');
  if (hasErrors(build.problems) && !input.overrideReason) {
    throw conflict(`Publishing is blocked by ${errors.length} validation error(s); fix them or give an override reason`, [{ path: 'overrideReason', message: errors.map((e) => e.message).join('; ') }]);
  }
  const existing = await currentEdition(db, year);
  if (existing && !input.changelog) throw invalid('A corrected edition needs a changelog', [{ path: 'changelog', message: `edition ${existing.edition} of ${year} is published; say what the new edition corrects` }]);
  const edition = (existing?.edition ?? 0) + 1;
  const day = new Date().toISOString().slice(0, 10);
  const docs: Rendered[] = [];
  for (const format of FORMATS) {
    if (format === 'json') docs.push(await render(build, format, 'en', `Azad ${ctx.version}`, { draft: false }));
    else for (const lang of def.languages) docs.push(await render(build, format, lang, `Azad ${ctx.version} · ${year}, ${WORDS.edition?.[lang]} ${edition} · ${day}`, { draft: false }));
  }
  const stored = docs.map((d) => ({ format: d.format, lang: d.lang, content: d.content, sha256: sha256(d.content) }));
  const hash = editionHash(build.figures, stored);

  return db.transaction().execute(async (trx) => {
    // Two coordinators publishing at once: the second finds the edition number taken and is refused.
    const now = await currentEdition(trx, year);
    if ((now?.id ?? null) !== (existing?.id ?? null)) throw conflict('Another edition was published meanwhile; reload and try again');
    if (existing) await trx.updateTable('report_editions').set({ superseded_at: new Date() }).where('id', '=', existing.id).execute();
    const row = await trx
      .insertInto('report_editions')
      .values({
        year,
        edition,
        figures: JSON.stringify(build.figures),
        // The definition it was built from is frozen beside the figures.
        definition: JSON.stringify(def),
        problems: JSON.stringify(build.problems),
        override_reason: hasErrors(build.problems) ? (input.overrideReason ?? null) : null,
        changelog: input.changelog ?? null,
        sha256: hash,
        supersedes_id: existing?.id ?? null,
        published_by: who.userId,
      })
      .returning(['id', 'published_at'])
      .executeTakeFirstOrThrow();
    await trx.insertInto('report_documents').values(stored.map((d) => ({ edition_id: row.id, ...d }))).execute();
    await appendAudit(trx, {
      ...audit,
      action: 'report.publish',
      outcome: 'ok',
      targetType: 'report_edition',
      targetId: row.id,
      details: { year, edition, sha256: hash, errors: errors.length, overridden: Boolean(input.overrideReason && errors.length), overrideReason: errors.length ? (input.overrideReason ?? null) : null, supersedes: existing?.id ?? null },
    });
    return { id: row.id, year, edition, sha256: hash, publishedAt: row.published_at.toISOString(), problems: build.problems.length };
  });
}

export async function listEditions(db: Kysely<Database>, year: number) {
  const rows = await db
    .selectFrom('report_editions')
    .leftJoin('users', 'users.id', 'report_editions.published_by')
    .select(['report_editions.id', 'edition', 'sha256', 'changelog', 'override_reason', 'published_at', 'superseded_at', 'users.username'])
    .where('year', '=', year)
    .orderBy('edition', 'desc')
    .execute();
  const docs = await db
    .selectFrom('report_documents')
    .select(['edition_id', 'format', 'lang', 'sha256'])
    .where('edition_id', 'in', rows.length ? rows.map((r) => r.id) : ['00000000-0000-0000-0000-000000000000'])
    .execute();
  return rows.map((r) => ({
    id: r.id,
    year,
    edition: r.edition,
    sha256: r.sha256,
    changelog: r.changelog,
    overrideReason: r.override_reason,
    publishedAt: r.published_at.toISOString(),
    publishedBy: r.username ?? null,
    supersededAt: r.superseded_at?.toISOString() ?? null,
    documents: docs.filter((d) => d.edition_id === r.id).map((d) => ({ format: d.format, lang: d.lang, sha256: d.sha256 })),
  }));
}

export async function editionDocument(db: Kysely<Database>, year: number, edition: number, format: string, lang: string) {
  const doc = await db
    .selectFrom('report_documents')
    .innerJoin('report_editions', 'report_editions.id', 'report_documents.edition_id')
    .select(['report_documents.content', 'report_documents.sha256'])
    .where('report_editions.year', '=', year)
    .where('report_editions.edition', '=', edition)
    .where('report_documents.format', '=', format)
    .where('report_documents.lang', '=', format === 'json' ? 'all' : lang)
    .executeTakeFirst();
  if (!doc) throw new AppError('not_found', `No ${format} (${lang}) document in edition ${edition} of ${year}`);
  return doc;
}

/** Live figures against the edition in force: what a corrected edition would change. */
export async function diffWithPublished(db: Kysely<Database>, profile: Profile, year: number) {
  const edition = await currentEdition(db, year);
  if (!edition) throw new AppError('not_found', `${year} has no published edition`);
  const live = new Map((await buildReport(db, profile, year)).figures.map((f) => [f.id, f]));
  const published = new Map((edition.figures as ReportFigure[]).map((f) => [f.id, f]));
  const ids = [...new Set([...live.keys(), ...published.keys()])].sort();
  const changes = ids
    .map((id) => ({ id, published: published.get(id)?.value ?? null, live: live.get(id)?.value ?? null, publishedBreakdown: published.get(id)?.breakdown ?? null, liveBreakdown: live.get(id)?.breakdown ?? null }))
    .filter((c) => c.published !== c.live || JSON.stringify(c.publishedBreakdown) !== JSON.stringify(c.liveBreakdown));
  return { year, edition: edition.edition, changes };
}
