import { periodsOf, valuesFor } from '../demo/submissions.ts';
import { createRng, type Rng } from '../demo/rng.ts';
import type { Profile } from '../profile/schema.ts';
import { expectedAgencies } from '../submissions/catalogue.ts';
import { periodDeadline } from '../submissions/schema.ts';
import { rec, type Rec } from './records.ts';

/**
 * A year's agency submissions (every expected form, yearly and quarterly) with the demo's values:
 * the published 2023 figures, synthetic elsewhere. Forms whose deadline has passed are approved;
 * later ones are a mix of states, as in a year under way.
 */
export function* submissionRecords(profile: Profile, rng: Rng, year: number, today: string, prefix: string): Generator<Rec> {
  for (const period of periodsOf(year)) {
    const due = periodDeadline(period, profile.indicators.deadlineDays);
    const periodEnd = period.includes('-Q') ? `${year}-${String(Number(period.slice(-1)) * 3).padStart(2, '0')}-28` : `${year}-12-31`;
    if (periodEnd > today) continue;
    for (const agency of expectedAgencies(profile, period)) {
      const fate = due < today ? 'approved' : rng.weighted([['none', 6], ['draft', 1], ['submitted', 1], ['returned', 1], ['approved', 1]] as const);
      if (fate === 'none') continue;
      const id = `${prefix}S-${agency.code}-${period}`;
      const sent = `${periodDeadline(period, { year: 30, quarter: 10 })}T09:00:00.000Z`;
      const reviewed = new Date(Date.parse(sent) + 7 * 86_400_000).toISOString();
      const submitted = fate !== 'draft';
      yield rec('submission', id, { agency: agency.code, period, status: fate, first_submitted_at: submitted ? sent : null, submitted_at: submitted ? sent : null, approved_at: fate === 'approved' ? reviewed : null });
      for (const v of valuesFor(profile, agency.code, period, rng)) {
        yield rec('submission_value', `${id}/${v.indicatorId}`, { submission: id, indicator: v.indicatorId, state: v.state, value: v.value, qualifier: v.qualifier });
      }
    }
  }
}

const partners = ['OSCE (synthetic event)', 'IOM (synthetic event)', 'Council of Europe (synthetic event)', 'UNODC (synthetic event)', 'ICMPD (synthetic event)'];

/** About 60 activities a year (the 2023 report's 57 international events and a few others), times scale. */
export function* activityRecords(profile: Profile, rng: Rng, year: number, scale: number, today: string, prefix: string): Generator<Rec> {
  const agency = ['mia_anti_trafficking', 'mia'].find((c) => profile.agencies.some((a) => a.code === c)) ?? profile.agencies.find((a) => a.kind === 'coordinator')?.code;
  if (!agency) return;
  const count = Math.max(1, Math.round(62 * scale));
  for (let i = 0; i < count; i++) {
    const date = `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    if (date > today) continue;
    const id = `${prefix}A-${year}-${i + 1}`;
    const kind = rng.weighted([['international_event', 57], ['training', 2], ['publication', 1], ['media', 1], ['awareness_event', 1]] as const);
    const online = rng.chance(0.37);
    const common = { agency, kind, date, title: `Synthetic ${kind.replace('_', ' ')} ${year}-${i + 1}` };
    if (kind === 'international_event') {
      const abroad = rng.chance(0.39);
      yield rec('activity', id, { ...common, abroad, online, partner: rng.pick(partners), place: online ? null : abroad ? 'Vienna' : 'Baku' });
    } else if (kind === 'training') yield rec('activity', id, { ...common, audience: 'police', participants: rng.int(40, 400), trainers: rng.int(2, 6), online });
    else if (kind === 'publication') yield rec('activity', id, { ...common, copies: rng.int(10, 150) * 100, languages: ['az', 'ru', 'en'] });
    else if (kind === 'media') yield rec('activity', id, { ...common, outlet: 'Synthetic TV channel' });
    else yield rec('activity', id, { ...common, place: 'Ganja', participants: rng.int(40, 200) });
  }
}

/** Persons charged each year before the records begin, as a report's history table would give them. */
export function* historyRecords(fromYear: number, firstYear: number, scale: number, seed: number, prefix: string): Generator<Rec> {
  const rng = createRng(seed ^ 0xa66);
  for (let year = fromYear; year < firstYear; year++) {
    const female = Math.round(rng.int(8, 16) * scale);
    const male = Math.round(rng.int(2, 6) * scale);
    yield rec('historical_aggregate', `${prefix}HA-defendants.charged-${year}`, { figure: 'defendants.charged', year, value: female + male, breakdown: { female, male }, source: 'Synthetic history (generated)' });
  }
}
