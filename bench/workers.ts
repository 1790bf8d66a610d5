// api.workers2_vs_workers1_ratio: the authenticated read's rate against `azad serve --workers 2`
// divided by the same against `--workers 1`, same run, same database, same load (PostgreSQL only).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { logInClient, startTestApp, TEST_PASSWORD } from '../src/test/harness.ts';

const bin = new URL('../bin/azad.js', import.meta.url).pathname;

function serve(workers: number, url: string, key: Buffer, dataDir: string): Promise<{ base: string; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, DATABASE_URL: url, AZAD_KEY: key.toString('base64'), AZAD_PORT: '0', AZAD_LOG_LEVEL: 'silent', AZAD_RETENTION_JOB: 'off', AZAD_DATA_DIR: dataDir, AZAD_KEY_FILE: path.join(dataDir, 'unused.key') };
    const child = spawn(process.execPath, [bin, 'serve', '--workers', String(workers)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (\S+)/.exec(out);
      if (m) resolve({ base: m[1]!, child });
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => reject(new Error(`serve --workers ${workers} exited with ${code}: ${err}`)));
  });
}

export async function workersBench(opts: { serverUrl: string; seconds: number; connections: number }) {
  const t = await startTestApp({ serverUrl: opts.serverUrl });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'azad-bench-workers-'));
  const rates: Record<string, number> = {};
  try {
    await t.app.close(); // only its database and users are needed
    const url = (t.db as { url?: string }).url!;
    for (const n of [1, 2]) {
      const { base, child } = await serve(n, url, t.ctx.fieldKey.key, dataDir);
      try {
        const admin = await logInClient(base, t.users.administrator.username, TEST_PASSWORD, await t.totp(t.users.administrator.username));
        const readUrl = `${base}/api/users/${t.users.police_investigator.id}`;
        await fetch(readUrl, { headers: { cookie: admin.cookie ?? '' } });
        const r = await autocannon({ url: readUrl, connections: opts.connections, duration: opts.seconds, headers: { cookie: admin.cookie ?? '' }, workers: 1 });
        if (r.non2xx > 0 || r.errors > 0) throw new Error(`--workers ${n}: ${r.non2xx} non-2xx, ${r.errors} errors`);
        rates[`workers${n}_rps`] = Math.round(r.requests.average);
      } finally {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
    }
  } finally {
    await t.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return { ratio: rates.workers2_rps! / rates.workers1_rps!, detail: { ...rates, connections: opts.connections, seconds: opts.seconds, cores: os.availableParallelism() } };
}
