import type { Insertable, Kysely } from 'kysely';
import { encryptField, type FieldKey } from '../crypto/fields.ts';
import type { Database } from '../db/schema.ts';
import { identifierKey } from '../hotline/hotline.ts';
import { normalizeHandle } from '../hotline/identifiers.ts';
import type { HotlineContactsTable, HotlineIdentifiersTable } from '../hotline/table.ts';
import type { Profile } from '../profile/schema.ts';
import { createRng, type Rng } from './rng.ts';

// Published: 9,626 calls in 2023 and 10,254 in 2024; other years are invented around them.
const CALLS_PER_YEAR: Readonly<Record<number, number>> = { 2023: 9_626, 2024: 10_254 };
const FALLBACK_CALLS = 9_800;

const topics = [['work_abroad_info', 45], ['check_job_offer', 20], ['report_trafficking', 8], ['help_request', 7], ['missing_person', 3], ['other', 17]] as const;
const channels = [['phone_152', 85], ['whatsapp', 6], ['telegram', 3], ['web_form', 3], ['email', 2], ['walk_in', 1]] as const;
const languages = [['az', 80], ['ru', 15], ['tr', 3], ['en', 2]] as const;
const callers = [['self', 55], ['relative', 25], ['witness', 8], ['professional', 5], ['anonymous', 7]] as const;

export interface ContactLoadOptions {
  seed: number;
  years: number[];
  /** 1 = the published volume; tests use a fraction. */
  scale?: number;
  /** Exact yearly volumes, where they differ from the published ones. */
  perYear?: Readonly<Record<number, number>>;
  /** Stop at this moment (the demo's current year runs up to today). */
  until?: Date;
}

function oneContact(rng: Rng, profile: Profile, year: number, until: number, who: { agencyId: string; userId: string | null }): Insertable<HotlineContactsTable> | null {
  const start = Date.UTC(year, 0, 1) + Math.floor(rng.next() * 365 * 86_400_000);
  // Office hours, Baku time (UTC+4): 05:00–15:00 UTC.
  const at = new Date(start - (start % 86_400_000) + (5 + rng.int(0, 9)) * 3_600_000 + rng.int(0, 3599) * 1000);
  if (at.getTime() > until) return null;
  const topic = rng.weighted(topics);
  const known = profile.hotlineTopics.find((t) => t.code === topic);
  const followUp = rng.chance(0.03);
  const outcome = followUp ? 'follow_up' : (known?.defaultOutcome ?? 'information_given');
  return {
    agency_id: who.agencyId,
    started_at: at,
    duration_seconds: rng.int(45, 720),
    channel: rng.weighted(channels),
    language: rng.weighted(languages),
    caller_type: rng.weighted(callers),
    topic: known ? topic : (profile.hotlineTopics[0]?.code ?? 'other'),
    region: rng.chance(0.7) ? rng.pick(profile.regions.regions).code : null,
    outcome: outcome === 'referred' ? 'information_given' : outcome,
    referred_agency_id: null,
    follow_up_due: followUp ? new Date(at.getTime() + rng.int(1, 14) * 86_400_000).toISOString().slice(0, 10) : null,
    follow_up_done_at: followUp && at.getTime() < until - 30 * 86_400_000 ? new Date(at.getTime() + 86_400_000) : null,
    person_id: null,
    notes_enc: null,
    created_by: who.userId,
  };
}

/**
 * Synthetic hotline contacts at the published volume (~10,000 a year), inserted in batches —
 * for demo and benchmark data only: no audit entries. A few name one of a handful of invented
 * recruiter accounts, so that repeated reports link up in the demo.
 */
export async function loadSyntheticContacts(db: Kysely<Database>, ctx: { key: FieldKey; profile: Profile }, who: { agencyId: string; userId: string | null }, opts: ContactLoadOptions): Promise<number> {
  const rng = createRng(opts.seed ^ 0x152);
  const until = (opts.until ?? new Date()).getTime();
  const recruiters = Array.from({ length: 6 }, (_, i) => `@synthetic.recruiter.${i + 1}`);
  let n = 0;
  for (const year of opts.years) {
    const count = Math.round((opts.perYear?.[year] ?? CALLS_PER_YEAR[year] ?? FALLBACK_CALLS) * (opts.scale ?? 1));
    const rows = Array.from({ length: count }, () => oneContact(rng, ctx.profile, year, until, who)).filter((r) => r !== null);
    for (let i = 0; i < rows.length; i += 1000) {
      const batch = rows.slice(i, i + 1000);
      const ids = await db.insertInto('hotline_contacts').values(batch).returning(['id', 'topic']).execute();
      const idents: Insertable<HotlineIdentifiersTable>[] = ids
        .filter((r) => r.topic === 'report_trafficking' && rng.chance(0.5))
        .map((r) => {
          const h = normalizeHandle(rng.pick(recruiters));
          return { contact_id: r.id, tip_id: null, kind: h.kind, value_enc: encryptField(ctx.key, h.value), normalized_enc: encryptField(ctx.key, h.normalized), match_key: identifierKey(ctx.key, h), valid: h.valid };
        });
      if (idents.length) await db.insertInto('hotline_identifiers').values(idents).execute();
      n += batch.length;
    }
  }
  return n;
}
