import type { Kysely, Selectable } from 'kysely';
import { appendAudit, type AuditEntry } from '../audit/record.ts';
import type { Database } from '../db/schema.ts';
import { conflict, forbidden, invalid, notFound } from '../errors.ts';
import type { Measure, MeasureInput, Progress, Report, ReportInput, ReportStatus } from './schema.ts';
import type { NapMeasuresTable, NapReportsTable } from './table.ts';

type AuditBase = Omit<AuditEntry, 'action' | 'outcome'>;
const asList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? (JSON.parse(v) as string[]) : []);

function toReport(r: Selectable<NapReportsTable>): Report {
  return {
    id: r.id,
    measureId: r.measure_id,
    agencyId: r.agency_id,
    period: r.period,
    progress: r.progress as Progress,
    narrative: r.narrative,
    evidence: r.evidence,
    status: r.status as ReportStatus,
    reviewComment: r.review_comment,
    createdAt: r.created_at.toISOString(),
    reviewedAt: r.reviewed_at?.toISOString() ?? null,
  };
}

function toMeasure(m: Selectable<NapMeasuresTable>, reports: Selectable<NapReportsTable>[], today: string): Measure {
  const approved = reports.filter((r) => r.status === 'approved').sort((a, b) => b.created_at.getTime() - a.created_at.getTime());
  const progress = (approved[0]?.progress ?? null) as Progress | null;
  return {
    id: m.id,
    number: m.number,
    text: { az: m.text_az, en: m.text_en, ...(m.text_ru ? { ru: m.text_ru } : {}) },
    responsibleAgencyId: m.responsible_agency_id,
    coResponsibleAgencyIds: asList(m.co_responsible),
    deadline: m.deadline,
    indicators: asList(m.indicators),
    progress,
    overdue: m.deadline < today && progress !== 'completed',
    pendingReports: reports.filter((r) => r.status === 'submitted').length,
  };
}

// Sort "2.10" after "2.9": the plan's numbers compare part by part.
const byNumber = (a: { number: string }, b: { number: string }) => {
  const x = a.number.split('.').map(Number);
  const y = b.number.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? -1) !== (y[i] ?? -1)) return (x[i] ?? -1) - (y[i] ?? -1);
  return 0;
};

export async function createMeasure(trx: Kysely<Database>, input: MeasureInput, userId: string, audit: AuditBase) {
  const ids = [input.responsibleAgencyId, ...input.coResponsibleAgencyIds];
  const known = await trx.selectFrom('agencies').select('id').where('id', 'in', ids).execute();
  if (known.length !== new Set(ids).size) throw invalid('Unknown agency', [{ path: 'responsibleAgencyId', message: 'no such agency' }]);
  const dup = await trx.selectFrom('nap_measures').select('id').where('number', '=', input.number).executeTakeFirst();
  if (dup) throw conflict(`Measure ${input.number} exists`, [{ path: 'number', message: 'already exists' }]);
  const row = await trx
    .insertInto('nap_measures')
    .values({ number: input.number, text_az: input.textAz, text_en: input.textEn, text_ru: input.textRu ?? null, responsible_agency_id: input.responsibleAgencyId, co_responsible: JSON.stringify(input.coResponsibleAgencyIds), deadline: input.deadline, indicators: JSON.stringify(input.indicators), created_by: userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendAudit(trx, { ...audit, action: 'nap.measure_create', outcome: 'ok', targetType: 'measure', targetId: row.id, details: { number: input.number } });
  return row.id;
}

/** Every measure (or those an agency answers for), with its latest approved progress and overdue flag. */
export async function listMeasures(db: Kysely<Database>, today: string, agencyId?: string): Promise<Measure[]> {
  const measures = await db.selectFrom('nap_measures').selectAll().execute();
  const reports = await db.selectFrom('nap_reports').selectAll().execute();
  return measures
    .map((m) => toMeasure(m, reports.filter((r) => r.measure_id === m.id), today))
    .filter((m) => !agencyId || m.responsibleAgencyId === agencyId || m.coResponsibleAgencyIds.includes(agencyId))
    .sort(byNumber);
}

export async function measureDetail(db: Kysely<Database>, today: string, id: string) {
  const m = await db.selectFrom('nap_measures').selectAll().where('id', '=', id).executeTakeFirst();
  if (!m) throw notFound('Measure');
  const reports = await db.selectFrom('nap_reports').selectAll().where('measure_id', '=', id).orderBy('created_at', 'desc').execute();
  return { ...toMeasure(m, reports, today), reports: reports.map(toReport) };
}

/** A status report by a responsible or co-responsible agency, for the coordinator to approve. */
export async function reportOnMeasure(trx: Kysely<Database>, measureId: string, input: ReportInput, who: { userId: string; agencyId: string }, audit: AuditBase) {
  const m = await trx.selectFrom('nap_measures').selectAll().where('id', '=', measureId).executeTakeFirst();
  if (!m) throw notFound('Measure');
  if (m.responsible_agency_id !== who.agencyId && !asList(m.co_responsible).includes(who.agencyId)) throw forbidden('Your agency is not responsible for this measure');
  const row = await trx
    .insertInto('nap_reports')
    .values({ measure_id: measureId, agency_id: who.agencyId, period: input.period, progress: input.progress, narrative: input.narrative, evidence: input.evidence ?? null, status: 'submitted', review_comment: null, reviewed_by: null, reviewed_at: null, created_by: who.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendAudit(trx, { ...audit, action: 'nap.report', outcome: 'ok', targetType: 'measure', targetId: measureId, details: { reportId: row.id, progress: input.progress } });
  return row.id;
}

export async function reviewReport(trx: Kysely<Database>, id: string, input: { decision: 'approved' | 'returned'; comment?: string | undefined }, userId: string, audit: AuditBase) {
  const r = await trx.selectFrom('nap_reports').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!r) throw notFound('Report');
  if (r.status !== 'submitted') throw conflict(`A ${r.status} report cannot be reviewed again`, [{ path: 'decision', message: 'only a submitted report' }]);
  if (input.decision === 'returned' && !input.comment) throw invalid('Say why it is returned', [{ path: 'comment', message: 'required' }]);
  await trx.updateTable('nap_reports').set({ status: input.decision, review_comment: input.comment ?? null, reviewed_by: userId, reviewed_at: new Date() }).where('id', '=', id).execute();
  await appendAudit(trx, { ...audit, action: `nap.report_${input.decision}`, outcome: 'ok', targetType: 'measure', targetId: r.measure_id, details: { reportId: id } });
}

/** Per agency: how many measures it leads or shares, and where they stand. */
export async function progressByAgency(db: Kysely<Database>, today: string) {
  const measures = await listMeasures(db, today);
  const by = new Map<string, { agencyId: string; measures: number; completed: number; inProgress: number; notReported: number; overdue: number }>();
  for (const m of measures) {
    for (const agencyId of new Set([m.responsibleAgencyId, ...m.coResponsibleAgencyIds])) {
      const e = by.get(agencyId) ?? { agencyId, measures: 0, completed: 0, inProgress: 0, notReported: 0, overdue: 0 };
      e.measures++;
      if (m.progress === 'completed') e.completed++;
      else if (m.progress === 'in_progress') e.inProgress++;
      else if (m.progress === null) e.notReported++;
      if (m.overdue) e.overdue++;
      by.set(agencyId, e);
    }
  }
  return { items: [...by.values()].sort((a, b) => b.overdue - a.overdue || b.measures - a.measures) };
}
