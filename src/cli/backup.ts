import { restoreBackup, writeBackup } from '../backup/backup.ts';
import type { Config } from '../config.ts';
import { openDatabase } from '../db/database.ts';

export async function backupCommand(config: Config, file: string) {
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const { rows } = await writeBackup(db.kysely, file);
    process.stdout.write(`Backed up ${rows} rows to ${file}\n`);
  } finally {
    await db.close();
  }
}

export async function restoreCommand(config: Config, file: string) {
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const { rows } = await restoreBackup(db.kysely, file);
    process.stdout.write(`Restored ${rows} rows from ${file}\n`);
  } finally {
    await db.close();
  }
}
