// `npm run bench`: prints one JSON document of figures. Each figure is a ratio against a
// baseline measured in the same run, because absolute numbers on shared machines are noise —
// except the absolute budgets (victims.list_p95_ms_100k, import.rows_per_s, import.peak_rss_mb),
// each printed beside its ratio. docs/benchmarks.md describes every figure.
import os from 'node:os';
import { apiBench } from './api.ts';
import { importBench } from './import.ts';
import { victimsListBench } from './victims-list.ts';
import { healthDuringBatch, screeningBench } from './screening.ts';
import { reportBench } from './report.ts';
import { soakBench } from './soak.ts';
import { workersBench } from './workers.ts';

const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 10;
const PERSONS = Number(process.env.BENCH_PERSONS ?? 100_000);
const LIST_ITERATIONS = Number(process.env.BENCH_LIST_ITERATIONS ?? 200);
/**
 * The person list again at national volume ×10 (1,000,000 persons: loading them takes long, about
 * ten times the 100k run), only when asked: BENCH_PERSONS_1M=1, or BENCH_PERSONS_LARGE=N for another count.
 */
const LARGE_PERSONS = process.env.BENCH_PERSONS_LARGE ? Number(process.env.BENCH_PERSONS_LARGE) : process.env.BENCH_PERSONS_1M === '1' ? 1_000_000 : 0;
const largeFigure = LARGE_PERSONS === 1_000_000 ? 'victims.list_p95_ms_1m' : `victims.list_p95_ms_${Math.round(LARGE_PERSONS / 1000)}k`;
/** Imports in the import benchmark, each into a fresh database; its figures are the medians. */
const IMPORT_RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 3);
/** Records in the import benchmark's file (0 skips the import figures). */
const IMPORT_LINES = Number(process.env.BENCH_IMPORT_LINES ?? 1_000_000);
/** The import runs on this server when set (a throwaway database), else on PGlite in a temp dir. */
const IMPORT_SERVER = process.env.DATABASE_URL || undefined;
/** `azad generate --scale N` for the report benchmark's two years (0 skips it). */
const REPORT_SCALE = Number(process.env.BENCH_REPORT_SCALE ?? 1000);
/** The soak's length (0 skips it); it runs on PGlite, then on PostgreSQL when DATABASE_URL is set. */
const SOAK_SECONDS = Number(process.env.AZAD_BENCH_SOAK_SECONDS ?? 600);
const SOAK_RATE = 200;

async function main() {
  const api = await apiBench({ seconds: DURATION, during: healthDuringBatch });
  const { baseline, health, read, health64, read64 } = api;
  const batchHealth = api.during as Awaited<ReturnType<typeof healthDuringBatch>>;

  // After the HTTP figures, so the 100k load does not disturb them.
  const victims = await victimsListBench({ persons: PERSONS, iterations: LIST_ITERATIONS, warmup: 25 });
  const victimsLarge = LARGE_PERSONS > 0 ? await victimsListBench({ persons: LARGE_PERSONS, iterations: LIST_ITERATIONS, warmup: 25 }) : null;
  const screening = screeningBench();
  const report = REPORT_SCALE > 0 ? await reportBench({ scale: REPORT_SCALE, year: 2024, runs: 3 }) : null;
  const soak = SOAK_SECONDS > 0 ? await soakBench({ seconds: SOAK_SECONDS, rate: SOAK_RATE, serverUrl: null }) : null;
  const soakPg = SOAK_SECONDS > 0 && process.env.DATABASE_URL ? await soakBench({ seconds: SOAK_SECONDS, rate: SOAK_RATE, serverUrl: process.env.DATABASE_URL }) : null;
  const workers = process.env.DATABASE_URL ? await workersBench({ serverUrl: process.env.DATABASE_URL, seconds: DURATION, connections: 64 }) : null;
  // Last: its child processes and databases are gone before it returns.
  const imp = IMPORT_LINES > 0 ? await importBench({ lines: IMPORT_LINES, serverUrl: IMPORT_SERVER, runs: IMPORT_RUNS }) : null;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  process.stdout.write(
    `${JSON.stringify(
      {
        'api.health_rps_ratio': round(health / baseline),
        'api.authenticated_read_rps_ratio': round(read / baseline),
        'api.authenticated_vs_health_ratio': round(read / health),
        'api.authenticated_vs_health_ratio_64': round(read64 / health64),
        'api.workers2_vs_workers1_ratio': workers ? round(workers.ratio) : null,
        'api.soak_errors': soak ? soak.errors : null,
        'api.soak_p99_ms': soak ? soak.p99Ms : null,
        'api.soak_errors_postgres': soakPg ? soakPg.errors : null,
        'api.soak_p99_ms_postgres': soakPg ? soakPg.p99Ms : null,
        'victims.list_p95_ms_100k': round(victims.listP95),
        'victims.name_search_p95_ms_100k': round(victims.nameSearchP95),
        'victims.list_vs_pk_read_ratio': round(victims.ratio),
        'victims.list_p95_ms_1m': null as number | null,
        ...(victimsLarge ? { [largeFigure]: round(victimsLarge.listP95), [`${largeFigure.replace('list_', 'name_search_')}`]: round(victimsLarge.nameSearchP95) } : {}),
        'screening.mb_per_s': round(screening.mbPerS),
        'screening.vs_tokenise_ratio': round(screening.vsTokenise),
        'screening.speedup_vs_naive_regex': round(screening.speedup),
        'screening.health_p95_ms_during_batch': round(batchHealth.p95),
        'report.full_vs_scan_ratio': report ? round(report.ratio) : null,
        'import.rows_per_s': imp ? Math.round(imp.rowsPerS) : null,
        'import.vs_parse_ratio': imp ? round(imp.vsParseRatio) : null,
        'import.vs_copy_ratio': imp?.vsCopyRatio != null ? round(imp.vsCopyRatio) : null,
        'import.peak_rss_mb': imp ? imp.peakRssMb : null,
        'import.rss_over_idle_ratio': imp ? round(imp.rssOverIdleRatio) : null,
        detail: {
          database: api.database,
          scale: {
            api_database: api.database,
            victims_database: victims.detail.database,
            import_database: imp?.detail.database ?? null,
            persons: PERSONS,
            import_lines: IMPORT_LINES,
            import_generator: imp?.detail.generator ?? null,
            bench_seconds: DURATION,
            list_iterations: LIST_ITERATIONS,
            machine: { cpus: os.cpus().length, memory_gb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
          },
          seconds_per_run: DURATION,
          connections: CONNECTIONS,
          baseline_rps: Math.round(baseline),
          baseline_runs_rps: api.baselineRuns.map(Math.round),
          health_rps: Math.round(health),
          authenticated_read_rps: Math.round(read),
          health_rps_64_connections: Math.round(health64),
          authenticated_read_rps_64_connections: Math.round(read64),
          workers: workers ? workers.detail : { note: 'skipped: needs DATABASE_URL (PGlite is one process)' },
          note: 'authenticated read = GET /api/users/:id with a session cookie; it checks the session, applies the access rule and appends an audit-chain row',
          victims_list: victims.detail,
          victims_list_large: victimsLarge ? victimsLarge.detail : { note: 'skipped: set BENCH_PERSONS_1M=1 (or BENCH_PERSONS_LARGE=N) to measure the list at 1,000,000 persons' },
          screening: { ...screening.detail, health_during_batch: batchHealth.detail },
          report: report ? report.detail : { note: 'skipped: BENCH_REPORT_SCALE=0' },
          import: imp ? imp.detail : { note: 'skipped: BENCH_IMPORT_LINES=0' },
          soak: soak ? { pglite: soak.detail, postgres: soakPg ? soakPg.detail : { note: 'skipped: no DATABASE_URL' } } : { note: 'skipped: AZAD_BENCH_SOAK_SECONDS=0' },
        },
      },
      null,
      2,
    )}\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
