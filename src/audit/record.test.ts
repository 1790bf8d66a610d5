import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { fieldKey } from '../crypto/fields.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { freshDatabase, testServerUrl } from '../test/harness.ts';
import { verifyAuditChain } from './verify.ts';

const key = fieldKey(randomBytes(32));
let db: Awaited<ReturnType<typeof freshDatabase>>;
before(async () => {
  db = await freshDatabase(testServerUrl(), key);
  await migrateToLatest(db.kysely);
});
after(() => db.close());

// Each child is a separate app process with its own pool: the advisory lock, not process memory, orders the chain.
const child = (url: string, n: number, name: string) =>
  new Promise<void>((resolve, reject) => {
    const code = `
      const { openDatabase } = await import(${JSON.stringify(new URL('../db/database.ts', import.meta.url).href)});
      const { withAuditKey } = await import(${JSON.stringify(new URL('./key.ts', import.meta.url).href)});
      const { fieldKey } = await import(${JSON.stringify(new URL('../crypto/fields.ts', import.meta.url).href)});
      const { appendAudit } = await import(${JSON.stringify(new URL('./record.ts', import.meta.url).href)});
      const db = await openDatabase({ databaseUrl: process.env.URL, dataDir: '' });
      const k = withAuditKey(db.kysely, fieldKey(Buffer.from(process.env.KEY, 'base64')));
      await Promise.all(Array.from({ length: ${n} }, (_, i) => appendAudit(k, { action: '${name}.' + i, outcome: 'ok' })));
      await db.close();`;
    const p = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { env: { ...process.env, URL: url, KEY: key.key.toString('base64') }, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('exit', (c) => (c === 0 ? resolve() : reject(new Error(err))));
  });

test('app processes appending at once on one PostgreSQL make one gapless keyed chain', { skip: !testServerUrl() && 'PGlite is one process' }, async () => {
  await Promise.all(['a', 'b', 'c'].map((name) => child(db.url as string, 40, name)));
  const r = await verifyAuditChain(db.kysely, key);
  assert.equal(r.ok, true, JSON.stringify(r.broken));
  assert.equal(r.checked, 120);
  assert.equal(r.unkeyed, 0);
});
