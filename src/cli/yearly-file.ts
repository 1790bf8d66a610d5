// The per-year documents the coordinator owns (report definition, indicator catalogue) leave and
// enter the database the same way: export the one in force, import a file whole or not at all.
import fs from 'node:fs';
import type { Kysely } from 'kysely';
import { openContext } from '../boot.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import type { Profile } from '../profile/schema.ts';

export function yearOf(s: string, from: number): number {
  if (!/^\d{4}$/.test(s) || Number(s) < from || Number(s) > 2100) throw new Error(`--year: a year from ${from}, such as 2024, not "${s}"`);
  return Number(s);
}

interface InForce {
  source: 'stored' | 'inherited' | 'profile';
  fromYear: number | null;
}

/** Standard output read by a program that may stop early (`| head -c 0`): a closed pipe ends the write quietly. */
function toStdout(text: string) {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
  process.stdout.write(text);
}

/** Writes the year's document in force to `--out` (aside, then renamed) or to standard output. */
export async function exportYearly<T extends InForce>(config: Config, opts: { year: number; out?: string | undefined }, what: string, load: (db: Kysely<Database>, profile: Profile, year: number) => Promise<T>, body: (d: T) => unknown) {
  const { ctx, db } = await openContext(config);
  try {
    const d = await load(ctx.db, ctx.profile, opts.year);
    const text = `${JSON.stringify(body(d), null, 2)}\n`;
    if (!opts.out) return void toStdout(text);
    fs.writeFileSync(`${opts.out}.tmp`, text);
    fs.renameSync(`${opts.out}.tmp`, opts.out);
    const whose = d.source === 'stored' ? `${opts.year}'s own` : d.source === 'inherited' ? `inherited from ${d.fromYear}` : "the profile's";
    process.stderr.write(`Wrote ${opts.out} (${whose} ${what})\n`);
  } finally {
    await db.close();
  }
}

/** Reads a JSON file and stores it in one transaction; every problem on its own line. */
export async function importYearly<T>(config: Config, file: string, save: (trx: Kysely<Database>, profile: Profile, raw: unknown, audit: { actor: null; details: Record<string, unknown> }) => Promise<T>, summary: (stored: T) => string) {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file}: ${(e as Error).message}`, { cause: e });
  }
  const { ctx, db } = await openContext(config);
  try {
    const stored = await ctx.db.transaction().execute((trx) => save(trx, ctx.profile, raw, { actor: null, details: { via: 'cli', file } }));
    process.stdout.write(`${summary(stored)}\n`);
  } catch (err) {
    if (err instanceof AppError && err.fields.length) throw new Error(`${err.message}\n  ${err.fields.map((f) => `${f.path}: ${f.message}`).join('\n  ')}`, { cause: err });
    throw err;
  } finally {
    await db.close();
  }
}
