import cluster from 'node:cluster';
import os from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import { pino } from 'pino';
import { ensureAdministrator, openContext } from '../boot.ts';
import type { Config } from '../config.ts';
import { loadDemoData, relaxSignInForDemo } from '../demo/demo.ts';
import { AppError } from '../errors.ts';
import { buildApp } from '../http/app.ts';
import { maintainPartitions } from '../db/partitions.ts';
import { startRetentionJob } from '../retention/job.ts';

/** `--workers`: a count, or `auto` for one per CPU core. */
export function workerCount(value: string | undefined): number {
  if (value === undefined) return 1;
  if (value === 'auto') return os.availableParallelism();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new AppError('validation_failed', `--workers must be a whole number from 1 to 256, or auto (got "${value}")`);
  return n;
}

/**
 * Starts the server; on first run creates the administrator and, with `demo`, the synthetic demo set.
 * With more than one worker (PostgreSQL only) this process does the first-run work and the daily
 * retention job, then forks the workers, which share the port (node:cluster) and keep no state of
 * their own: sessions, lockout, rate limits and the audit chain all live in the database.
 */
export async function serve(config: Config, opts: { demo: boolean; workers?: string }) {
  const workers = workerCount(opts.workers);
  if (cluster.isWorker) return serveWorker(config);
  if (workers > 1 && !config.databaseUrl) {
    throw new AppError('validation_failed', 'PGlite is embedded in one process, so it runs one worker: set DATABASE_URL to a PostgreSQL server to use --workers');
  }
  const { ctx, db } = await openContext(config);
  // Next years' partitions exist long before they are needed, however rarely cron runs `azad db maintain`.
  await maintainPartitions(ctx.db);
  const admin = await ensureAdministrator(ctx.db, ctx.profile, config.adminPassword);
  if (admin && opts.demo) await relaxSignInForDemo(ctx.db);
  const demoUsers = admin && opts.demo ? await loadDemoData(ctx.db, ctx.profile, { password: admin.password, key: ctx.fieldKey }) : [];

  let address: string;
  let closeApp = async () => undefined as void;
  let log: FastifyBaseLogger;
  if (workers === 1) {
    const app = await buildApp(ctx);
    address = await app.listen({ host: config.host, port: config.port });
    closeApp = () => app.close();
    log = app.log;
  } else {
    address = await forkWorkers(workers);
    log = pino({ level: config.logLevel });
  }

  const lines = [`Azad ${ctx.version} is listening on ${address} (database: ${ctx.databaseKind}${workers > 1 ? `, ${workers} worker processes` : ''})`];
  if (admin) {
    lines.push('', 'First run: the administrator account was created.', `  username: ${admin.username}`);
    lines.push(admin.generated ? `  password: ${admin.password}   (shown once — store it now)` : '  password: the value of AZAD_ADMIN_PASSWORD');
    if (demoUsers.length) {
      lines.push('  Synthetic demo users (same password):', ...demoUsers.map((u) => `    ${u.username.padEnd(26)} ${u.role} at ${u.agencyCode}`));
      lines.push('', '  !!! DEMO: two-factor sign-in is NOT required for any role in this database, so a tester without an', '  !!! authenticator app can try every role. Production keeps it required (administrator, auditor,', '  !!! coordinator, police_investigator, prosecutor); never put real data in a demo database.');
    } else if (admin.enrolmentCode) {
      lines.push(`  two-factor enrolment code: ${admin.enrolmentCode.code}   (shown once, valid until ${admin.enrolmentCode.expiresAt})`);
      lines.push('  Sign in with the password, then enter this code and scan the QR code with an authenticator app.');
    }
  }
  // The first-run password goes to the terminal only, never into the structured log.
  process.stdout.write(`\n${lines.join('\n')}\n\n`);

  const stopRetention = config.retentionJob ? startRetentionJob(ctx, log) : () => undefined;
  let stopping = false;
  const stop = async () => {
    stopping = true;
    stopRetention();
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    await closeApp();
    await db.close();
    process.exit(0);
  };
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    // A worker that dies is replaced; requests it held get a reset connection, the others go on.
    process.stderr.write(`worker ${worker.process.pid} ended (${signal ?? code}); starting another\n`);
    cluster.fork();
  });
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** Forks `n` workers and resolves with the address once all of them listen. */
function forkWorkers(n: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let listening = 0;
    for (let i = 0; i < n; i++) {
      const w = cluster.fork();
      w.once('listening', (a) => {
        listening += 1;
        if (listening === n) resolve(`http://${a.address === '::' || !a.address ? '127.0.0.1' : a.address}:${a.port}`);
      });
      w.once('exit', (code) => {
        if (listening < n) reject(new Error(`a worker exited with ${code} before it could listen; see its messages above`));
      });
    }
  });
}

/** One worker: the migrations and first-run work are done by the primary already. */
async function serveWorker(config: Config) {
  const { ctx, db } = await openContext(config);
  const app = await buildApp(ctx);
  await app.listen({ host: config.host, port: config.port });
  const stop = async () => {
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
