// report.full_vs_scan_ratio: every figure of a year's report (the JSON: the year and the year
// before, from the shipped definition) against one sequential scan of the tables it reads, on
// the same database in the same run. The figures compile to a few grouped passes per table
// (src/report/definition/compile.ts), so the goal is ≤ 3 scans' time.
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { seedAgenciesFromProfile } from '../src/agencies/agencies.ts';
import { fieldKey } from '../src/crypto/fields.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { generate } from '../src/generate/generate.ts';
import { importRecords } from '../src/interchange/import.ts';
import { openDatabase } from '../src/db/database.ts';
import { keyed } from '../src/test/harness.ts';
import { loadProfile, profileDir } from '../src/profile/load.ts';
import { compareYears } from '../src/report/report.ts';
import { openBenchDatabase } from './victims-list.ts';

/** The tables the shipped definition's figures read. */
export const TABLES = ['persons', 'exploitation_events', 'assistance', 'payments', 'referrals', 'reflection_periods', 'hotline_contacts', 'crime_facts', 'criminal_cases', 'case_status_history', 'case_facts', 'procedural_steps', 'prosecuted_persons', 'sentences', 'wanted_persons', 'submission_values', 'submissions', 'activities', 'agencies'];

/**
 * The database to load: in-memory PGlite (`pglite`), a kept database (`reuse`: a postgres:// URL or a
 * PGlite folder, loaded once and not dropped, so one load serves runs before and after a change),
 * else a throwaway one (bench/victims-list.ts).
 */
async function openReportDatabase(key: ReturnType<typeof fieldKey>, opts: { pglite?: boolean; reuse?: string }) {
  if (opts.reuse) {
    const url = opts.reuse.startsWith('postgres') ? opts.reuse : undefined;
    const db = keyed(await openDatabase({ databaseUrl: url, dataDir: url ? '' : opts.reuse }), key);
    return { db, server: url ? 'postgresql (kept database)' : 'pglite (kept folder)', note: 'BENCH_REPORT_REUSE: loaded once, kept' };
  }
  if (opts.pglite) return { db: keyed(await openDatabase({ dataDir: 'memory://' }), key), server: 'pglite (in memory)', note: 'BENCH_REPORT_DATABASE=pglite' };
  return openBenchDatabase(key);
}

export async function reportBench(opts: { scale: number; year: number; runs: number; pglite?: boolean; reuse?: string }) {
  const key = fieldKey(randomBytes(32));
  const { db, server, note } = await openReportDatabase(key, opts);
  try {
    const profile = await loadProfile(profileDir('az'));
    await migrateToLatest(db.kysely);
    const started = performance.now();
    let records = 0;
    const have = Number((await sql<{ n: number }>`select count(*)::int as n from persons`.execute(db.kysely)).rows[0]?.n);
    if (have === 0) {
      await seedAgenciesFromProfile(db.kysely, profile);
      const generated = generate(profile, { seed: 7, scale: opts.scale, fromYear: opts.year - 1, toYear: opts.year, asOf: `${opts.year + 1}-01-15` });
      const loaded = await importRecords(db.kysely, { key, profile }, generated, { audit: { actor: null, details: { via: 'bench' } } });
      if (!loaded.committed) throw new Error(`import refused: ${JSON.stringify(loaded.errors.slice(0, 3))}`);
      records = loaded.records;
    }
    const loadMs = Math.round(performance.now() - started);
    // `vacuum analyze`, not `analyze` alone: on a server autovacuum (on by default) vacuums a table
    // soon after a bulk load and before a year's report reads it, and only vacuum sets the
    // visibility map that lets a scan skip each row's visibility test and an index-only scan skip
    // the heap. A table just loaded in one transaction has no page marked all-visible yet: a state
    // no server keeps for long. (`azad db maintain` creates partitions; it does not vacuum.)
    await sql`vacuum analyze`.execute(db.kysely);

    // One sequential scan of each table: every row read once, no index.
    const scan = async () => {
      const t0 = performance.now();
      await db.kysely.transaction().execute(async (trx) => {
        for (const s of ['enable_indexscan', 'enable_indexonlyscan', 'enable_bitmapscan']) await sql`select set_config(${s}, 'off', true)`.execute(trx);
        for (const t of TABLES) await sql`select count(*) from ${sql.table(t)}`.execute(trx);
      });
      return performance.now() - t0;
    };
    const full = async () => {
      const t0 = performance.now();
      const r = await compareYears(db.kysely, profile, opts.year);
      return { ms: performance.now() - t0, figures: r.figures.length };
    };
    await scan();
    await full();
    const scans: number[] = [];
    const fulls: number[] = [];
    let figures = 0;
    for (let i = 0; i < opts.runs; i++) {
      scans.push(await scan());
      const f = await full();
      fulls.push(f.ms);
      figures = f.figures;
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
    const counts = Object.fromEntries(await Promise.all(['persons', 'hotline_contacts', 'assistance', 'crime_facts'].map(async (t) => [t, Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(t)}`.execute(db.kysely)).rows[0]?.n)])));
    return {
      ratio: median(fulls) / median(scans),
      detail: { database: server, note, scale: opts.scale, years: [opts.year - 1, opts.year], records, rows: counts, load_ms: loadMs, figures, full_ms: fulls.map(Math.round), scan_ms: scans.map(Math.round), runs: opts.runs },
    };
  } finally {
    await db.close();
  }
}

// `node --import tsx bench/report.ts`: the report figure alone (BENCH_REPORT_SCALE, BENCH_REPORT_RUNS;
// BENCH_REPORT_DATABASE=pglite for in-memory PGlite even when a PostgreSQL server answers;
// BENCH_REPORT_REUSE=<postgres URL or PGlite folder> to load once and keep the database).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const got = await reportBench({
    scale: Number(process.env.BENCH_REPORT_SCALE ?? 1000),
    year: 2024,
    runs: Number(process.env.BENCH_REPORT_RUNS ?? 3),
    pglite: process.env.BENCH_REPORT_DATABASE === 'pglite',
    reuse: process.env.BENCH_REPORT_REUSE || undefined,
  });
  process.stdout.write(`${JSON.stringify({ 'report.full_vs_scan_ratio': Math.round(got.ratio * 1000) / 1000, detail: got.detail }, null, 2)}\n`);
}
