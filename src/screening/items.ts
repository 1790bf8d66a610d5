// Kept screening items: store (text encrypted), the review queue, verdicts, links, export.
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../db/schema.ts';
import { decryptField, encryptField, type FieldKey } from '../crypto/fields.ts';
import { notFound } from '../errors.ts';
import type { Principal } from '../access/scope.ts';
import { screenText } from './screen.ts';
import type { CorpusItem } from './corpus/generate.ts';
import { isIndicator, type Indicator } from './indicators.ts';
import type { Channel, ItemDetail, ScreenLang, Verdict } from './schema.ts';
import type { StoredIndicator } from './table.ts';

type Db = Kysely<Database>;

const summaryColumns = ['screening_items.id', 'screening_items.created_at', 'screening_items.lang', 'screening_items.channel', 'screening_items.score', 'screening_items.flagged', 'screening_items.indicators'] as const;
const itemVerdict = sql<string | null>`(select d.verdict from screening_decisions d where d.item_id = screening_items.id and d.code = 'item')`;

function summary(row: { id: string; created_at: Date; lang: string; channel: string | null; score: number; flagged: boolean; indicators: StoredIndicator[]; verdict: string | null }) {
  return {
    id: row.id,
    createdAt: new Date(row.created_at).toISOString(),
    lang: row.lang as ScreenLang,
    channel: row.channel as Channel | null,
    score: Number(row.score),
    flagged: row.flagged,
    codes: row.indicators.map((i) => i.code),
    verdict: row.verdict as Verdict | null,
  };
}

/** Screen a text and keep it: the text encrypted, the evidence as offsets only. */
export async function keepItem(trx: Db, key: FieldKey, input: { text: string; lang?: ScreenLang; channel?: Channel }, who: Principal): Promise<ItemDetail> {
  const r = screenText({ id: 'kept', ...input });
  const stored: StoredIndicator[] = r.indicators.map((i) => ({ code: i.code, evidence: i.evidence.map(({ start, end }) => ({ start, end })) }));
  const row = await trx
    .insertInto('screening_items')
    .values({
      agency_id: who.agencyId,
      created_by: who.userId,
      text_enc: encryptField(key, input.text),
      lang: r.lang,
      channel: input.channel ?? null,
      score: r.score,
      flagged: r.flagged,
      indicators: JSON.stringify(stored),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return (await itemDetail(trx, key, row.id, sql<SqlBool>`true`))!;
}

export async function listItems(db: Db, visible: Expression<SqlBool>, q: { flagged?: 'true' | 'false'; reviewed?: 'true' | 'false' }) {
  let query = db
    .selectFrom('screening_items')
    .select([...summaryColumns, itemVerdict.as('verdict')])
    .where(visible)
    .orderBy('screening_items.created_at', 'desc')
    .limit(200);
  if (q.flagged) query = query.where('screening_items.flagged', '=', q.flagged === 'true');
  if (q.reviewed) query = query.where(sql<SqlBool>`exists (select 1 from screening_decisions d where d.item_id = screening_items.id and d.code = 'item')`, '=', q.reviewed === 'true');
  return { items: (await query.execute()).map(summary) };
}

export async function itemDetail(db: Db, key: FieldKey, id: string, visible: Expression<SqlBool>): Promise<ItemDetail | null> {
  const row = await db
    .selectFrom('screening_items')
    .select([...summaryColumns, itemVerdict.as('verdict'), 'screening_items.text_enc', 'screening_items.hotline_tip_id', 'screening_items.crime_fact_id'])
    .where('screening_items.id', '=', id)
    .where(visible)
    .executeTakeFirst();
  if (!row) return null;
  const text = decryptField(key, row.text_enc);
  const decisions = await db.selectFrom('screening_decisions').select(['code', 'verdict']).where('item_id', '=', id).orderBy('code').execute();
  return {
    ...summary(row),
    text,
    indicators: row.indicators
      .filter((i): i is StoredIndicator & { code: Indicator } => isIndicator(i.code))
      .map((i) => ({ code: i.code, evidence: i.evidence.map((e) => ({ ...e, text: text.slice(e.start, e.end) })) })),
    decisions: decisions.map((d) => ({ code: d.code, verdict: d.verdict as Verdict })),
    hotlineTipId: row.hotline_tip_id,
    crimeFactId: row.crime_fact_id,
  };
}

async function mustSee(db: Db, id: string, visible: Expression<SqlBool>) {
  const row = await db.selectFrom('screening_items').select('id').where('id', '=', id).where(visible).executeTakeFirst();
  if (!row) throw notFound('Screening item');
}

/** Record (or change) a reviewer's verdict on one flag of an item. */
export async function decide(trx: Db, visible: Expression<SqlBool>, id: string, input: { code: string; verdict: Verdict }, userId: string) {
  await mustSee(trx, id, visible);
  await trx
    .insertInto('screening_decisions')
    .values({ item_id: id, code: input.code, verdict: input.verdict, decided_by: userId })
    .onConflict((oc) => oc.columns(['item_id', 'code']).doUpdateSet({ verdict: input.verdict, decided_by: userId, decided_at: new Date() }))
    .execute();
}

/** Link a kept item to a hotline tip and/or a crime record, both checked. */
/** Links only to records the reviewer may read: a 404 for the others, as for ones that do not exist. */
export async function linkItem(
  trx: Db,
  visible: Expression<SqlBool>,
  id: string,
  input: { hotlineTipId?: string | null; crimeFactId?: string | null },
  reach: { tips: Expression<SqlBool>; facts: Expression<SqlBool> },
) {
  await mustSee(trx, id, visible);
  if (input.hotlineTipId) {
    const tip = await trx.selectFrom('hotline_tips').select('id').where(reach.tips).where('id', '=', input.hotlineTipId).executeTakeFirst();
    if (!tip) throw notFound('Hotline tip');
  }
  if (input.crimeFactId) {
    const fact = await trx.selectFrom('crime_facts').select('id').where(reach.facts).where('id', '=', input.crimeFactId).executeTakeFirst();
    if (!fact) throw notFound('Crime record');
  }
  await trx
    .updateTable('screening_items')
    .set({
      ...(input.hotlineTipId !== undefined ? { hotline_tip_id: input.hotlineTipId } : {}),
      ...(input.crimeFactId !== undefined ? { crime_fact_id: input.crimeFactId } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/**
 * Reviewed items as labelled corpus lines (the format of data/screening/*.jsonl): label 1 for a
 * true alarm on the item, 0 for a false alarm; indicators are those marked true alarms.
 */
export async function exportLabelled(db: Db, key: FieldKey, visible: Expression<SqlBool>): Promise<string> {
  const rows = await db
    .selectFrom('screening_items')
    .innerJoin('screening_decisions as d', (j) => j.onRef('d.item_id', '=', 'screening_items.id').on('d.code', '=', 'item'))
    .select(['screening_items.id', 'screening_items.text_enc', 'screening_items.lang', 'screening_items.channel', 'd.verdict'])
    .where(visible)
    .orderBy('screening_items.created_at')
    .execute();
  const confirmed = rows.length
    ? await db.selectFrom('screening_decisions').select(['item_id', 'code']).where('item_id', 'in', rows.map((r) => r.id)).where('verdict', '=', 'true_alarm').where('code', '!=', 'item').execute()
    : [];
  return rows
    .map((r) => {
      const item: Omit<CorpusItem, 'kind' | 'script'> = {
        id: `review-${r.id}`,
        text: decryptField(key, r.text_enc),
        lang: r.lang as ScreenLang,
        channel: (r.channel ?? 'hotline_note') as Channel,
        label: r.verdict === 'true_alarm' ? 1 : 0,
        indicators: confirmed.filter((c) => c.item_id === r.id).map((c) => c.code).filter(isIndicator).sort(),
        group: `review-${r.id}`,
      };
      return `${JSON.stringify(item)}\n`;
    })
    .join('');
}

/** Counts only, for analysts. */
export async function screeningStats(db: Db) {
  const r = await db
    .selectFrom('screening_items')
    .select([
      sql<number>`count(*)::int`.as('kept'),
      sql<number>`count(*) filter (where flagged)::int`.as('flagged'),
      sql<number>`(select count(*)::int from screening_decisions where code = 'item')`.as('reviewed'),
      sql<number>`(select count(*)::int from screening_decisions where code = 'item' and verdict = 'true_alarm')`.as('trueAlarms'),
      sql<number>`(select count(*)::int from screening_decisions where code = 'item' and verdict = 'false_alarm')`.as('falseAlarms'),
    ])
    .executeTakeFirstOrThrow();
  return r;
}
