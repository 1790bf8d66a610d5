import fs from 'node:fs';
import path from 'node:path';
import { SingleBar } from 'cli-progress';
import { openContext } from '../boot.ts';
import type { Config } from '../config.ts';
import { invalid, type FieldError } from '../errors.ts';
import { buildReport, FORMATS, LANGS, render, type Format, type Lang } from '../report/build.ts';
import { WORDS } from '../report/definition/labels.ts';
import { pdfPool } from '../report/pdf.ts';

export interface ReportOptions {
  year: string;
  lang?: string;
  format: string;
  out: string;
}

const list = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean);

/** `azad report`: writes the year's report files into a folder, each written aside and renamed into place. */
export async function reportCommand(config: Config, opts: ReportOptions) {
  const year = Number(opts.year);
  const problems: FieldError[] = [];
  if (!/^\d{4}$/.test(opts.year) || year < 2005 || year > new Date().getFullYear()) problems.push({ path: '--year', message: `a year from 2005 to now, not "${opts.year}"` });
  const formats = list(opts.format);
  for (const f of formats) if (!(FORMATS as readonly string[]).includes(f)) problems.push({ path: '--format', message: `"${f}" is not available; available: ${FORMATS.join(', ')}` });
  const asked = opts.lang === undefined ? null : list(opts.lang);
  for (const l of asked ?? []) if (!(LANGS as readonly string[]).includes(l)) problems.push({ path: '--lang', message: `"${l}" is not a report language (${LANGS.join(', ')})` });
  if (problems.length) throw invalid('Invalid options', problems);

  const { ctx, db } = await openContext(config);
  const bar = new SingleBar({ format: 'report {bar} {value}/{total} {step}', stream: process.stderr, hideCursor: true });
  try {
    bar.start(1, 0, { step: `figures ${year} and ${year - 1}` });
    const build = await buildReport(ctx.db, ctx.profile, year);
    // Without --lang: every language of the year's definition. JSON holds the figures once.
    const langs = (asked ?? build.definition.definition.languages) as Lang[];
    const jobs: { format: Format; lang: Lang }[] = (formats as Format[]).flatMap((format): { format: Format; lang: Lang }[] => (format === 'json' ? [{ format, lang: 'en' }] : langs.map((lang) => ({ format, lang }))));
    bar.setTotal(jobs.length + 1);
    bar.update(1, { step: 'rendering' });
    fs.mkdirSync(opts.out, { recursive: true });
    const written: string[] = [];
    for (const [i, job] of jobs.entries()) {
      bar.update(i + 1, { step: `${job.format}${job.format === 'json' ? '' : ` ${job.lang}`}` });
      const out = await render(build, job.format, job.lang, `Azad ${ctx.version} · ${new Date().toISOString().slice(0, 10)} · ${WORDS.draft?.[job.lang]}`);
      const file = path.join(opts.out, out.fileName);
      fs.writeFileSync(`${file}.tmp`, out.content);
      fs.renameSync(`${file}.tmp`, file);
      written.push(file);
    }
    bar.update(jobs.length + 1, { step: 'done' });
    bar.stop();
    const errors = build.problems.filter((p) => p.severity === 'error').length;
    // Every problem is listed, errors first: a count alone tells the coordinator nothing to fix.
    const listed = [...build.problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1)).map((p) => `  ${p.severity}: [${p.code}] ${p.message}`);
    process.stdout.write(`${written.map((f) => `Wrote ${f}`).join('\n')}\n${build.figures.length} figures; validation: ${errors} errors, ${build.problems.length - errors} warnings\n${listed.join('\n')}${listed.length ? '\n' : ''}`);
  } finally {
    bar.stop();
    await pdfPool.close();
    await db.close();
  }
}
