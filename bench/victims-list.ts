// The victims list at national scale: 100,000 synthetic persons made by the one generator
// (generate, persons part) and loaded by the interchange import, the coordinator's filtered first
// page, timed against a primary-key read on the same database.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import type { Role } from '../src/access/roles.ts';
import { seedAgenciesFromProfile } from '../src/agencies/agencies.ts';
import { decryptField, decryptOptional, fieldKey, matchKey, type FieldKey } from '../src/crypto/fields.ts';
import { openDatabase, type Db } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { yearPlan } from '../src/demo/persons.ts';
import { generate } from '../src/generate/generate.ts';
import type { Auth } from '../src/http/types.ts';
import { importRecords } from '../src/interchange/import.ts';
import { keyed } from '../src/test/harness.ts';
import { loadProfile, profileDir } from '../src/profile/load.ts';
import type { Profile } from '../src/profile/schema.ts';
import { personsVisible } from '../src/victims/access.ts';
import { nameSearchTokens } from '../src/victims/names.ts';
import { listPersons, type PersonQuery } from '../src/victims/persons.ts';

const DEFAULT_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';

/** A throwaway PostgreSQL database when a server answers, else in-memory PGlite (and why); its audit trail chained under `key`. */
export async function openBenchDatabase(key: FieldKey): Promise<{ db: Db; server: string; note: string }> {
  const configured = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  const serverUrl = configured ?? DEFAULT_SERVER;
  const name = `azad_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
    await admin.query(`create database ${name}`);
  } catch (err) {
    await admin.end().catch(() => undefined);
    if (configured) throw err;
    const db = keyed(await openDatabase({ dataDir: 'memory://' }), key);
    return { db, server: 'pglite (in memory)', note: `no PostgreSQL at ${DEFAULT_SERVER} (${err instanceof Error ? err.message : String(err)}): fell back to PGlite` };
  }
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const inner = keyed(await openDatabase({ databaseUrl: url.toString(), dataDir: '' }), key);
  const db: Db = {
    ...inner,
    close: async () => {
      await inner.close();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
  const where = `${url.hostname}:${url.port || 5432}`;
  return { db, server: `postgresql at ${where}`, note: configured ? 'server from TEST_DATABASE_URL/DATABASE_URL' : `server at ${DEFAULT_SERVER} (throwaway database)` };
}

const GEN = { seed: 2005, fromYear: 2005, toYear: 2025, asOf: '2026-01-01' };

/**
 * Exactly `persons` persons with all their records: the persons part of `generate`, at the scale
 * that yields at least that many over 2005–2025, cut after the Nth person (whole persons: a person's
 * records follow it), imported by importLines in one transaction.
 */
async function loadPersons(db: Db, key: FieldKey, profile: Profile, persons: number) {
  const perScale = yearPlan(GEN).reduce((s, y) => s + y.identified + y.potential, 0);
  const scale = Math.ceil((persons / perScale) * 1000) / 1000;
  let n = 0;
  const records = (function* () {
    for (const r of generate(profile, { ...GEN, scale, parts: ['persons'] })) {
      if (r.type === 'person' && ++n > persons) return;
      yield r;
    }
  })();
  const started = performance.now();
  const result = await importRecords(db.kysely, { key, profile }, records, { audit: { actor: null, details: { via: 'bench' } } });
  if (!result.committed) throw new Error(`import refused: ${JSON.stringify(result.errors.slice(0, 3))}`);
  const loaded = result.byType.person ?? 0;
  if (loaded !== persons) throw new Error(`generated ${loaded} persons, wanted ${persons}`);
  return { persons: loaded, rows: result.records, scale, ms: Math.round(performance.now() - started) };
}

const p95 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)] as number;
};
const ms = (x: number) => Math.round(x * 100) / 100;

/** Filters a coordinator uses on the first page, cycled through the timed iterations. */
const FILTERS: Record<string, Partial<PersonQuery>> = {
  'status=assisted': { status: 'assisted' },
  'status=reintegrated': { status: 'reintegrated' },
  'status=new': { status: 'new' },
  'year=2023': { year: 2023 },
  'year=2012&status=reintegrated': { year: 2012, status: 'reintegrated' },
};

export async function victimsListBench(opts: { persons: number; iterations: number; warmup: number }) {
  const key = fieldKey(randomBytes(32));
  const { db, server, note } = await openBenchDatabase(key);
  try {
    const profile = await loadProfile(profileDir('az'));
    await migrateToLatest(db.kysely);
    await seedAgenciesFromProfile(db.kysely, profile);
    const load = await loadPersons(db, key, profile, opts.persons);
    // What autovacuum would have done by the time anyone lists: statistics and the visibility map.
    const vacuumStart = performance.now();
    await sql`vacuum analyze`.execute(db.kysely);
    const vacuumMs = Math.round(performance.now() - vacuumStart);

    const coordinator = await db.kysely.selectFrom('agencies').select('id').where('kind', '=', 'coordinator').executeTakeFirstOrThrow();
    const roles: Role[] = ['coordinator'];
    const auth: Auth = { userId: '00000000-0000-4000-8000-000000000000', agencyId: coordinator.id, username: 'bench.coordinator', roles, sessionToken: '', csrfToken: '', scopes: ['all'] };
    const visible = personsVisible(auth, 'persons.list');
    const ids = (await db.kysely.selectFrom('persons').select('id').execute()).map((r) => r.id);
    let seed = 1;
    const randomId = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return ids[seed % ids.length] as string;
    };
    const pkRead = (id: string) =>
      db.kysely
        .selectFrom('persons')
        .select(['id', 'case_code', 'gender', 'birth_year', 'is_minor', 'citizenship', 'identification_status', 'identified_on', 'owner_agency_id', 'created_at'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
    const names = Object.keys(FILTERS);
    const list = (i: number) => listPersons(db.kysely, visible, { limit: 50, offset: 0, ...FILTERS[names[i % names.length] as string] });

    const totals: Record<string, number | string> = {};
    for (let i = 0; i < opts.warmup; i++) {
      const r = await list(i);
      totals[names[i % names.length] as string] = r.totalExact ? r.total : `more than ${r.total}`;
      await pkRead(randomId());
    }
    const listTimes: number[] = [];
    const pkTimes: number[] = [];
    const perFilter: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
    for (let i = 0; i < opts.iterations; i++) {
      let t = performance.now();
      await list(i);
      const dt = performance.now() - t;
      listTimes.push(dt);
      perFilter[names[i % names.length] as string]?.push(dt);
      t = performance.now();
      await pkRead(randomId());
      pkTimes.push(performance.now() - t);
    }
    // Name search: a random person's name as a user would type it, through the same filter.
    const nameTimes: number[] = [];
    const nameQueries = await db.kysely.selectFrom('persons').select(['given_name_enc', 'family_name_enc']).where('id', 'in', Array.from({ length: 50 }, randomId)).execute();
    const keysOf = (r: (typeof nameQueries)[number]) => nameSearchTokens(`${decryptField(key, r.given_name_enc)} ${decryptOptional(key, r.family_name_enc) ?? ''}`).map((t) => matchKey(key, t));
    for (let i = 0; i < opts.warmup + opts.iterations; i++) {
      const q = nameQueries[i % nameQueries.length];
      if (!q) break;
      const t = performance.now();
      await listPersons(db.kysely, visible, { limit: 50, offset: 0, nameKeys: keysOf(q) });
      if (i >= opts.warmup) nameTimes.push(performance.now() - t);
    }
    const listP95 = p95(listTimes);
    const pkP95 = p95(pkTimes);
    return {
      listP95,
      nameSearchP95: p95(nameTimes),
      ratio: listP95 / pkP95,
      detail: {
        database: server,
        database_note: note,
        persons: load.persons,
        rows_written: load.rows,
        generator: { ...GEN, scale: load.scale, parts: ['persons'] },
        load_ms: load.ms,
        load_persons_per_s: Math.round(load.persons / (load.ms / 1000)),
        load_rows_per_s: Math.round(load.rows / (load.ms / 1000)),
        load_note: 'generate (persons part) → importLines, one transaction, generation included in the time',
        vacuum_analyze_ms: vacuumMs,
        iterations: opts.iterations,
        warmup_iterations: opts.warmup,
        list_p95_ms: ms(listP95),
        list_p50_ms: ms(listTimes.sort((a, b) => a - b)[Math.floor(listTimes.length / 2)] as number),
        pk_read_p95_ms: ms(pkP95),
        name_search_p95_ms: ms(p95(nameTimes)),
        name_search_note: 'listPersons with nameKeys: a random stored person\'s given and family name, through the coordinator\'s filter (keyed hashes matched with the GIN index on match_keys)',
        list_p95_ms_by_filter: Object.fromEntries(names.map((n) => [n, ms(p95(perFilter[n] as number[]))])),
        list_total_by_filter: totals,
        note: "listPersons (limit 50, offset 0) through the coordinator's visibility filter, the filters cycled in turn; pk read = select of the summary columns from persons where id = $1",
      },
    };
  } finally {
    await db.close();
  }
}
