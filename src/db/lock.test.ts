import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { openDatabase } from './database.ts';
import { LOCK_FILE } from './lock.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'azad-lock-'));
const bin = path.resolve(import.meta.dirname, '../../bin/azad.js');
const env = { ...process.env, AZAD_DATA_DIR: dir, AZAD_PORT: '0', AZAD_LOG_LEVEL: 'silent', AZAD_ADMIN_PASSWORD: 'Lock-test-password-9', DATABASE_URL: '' };
after(() => fs.rmSync(dir, { recursive: true, force: true }));

test('a CLI command against a folder held by a running server names the folder and the server, and exits 1', { timeout: 180_000 }, async () => {
  const server = spawn(process.execPath, [bin, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    let errors = '';
    server.stderr.on('data', (d: Buffer) => (errors += d.toString()));
    await new Promise<void>((resolve, reject) => {
      server.stdout.on('data', (d: Buffer) => d.toString().includes('listening') && resolve());
      server.once('exit', (code) => reject(new Error(`server exited ${code}: ${errors}`)));
    });
    const cli = spawnSync(process.execPath, [bin, 'db', 'migrate'], { env, encoding: 'utf8' });
    assert.equal(cli.status, 1, cli.stderr);
    assert.ok(cli.stderr.includes(dir), cli.stderr);
    assert.match(cli.stderr, new RegExp(`pid ${server.pid}: azad serve`));
    assert.doesNotMatch(cli.stderr, /Aborted/);
  } finally {
    if (server.exitCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      await exited;
    }
  }
  assert.equal(fs.existsSync(path.join(dir, LOCK_FILE)), false, 'a server that stops releases the folder');
});

test('a lock left by a process that died is taken over', async () => {
  // A pid far above Linux's default pid_max: no such process.
  fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: 2 ** 30, command: 'azad serve' }));
  const db = await openDatabase({ dataDir: dir });
  assert.match(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8'), new RegExp(`"pid":${process.pid}`));
  await assert.rejects(openDatabase({ dataDir: dir }).then((d) => d.close()), /in use/, 'this process cannot open it twice either');
  await db.close();
  assert.equal(fs.existsSync(path.join(dir, LOCK_FILE)), false);
});
