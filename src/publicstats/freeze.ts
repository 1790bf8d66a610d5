// Tests and the demo freeze editions without rendering documents (Chromium takes seconds): the row
// holds what publication freezes that public statistics read — figures and definition.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Profile } from '../profile/schema.ts';
import { definitionFor } from '../report/definition/store.ts';
import { reportFigures, type ReportFigure } from '../report/report.ts';

/** Stores an edition of `year` (the next number), superseding the one in force; figures default to the live ones. */
export async function freezeEdition(db: Kysely<Database>, profile: Profile, year: number, opts: { by: string; figures?: ReportFigure[]; edit?: (f: ReportFigure[]) => ReportFigure[]; publishedAt?: Date }) {
  let figures = opts.figures ?? (await reportFigures(db, profile, year)).figures;
  if (opts.edit) figures = opts.edit(figures);
  const definition = (await definitionFor(db, profile, year)).definition;
  return db.transaction().execute(async (trx) => {
    const prev = await trx.selectFrom('report_editions').select(['id', 'edition']).where('year', '=', year).where('superseded_at', 'is', null).executeTakeFirst();
    if (prev) await trx.updateTable('report_editions').set({ superseded_at: opts.publishedAt ?? new Date() }).where('id', '=', prev.id).execute();
    return trx
      .insertInto('report_editions')
      .values({ year, edition: (prev?.edition ?? 0) + 1, figures: JSON.stringify(figures), definition: JSON.stringify(definition), problems: '[]', sha256: 'test', supersedes_id: prev?.id ?? null, published_by: opts.by, ...(opts.publishedAt ? { published_at: opts.publishedAt } : {}) } as never)
      .returning(['id', 'edition'])
      .executeTakeFirstOrThrow();
  });
}
