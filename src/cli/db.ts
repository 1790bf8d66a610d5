import type { Config } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { maintainPartitions } from '../db/partitions.ts';
import { AppError } from '../errors.ts';

export async function migrateCommand(config: Config) {
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const applied = await migrateToLatest(db.kysely);
    process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'The database is up to date.\n');
  } finally {
    await db.close();
  }
}

/** `azad db maintain`: migrates, then creates the year partitions ahead (idempotent; run it from cron, yearly at least). */
export async function maintainCommand(config: Config, opts: { yearsAhead: string }) {
  const yearsAhead = Number(opts.yearsAhead);
  if (!Number.isInteger(yearsAhead) || yearsAhead < 0 || yearsAhead > 50) throw new AppError('validation_failed', `--years-ahead must be a whole number from 0 to 50 (got "${opts.yearsAhead}")`);
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(db.kysely);
    const r = await maintainPartitions(db.kysely, { yearsAhead });
    process.stdout.write(r.created.length ? `Created partitions: ${r.created.join(', ')}${r.moved ? ` (${r.moved} rows moved out of a DEFAULT partition)` : ''}\n` : 'Every partition is in place.\n');
  } finally {
    await db.close();
  }
}
