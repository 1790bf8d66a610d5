import type { Profile } from '../profile/schema.ts';
import type { Rng } from '../demo/rng.ts';
import { rec, type Rec } from './records.ts';

// Published: 9,626 calls in 2023 and 10,254 in 2024; other years are invented around them.
export const CALLS_PER_YEAR: Readonly<Record<number, number>> = { 2023: 9_626, 2024: 10_254 };
const FALLBACK_CALLS = 9_800;

const topics = [['work_abroad_info', 45], ['check_job_offer', 20], ['report_trafficking', 8], ['help_request', 7], ['missing_person', 3], ['other', 17]] as const;
const channels = [['phone_152', 85], ['whatsapp', 6], ['telegram', 3], ['web_form', 3], ['email', 2], ['walk_in', 1]] as const;
const languages = [['az', 80], ['ru', 15], ['tr', 3], ['en', 2]] as const;
const callers = [['self', 55], ['relative', 25], ['witness', 8], ['professional', 5], ['anonymous', 7]] as const;
// A handful of invented recruiter accounts, so that repeated reports link up.
const recruiters = Array.from({ length: 6 }, (_, i) => `@synthetic.recruiter.${i + 1}`);

export interface HotlinePlan {
  year: number;
  scale: number;
  /** Exact volume, where it differs from the published one. */
  calls?: number | undefined;
  /** Nothing after this moment (ms). */
  until: number;
  agency: string;
  police: string;
  prefix: string;
}

/**
 * A year of hotline contacts at the published volume, in no particular order, streamed one by
 * one (a year at 1000× is ten million). Half the trafficking reports name a recruiter account;
 * one in ten becomes a tip for the police. `facts` are the year's crime ids a tip may point to.
 */
export function* hotlineRecords(profile: Profile, rng: Rng, plan: HotlinePlan, facts: readonly string[]): Generator<Rec> {
  const count = plan.calls ?? Math.round((CALLS_PER_YEAR[plan.year] ?? FALLBACK_CALLS) * plan.scale);
  const day = 86_400_000;
  for (let i = 0; i < count; i++) {
    const start = Date.UTC(plan.year, 0, 1) + Math.floor(rng.next() * 365 * day);
    // Office hours, Baku time (UTC+4): 05:00–15:00 UTC.
    const at = new Date(start - (start % day) + (5 + rng.int(0, 9)) * 3_600_000 + rng.int(0, 3599) * 1000);
    if (at.getTime() > plan.until) continue;
    const topic = rng.weighted(topics);
    const known = profile.hotlineTopics.find((t) => t.code === topic);
    const followUp = rng.chance(0.03);
    const outcome = followUp ? 'follow_up' : (known?.defaultOutcome ?? 'information_given');
    const id = `${plan.prefix}H-${plan.year}-${i + 1}`;
    yield rec('hotline_contact', id, {
      agency: plan.agency,
      started_at: at.toISOString(),
      duration_seconds: rng.int(45, 720),
      channel: rng.weighted(channels),
      language: rng.weighted(languages),
      caller_type: rng.weighted(callers),
      topic: known ? topic : (profile.hotlineTopics[0]?.code ?? 'other'),
      region: rng.chance(0.7) ? rng.pick(profile.regions.regions).code : null,
      outcome: outcome === 'referred' ? 'information_given' : outcome,
      follow_up_due: followUp ? new Date(at.getTime() + rng.int(1, 14) * day).toISOString().slice(0, 10) : null,
      follow_up_done_at: followUp && at.getTime() < plan.until - 30 * day ? new Date(at.getTime() + day).toISOString() : null,
    });
    if (topic !== 'report_trafficking') continue;
    if (rng.chance(0.5)) yield rec('hotline_identifier', `${id}/i`, { contact: id, value: rng.pick(recruiters) });
    if (rng.chance(0.1)) {
      const linked = facts.length > 0 && rng.chance(0.3);
      yield rec('hotline_tip', `${id}/t`, {
        contact: id,
        agency: plan.police,
        status: linked ? 'linked' : rng.pick(['new', 'in_review', 'closed']),
        summary: 'Sintetik məlumat: zəng edən xaricdə iş təklifindən danışır; pasportu əvvəlcədən istəyirlər.',
        crime_record: linked ? rng.pick(facts) : null,
      });
    }
  }
}
