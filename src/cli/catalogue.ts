import fs from 'node:fs';
import { openContext } from '../boot.ts';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import { catalogueInForce, saveCatalogue } from '../indicators/store.ts';

function yearOf(s: string): number {
  if (!/^\d{4}$/.test(s) || Number(s) < 1990 || Number(s) > 2100) throw new Error(`--year: a year such as 2024, not "${s}"`);
  return Number(s);
}

/** `azad catalogue export --year Y [--out FILE]`. */
export async function exportCatalogueCommand(config: Config, opts: { year: string; out?: string }) {
  const year = yearOf(opts.year);
  const { ctx, db } = await openContext(config);
  try {
    const c = await catalogueInForce(ctx.db, ctx.profile, year);
    const text = `${JSON.stringify(c.catalogue, null, 2)}\n`;
    if (opts.out) {
      fs.writeFileSync(`${opts.out}.tmp`, text);
      fs.renameSync(`${opts.out}.tmp`, opts.out);
      process.stderr.write(`Wrote ${opts.out} (${c.source === 'stored' ? `${year}'s own` : c.source === 'inherited' ? `inherited from ${c.fromYear}` : "the profile's"} catalogue)\n`);
    } else process.stdout.write(text);
  } finally {
    await db.close();
  }
}

/** `azad catalogue import FILE --year Y`: all or nothing, every problem on its own line. */
export async function importCatalogueCommand(config: Config, file: string, opts: { year: string }) {
  const year = yearOf(opts.year);
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file}: ${(e as Error).message}`, { cause: e });
  }
  const { ctx, db } = await openContext(config);
  try {
    const c = await ctx.db.transaction().execute((trx) => saveCatalogue(trx, ctx.profile, year, raw, { userId: null }, { actor: null, details: { via: 'cli', file } }));
    process.stdout.write(`Stored the ${year} indicator catalogue: ${c.indicators.length} indicators (${c.indicators.filter((i) => i.retired).length} retired), ${c.rules.length} rules.\n`);
  } catch (err) {
    if (err instanceof AppError && err.fields.length) throw new Error(`${err.message}\n  ${err.fields.map((f) => `${f.path}: ${f.message}`).join('\n  ')}`, { cause: err });
    throw err;
  } finally {
    await db.close();
  }
}
