import type { Expression, Kysely, Selectable, SqlBool } from 'kysely';
import { appendAudit, type AuditEntry } from '../audit/record.ts';
import type { Database } from '../db/schema.ts';
import { forbidden, invalid } from '../errors.ts';
import type { Activity, ActivityInput, ActivityKind, Audience } from './schema.ts';
import type { ActivitiesTable } from './table.ts';

export function toActivity(r: Selectable<ActivitiesTable> & { agency_code: string }): Activity {
  return {
    id: r.id,
    agencyId: r.agency_id,
    agencyCode: r.agency_code,
    kind: r.kind as ActivityKind,
    title: r.title,
    date: r.date,
    place: r.place,
    online: r.online,
    abroad: r.abroad,
    audience: r.audience as Audience | null,
    participants: r.participants,
    trainers: r.trainers,
    copies: r.copies,
    languages: r.languages,
    partner: r.partner,
    outlet: r.outlet,
  };
}

/** Records an activity for the caller's agency (or any agency, with national scope). */
export async function recordActivity(trx: Kysely<Database>, input: ActivityInput, who: { userId: string; agencyId: string; national: boolean }, audit: Omit<AuditEntry, 'action' | 'outcome'>) {
  if (!who.national && input.agencyId !== who.agencyId) throw forbidden('You may record activities only for your own agency');
  const agency = await trx.selectFrom('agencies').select('id').where('id', '=', input.agencyId).executeTakeFirst();
  if (!agency) throw invalid('Unknown agency', [{ path: 'agencyId', message: 'no such agency' }]);
  const row = await trx
    .insertInto('activities')
    .values({
      agency_id: input.agencyId,
      kind: input.kind,
      title: input.title,
      date: input.date,
      place: input.place ?? null,
      online: input.online ?? null,
      abroad: input.abroad ?? null,
      audience: input.audience ?? null,
      participants: input.participants ?? null,
      trainers: input.trainers ?? null,
      copies: input.copies ?? null,
      languages: input.languages ? JSON.stringify(input.languages) : null,
      partner: input.partner ?? null,
      outlet: input.outlet ?? null,
      created_by: who.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendAudit(trx, { ...audit, action: 'activities.record', outcome: 'ok', targetType: 'activity', targetId: row.id, details: { kind: input.kind, date: input.date } });
  return row.id;
}

export async function listActivities(db: Kysely<Database>, visible: Expression<SqlBool>, q: { year?: number | undefined; kind?: ActivityKind | undefined }) {
  let query = db.selectFrom('activities').innerJoin('agencies', 'agencies.id', 'activities.agency_id').selectAll('activities').select('agencies.code as agency_code').where(visible);
  if (q.year) query = query.where('activities.date', '>=', `${q.year}-01-01`).where('activities.date', '<=', `${q.year}-12-31`);
  if (q.kind) query = query.where('activities.kind', '=', q.kind);
  const rows = await query.orderBy('activities.date', 'desc').orderBy('activities.created_at', 'desc').limit(2000).execute();
  const items = rows.map(toActivity);
  const trainedByAudience: Record<string, number> = {};
  for (const a of items) if (a.kind === 'training' && a.audience) trainedByAudience[a.audience] = (trainedByAudience[a.audience] ?? 0) + (a.participants ?? 0);
  return { items, trainedByAudience };
}
