import type { Kysely } from 'kysely';
import { appendAudit, type AuditEntry } from '../audit/record.ts';
import type { FieldKey } from '../crypto/fields.ts';
import type { Database } from '../db/schema.ts';
import type { Profile } from '../profile/schema.ts';
import { todayIn } from '../victims/calendar.ts';
import { anonymiseContact, anonymisePerson, isHeld, removeAttachmentFiles } from './anonymise.ts';
import { dueRecords, yearsOf } from './due.ts';
import { RetentionKind, type RetentionReport } from './schema.ts';

export interface RetentionContext {
  key: FieldKey;
  profile: Profile;
  /** Where attachment files live (config.attachments.dir). */
  attachmentsDir: string;
}

export interface RunOptions {
  dryRun: boolean;
  /** Defaults to today in the profile's time zone. */
  asOf?: string | undefined;
  actor?: AuditEntry['actor'];
  /** Called after each record, for a progress line on long runs. */
  onProgress?: (done: number, total: number) => void;
}

const LISTED = 500;

/**
 * Finds every record past its retention period and, unless dry, anonymises each in its own
 * transaction (re-checked there under the person's lock, so a hold set meanwhile wins), then
 * writes one summary entry for the run. A dry run writes nothing at all.
 */
export async function runRetention(db: Kysely<Database>, ctx: RetentionContext, opts: RunOptions): Promise<RetentionReport> {
  const periods = ctx.profile.settings.retention;
  const asOf = opts.asOf ?? todayIn(ctx.profile.settings.timezone);
  const items = await dueRecords(db, periods, asOf);
  const years = yearsOf(periods);
  const kinds = RetentionKind.options.map((kind) => ({
    kind,
    years: years[kind],
    due: items.filter((i) => i.kind === kind).length,
    held: items.filter((i) => i.kind === kind && i.held).length,
    anonymised: 0,
  }));
  const report: RetentionReport = { asOf, dryRun: opts.dryRun, kinds, items: items.slice(0, LISTED) };
  if (opts.dryRun) return report;

  const todo = items.filter((i) => !i.held);
  const audit = { actor: opts.actor ?? null };
  let done = 0;
  for (const item of todo) {
    const details = { kind: item.kind, dueOn: item.dueOn, asOf };
    let files: string[] = [];
    const count = await db.transaction().execute(async (trx) => {
      if (item.table === 'hotline_contacts') return (await anonymiseContact(trx, item.id, { ...audit, details })) ? 1 : 0;
      await trx.selectFrom('persons').select('id').where('id', '=', item.id).forUpdate().execute();
      // Still due, still not held, now that the row is ours.
      const still = await dueRecords(trx, periods, asOf, { personId: item.id });
      if (still.length === 0 || (await isHeld(trx, item.id))) return 0;
      const r = await anonymisePerson(trx, ctx.key, item.id, { ...audit, details });
      files = r.attachmentIds;
      return 1;
    });
    await removeAttachmentFiles(ctx.attachmentsDir, files);
    const summary = kinds.find((k) => k.kind === item.kind);
    if (summary) summary.anonymised += count;
    opts.onProgress?.(++done, todo.length);
  }
  await appendAudit(db, {
    ...audit,
    action: 'retention.run',
    outcome: 'ok',
    details: { asOf, kinds: kinds.map(({ kind, years: y, due, held, anonymised }) => ({ kind, years: y, due, held, anonymised })) },
  });
  return report;
}
