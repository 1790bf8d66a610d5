// One phase of the import benchmark, in a process of its own so its peak memory is its own:
//   node --import tsx bench/import-child.ts prepare|idle|parse|import FILE
// The database comes from the environment as for `azad import` (DATABASE_URL, else AZAD_DATA_DIR;
// the key from AZAD_KEY). The last line of stdout is one JSON object with the phase's figures.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { openContext } from '../src/boot.ts';
import { loadConfig } from '../src/config.ts';
import { importLines } from '../src/interchange/import.ts';

const [mode, file] = process.argv.slice(2);
const lines = (f: string) => createInterface({ input: createReadStream(f), crlfDelay: Infinity });

async function main(): Promise<Record<string, unknown>> {
  if (mode === 'parse') {
    // The floor: read the file line by line and JSON.parse each line, as the import does first.
    const started = performance.now();
    let n = 0;
    let types = 0;
    for await (const text of lines(file as string)) {
      if (text.trim() === '') continue;
      const json = JSON.parse(text) as { type?: unknown };
      if (typeof json.type === 'string') types++;
      n++;
    }
    if (types !== n) throw new Error('a line without a type');
    return { lines: n, seconds: (performance.now() - started) / 1000 };
  }
  // `prepare` migrates a fresh database; `idle` then only opens the migrated database and closes it.
  if (mode === 'prepare' || mode === 'idle') {
    const started = performance.now();
    const { db } = await openContext(loadConfig());
    await db.close();
    return { seconds: (performance.now() - started) / 1000 };
  }
  if (mode === 'import') {
    // What `azad import FILE` does (src/cli/interchange.ts), without the progress bar.
    const { ctx, db } = await openContext(loadConfig());
    try {
      const started = performance.now();
      const cpu0 = process.cpuUsage();
      const result = await importLines(ctx.db, { key: ctx.fieldKey, profile: ctx.profile }, lines(file as string), {
        audit: { actor: null, details: { via: 'bench', file } },
      });
      const seconds = (performance.now() - started) / 1000;
      const cpu = process.cpuUsage(cpu0);
      if (!result.committed) throw new Error(`import refused: ${result.rejected} bad line(s), e.g. ${JSON.stringify(result.errors.slice(0, 3))}`);
      return { lines: result.lines, records: result.records, byType: result.byType, seconds, importCpuSeconds: (cpu.user + cpu.system) / 1e6 };
    } finally {
      await db.close();
    }
  }
  throw new Error(`unknown mode ${mode}`);
}

main().then(
  (out) => {
    // maxRSS is in kilobytes: the peak resident set of this process over its whole life; CPU time likewise.
    const cpu = process.cpuUsage();
    process.stdout.write(`\n${JSON.stringify({ mode, ...out, cpuSeconds: (cpu.user + cpu.system) / 1e6, maxRssKb: process.resourceUsage().maxRSS })}\n`);
  },
  (err: unknown) => {
    process.stderr.write(`import-child ${mode}: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
