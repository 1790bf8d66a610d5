import { syntheticPersons, type SyntheticPerson } from '../demo/persons.ts';
import { createRng } from '../demo/rng.ts';
import { agencyPlan } from '../demo/vocabulary.ts';
import type { Profile } from '../profile/schema.ts';
import { todayInCalendar } from '../victims/schema.ts';
import { activityRecords, historyRecords, submissionRecords } from './agencies.ts';
import { hotlineRecords } from './hotline.ts';
import { personRecords } from './persons.ts';
import type { Rec } from './records.ts';
import { registryRecords } from './registry.ts';

export interface GenerateOptions {
  /** 1 = Azerbaijan's volume (about 90 identified victims, 10,000 hotline contacts and 200 crimes a year). */
  scale: number;
  fromYear: number;
  toYear: number;
  seed: number;
  /** Nothing is dated after this day ('YYYY-MM-DD'); defaults to today. */
  asOf?: string;
  /** Exact yearly hotline volumes, where they should differ from scale × the published ones. */
  calls?: Readonly<Record<number, number>>;
  /** Which parts to produce (all by default). */
  parts?: readonly Part[];
}
export type Part = 'history' | 'persons' | 'registry' | 'hotline' | 'submissions' | 'activities';
const ALL: readonly Part[] = ['history', 'persons', 'registry', 'hotline', 'submissions', 'activities'];

/**
 * The one synthetic-data generator: interchange records for every record type, year by year,
 * parents before children, in bounded memory at any scale. Seeded: the same options give the
 * same records. The demo set and the benchmarks are made by it; `azad generate` prints it.
 */
export function* generate(profile: Profile, opts: GenerateOptions): Generator<Rec> {
  const { scale, seed } = opts;
  const parts = new Set(opts.parts ?? ALL);
  const today = opts.asOf ?? todayInCalendar();
  const prefix = `g${seed}-`;
  const plan = agencyPlan(profile);
  const court = profile.agencies.filter((a) => a.kind === 'court').sort((a, b) => a.code.localeCompare(b.code))[0]?.code ?? null;
  if (parts.has('history')) yield* historyRecords(2005, opts.fromYear, scale, seed, prefix);

  const persons = parts.has('persons') ? syntheticPersons(profile, { seed, fromYear: opts.fromYear, toYear: opts.toYear, scale, asOf: today }) : null;
  let next: SyntheticPerson | undefined = persons?.next().value ?? undefined;
  for (let year = opts.fromYear; year <= opts.toYear; year++) {
    if (`${year}-01-01` > today) break;
    const victims: string[] = [];
    let seq = 0;
    while (next && next.year === year) {
      const id = `${prefix}P-${next.key}`;
      yield* personRecords(profile, next, id, `${profile.settings.caseCodePrefix}-${year}-${String(++seq).padStart(5, '0')}`);
      if (next.decisions.some((d) => d.status === 'identified' && d.decidedOn.startsWith(String(year)))) victims.push(id);
      next = persons?.next().value ?? undefined;
    }
    const facts: string[] = [];
    if (parts.has('registry')) yield* registryRecords(profile, createRng(seed ^ (year * 0x1441)), { year, scale, today, police: plan.police, court, prefix, victims }, facts);
    if (parts.has('hotline')) {
      // Nothing after the end of the asOf day, nor after this moment.
      const until = Math.min(Date.parse(`${today}T23:59:59Z`), Date.now());
      yield* hotlineRecords(profile, createRng(seed ^ (year * 0x152)), { year, scale, calls: opts.calls?.[year], until, agency: plan.hotline ?? plan.police, police: plan.police, prefix }, facts);
    }
    if (parts.has('submissions')) yield* submissionRecords(profile, createRng(seed ^ (year * 0x5b)), year, today, prefix);
    if (parts.has('activities')) yield* activityRecords(profile, createRng(seed ^ (year * 0xac)), year, scale, today, prefix);
  }
}
