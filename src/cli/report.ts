import fs from 'node:fs';
import path from 'node:path';
import { SingleBar } from 'cli-progress';
import { openContext } from '../boot.ts';
import type { Config } from '../config.ts';
import { invalid } from '../errors.ts';
import { reportFigures } from '../report/report.ts';

const FORMATS = ['json'] as const;

export interface ReportOptions {
  year: string;
  lang: string;
  format: string;
  out: string;
}

/** `azad report`: writes the year's report files into a folder. */
export async function reportCommand(config: Config, opts: ReportOptions) {
  const year = Number(opts.year);
  const problems: { path: string; message: string }[] = [];
  if (!/^\d{4}$/.test(opts.year) || year < 2005 || year > new Date().getFullYear()) problems.push({ path: '--year', message: `a year from 2005 to now, not "${opts.year}"` });
  const formats = opts.format.split(',').map((f) => f.trim());
  for (const f of formats) if (!(FORMATS as readonly string[]).includes(f)) problems.push({ path: '--format', message: `"${f}" is not available; available: ${FORMATS.join(', ')}` });
  for (const l of opts.lang.split(',').map((x) => x.trim())) if (!['az', 'en', 'ru'].includes(l)) problems.push({ path: '--lang', message: `"${l}" is not a report language (az, en, ru)` });
  if (problems.length) throw invalid('Invalid options', problems);

  const { ctx, db } = await openContext(config);
  const bar = new SingleBar({ format: 'report {bar} {value}/{total} {step}', stream: process.stderr, noTTYOutput: false, hideCursor: true });
  try {
    bar.start(2, 0, { step: `figures ${year}` });
    const report = await reportFigures(ctx.db, ctx.profile, year, (done) => bar.update(done, { step: done === 1 ? `figures ${year - 1}` : 'done' }));
    bar.stop();
    fs.mkdirSync(opts.out, { recursive: true });
    const file = path.join(opts.out, `azad-report-${year}.json`);
    // Written aside and renamed, so a crash never leaves half a report behind.
    fs.writeFileSync(`${file}.tmp`, `${JSON.stringify(report, null, 2)}\n`);
    fs.renameSync(`${file}.tmp`, file);
    process.stdout.write(`Wrote ${file} (${report.figures.length} figures)\n`);
  } finally {
    bar.stop();
    await db.close();
  }
}
