import { SingleBar } from 'cli-progress';
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { appendAudit } from '../audit/record.ts';
import { openContext } from '../boot.ts';
import type { Config } from '../config.ts';
import { generate } from '../generate/generate.ts';
import { exportLines } from '../interchange/export.ts';
import { describeError, importLines, importRecords, type ImportResult } from '../interchange/import.ts';
import { headerLine } from '../interchange/record.ts';
import { loadProfile, profileDir } from '../profile/load.ts';

const bar = (format: string) =>
  // Off a terminal it still prints a line now and then, so a log shows how far an import got.
  new SingleBar({ format, stream: process.stderr, hideCursor: true, noTTYOutput: true, notTTYSchedule: 500 });

/** Writes a file beside its final name and renames it into place, so no half-written file is ever there. */
async function writeAtomically(file: string, lines: AsyncIterable<string> | Iterable<string>) {
  const tmp = `${file}.partial-${process.pid}`;
  try {
    await pipeline(Readable.from(withNewlines(lines)), createWriteStream(tmp, { mode: 0o600 }));
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
async function* withNewlines(lines: AsyncIterable<string> | Iterable<string>) {
  for await (const l of lines) yield `${l}\n`;
}

function report(result: ImportResult, what: string) {
  const written = Object.values(result.byType).reduce((a, b) => a + b, 0);
  const types = Object.entries(result.byType).map(([t, n]) => `${t} ${n}`).join(', ');
  if (result.committed) process.stdout.write(`Imported ${written} record(s) from ${what}${types ? ` (${types})` : ''}${result.rejected ? `; ${result.rejected} line(s) rejected` : ''}\n`);
  for (const e of result.errors.slice(0, 20)) process.stderr.write(`${describeError(e)}\n`);
  if (result.rejected > 20) process.stderr.write(`… and ${result.rejected - 20} more\n`);
}

/** `azad import FILE`: all or nothing by default; `--partial` keeps the good lines and writes the others aside. */
export async function importCommand(config: Config, file: string, opts: { partial?: boolean; rejects?: string }): Promise<number> {
  const size = statSync(file).size;
  const { ctx, db } = await openContext(config);
  const rejectsFile = opts.rejects ?? `${file}.rejected.jsonl`;
  const rejectsTmp = `${rejectsFile}.partial-${process.pid}`;
  const rejects = opts.partial ? createWriteStream(rejectsTmp, { mode: 0o600 }) : null;
  const input = createReadStream(file);
  const progress = bar('import {bar} {percentage}% | {lines} lines');
  progress.start(size, 0, { lines: 0 });
  try {
    const result = await importLines(ctx.db, { key: ctx.fieldKey, profile: ctx.profile }, createInterface({ input, crlfDelay: Infinity }), {
      partial: !!opts.partial,
      onProgress: (lines) => progress.update(input.bytesRead, { lines }),
      onReject: (error, text) => rejects?.write(`${JSON.stringify({ line: error.line, problems: error.problems, text })}\n`),
      audit: { actor: null, details: { via: 'cli', file } },
    });
    progress.update(size, { lines: result.lines });
    progress.stop();
    if (rejects) {
      await new Promise((resolve) => rejects.end(resolve));
      if (result.rejected) await rename(rejectsTmp, rejectsFile);
      else await rm(rejectsTmp, { force: true });
    }
    report(result, file);
    if (!result.committed) {
      process.stderr.write(`azad: ${file}: ${result.rejected} bad line(s); nothing was imported (use --partial to keep the valid lines)\n`);
      return 1;
    }
    if (result.rejected) process.stderr.write(`The rejected lines and their reasons are in ${rejectsFile}\n`);
    return result.rejected ? 2 : 0;
  } finally {
    progress.stop();
    await db.close();
  }
}

/** `azad export [--out FILE] [--types a,b]`: identity in the clear, so the file is private to its owner and the export is audited. */
export async function exportCommand(config: Config, opts: { out?: string; types?: string }) {
  const { ctx, db } = await openContext(config);
  try {
    const types = opts.types?.split(',').map((t) => t.trim()).filter(Boolean);
    let count = 0;
    const lines = (async function* () {
      for await (const l of exportLines(ctx.db, ctx.fieldKey, types ? { types } : {})) {
        count++;
        yield l;
      }
    })();
    if (opts.out) await writeAtomically(opts.out, lines);
    else await pipeline(Readable.from(withNewlines(lines)), process.stdout, { end: false });
    await appendAudit(ctx.db, { actor: null, action: 'interchange.export', outcome: 'ok', details: { via: 'cli', out: opts.out ?? 'stdout', types: types ?? 'all', lines: count } });
    if (opts.out) process.stderr.write(`Exported ${count - 1} record(s) to ${opts.out}\n`);
  } finally {
    await db.close();
  }
}

export interface GenerateCliOptions {
  scale: string;
  years: string;
  seed: string;
  asOf?: string;
  out?: string;
  intoDb?: boolean;
}

export function parseGenerateOptions(o: GenerateCliOptions) {
  const scale = Number(o.scale);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 1000) throw new Error('--scale: a number above 0, at most 1000');
  const m = /^(\d{4})(?:-(\d{4}))?$/.exec(o.years);
  if (!m) throw new Error('--years: a year (2023) or a range (2005-2025)');
  const fromYear = Number(m[1]);
  const toYear = Number(m[2] ?? m[1]);
  if (fromYear < 1990 || toYear > 2100 || fromYear > toYear) throw new Error('--years: from 1990 to 2100, earliest first');
  const seed = Number(o.seed);
  if (!Number.isInteger(seed)) throw new Error('--seed: a whole number');
  if (o.asOf && !/^\d{4}-\d{2}-\d{2}$/.test(o.asOf)) throw new Error('--as-of: a date, YYYY-MM-DD');
  if (o.out && o.intoDb) throw new Error('--out and --into-db: choose one');
  return { scale, fromYear, toYear, seed, ...(o.asOf ? { asOf: o.asOf } : {}) };
}

/** `azad generate`: synthetic interchange lines to stdout, a file, or straight into the database. */
export async function generateCommand(config: Config, o: GenerateCliOptions): Promise<number> {
  const options = parseGenerateOptions(o);
  if (!o.intoDb) {
    const profile = await loadProfile(profileDir(config.profile));
    const lines = (function* () {
      yield headerLine(`azad generate --scale ${options.scale} --years ${options.fromYear}-${options.toYear} --seed ${options.seed}`);
      for (const r of generate(profile, options)) yield JSON.stringify(r);
    })();
    if (o.out) await writeAtomically(o.out, lines);
    else await pipeline(Readable.from(withNewlines(lines)), process.stdout, { end: false });
    return 0;
  }
  const { ctx, db } = await openContext(config);
  const progress = bar('generate {bar} {value} records');
  progress.start(0, 0);
  try {
    const result = await importRecords(ctx.db, { key: ctx.fieldKey, profile: ctx.profile }, generate(ctx.profile, options), {
      onProgress: (n) => progress.update(n),
      audit: { actor: null, details: { via: 'cli', generated: options } },
    });
    progress.stop();
    report(result, 'the generator');
    return result.committed ? 0 : 1;
  } finally {
    progress.stop();
    await db.close();
  }
}
