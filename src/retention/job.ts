import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../http/types.ts';
import { runRetention } from './run.ts';

const DAY_MS = 86_400_000;
/** The first run waits for the server to settle (migrations, name index, first sign-ins). */
const FIRST_RUN_MS = 5 * 60_000;

/**
 * The daily retention run inside `azad serve` (opt out with AZAD_RETENTION_JOB=off). Runs never
 * overlap in one process; two app servers may both run, which is safe: each record is re-checked
 * under its row lock, so it is anonymised once. Returns a stop function.
 */
export function startRetentionJob(ctx: AppContext, log: FastifyBaseLogger, opts: { firstRunMs?: number; everyMs?: number } = {}) {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const report = await runRetention(ctx.db, { key: ctx.fieldKey, profile: ctx.profile, attachmentsDir: ctx.config.attachments.dir }, { dryRun: false });
      const anonymised = report.kinds.reduce((n, k) => n + k.anonymised, 0);
      const held = report.kinds.reduce((n, k) => n + k.held, 0);
      log.info({ asOf: report.asOf, anonymised, held }, 'retention run finished');
    } catch (err) {
      log.error({ err }, 'retention run failed; it will be tried again tomorrow');
    } finally {
      running = false;
    }
  };
  let interval: NodeJS.Timeout | undefined;
  const first = setTimeout(() => {
    void tick();
    interval = setInterval(() => void tick(), opts.everyMs ?? DAY_MS);
    interval.unref();
  }, opts.firstRunMs ?? FIRST_RUN_MS);
  first.unref();
  return () => {
    clearTimeout(first);
    if (interval) clearInterval(interval);
  };
}
