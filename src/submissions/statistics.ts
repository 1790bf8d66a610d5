// National figures from agency submissions, for the annual report and the analysts.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Profile } from '../profile/schema.ts';
import { today } from '../victims/status.ts';
import { catalogueFor, yearOfPeriod } from '../indicators/store.ts';
import { expectedAgencies } from './catalogue.ts';
import { periodDeadline, type Completeness, type Figure, type Qualifier, type SubmissionStatus } from './schema.ts';

/** Indicators fed by the activities register rather than by forms. */
export const ACTIVITY_FED = ['events.participation'] as const;

/** Qualifiers that survive a sum: one shared by every qualified part; mixed ones become "about". */
function combineQualifiers(qs: (string | null)[]): string | undefined {
  const present = [...new Set(qs.filter((q): q is string => q !== null))];
  if (present.length === 0) return undefined;
  if (present.length === 1) return present[0];
  return 'about' satisfies Qualifier;
}

/**
 * Every agency-submitted figure for a year: the year's and its quarters' APPROVED submissions summed
 * across agencies, keeping qualifiers; unknown answers counted apart, never as 0; plus the figures the
 * activities register feeds (events.participation, with physical/online and abroad/in_country).
 */
export async function submittedFigures(db: Kysely<Database>, year: number): Promise<Figure[]> {
  const rows = await db
    .selectFrom('submission_values')
    .innerJoin('submissions', 'submissions.id', 'submission_values.submission_id')
    .innerJoin('agencies', 'agencies.id', 'submissions.agency_id')
    .select(['submission_values.indicator_id', 'submission_values.attribute', 'submission_values.state', 'submission_values.value', 'submission_values.qualifier', 'submissions.id as submission_id', 'agencies.code as agency_code'])
    .where('submissions.status', '=', 'approved')
    .where((eb) => eb.or([eb('submissions.period', '=', String(year)), eb('submissions.period', 'like', `${year}-Q_`)]))
    .orderBy('submission_values.indicator_id')
    .orderBy('submission_values.attribute')
    .orderBy('agencies.code')
    .orderBy('submissions.period')
    .execute();
  const byId = new Map<string, typeof rows>();
  // A count and each attribute beside it are separate figures: an amount never adds to a count.
  const keyOf = (r: (typeof rows)[number]) => `${r.indicator_id}#${r.attribute}`;
  for (const r of rows) byId.set(keyOf(r), [...(byId.get(keyOf(r)) ?? []), r]);

  const figures: Figure[] = [];
  for (const [key, parts] of byId) {
    const [id = '', attribute = ''] = key.split('#');
    const reported = parts.filter((p) => p.state === 'reported' && p.value !== null);
    const unknown = parts.filter((p) => p.state === 'unknown').length;
    const sources = parts.filter((p) => p.state !== 'not_applicable').map((p) => ({ agencyCode: p.agency_code, submissionId: p.submission_id }));
    if (sources.length === 0) continue;
    const value = reported.length ? reported.reduce((s, p) => s + Number(p.value), 0) : null;
    const qualifier = combineQualifiers(reported.map((p) => p.qualifier));
    figures.push({ id, ...(attribute ? { attribute } : {}), value: value === null ? null : Math.round(value * 100) / 100, ...(qualifier ? { qualifier } : {}), ...(unknown ? { unknown } : {}), sources });
  }

  const events = await db
    .selectFrom('activities')
    .innerJoin('agencies', 'agencies.id', 'activities.agency_id')
    .select(['agencies.code', 'activities.online', 'activities.abroad'])
    .where('activities.kind', '=', 'international_event')
    .where('activities.date', '>=', `${year}-01-01`)
    .where('activities.date', '<=', `${year}-12-31`)
    .execute();
  if (events.length) {
    const count = (f: (e: (typeof events)[number]) => boolean) => events.filter(f).length;
    figures.push({
      id: 'events.participation',
      value: events.length,
      breakdown: { physical: count((e) => e.online === false), online: count((e) => e.online === true), abroad: count((e) => e.abroad === true), in_country: count((e) => e.abroad === false) },
      sources: [...new Set(events.map((e) => e.code))].sort().map((agencyCode) => ({ agencyCode, submissionId: `activities:${year}` })),
    });
  }
  return figures.sort((a, b) => a.id.localeCompare(b.id) || (a.attribute ?? '').localeCompare(b.attribute ?? ''));
}

/** Every agency expected to report for a period, with where its submission stands and whether it is late. */
export async function completeness(db: Kysely<Database>, profile: Profile, period: string): Promise<Completeness> {
  const catalogue = await catalogueFor(db, profile, yearOfPeriod(period));
  const deadline = periodDeadline(period, catalogue.deadlineDays);
  const expected = expectedAgencies(profile, period, catalogue);
  const codes = expected.map((a) => a.code);
  if (codes.length === 0) return { period, deadline, items: [] };
  const agencies = await db.selectFrom('agencies').select(['id', 'code']).where('code', 'in', codes).execute();
  const subs = await db.selectFrom('submissions').select(['id', 'agency_id', 'status', 'first_submitted_at', 'submitted_at']).where('period', '=', period).execute();
  const now = today(profile.settings.timezone);
  const dateIn = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: profile.settings.timezone }).format(d);
  const items = agencies
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((a) => {
      const s = subs.find((x) => x.agency_id === a.id);
      const status = (s?.status ?? 'missing') as SubmissionStatus | 'missing';
      const inHand = status === 'submitted' || status === 'approved';
      // Late: nothing in hand after the deadline, or first sent after it.
      const late = (!inHand && now > deadline) || (s?.first_submitted_at ? dateIn(s.first_submitted_at) > deadline : false);
      return { agencyId: a.id, agencyCode: a.code, submissionId: s?.id ?? null, status, submittedAt: s?.submitted_at?.toISOString() ?? null, late };
    });
  return { period, deadline, items };
}
