// One part of `npm run bench` on its own, for the long measurements (same code, same figures):
//   node --import tsx bench/part.ts victims PERSONS      the person list at PERSONS persons
//   node --import tsx bench/part.ts import LINES [RUNS]  the import against COPY, median of RUNS
//   node --import tsx bench/part.ts soak SECONDS         the soak on PGlite, then on DATABASE_URL if set
//   node --import tsx bench/part.ts api [SECONDS]        the HTTP figures (health and the authenticated read), SECONDS a run
// PostgreSQL from DATABASE_URL (a throwaway database on that server), as in run.ts.
import { apiBench } from './api.ts';
import { importBench } from './import.ts';
import { soakBench } from './soak.ts';
import { victimsListBench } from './victims-list.ts';

const [part, size, runs] = process.argv.slice(2);
const round = (x: number) => Math.round(x * 1000) / 1000;

const started = performance.now();

async function main() {
  if (part === 'victims') {
    const persons = Number(size ?? 100_000);
    const r = await victimsListBench({ persons, iterations: Number(process.env.BENCH_LIST_ITERATIONS ?? 200), warmup: 25 });
    const k = persons === 1_000_000 ? '1m' : `${Math.round(persons / 1000)}k`;
    return { [`victims.list_p95_ms_${k}`]: round(r.listP95), [`victims.name_search_p95_ms_${k}`]: round(r.nameSearchP95), 'victims.list_vs_pk_read_ratio': round(r.ratio), detail: r.detail };
  }
  if (part === 'import') {
    const r = await importBench({ lines: Number(size ?? 1_000_000), serverUrl: process.env.DATABASE_URL || undefined, runs: Number(runs ?? 3) });
    return { 'import.rows_per_s': Math.round(r.rowsPerS), 'import.vs_parse_ratio': round(r.vsParseRatio), 'import.vs_copy_ratio': r.vsCopyRatio === null ? null : round(r.vsCopyRatio), 'import.peak_rss_mb': r.peakRssMb, detail: r.detail };
  }
  if (part === 'soak') {
    const seconds = Number(size ?? 600);
    const lite = await soakBench({ seconds, rate: 200, serverUrl: null });
    const server = process.env.DATABASE_URL ? await soakBench({ seconds, rate: 200, serverUrl: process.env.DATABASE_URL }) : null;
    return {
      'api.soak_errors': lite.errors,
      'api.soak_p99_ms': lite.p99Ms,
      'api.soak_errors_postgres': server ? server.errors : null,
      'api.soak_p99_ms_postgres': server ? server.p99Ms : null,
      detail: { pglite: lite.detail, postgres: server ? server.detail : { note: 'skipped: no DATABASE_URL' } },
    };
  }
  if (part === 'api') {
    const r = await apiBench({ seconds: Number(size ?? 5) });
    return {
      'api.health_rps_ratio': round(r.health / r.baseline),
      'api.authenticated_read_rps_ratio': round(r.read / r.baseline),
      'api.authenticated_vs_health_ratio': round(r.read / r.health),
      'api.authenticated_vs_health_ratio_64': round(r.read64 / r.health64),
      detail: { database: r.database, baseline_rps: Math.round(r.baseline), health_rps: Math.round(r.health), authenticated_read_rps: Math.round(r.read), health_rps_64_connections: Math.round(r.health64), authenticated_read_rps_64_connections: Math.round(r.read64) },
    };
  }
  throw new Error('usage: bench/part.ts victims PERSONS | import LINES [RUNS] | soak SECONDS | api [SECONDS]');
}

main().then(
  (out) => process.stdout.write(`${JSON.stringify({ ...out, wall_seconds: Math.round((performance.now() - started) / 1000) }, null, 2)}\n`),
  (err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
