// The bulk import at national scale: a file of BENCH_IMPORT_LINES interchange lines made by the one
// generator, imported by the real import path in a child process, timed against two floors measured
// in the same run: merely reading and JSON.parse-ing the file, and (on PostgreSQL) COPY of the very
// rows the import wrote, into an identical fresh database.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { migrateToLatest } from '../src/db/migrate.ts';
import { generate } from '../src/generate/generate.ts';
import { headerLine } from '../src/interchange/record.ts';
import { RECORD_TYPES } from '../src/interchange/types.ts';
import { loadProfile, profileDir } from '../src/profile/load.ts';
import { freshDatabase } from '../src/test/harness.ts';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'import-child.ts');
/** Records `generate` yields at scale 1 over 2005–2025 (measured: 264,839); the scale is chosen from it. */
const PER_SCALE = 250_000;

export interface ImportBenchOptions {
  /** Records in the file (the header line comes on top). */
  lines: number;
  seed?: number;
  fromYear?: number;
  toYear?: number;
  /** PostgreSQL server to create the throwaway databases on; PGlite in a temp dir without it. */
  serverUrl?: string | undefined;
  /** Imports (each into a fresh database, each with its own COPY floor): the figures are their medians. */
  runs?: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

interface ChildOut {
  mode: string;
  seconds: number;
  cpuSeconds: number;
  maxRssKb: number;
  lines?: number;
  records?: number;
  byType?: Record<string, number>;
}

const mb = (kb: number) => Math.round((kb / 1024) * 10) / 10;
const r3 = (x: number) => Math.round(x * 1000) / 1000;

/** Writes the header and the first `lines` records of the generator; false when it ran out first. */
async function writeFile(file: string, lines: number, opts: { scale: number; fromYear: number; toYear: number; seed: number }) {
  const profile = await loadProfile(profileDir('az'));
  let written = 0;
  const body = (function* () {
    yield `${headerLine()}\n`;
    for (const r of generate(profile, { ...opts, asOf: '2026-01-01' })) {
      if (written >= lines) return;
      written++;
      yield `${JSON.stringify(r)}\n`;
    }
  })();
  await pipeline(Readable.from(body), createWriteStream(file));
  return written;
}

async function runChild(mode: string, file: string, env: NodeJS.ProcessEnv): Promise<ChildOut> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, mode, file], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  const code = await new Promise<number | null>((resolve, reject) => child.on('error', reject).on('close', resolve));
  if (code !== 0) throw new Error(`bench/import-child.ts ${mode} exited with ${code}`);
  return JSON.parse(out.trim().split('\n').at(-1) as string) as ChildOut;
}

async function client<T>(url: string, f: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await f(c);
  } finally {
    await c.end();
  }
}

/**
 * COPY floor: dumps the tables the import filled from database A (COPY TO), then times COPY FROM of
 * those same rows into a fresh, migrated database B with the same schema and indexes, parent tables
 * first, in one transaction as the import was. The agencies (seeded, not imported) go across untimed.
 */
async function copyFloor(serverUrl: string, sourceUrl: string, dir: string, byType: Record<string, number>) {
  const tables = RECORD_TYPES.filter((t) => (byType[t.type] ?? 0) > 0).map((t) => t.table);
  const dump = async (c: pg.Client, table: string) => {
    const f = path.join(dir, `${table}.copy`);
    // COPY TO reads a partitioned table (hotline_contacts) only through a query.
    await pipeline(c.query(copyTo(`copy (select * from ${table}) to stdout`)), createWriteStream(f));
    return f;
  };
  const files = new Map<string, string>();
  await client(sourceUrl, async (c) => {
    for (const t of ['agencies', ...tables]) files.set(t, await dump(c, t));
  });
  const b = await freshDatabase(serverUrl);
  try {
    await migrateToLatest(b.kysely);
    return await client(b.url as string, async (c) => {
      const load = async (table: string) => {
        const q = c.query(copyFrom(`copy ${table} from stdin`));
        await pipeline(createReadStream(files.get(table) as string), q);
        return q.rowCount;
      };
      await load('agencies');
      const perTable: Record<string, number> = {};
      const started = performance.now();
      await c.query('begin');
      for (const t of tables) perTable[t] = await load(t);
      await c.query('commit');
      const seconds = (performance.now() - started) / 1000;
      const rows = Object.values(perTable).reduce((a, b) => a + b, 0);
      let bytes = 0;
      for (const t of tables) bytes += (await stat(files.get(t) as string)).size;
      return { rows, seconds, perTable, copyTextMb: Math.round(bytes / 1048576) };
    });
  } finally {
    await b.close();
  }
}

export async function importBench(opts: ImportBenchOptions) {
  const seed = opts.seed ?? 2026;
  const fromYear = opts.fromYear ?? 2005;
  const toYear = opts.toYear ?? 2025;
  const runs = opts.runs ?? 3;
  const dir = mkdtempSync(path.join(tmpdir(), 'azad-bench-import-'));
  const file = path.join(dir, 'bench.jsonl');
  const serverUrl = opts.serverUrl;
  try {
    // Enough scale that the generator yields the lines; a prefix of its output is self-consistent.
    let scale = Math.max(1, Math.ceil(opts.lines / PER_SCALE));
    const genStart = performance.now();
    let written = await writeFile(file, opts.lines, { scale, fromYear, toYear, seed });
    while (written < opts.lines) {
      scale *= 2;
      written = await writeFile(file, opts.lines, { scale, fromYear, toYear, seed });
    }
    const generateSeconds = (performance.now() - genStart) / 1000;
    const fileMb = Math.round((await stat(file)).size / 1048576);

    const key = randomBytes(32).toString('base64');
    const database = serverUrl ? `postgresql at ${new URL(serverUrl).hostname}:${new URL(serverUrl).port || 5432} (a throwaway database per run)` : 'pglite (files in a temp dir, one per run)';
    /** Each run's own database: imported into once, then the source of that run's COPY floor. */
    const runOnce = async (i: number) => {
      const target = serverUrl ? await freshDatabase(serverUrl) : null;
      try {
        const env: NodeJS.ProcessEnv = { ...process.env, AZAD_LOG_LEVEL: 'silent', AZAD_KEY: key, AZAD_DATA_DIR: path.join(dir, `pglite-${i}`), AZAD_PROFILE: 'az' };
        delete env.AZAD_KEY_FILE;
        delete env.DATABASE_REPLICA_URL;
        if (target) env.DATABASE_URL = target.url;
        else delete env.DATABASE_URL;
        // Migrate first, so neither the idle baseline nor the import pays for it.
        await runChild('prepare', file, env);
        const idle = i === 0 ? await runChild('idle', file, env) : null;
        const imp = await runChild('import', file, env);
        const copy = target ? await copyFloor(serverUrl as string, target.url as string, dir, imp.byType ?? {}) : null;
        return { idle, imp, copy };
      } finally {
        await target?.close();
      }
    };

    const parse1 = await runChild('parse', file, { ...process.env });
    const results = [];
    for (let i = 0; i < runs; i++) results.push(await runOnce(i));
    const parse2 = await runChild('parse', file, { ...process.env });
    const idle = results[0]?.idle as ChildOut;
    const records = results[0]?.imp.records as number;
    const importRates = results.map((r) => (r.imp.records as number) / r.imp.seconds);
    const copyRates = results.map((r) => (r.copy ? r.copy.rows / r.copy.seconds : null));
    const ratios = results.flatMap((r, i) => (copyRates[i] ? [(importRates[i] as number) / (copyRates[i] as number)] : []));
    const importRate = median(importRates);
    const parseRate = (parse1.lines as number) / ((parse1.seconds + parse2.seconds) / 2);
    const peakKb = Math.max(...results.map((r) => r.imp.maxRssKb));
    const first = results[0] as (typeof results)[number];

    return {
      rowsPerS: importRate,
      vsParseRatio: importRate / parseRate,
      vsCopyRatio: ratios.length ? median(ratios) : null,
      peakRssMb: mb(peakKb),
      rssOverIdleRatio: peakKb / idle.maxRssKb,
      detail: {
        database,
        runs,
        lines: records,
        file_lines_with_header: first.imp.lines,
        file_mb: fileMb,
        generator: { scale, years: `${fromYear}-${toYear}`, seed, as_of: '2026-01-01', note: 'the first `lines` records of generate(profile, { scale, fromYear, toYear, seed }), after a header line' },
        generate_seconds: r3(generateSeconds),
        import: {
          seconds: results.map((r) => r3(r.imp.seconds)),
          process_cpu_seconds: results.map((r) => r3(r.imp.cpuSeconds)),
          rows_per_s: importRates.map(Math.round),
          rows_per_s_median: Math.round(importRate),
          peak_rss_mb: results.map((r) => mb(r.imp.maxRssKb)),
          by_type: first.imp.byType,
        },
        parse: { seconds: [r3(parse1.seconds), r3(parse2.seconds)], lines_per_s: Math.round(parseRate), peak_rss_mb: Math.max(mb(parse1.maxRssKb), mb(parse2.maxRssKb)), note: 'read the file line by line and JSON.parse each line, in a child process; before and after the imports, averaged' },
        idle: { peak_rss_mb: mb(idle.maxRssKb), seconds: r3(idle.seconds), note: 'a child that starts Node, opens the migrated database (as the import does) and exits' },
        copy: ratios.length
          ? {
              seconds: results.map((r) => r3(r.copy?.seconds ?? 0)),
              rows: first.copy?.rows,
              rows_per_s: copyRates.map((x) => Math.round(x ?? 0)),
              vs_copy_ratio_per_run: ratios.map(r3),
              copy_text_mb: first.copy?.copyTextMb,
              per_table: first.copy?.perTable,
              note: 'each run: COPY FROM STDIN (text format) of the rows that run imported, dumped with COPY TO, into a fresh migrated database (same schema and indexes), parent tables first, in one transaction; import.vs_copy_ratio is the median of the runs\' ratios',
            }
          : { note: 'import.vs_copy_ratio needs PostgreSQL: set DATABASE_URL' },
        note: `import = importLines (what \`azad import FILE\` runs) in a child process on a migrated database, one transaction, ${runs} runs each into a fresh database; rows/s counts records (lines after the header) per second of importLines; the figures are medians`,
      },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
