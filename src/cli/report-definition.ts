import fs from 'node:fs';
import { openContext } from '../boot.ts';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import { definitionFor, saveDefinition } from '../report/definition/store.ts';

function yearOf(s: string): number {
  if (!/^\d{4}$/.test(s) || Number(s) < 2005 || Number(s) > 2100) throw new Error(`--year: a year from 2005, not "${s}"`);
  return Number(s);
}

/** `azad report-definition export --year Y [--out FILE]`. */
export async function exportDefinitionCommand(config: Config, opts: { year: string; out?: string }) {
  const year = yearOf(opts.year);
  const { ctx, db } = await openContext(config);
  try {
    const d = await definitionFor(ctx.db, ctx.profile, year);
    const text = `${JSON.stringify(d.definition, null, 2)}\n`;
    if (opts.out) {
      fs.writeFileSync(`${opts.out}.tmp`, text);
      fs.renameSync(`${opts.out}.tmp`, opts.out);
      process.stderr.write(`Wrote ${opts.out} (${d.source === 'stored' ? `${year}'s own` : d.source === 'inherited' ? `inherited from ${d.fromYear}` : "the profile's"} definition)\n`);
    } else process.stdout.write(text);
  } finally {
    await db.close();
  }
}

/** `azad report-definition import FILE --year Y`: all or nothing, every problem on its own line. */
export async function importDefinitionCommand(config: Config, file: string, opts: { year: string }) {
  const year = yearOf(opts.year);
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file}: ${(e as Error).message}`, { cause: e });
  }
  const { ctx, db } = await openContext(config);
  try {
    const def = await ctx.db.transaction().execute((trx) => saveDefinition(trx, ctx.profile, year, raw, { userId: null }, { actor: null, details: { via: 'cli', file } }));
    process.stdout.write(`Stored the ${year} report definition: ${def.figures.length} figures, ${def.sections.length} sections.\n`);
  } catch (err) {
    if (err instanceof AppError && err.fields.length) throw new Error(`${err.message}\n  ${err.fields.map((f) => `${f.path}: ${f.message}`).join('\n  ')}`, { cause: err });
    throw err;
  } finally {
    await db.close();
  }
}
