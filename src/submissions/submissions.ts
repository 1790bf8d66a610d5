import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import { appendAudit, type AuditEntry } from '../audit/record.ts';
import type { Database } from '../db/schema.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../errors.ts';
import type { Profile } from '../profile/schema.ts';
import { catalogueFor, yearOfPeriod } from '../indicators/store.ts';
import { formIndicators, validateValues } from './catalogue.ts';
import type { Form, Qualifier, SaveFormInput, Submission, SubmissionStatus, SubmissionSummary, ValueInput, ValueState } from './schema.ts';

type AuditBase = Omit<AuditEntry, 'action' | 'outcome'>;
export interface Who {
  /** null for the command line, which acts as the system operator. */
  userId: string | null;
  agencyId: string | null;
  /** Whether the caller's grant reaches every agency (coordinator) rather than their own. */
  national: boolean;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

async function agencyOf(db: Kysely<Database>, profile: Profile, agencyId: string) {
  const row = await db.selectFrom('agencies').select(['id', 'code']).where('id', '=', agencyId).executeTakeFirst();
  const agency = row && profile.agencies.find((a) => a.code === row.code);
  if (!row || !agency) throw invalid('Unknown agency', [{ path: 'agencyId', message: 'no such agency' }]);
  return { id: row.id, code: row.code, level: agency.level, kind: agency.kind };
}

/** Reporters act for their own agency only; a national grant reaches every agency. */
function assertOwnAgency(who: Who, agencyId: string) {
  if (!who.national && who.agencyId !== agencyId) throw forbidden('You may see and report only for your own agency');
}

function summaryQuery(db: Kysely<Database>) {
  return db
    .selectFrom('submissions')
    .innerJoin('agencies', 'agencies.id', 'submissions.agency_id')
    .select(['submissions.id', 'submissions.agency_id', 'agencies.code as agency_code', 'submissions.period', 'submissions.status', 'submissions.submitted_at', 'submissions.approved_at', 'submissions.updated_at']);
}
type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['executeTakeFirstOrThrow']>>;

function toSummary(r: SummaryRow): SubmissionSummary {
  return {
    id: r.id,
    agencyId: r.agency_id,
    agencyCode: r.agency_code,
    period: r.period,
    status: r.status as SubmissionStatus,
    submittedAt: iso(r.submitted_at),
    approvedAt: iso(r.approved_at),
    updatedAt: r.updated_at.toISOString(),
  };
}

export async function listSubmissions(db: Kysely<Database>, visible: Expression<SqlBool>, q: { period?: string; status?: SubmissionStatus }) {
  let query = summaryQuery(db).where(visible);
  if (q.period) query = query.where('submissions.period', '=', q.period);
  if (q.status) query = query.where('submissions.status', '=', q.status);
  const rows = await query.orderBy('submissions.period', 'desc').orderBy('agencies.code').limit(1000).execute();
  return rows.map(toSummary);
}

/** One submission with its values and its review history, if the caller may see it. */
export async function submissionDetail(db: Kysely<Database>, visible: Expression<SqlBool>, id: string): Promise<Submission> {
  const row = await summaryQuery(db).where('submissions.id', '=', id).where(visible).executeTakeFirst();
  if (!row) throw notFound('Submission');
  const values = await db.selectFrom('submission_values').selectAll().where('submission_id', '=', id).orderBy('indicator_id').orderBy('attribute').execute();
  const events = await db
    .selectFrom('submission_events')
    .leftJoin('users', 'users.id', 'submission_events.user_id')
    .select(['submission_events.kind', 'submission_events.comment', 'submission_events.at', 'users.username'])
    .where('submission_id', '=', id)
    .orderBy('submission_events.at')
    .execute();
  return {
    ...toSummary(row),
    values: values.map((v) => ({
      indicatorId: v.indicator_id,
      attribute: v.attribute,
      state: v.state as ValueState,
      value: v.value === null ? null : Number(v.value),
      qualifier: v.qualifier as Qualifier | null,
      note: v.note,
    })),
    events: events.map((e) => ({ kind: e.kind as Submission['events'][number]['kind'], comment: e.comment, username: e.username, at: e.at.toISOString() })),
  };
}

/** The agency's form for a period: its indicators (from the catalogue in force for the period's year) and, if one exists, its submission. */
export async function formFor(db: Kysely<Database>, profile: Profile, who: Who, agencyId: string, period: string): Promise<Form> {
  assertOwnAgency(who, agencyId);
  const agency = await agencyOf(db, profile, agencyId);
  const indicators = formIndicators(await catalogueFor(db, profile, yearOfPeriod(period)), agency, period);
  const existing = await db.selectFrom('submissions').select('id').where('agency_id', '=', agencyId).where('period', '=', period).executeTakeFirst();
  return {
    agencyId,
    agencyCode: agency.code,
    period,
    indicators: indicators.map((i) => ({ id: i.id, label: i.label, unit: i.unit, ...(i.qualifier ? { qualifier: i.qualifier } : {}), attributes: i.attributes })),
    submission: existing ? await submissionDetail(db, sql<SqlBool>`true`, existing.id) : null,
  };
}

function assertEditable(status: string) {
  if (status === 'approved') throw new AppError('period_locked', 'This period is approved and locked; the coordinator must reopen it before any change');
  if (status === 'submitted') throw conflict('This submission is with the coordinator for review; it can change once returned', [{ path: 'status', message: 'submitted' }]);
}

/**
 * Saves the agency's answers for a period as they stand (a draft, or a returned submission being
 * fixed), replacing what was there. Checks types and rules, but not that every figure is given.
 */
export async function saveForm(trx: Kysely<Database>, profile: Profile, input: SaveFormInput, who: Who, audit: AuditBase, how: 'form' | 'import' = 'form'): Promise<string> {
  assertOwnAgency(who, input.agencyId);
  const agency = await agencyOf(trx, profile, input.agencyId);
  const catalogue = await catalogueFor(trx, profile, yearOfPeriod(input.period));
  const indicators = formIndicators(catalogue, agency, input.period);
  if (indicators.length === 0) throw invalid(`${agency.code} reports nothing for ${input.period}`, [{ path: 'period', message: 'no indicators for this agency and period type' }]);
  const errors = validateValues(catalogue, indicators, input.values, { complete: false });
  if (errors.length) throw invalid('Some figures are not valid', errors);

  let sub = await trx.selectFrom('submissions').select(['id', 'status']).where('agency_id', '=', input.agencyId).where('period', '=', input.period).forUpdate().executeTakeFirst();
  if (sub) assertEditable(sub.status);
  else {
    sub = await trx
      .insertInto('submissions')
      .values({ agency_id: input.agencyId, period: input.period, status: 'draft', created_by: who.userId, first_submitted_at: null, submitted_at: null, submitted_by: null, approved_at: null, approved_by: null })
      .returning(['id', 'status'])
      .executeTakeFirstOrThrow();
  }
  const id = sub.id;
  await trx.deleteFrom('submission_values').where('submission_id', '=', id).execute();
  const rows = input.values
    .filter((v) => v.state !== 'reported' || (v.value !== null && v.value !== undefined))
    .map((v) => ({ submission_id: id, indicator_id: v.indicatorId, attribute: v.attribute ?? '', state: v.state, value: v.state === 'reported' ? (v.value ?? null) : null, qualifier: v.state === 'reported' ? (v.qualifier ?? null) : null, note: v.note ?? null }));
  if (rows.length) await trx.insertInto('submission_values').values(rows).execute();
  await trx.updateTable('submissions').set({ updated_at: new Date() }).where('id', '=', id).execute();
  if (how === 'import') await trx.insertInto('submission_events').values({ submission_id: id, kind: 'imported', comment: null, user_id: who.userId }).execute();
  await appendAudit(trx, { ...audit, action: how === 'import' ? 'submissions.import' : 'submissions.save', outcome: 'ok', targetType: 'submission', targetId: id, details: { agencyCode: agency.code, period: input.period, values: rows.length } });
  return id;
}

async function lockSubmission(trx: Kysely<Database>, visible: Expression<SqlBool>, id: string) {
  const sub = await trx.selectFrom('submissions').selectAll().where('id', '=', id).where(visible).forUpdate().executeTakeFirst();
  if (!sub) throw notFound('Submission');
  return sub;
}

async function transition(trx: Kysely<Database>, id: string, from: SubmissionStatus, to: SubmissionStatus | null, kind: 'submitted' | 'returned' | 'approved' | 'reopened' | 'comment', comment: string | null, who: Who, audit: AuditBase) {
  const now = new Date();
  if (to) {
    await trx
      .updateTable('submissions')
      .set({
        status: to,
        updated_at: now,
        ...(to === 'submitted' ? { submitted_at: now, submitted_by: who.userId } : {}),
        ...(to === 'approved' ? { approved_at: now, approved_by: who.userId } : {}),
        ...(from === 'approved' ? { approved_at: null, approved_by: null } : {}),
      })
      .where('id', '=', id)
      .execute();
  }
  await trx.insertInto('submission_events').values({ submission_id: id, kind, comment, user_id: who.userId }).execute();
  await appendAudit(trx, { ...audit, action: `submissions.${kind}`, outcome: 'ok', targetType: 'submission', targetId: id, details: { from, to: to ?? from, ...(kind === 'reopened' ? { reason: comment } : {}) } });
}

/** Sends a draft or returned submission for review: every figure answered and every rule met. */
export async function submitSubmission(trx: Kysely<Database>, profile: Profile, visible: Expression<SqlBool>, id: string, who: Who, audit: AuditBase) {
  const sub = await lockSubmission(trx, visible, id);
  assertOwnAgency(who, sub.agency_id);
  assertEditable(sub.status);
  const agency = await agencyOf(trx, profile, sub.agency_id);
  const catalogue = await catalogueFor(trx, profile, yearOfPeriod(sub.period));
  const indicators = formIndicators(catalogue, agency, sub.period);
  const stored = await trx.selectFrom('submission_values').selectAll().where('submission_id', '=', id).execute();
  const values: ValueInput[] = stored.map((v) => ({ indicatorId: v.indicator_id, attribute: v.attribute, state: v.state as ValueState, value: v.value === null ? null : Number(v.value), qualifier: v.qualifier as Qualifier | null, note: v.note }));
  const errors = validateValues(catalogue, indicators, values, { complete: true });
  if (errors.length) throw invalid('The submission is not complete or not consistent', errors);
  if (!sub.first_submitted_at) await trx.updateTable('submissions').set({ first_submitted_at: new Date() }).where('id', '=', id).execute();
  await transition(trx, id, sub.status as SubmissionStatus, 'submitted', 'submitted', null, who, audit);
}

/** The coordinator's decisions: return (with a comment), approve (locks), reopen (with a reason). */
export async function reviewSubmission(
  trx: Kysely<Database>,
  visible: Expression<SqlBool>,
  id: string,
  decision: { kind: 'returned' | 'approved' | 'reopened'; comment: string | null },
  who: Who,
  audit: AuditBase,
) {
  const sub = await lockSubmission(trx, visible, id);
  const from = sub.status as SubmissionStatus;
  const needs: Record<typeof decision.kind, SubmissionStatus> = { returned: 'submitted', approved: 'submitted', reopened: 'approved' };
  if (from !== needs[decision.kind]) {
    throw conflict(`A ${from} submission cannot be ${decision.kind}`, [{ path: 'status', message: `only a ${needs[decision.kind]} submission can be ${decision.kind}` }]);
  }
  // Reopening hands the submission back to the agency to correct, like a return.
  const to: SubmissionStatus = decision.kind === 'approved' ? 'approved' : 'returned';
  await transition(trx, id, from, to, decision.kind, decision.comment, who, audit);
}

/** A comment on the review thread, by the agency or the coordinator. */
export async function commentOn(trx: Kysely<Database>, visible: Expression<SqlBool>, id: string, comment: string, who: Who, audit: AuditBase) {
  const sub = await lockSubmission(trx, visible, id);
  await transition(trx, id, sub.status as SubmissionStatus, null, 'comment', comment, who, audit);
}
