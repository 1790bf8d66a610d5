import type { Rng } from '../demo/rng.ts';
import type { Profile } from '../profile/schema.ts';
import { addDays } from '../victims/status.ts';
import { rec, type Rec } from './records.ts';

/**
 * One year of the registry shaped like the published 2023 figures: ~206 facts (159 trafficking,
 * 44 documents, 3 forced labour) plus related offences, 58 of them online, 16 cases, 18 persons
 * charged (15 women), 21 local searches (9 detained) and a few new Interpol searches. Scale
 * multiplies the counts.
 */
const FACTS: readonly { articles: readonly string[]; n: number; online: number }[] = [
  { articles: ['144-1', '144-1.1', '144-1.2'], n: 159, online: 38 },
  { articles: ['144-3'], n: 44, online: 0 },
  { articles: ['144-2'], n: 3, online: 0 },
  { articles: ['243.1'], n: 20, online: 20 },
  { articles: ['244'], n: 4, online: 0 },
];
const CASES: readonly { article: string; n: number }[] = [
  { article: '144-1', n: 12 },
  { article: '243.1', n: 2 },
  { article: '144-3', n: 1 },
  { article: '244', n: 1 },
];
const LOCAL_WANTED: readonly { article: string; n: number; detained: number }[] = [
  { article: '144-1', n: 17, detained: 5 },
  { article: '243', n: 3, detained: 3 },
  { article: '244', n: 1, detained: 1 },
];
const platforms = [['whatsapp', 35], ['instagram', 25], ['telegram', 25], ['tiktok', 15]] as const;
const hiding = [['TR', 4], ['AE', 4], ['RU', 3], ['PK', 1]] as const;
const roles = ['recruiter', 'transporter', 'exploiter', 'organiser', 'accomplice'] as const;
// Obviously invented: synthetic data must never look like a real person's record.
const names = ['Demo', 'Nümunə', 'Sınaq', 'Uydurma', 'Fiktiv'];

export interface RegistryPlan {
  year: number;
  scale: number;
  /** Nothing dated after this day. */
  today: string;
  police: string;
  court: string | null;
  prefix: string;
  /** The year's identified victims, by external id. */
  victims: readonly string[];
}

const base = (article: string) => article.split('.')[0] as string;

/** The year's registry records, parents first; `facts` receives the ids of the facts emitted. */
export function* registryRecords(profile: Profile, rng: Rng, plan: RegistryPlan, facts: string[]): Generator<Rec> {
  const known = new Set(profile.criminalArticles.map((a) => a.code));
  if (!['144-1', '144-3', '243', '244'].every((c) => known.has(c))) return;
  const { year, today, prefix } = plan;
  const n = (k: number) => Math.max(1, Math.round(k * plan.scale));
  const day = (from: string, span: number) => addDays(from, rng.int(0, span));
  const past = (d: string) => d <= today;

  // Facts, in date order; queued by article so that cases take the earliest unused ones.
  type Fact = { id: string; date: string; article: string; online: boolean; victim: string | null; used: boolean };
  const planned = FACTS.flatMap((f) => Array.from({ length: n(f.n) }, (_, i) => ({ article: rng.pick(f.articles), online: f.online > 0 && i < n(f.online), date: day(`${year}-01-01`, 364) })))
    .filter((x) => past(x.date))
    .sort((a, b) => a.date.localeCompare(b.date));
  const pool: Fact[] = planned.map((f, i) => ({
    ...f,
    id: `${prefix}F-${year}-${i + 1}`,
    victim: f.article.startsWith('144-1') && plan.victims.length && rng.chance(0.3) ? rng.pick(plan.victims) : null,
    used: false,
  }));
  const queues = new Map<string, Fact[]>();
  for (const f of pool) queues.set(base(f.article), [...(queues.get(base(f.article)) ?? []), f]);

  // Cases on those facts: usually opened early in the year, never before their facts.
  type Case = { id: string; article: string; openedOn: string; facts: Fact[] };
  const cases: Case[] = [];
  for (const article of CASES.flatMap((c) => Array.from({ length: n(c.n) }, () => c.article))) {
    const queue = queues.get(base(article)) ?? [];
    const first = queue.find((f) => !f.used);
    if (!first) continue;
    let openedOn = day(`${year}-01-15`, 230);
    if (openedOn < first.date) openedOn = addDays(first.date, rng.int(1, 20));
    if (!past(openedOn)) continue;
    const before: Fact[] = [];
    for (const f of queue) {
      if (f.date > openedOn) break;
      if (!f.used) before.push(f);
      if (before.length >= 40) break;
    }
    const chosen = before.slice(0, rng.int(1, Math.max(1, Math.ceil(before.length / 4))));
    for (const f of chosen) f.used = true;
    cases.push({ id: `${prefix}C-${year}-${cases.length + 1}`, article, openedOn, facts: chosen });
  }

  for (const f of pool) {
    facts.push(f.id);
    yield rec('crime_fact', f.id, { agency: plan.police, registered_on: f.date, articles: [f.article], online: f.online, platforms: f.online && rng.chance(0.95) ? [rng.weighted(platforms)] : [], status: f.used ? 'case_opened' : 'registered' });
    if (f.victim) yield rec('fact_victim', `${f.id}/v`, { fact: f.id, person: f.victim });
  }

  let defendants = 0;
  const person = (caseId: string, sex: 'female' | 'male', stage: string, on: string): Rec => {
    const birthYear = Number(on.slice(0, 4)) - rng.int(22, 60);
    return rec('prosecuted_person', `${prefix}D-${year}-${++defendants}`, {
      case: caseId,
      given_name: `${rng.pick(names)}${rng.int(1, 999)}`,
      family_name: `${rng.pick(names)}ova`,
      sex,
      birth_year: birthYear,
      citizenship: rng.chance(0.9) ? 'AZ' : rng.pick(['TR', 'RU', 'UZ']),
      role: rng.pick(roles),
      stage,
    });
  };

  // Each case with its history and the persons charged (mostly women), to the verdict where there is one.
  for (const c of cases) {
    const history: [string, string][] = [['investigation', c.openedOn]];
    const charged = Array.from({ length: rng.chance(0.15) ? 2 : 1 }, () => addDays(c.openedOn, rng.int(2, 20))).filter(past);
    const completed = addDays(charged.length ? addDays(c.openedOn, 20) : c.openedOn, rng.int(40, 150));
    const toCourt = addDays(completed, rng.int(5, 25));
    if (rng.chance(0.75) && past(completed)) {
      history.push(['completed', completed]);
      if (rng.chance(0.9) && past(toCourt)) history.push(['sent_to_court', toCourt]);
    }
    const [status, statusOn] = history[history.length - 1] as [string, string];
    yield rec('criminal_case', c.id, { number: `SYN-${c.id}`, opened_on: c.openedOn, articles: [c.article], agency: plan.police, status, status_on: statusOn });
    for (const f of c.facts) yield rec('case_fact', `${c.id}/${f.id}`, { case: c.id, fact: f.id });
    for (const [i, [s, on]] of history.entries()) yield rec('case_status', `${c.id}/s${i}`, { case: c.id, status: s, on_date: on });
    for (const v of new Set(c.facts.map((f) => f.victim).filter((x): x is string => !!x))) {
      yield rec('case_victim', `${c.id}/${v}`, { case: c.id, person: v, cooperation: rng.chance(0.8) ? 'cooperating' : 'undecided', legal_aid: rng.chance(0.6) ? ['investigation'] : [] });
    }
    for (const on of charged) {
      const steps: [string, string][] = [['charged', on]];
      if (status === 'sent_to_court') steps.push(['sent_to_court', toCourt]);
      const verdict = addDays(toCourt, rng.int(40, 120));
      const outcome = status === 'sent_to_court' && past(verdict) ? (rng.chance(0.05) ? 'acquitted' : rng.chance(0.85) ? 'convicted' : null) : null;
      if (outcome) steps.push([outcome, verdict]);
      const p = person(c.id, rng.chance(0.83) ? 'female' : 'male', (steps[steps.length - 1] as [string, string])[0], on);
      yield p;
      for (const [i, [s, d]] of steps.entries()) yield rec('procedural_step', `${p.id}/s${i}`, { prosecuted_person: p.id, stage: s, on_date: d });
      if (outcome === 'convicted') {
        const punishment = rng.weighted([['imprisonment', 85], ['suspended', 10], ['fine', 5]] as const);
        yield rec('sentence', `${p.id}/sentence`, {
          prosecuted_person: p.id,
          court_agency: plan.court,
          sentenced_on: verdict,
          punishment,
          imprisonment_months: punishment === 'fine' ? null : rng.int(punishment === 'suspended' ? 12 : 60, punishment === 'suspended' ? 36 : 144),
          fine_amount: punishment === 'fine' ? rng.int(20, 60) * 100 : null,
          confiscation: rng.chance(0.5),
        });
      }
    }
  }

  // Suspects on the wanted lists, in a case of a matching article.
  const seek = function* (article: string, search: 'local' | 'interpol', fate: (since: string) => [string, string] | null): Generator<Rec> {
    const same = cases.filter((c) => base(c.article) === article);
    const c = same.length ? rng.pick(same) : cases.length ? rng.pick(cases) : undefined;
    if (!c) return;
    const since = addDays(c.openedOn, rng.int(1, 30));
    if (!past(since)) return;
    const p = person(c.id, rng.chance(0.7) ? 'male' : 'female', 'suspect', c.openedOn);
    yield p;
    yield rec('procedural_step', `${p.id}/s0`, { prosecuted_person: p.id, stage: 'suspect', on_date: c.openedOn });
    const [status, on] = fate(since) ?? ['wanted', since];
    yield rec('wanted_person', `${p.id}/w`, { prosecuted_person: p.id, search, article, since, hiding_country: search === 'interpol' ? rng.weighted(hiding) : null, status, status_on: on });
  };
  for (const w of LOCAL_WANTED) {
    for (let i = 0; i < n(w.n); i++) {
      yield* seek(w.article, 'local', (since) => {
        const detained = addDays(since, rng.int(10, 60));
        if (i < n(w.detained) && past(detained)) return ['detained', detained];
        // Most of the others are called off later, so the list does not grow year on year.
        if (rng.chance(0.75) && past(addDays(since, 400))) return ['cancelled', addDays(since, rng.int(200, 400))];
        return null;
      });
    }
  }
  // Interpol searches last long: a few new ones a year, a quarter ending in extradition later on.
  for (let i = 0; i < n(6); i++) {
    yield* seek('144-1', 'interpol', (since) => {
      const extradited = addDays(since, rng.int(200, 500));
      return rng.chance(0.25) && past(extradited) ? ['extradited', extradited] : null;
    });
  }
}
