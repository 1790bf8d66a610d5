// The home page's work queues: counts only, each under the same access rule and scope as the
// page it links to, so a queue never counts what its list would not show.
import { sql, type Kysely } from 'kysely';
import { scopesFor } from '../access/rules.ts';
import { scopeFilter } from '../access/scope.ts';
import { listMeasures } from '../action-plan/action-plan.ts';
import type { Database } from '../db/schema.ts';
import { contactsWritable, tipsVisible } from '../hotline/visibility.ts';
import type { Auth } from '../http/types.ts';
import { personsVisible } from '../victims/access.ts';
import { reflectionQueue } from '../victims/detail.ts';
import type { WorkQueue } from './schema.ts';

/** Reflection periods ending within this many days are on the home page (issue: "within 3 days"). */
export const REFLECTION_SOON_DAYS = 3;

const has = (auth: Auth, action: Parameters<typeof scopesFor>[1]) => scopesFor(auth.roles, action).length > 0;
const n = (v: unknown) => Number(v ?? 0);

export async function workQueues(db: Kysely<Database>, auth: Auth, timeZone: string, today: string): Promise<WorkQueue[]> {
  const out: WorkQueue[] = [];
  if (has(auth, 'persons.list')) {
    const q = await reflectionQueue(db, personsVisible(auth, 'persons.list'), REFLECTION_SOON_DAYS, timeZone);
    out.push({ id: 'reflection', count: q.items.length, urgent: q.items.filter((i) => i.overdue).length, href: '/reflection-queue' });
  }
  if (has(auth, 'persons.assign')) {
    // Open cases assigned to me by name (closed ones have a closure reason).
    const r = await db
      .selectFrom('persons')
      .select((eb) => eb.fn.countAll().as('n'))
      .where(personsVisible(auth, 'persons.list'))
      .where('assigned_to', '=', auth.userId)
      .where('closure_reason', 'is', null)
      .executeTakeFirst();
    out.push({ id: 'assigned', count: n(r?.n), urgent: 0, href: '/persons?assigned=me' });
  }
  if (has(auth, 'referrals.inbox')) {
    // New referrals to the user's own agency, whatever wider view their role has.
    const r = await db.selectFrom('referrals').select((eb) => eb.fn.countAll().as('n')).where('to_agency_id', '=', auth.agencyId).where('status', '=', 'sent').executeTakeFirst();
    out.push({ id: 'referrals', count: n(r?.n), urgent: 0, href: '/referrals?status=sent' });
  }
  if (has(auth, 'tips.review')) {
    const r = await db.selectFrom('hotline_tips').select((eb) => eb.fn.countAll().as('n')).where(tipsVisible(auth)).where('hotline_tips.status', '=', 'new').executeTakeFirst();
    out.push({ id: 'tips', count: n(r?.n), urgent: 0, href: '/hotline/tips?status=new' });
  }
  if (has(auth, 'hotline.log')) {
    const r = await db
      .selectFrom('hotline_contacts')
      .select([sql<number>`count(*)`.as('n'), sql<number>`count(*) filter (where follow_up_due < ${today}::date)`.as('late')])
      .where(contactsWritable(auth))
      .where('created_by', '=', auth.userId)
      .where('outcome', '=', 'follow_up')
      .where('follow_up_done_at', 'is', null)
      .executeTakeFirst();
    out.push({ id: 'followUps', count: n(r?.n), urgent: n(r?.late), href: '/hotline/follow-ups' });
  }
  if (has(auth, 'submissions.review')) {
    const r = await db.selectFrom('submissions').select((eb) => eb.fn.countAll().as('n')).where('status', '=', 'submitted').executeTakeFirst();
    out.push({ id: 'submissionsToReview', count: n(r?.n), urgent: 0, href: '/submissions?status=submitted' });
  }
  if (has(auth, 'submissions.edit')) {
    const visible = scopeFilter(auth, scopesFor(auth.roles, 'submissions.edit'), { agency: 'submissions.agency_id' });
    const r = await db
      .selectFrom('submissions')
      .select([sql<number>`count(*)`.as('n'), sql<number>`count(*) filter (where status = 'returned')`.as('returned')])
      .where(visible)
      .where('status', 'in', ['draft', 'returned'])
      .executeTakeFirst();
    out.push({ id: 'submissionsOpen', count: n(r?.n), urgent: n(r?.returned), href: '/submissions' });
  }
  if (has(auth, 'nap.report') || has(auth, 'nap.manage')) {
    // The coordinator watches every measure; an agency its own.
    const measures = await listMeasures(db, today, has(auth, 'nap.manage') ? undefined : auth.agencyId);
    const overdue = measures.filter((m) => m.overdue).length;
    out.push({ id: 'measuresOverdue', count: overdue, urgent: overdue, href: '/action-plan' });
  }
  return out;
}
