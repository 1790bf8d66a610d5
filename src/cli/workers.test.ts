import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { verifyAuditChain } from '../audit/verify.ts';
import { personInput } from '../test/factories.ts';
import { logInClient, startTestApp, TEST_PASSWORD, testServerUrl, type TestApp } from '../test/harness.ts';

const bin = new URL('../../bin/azad.js', import.meta.url).pathname;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'azad-workers-'));
let t: TestApp | undefined;
let server: ChildProcess | undefined;
after(async () => {
  server?.kill('SIGTERM');
  await t?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const cliEnv = (extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({ ...process.env, AZAD_LOG_LEVEL: 'silent', AZAD_DATA_DIR: path.join(tmp, 'data'), AZAD_KEY_FILE: path.join(tmp, 'azad.key'), ...extra });

test('serve --workers on PGlite is refused with a message that says why', () => {
  const env = cliEnv({});
  delete env.DATABASE_URL;
  const r = spawnSync(process.execPath, [bin, 'serve', '--workers', '2'], { env, encoding: 'utf8', timeout: 60_000 });
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /PGlite is embedded in one process.*DATABASE_URL/);
});

/** Starts `azad serve --workers 2` and resolves with its address once both workers listen. */
function serveWorkers(url: string, key: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    server = spawn(process.execPath, [bin, 'serve', '--workers', '2'], { env: cliEnv({ DATABASE_URL: url, AZAD_KEY: key.toString('base64'), AZAD_PORT: '0', AZAD_RETENTION_JOB: 'off' }), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    server.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (\S+) \(database: postgres, 2 worker processes\)/.exec(out);
      if (m) resolve(m[1]!);
    });
    server.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    server.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${err}`)));
  });
}

test('two app processes and a CLI import writing at once keep one intact chain with an entry per request', { skip: !testServerUrl() && 'needs PostgreSQL (PGlite is one process)', timeout: 240_000 }, async () => {
  t = await startTestApp();
  const dbUrl = (t.db as { url?: string }).url!;
  const base = await serveWorkers(dbUrl, t.ctx.fieldKey.key);
  const file = path.join(tmp, 'records.jsonl');
  const gen = spawnSync(process.execPath, [bin, 'generate', '--scale', '1', '--years', '2024', '--seed', '7', '--out', file], { env: cliEnv({ DATABASE_URL: dbUrl }), encoding: 'utf8' });
  assert.equal(gen.status, 0, gen.stderr);

  const count = async () => Number((await t!.db.kysely.selectFrom('audit_log').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const worker = await logInClient(base, t.users.case_worker.username, TEST_PASSWORD);
  const startCount = await count();

  const importer = new Promise<number | null>((resolve) => {
    const p = spawn(process.execPath, [bin, 'import', file], { env: cliEnv({ DATABASE_URL: dbUrl, AZAD_KEY: t!.ctx.fieldKey.key.toString('base64') }), stdio: 'ignore' });
    p.on('exit', resolve);
  });
  // 120 requests, 8 at a time: reads and writes, each audited by whichever worker took it.
  const statuses: number[] = [];
  const sends = Array.from({ length: 120 }, (_, i) => () => (i % 3 === 0 ? worker.post('/api/persons', personInput()) : worker.get('/api/me')));
  await Promise.all(
    Array.from({ length: 8 }, async (_, lane) => {
      for (let i = lane; i < sends.length; i += 8) statuses.push((await sends[i]!()).status);
    }),
  );
  assert.equal(await importer, 0);
  assert.deepEqual([...new Set(statuses)].sort(), [200, 201]);

  const imports = await t.db.kysely.selectFrom('audit_log').select('seq').where('action', '=', 'interchange.import').execute();
  assert.equal(imports.length, 1);
  // Each POST also writes its change's own entry inside its transaction: 40 of them.
  assert.equal((await count()) - startCount, 120 + 40 + 1);
  const v = await verifyAuditChain(t.db.kysely, t.ctx.fieldKey);
  assert.equal(v.ok, true, JSON.stringify(v.broken));

  const verify = spawnSync(process.execPath, [bin, 'audit', 'verify'], { env: cliEnv({ DATABASE_URL: dbUrl, AZAD_KEY: t.ctx.fieldKey.key.toString('base64') }), encoding: 'utf8' });
  assert.equal(verify.status, 0, verify.stderr);
  assert.match(verify.stdout, /intact/);
});
