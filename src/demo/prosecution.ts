import { sql, type Kysely, type SqlBool } from 'kysely';
import type { FieldKey } from '../crypto/fields.ts';
import type { Database } from '../db/schema.ts';
import type { Profile } from '../profile/schema.ts';
import { moveCase, openCase } from '../prosecution/cases.ts';
import { addDefendant, addStep, recordSentence } from '../prosecution/defendants.ts';
import { registerFact } from '../prosecution/facts.ts';
import { declareWanted, moveWanted } from '../prosecution/wanted.ts';
import { todayInCalendar } from '../victims/schema.ts';
import { addDays } from '../victims/status.ts';
import type { Actor } from './load-persons.ts';
import { createRng, type Rng } from './rng.ts';

/**
 * One year of the registry shaped like the published 2023 figures: ~206 facts (159 trafficking,
 * 44 documents, 3 forced labour) plus related offences, 58 of them online, 16 cases, 18 persons
 * charged (15 women), 21 local searches (9 detained) and a standing stock of about a dozen Interpol
 * searches. Scale multiplies the counts.
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
// Obviously invented: demo data must never look like a real person's record.
const names = ['Demo', 'Nümunə', 'Sınaq', 'Uydurma', 'Fiktiv'];

export interface ProsecutionDemoOptions {
  seed: number;
  fromYear: number;
  toYear: number;
  scale?: number;
}

/**
 * Records synthetic crimes, cases, persons prosecuted and searches through the registry's domain
 * functions (checked, encrypted and audited like real ones), linking some facts and cases to the
 * synthetic victims identified in the same year. Nothing is dated after today.
 */
export async function loadSyntheticProsecution(db: Kysely<Database>, ctx: { key: FieldKey; profile: Profile }, police: Actor, opts: ProsecutionDemoOptions) {
  const rng = createRng(opts.seed ^ 0x1441);
  const today = todayInCalendar();
  const known = new Set(ctx.profile.criminalArticles.map((a) => a.code));
  if (!['144-1', '144-3', '243', '244'].every((c) => known.has(c))) return { facts: 0, cases: 0 };
  const mia = await db.selectFrom('agencies').select('id').where('code', '=', 'mia_anti_trafficking').executeTakeFirst();
  const court = await db.selectFrom('agencies').select('id').where('kind', '=', 'court').orderBy('code').executeTakeFirst();
  const unit = mia?.id ?? police.agencyId;
  const who = { userId: police.id, agencyId: police.agencyId };
  const audit = { actor: police, details: { demo: true } };
  const n = (k: number) => Math.max(1, Math.round(k * (opts.scale ?? 1)));
  let facts = 0;
  let cases = 0;
  for (let year = opts.fromYear; year <= opts.toYear; year++) {
    await db.transaction().execute(async (trx) => {
      const day = (from: string, span: number) => addDays(from, rng.int(0, span));
      const inYear = () => day(`${year}-01-01`, 364);
      const past = (d: string) => d <= today;
      const victims = (await trx.selectFrom('persons').select('id').where('identified_on', '>=', `${year}-01-01`).where('identified_on', '<=', `${year}-12-31`).execute()).map((p) => p.id);

      // Facts, in date order, some linked to the year's identified victims.
      const pool: { id: string; date: string; article: string; online: boolean; used: boolean }[] = [];
      const planned = FACTS.flatMap((f) => Array.from({ length: n(f.n) }, (_, i) => ({ article: rng.pick(f.articles), online: f.online > 0 && i < n(f.online), date: inYear() })));
      for (const f of planned.filter((x) => past(x.date)).sort((a, b) => a.date.localeCompare(b.date))) {
        const victimIds = f.article.startsWith('144-1') && victims.length && rng.chance(0.3) ? [rng.pick(victims)] : [];
        const id = await registerFact(
          trx,
          ctx,
          { registeredOn: f.date, articles: [f.article], region: null, online: f.online, platforms: f.online && rng.chance(0.95) ? [rng.weighted(platforms)] : [], victimIds },
          // Victims come from the demo set itself, so no visibility filter applies.
          sql<SqlBool>`true`,
          who,
          audit,
        );
        pool.push({ id, date: f.date, article: f.article, online: f.online, used: false });
        facts++;
      }

      // Cases on those facts, with the persons charged (mostly women).
      const opened: { id: string; article: string; openedOn: string; charged: string[] }[] = [];
      let seq = 0;
      for (const article of CASES.flatMap((c) => Array.from({ length: n(c.n) }, () => c.article))) {
        const matching = pool.filter((f) => !f.used && f.article.split('.')[0] === article.split('.')[0]);
        const first = matching[0];
        if (!first) continue;
        // Usually early in the year, so that most investigations end within it; never before its facts.
        let openedOn = day(`${year}-01-15`, 230);
        if (openedOn < first.date) openedOn = addDays(first.date, rng.int(1, 20));
        if (!past(openedOn)) continue;
        const before = matching.filter((f) => f.date <= openedOn);
        const chosen = before.slice(0, rng.int(1, Math.max(1, Math.ceil(before.length / 4))));
        for (const f of chosen) f.used = true;
        const id = await openCase(trx, ctx.profile, { number: `DEMO-${year}-${String(++seq).padStart(3, '0')}`, openedOn, articles: [article], factIds: chosen.map((f) => f.id), investigatingAgencyId: unit }, who, audit);
        cases++;
        const charged: string[] = [];
        for (let i = 0; i < (rng.chance(0.15) ? 2 : 1); i++) {
          const on = addDays(openedOn, rng.int(2, 20));
          if (past(on)) charged.push(await addDefendant(trx, ctx.key, id, person(rng, rng.chance(0.83) ? 'female' : 'male', 'charged', on), who, audit));
        }
        opened.push({ id, article, openedOn, charged });
      }

      // Suspects on the wanted lists, in a case of a matching article, while it is still under investigation.
      const caseFor = (article: string) => {
        const same = opened.filter((c) => c.article.split('.')[0] === article);
        return same.length ? rng.pick(same) : opened.length ? rng.pick(opened) : undefined;
      };
      const seek = async (article: string, search: 'local' | 'interpol') => {
        const c = caseFor(article);
        if (!c) return null;
        const since = addDays(c.openedOn, rng.int(1, 30));
        if (!past(since)) return null;
        const id = await addDefendant(trx, ctx.key, c.id, person(rng, rng.chance(0.7) ? 'male' : 'female', 'suspect', c.openedOn), who, audit);
        return { since, wanted: { prosecutedPersonId: id, search, article, since, ...(search === 'interpol' ? { hidingCountry: rng.weighted(hiding) } : {}) } };
      };
      for (const w of LOCAL_WANTED) {
        for (let i = 0; i < n(w.n); i++) {
          const s = await seek(w.article, 'local');
          if (!s) continue;
          const wid = await declareWanted(trx, ctx.profile, s.wanted, who, audit);
          const detained = addDays(s.since, rng.int(10, 60));
          if (i < n(w.detained) && past(detained)) await moveWanted(trx, wid, 'detained', detained, audit);
          // Most of the others are called off later, so the list does not grow year on year.
          else if (rng.chance(0.75) && past(addDays(s.since, 400))) await moveWanted(trx, wid, 'cancelled', addDays(s.since, rng.int(200, 400)), audit);
        }
      }
      // Interpol searches last long: a few new ones a year, a quarter ending in extradition later on.
      for (let i = 0; i < n(6); i++) {
        const s = await seek('144-1', 'interpol');
        if (!s) continue;
        const wid = await declareWanted(trx, ctx.profile, s.wanted, who, audit);
        const extradited = addDays(s.since, rng.int(200, 500));
        if (rng.chance(0.25) && past(extradited)) await moveWanted(trx, wid, 'extradited', extradited, audit);
      }

      // Investigations completed, cases sent to court (with their persons), verdicts and sentences.
      for (const c of opened) {
        const last = c.charged.length ? addDays(c.openedOn, 20) : c.openedOn;
        const completed = addDays(last, rng.int(40, 150));
        if (!rng.chance(0.75) || !past(completed)) continue;
        await moveCase(trx, c.id, 'completed', completed, who, audit);
        const toCourt = addDays(completed, rng.int(5, 25));
        if (!rng.chance(0.9) || !past(toCourt)) continue;
        await moveCase(trx, c.id, 'sent_to_court', toCourt, who, audit);
        for (const id of c.charged) {
          const verdict = addDays(toCourt, rng.int(40, 120));
          if (!past(verdict)) continue;
          if (rng.chance(0.05)) {
            await addStep(trx, id, 'acquitted', verdict, who, audit);
            continue;
          }
          if (!rng.chance(0.85)) continue;
          await addStep(trx, id, 'convicted', verdict, who, audit);
          const punishment = rng.weighted([['imprisonment', 85], ['suspended', 10], ['fine', 5]] as const);
          await recordSentence(
            trx,
            id,
            {
              sentencedOn: verdict,
              courtAgencyId: court?.id ?? null,
              punishment,
              imprisonmentMonths: punishment === 'fine' ? null : rng.int(punishment === 'suspended' ? 12 : 60, punishment === 'suspended' ? 36 : 144),
              fineAmount: punishment === 'fine' ? rng.int(20, 60) * 100 : null,
              confiscation: rng.chance(0.5),
            },
            who,
            audit,
          );
        }
      }
    });
  }
  return { facts, cases };
}

function person(rng: Rng, sex: 'female' | 'male', stage: 'charged' | 'suspect', on: string) {
  const birthYear = Number(on.slice(0, 4)) - rng.int(22, 60);
  return {
    identity: { givenName: `${rng.pick(names)}${rng.int(1, 999)}`, familyName: `${rng.pick(names)}ova` },
    sex,
    birthYear,
    citizenship: rng.chance(0.9) ? 'AZ' : rng.pick(['TR', 'RU', 'UZ']),
    role: rng.pick(roles),
    stage,
    on,
  };
}
