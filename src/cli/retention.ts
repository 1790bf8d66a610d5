import { openContext } from '../boot.ts';
import type { Config } from '../config.ts';
import { runRetention } from '../retention/run.ts';

/** `azad retention run [--dry-run] [--as-of DATE]`: prints, per kind, what is due, held and anonymised. */
export async function retentionRunCommand(config: Config, opts: { dryRun: boolean; asOf?: string }) {
  if (opts.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.asOf)) throw new Error('--as-of: a date as YYYY-MM-DD');
  const { ctx, db } = await openContext(config);
  try {
    const progress = process.stderr.isTTY
      ? (done: number, total: number) => {
          if (done === total || done % 50 === 0) process.stderr.write(`\ranonymised ${done} of ${total}${done === total ? '\n' : ''}`);
        }
      : undefined;
    const report = await runRetention(ctx.db, { key: ctx.fieldKey, profile: ctx.profile, attachmentsDir: config.attachments.dir }, { dryRun: opts.dryRun, asOf: opts.asOf, onProgress: progress });
    const lines = [`Retention ${report.dryRun ? 'dry run' : 'run'} as of ${report.asOf}${report.dryRun ? ' (nothing changed)' : ''}`, ''];
    lines.push(`${'kind'.padEnd(28)}${'years'.padStart(6)}${'due'.padStart(8)}${'held'.padStart(8)}${(report.dryRun ? 'would go' : 'anonymised').padStart(12)}`);
    for (const k of report.kinds) {
      const gone = report.dryRun ? k.due - k.held : k.anonymised;
      lines.push(`${k.kind.padEnd(28)}${String(k.years).padStart(6)}${String(k.due).padStart(8)}${String(k.held).padStart(8)}${String(gone).padStart(12)}`);
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await db.close();
  }
}
