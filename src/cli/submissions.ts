import { readFile, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { agencyByCode } from '../agencies/agencies.ts';
import { openContext } from '../boot.ts';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import { sql, type SqlBool } from 'kysely';
import { importSubmission, submissionTemplate } from '../submissions/import.ts';
import { reviewSubmission, submitSubmission, type Who } from '../submissions/submissions.ts';
import { Period, ReopenInput } from '../submissions/schema.ts';

/** The command line acts as the system operator: a national reach, no user. */
const OPERATOR: Who = { userId: null, agencyId: null, national: true };

type Ctx = Awaited<ReturnType<typeof openContext>>['ctx'];
type Agency = NonNullable<Awaited<ReturnType<typeof agencyByCode>>>;

/**
 * Every submissions command names an agency by code and a period: both checked, the database
 * opened for `fn` and closed after it. Refusals that list problems print one per line.
 */
async function forAgencyPeriod(config: Config, opts: { agency: string; period: string }, fn: (ctx: Ctx, agency: Agency, period: string) => Promise<void>) {
  const period = Period.safeParse(opts.period);
  if (!period.success) throw new Error(`--period: ${period.error.issues[0]?.message ?? 'invalid'}`);
  const { ctx, db } = await openContext(config);
  try {
    const agency = await agencyByCode(ctx.db, opts.agency);
    if (!agency) throw new Error(`--agency: no agency with code "${opts.agency}"`);
    await fn(ctx, agency, period.data);
  } catch (err) {
    if (err instanceof AppError && err.fields.length) throw new Error(`${err.message}\n  ${err.fields.map((f) => f.message).join('\n  ')}`, { cause: err });
    throw err;
  } finally {
    await db.close();
  }
}

/**
 * `azad submissions template --agency CODE --period 2023 [--format csv|xlsx] [--lang L] [--out FILE]`:
 * the agency's form as a spreadsheet to fill, prefilled with what the form holds, so an agency that
 * sends files never writes the rows by hand.
 */
export async function templateCommand(config: Config, opts: { agency: string; period: string; format?: string; lang?: string; out?: string }) {
  const format = opts.format ?? 'csv';
  if (format !== 'xlsx' && format !== 'csv') throw new Error('--format: csv or xlsx');
  if (format === 'xlsx' && !opts.out) throw new Error('--out: an .xlsx template is written to a file');
  if (opts.lang && !['az', 'en', 'ru'].includes(opts.lang)) throw new Error('--lang: az, en or ru');
  await forAgencyPeriod(config, opts, async (ctx, agency, period) => {
    const t = await submissionTemplate(ctx.db, ctx.profile, OPERATOR, { agencyId: agency.id, period, format, lang: opts.lang });
    if (opts.out) {
      await writeFile(opts.out, t.body);
      process.stdout.write(`Wrote ${opts.out}: the ${agency.code} form for ${period}; fill it in and run azad submissions import.\n`);
    } else process.stdout.write(t.body);
  });
}

/** `azad submissions import FILE --agency CODE --period 2023`: all or nothing, errors by row and cell. */
export async function importCommand(config: Config, file: string, opts: { agency: string; period: string }) {
  const format = extname(file).toLowerCase().slice(1);
  if (format !== 'xlsx' && format !== 'csv') throw new Error(`${file}: expected a .xlsx or .csv file`);
  const content = await readFile(file);
  await forAgencyPeriod(config, opts, async (ctx, agency, period) => {
    const out = await ctx.db.transaction().execute((trx) =>
      importSubmission(trx, ctx.profile, OPERATOR, { agencyId: agency.id, period, format, content }, { actor: null, details: { via: 'cli', file } }),
    );
    process.stdout.write(`Imported ${out.values} figure(s) for ${agency.code}, ${period} (submission ${out.id}); submit it for review in Azad.\n`);
  });
}

/**
 * `azad submissions submit|approve --agency CODE --period P`: the steps after an import, for agencies
 * that send files rather than use the web form. Refusals list every problem, one per line.
 */
export async function reviewCommand(config: Config, step: 'submit' | 'approve' | 'reopen', opts: { agency: string; period: string; comment?: string; reason?: string }) {
  await forAgencyPeriod(config, opts, async (ctx, agency, period) => {
    const sub = await ctx.db.selectFrom('submissions').select('id').where('agency_id', '=', agency.id).where('period', '=', period).executeTakeFirst();
    if (!sub) throw new Error(`${agency.code} has no submission for ${period}; import one first (azad submissions import)`);
    const audit = { actor: null, details: { via: 'cli' } };
    const all = sql<SqlBool>`true`;
    await ctx.db.transaction().execute((trx) =>
      step === 'submit'
        ? submitSubmission(trx, ctx.profile, all, sub.id, OPERATOR, audit)
        : step === 'approve'
          ? reviewSubmission(trx, all, sub.id, { kind: 'approved', comment: opts.comment ?? null }, OPERATOR, audit)
          : reviewSubmission(trx, all, sub.id, { kind: 'reopened', comment: reopenReason(opts.reason) }, OPERATOR, audit),
    );
    const said = { submit: `Submitted ${agency.code}, ${period} for review`, approve: `Approved ${agency.code}, ${period}: the period is locked`, reopen: `Reopened ${agency.code}, ${period}: the agency may change and submit it again` };
    process.stdout.write(`${said[step]} (submission ${sub.id}).\n`);
  });
}

/** A reopening is audited with its reason, as through the API (5 to 2,000 characters). */
function reopenReason(reason: string | undefined): string {
  const r = ReopenInput.safeParse({ reason: reason ?? '' });
  if (!r.success) throw new Error('--reason: say why the approved period is reopened (5 to 2,000 characters)');
  return r.data.reason;
}
