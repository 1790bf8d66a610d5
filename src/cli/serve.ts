import { ensureAdministrator, openContext } from '../boot.ts';
import type { Config } from '../config.ts';
import { loadDemoData, relaxSignInForDemo } from '../demo/demo.ts';
import { buildApp } from '../http/app.ts';
import { startRetentionJob } from '../retention/job.ts';

/** Starts the server; on first run creates the administrator and, with `demo`, the synthetic demo set. */
export async function serve(config: Config, opts: { demo: boolean }) {
  const { ctx, db } = await openContext(config);
  const admin = await ensureAdministrator(ctx.db, ctx.profile, config.adminPassword);
  const app = await buildApp(ctx);
  if (admin && opts.demo) await relaxSignInForDemo(ctx.db);
  const demoUsers = admin && opts.demo ? await loadDemoData(ctx.db, ctx.profile, { password: admin.password, key: ctx.fieldKey }) : [];
  const address = await app.listen({ host: config.host, port: config.port });

  const lines = [`Azad ${ctx.version} is listening on ${address} (database: ${ctx.databaseKind})`];
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

  const stopRetention = config.retentionJob ? startRetentionJob(ctx, app.log) : () => undefined;
  const stop = async () => {
    stopRetention();
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
